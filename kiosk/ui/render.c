/* render.c — primitives and text for the logical frame (see render.h). */
#include "ui/render.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "geometry.h"

int px(const app *a, double units)
{
    return (int)lround(units * a->u);
}

int font_px(const app *a, font_role role)
{
    static const double sizes[] = {18, 22, 24, 30, 40};
    return px(a, sizes[role]);
}

static SDL_Color col(unsigned rgb, Uint8 alpha)
{
    SDL_Color c = {(Uint8)(rgb >> 16), (Uint8)(rgb >> 8), (Uint8)rgb, alpha};
    return c;
}

void r_set(app *a, unsigned rgb, Uint8 alpha)
{
    SDL_SetRenderDrawBlendMode(a->ren, alpha == 255 ? SDL_BLENDMODE_NONE : SDL_BLENDMODE_BLEND);
    SDL_SetRenderDrawColor(a->ren, (Uint8)(rgb >> 16), (Uint8)(rgb >> 8), (Uint8)rgb, alpha);
}

void r_clear(app *a, unsigned rgb)
{
    if (a->measure_only)
        return;
    r_set(a, rgb, 255);
    SDL_RenderClear(a->ren);
}

void r_rect(app *a, SDL_Rect r, unsigned rgb)
{
    if (a->measure_only)
        return;
    r_set(a, rgb, 255);
    SDL_RenderFillRect(a->ren, &r);
}

/* Three rectangles for the body and a small fan of triangles per corner.
 * Why not one fan around the centre: the software renderer tests every
 * pixel of each triangle's bounding box, and the long thin triangles of a
 * centre fan each span half the rectangle, which made a card or button
 * cost as much as a whole chart. Same outline, same pixels. */
void r_round(app *a, SDL_Rect r, int radius, unsigned rgb)
{
    if (a->measure_only)
        return;
    if (radius * 2 > r.w)
        radius = r.w / 2;
    if (radius * 2 > r.h)
        radius = r.h / 2;
    if (radius < 2) {
        r_rect(a, r, rgb);
        return;
    }
    r_set(a, rgb, 255);
    SDL_Rect body[3] = {{r.x + radius, r.y, r.w - 2 * radius, r.h},
                        {r.x, r.y + radius, radius, r.h - 2 * radius},
                        {r.x + r.w - radius, r.y + radius, radius, r.h - 2 * radius}};
    SDL_RenderFillRects(a->ren, body, 3);
    enum { SEG = 6 };
    SDL_Vertex v[4 * (SEG + 2)];
    int idx[3 * 4 * SEG];
    SDL_Color c = col(rgb, 255);
    const float corner[4][2] = {{(float)(r.x + r.w - radius), (float)(r.y + r.h - radius)},
                                {(float)(r.x + radius), (float)(r.y + r.h - radius)},
                                {(float)(r.x + radius), (float)(r.y + radius)},
                                {(float)(r.x + r.w - radius), (float)(r.y + radius)}};
    int n = 0, m = 0;
    for (int k = 0; k < 4; k++) {
        int centre = n;
        v[n++] = (SDL_Vertex){{corner[k][0], corner[k][1]}, c, {0, 0}};
        for (int i = 0; i <= SEG; i++) {
            double ang = (k * 90.0 + i * 90.0 / SEG) * M_PI / 180.0;
            v[n++] = (SDL_Vertex){{corner[k][0] + radius * (float)cos(ang),
                                   corner[k][1] + radius * (float)sin(ang)},
                                  c, {0, 0}};
            if (i > 0) {
                idx[m++] = centre;
                idx[m++] = n - 2;
                idx[m++] = n - 1;
            }
        }
    }
    SDL_RenderGeometry(a->ren, NULL, v, n, idx, m);
}

void r_round_frame(app *a, SDL_Rect r, int radius, int t, unsigned rgb, unsigned inside)
{
    if (a->measure_only)
        return;
    r_round(a, r, radius, rgb);
    SDL_Rect in = {r.x + t, r.y + t, r.w - 2 * t, r.h - 2 * t};
    r_round(a, in, radius > t ? radius - t : 0, inside);
}

void r_circle(app *a, float cx, float cy, float rad, unsigned rgb, Uint8 alpha)
{
    if (a->measure_only)
        return;
    enum { SEG = 28 };
    SDL_Vertex v[SEG + 1];
    int idx[SEG * 3];
    SDL_Color c = col(rgb, alpha);
    v[0] = (SDL_Vertex){{cx, cy}, c, {0, 0}};
    for (int i = 0; i < SEG; i++) {
        double ang = i * 2 * M_PI / SEG;
        v[i + 1] = (SDL_Vertex){{cx + rad * (float)cos(ang), cy + rad * (float)sin(ang)}, c, {0, 0}};
        idx[3 * i] = 0;
        idx[3 * i + 1] = i + 1;
        idx[3 * i + 2] = i + 1 < SEG ? i + 2 : 1;
    }
    SDL_SetRenderDrawBlendMode(a->ren, SDL_BLENDMODE_BLEND);
    SDL_RenderGeometry(a->ren, NULL, v, SEG + 1, idx, SEG * 3);
}

void r_line(app *a, float x0, float y0, float x1, float y1, float w, unsigned rgb, Uint8 alpha)
{
    if (a->measure_only)
        return;
    float dx = x1 - x0, dy = y1 - y0;
    float len = sqrtf(dx * dx + dy * dy);
    if (len < 0.01f)
        return;
    float nx = -dy / len * w / 2, ny = dx / len * w / 2;
    SDL_Color c = col(rgb, alpha);
    SDL_Vertex v[4] = {{{x0 + nx, y0 + ny}, c, {0, 0}},
                       {{x1 + nx, y1 + ny}, c, {0, 0}},
                       {{x1 - nx, y1 - ny}, c, {0, 0}},
                       {{x0 - nx, y0 - ny}, c, {0, 0}}};
    int idx[6] = {0, 1, 2, 0, 2, 3};
    SDL_SetRenderDrawBlendMode(a->ren, SDL_BLENDMODE_BLEND);
    SDL_RenderGeometry(a->ren, NULL, v, 4, idx, 6);
}

void r_polygon(app *a, const SDL_FPoint *pts, int n, unsigned rgb, Uint8 alpha)
{
    if (a->measure_only)
        return;
    enum { MAXP = 512 };
    if (n < 3 || n > MAXP)
        return;
    geo_point gp[MAXP];
    size_t scratch[MAXP];
    int tri[3 * MAXP];
    SDL_Vertex v[MAXP];
    SDL_Color c = col(rgb, alpha);
    for (int i = 0; i < n; i++) {
        gp[i] = (geo_point){pts[i].x, pts[i].y};
        v[i] = (SDL_Vertex){pts[i], c, {0, 0}};
    }
    size_t nt = geo_triangulate(gp, (size_t)n, scratch, tri);
    if (nt == 0)
        return;
    SDL_SetRenderDrawBlendMode(a->ren, SDL_BLENDMODE_BLEND);
    SDL_RenderGeometry(a->ren, NULL, v, n, tri, (int)(nt * 3));
}

void r_tick(app *a, SDL_Rect r, unsigned rgb)
{
    if (a->measure_only)
        return;
    float w = r.w / 7.0f;
    float x0 = r.x + r.w * 0.18f, y0 = r.y + r.h * 0.55f;
    float x1 = r.x + r.w * 0.42f, y1 = r.y + r.h * 0.78f;
    float x2 = r.x + r.w * 0.84f, y2 = r.y + r.h * 0.25f;
    r_line(a, x0, y0, x1, y1, w, rgb, 255);
    r_line(a, x1, y1, x2, y2, w, rgb, 255);
    r_circle(a, x1, y1, w / 2, rgb, 255);
}

/* ---- text ---------------------------------------------------------------- */

/* The font at this pixel size, opened once per size from the file in
 * memory. Resizing one font instead would empty its glyph cache on every
 * measurement, which made text layout most of a redraw's cost. */
static TTF_Font *font_at(app *a, int size, bool bold)
{
    int b = bold ? 1 : 0;
    if (!a->font[b])
        return NULL;
    for (int k = 0; k < APP_FONT_SIZES; k++)
        if (a->sized[b][k] && a->sized_px[b][k] == size)
            return a->sized[b][k];
    unsigned k = a->sized_next[b]++ % APP_FONT_SIZES; /* oldest slot goes */
    if (a->sized[b][k])
        TTF_CloseFont(a->sized[b][k]);
    TTF_Font *f = TTF_OpenFontRW(SDL_RWFromConstMem(a->font_data[b], (int)a->font_len[b]), 1,
                                 size);
    a->sized[b][k] = f;
    a->sized_px[b][k] = size;
    if (!f) {
        /* fall back to resizing the shared font rather than drawing nothing */
        TTF_SetFontSize(a->font[b], size);
        return a->font[b];
    }
    TTF_SetFontHinting(f, TTF_HINTING_LIGHT);
    return f;
}

int t_width(app *a, const char *s, int size, bool bold)
{
    TTF_Font *f = font_at(a, size, bold);
    int w = 0, h = 0;
    if (!f || !*s)
        return 0;
    TTF_SizeUTF8(f, s, &w, &h);
    return w;
}

int t_height(app *a, int size, bool bold)
{
    TTF_Font *f = font_at(a, size, bold);
    return f ? TTF_FontHeight(f) : size;
}

static void cache_drop(app *a, text_entry *e)
{
    SDL_DestroyTexture(e->tex);
    explicit_bzero(e->s, strlen(e->s));
    free(e->s);
    a->cache_bytes -= (size_t)e->w * (size_t)e->h * 4;
    memset(e, 0, sizeof *e);
}

/* The most pixels the text cache keeps: as many as the frame has. Counting
 * entries was not enough: at 1280x800 a line of body text is ~160 KB, and
 * 256 of them were 28 MB, most of the kiosk's memory. The wordiest screen
 * (an education page) draws text of 0.4 frames at every size measured
 * (800x480 to 1920x1080, portrait too), so a redraw still finds all its
 * words, and usually those of the screen before. */
static size_t cache_budget(const app *a)
{
    return (size_t)a->lw * (size_t)a->lh * 4;
}

static text_entry *cache_get(app *a, const char *s, int size, bool bold, unsigned rgb)
{
    text_entry *oldest = &a->cache[0];
    for (int i = 0; i < UI_TEXT_CACHE; i++) {
        text_entry *e = &a->cache[i];
        if (e->tex && e->px == size && e->bold == bold && e->rgb == rgb && strcmp(e->s, s) == 0) {
            e->used = ++a->cache_clock;
            return e;
        }
        if (!e->tex || e->used < oldest->used)
            oldest = e;
    }
    TTF_Font *f = font_at(a, size, bold);
    if (!f)
        return NULL;
    SDL_Surface *surf = TTF_RenderUTF8_Blended(f, s, col(rgb, 255));
    if (!surf)
        return NULL;
    SDL_Texture *tex = SDL_CreateTextureFromSurface(a->ren, surf);
    int w = surf->w, h = surf->h;
    SDL_FreeSurface(surf);
    if (!tex)
        return NULL;
    char *copy = strdup(s);
    if (!copy) {
        SDL_DestroyTexture(tex);
        return NULL;
    }
    if (oldest->tex)
        cache_drop(a, oldest);
    *oldest = (text_entry){copy, size, bold, rgb, tex, w, h, ++a->cache_clock};
    a->cache_bytes += (size_t)w * (size_t)h * 4;
    /* Over budget: the least recently used go, never the line just made. */
    while (a->cache_bytes > cache_budget(a)) {
        text_entry *lru = NULL;
        for (int i = 0; i < UI_TEXT_CACHE; i++) {
            text_entry *e = &a->cache[i];
            if (e->tex && e != oldest && (!lru || e->used < lru->used))
                lru = e;
        }
        if (!lru)
            break;
        cache_drop(a, lru);
    }
    return oldest;
}

void text_cache_clear(app *a)
{
    for (int i = 0; i < UI_TEXT_CACHE; i++) {
        text_entry *e = &a->cache[i];
        if (e->tex)
            cache_drop(a, e);
        memset(e, 0, sizeof *e);
    }
    a->cache_clock = 0;
    a->cache_bytes = 0;
}

int t_line(app *a, int x, int y, const char *s, int size, bool bold, unsigned rgb)
{
    if (!s || !*s)
        return 0;
    if (a->measure_only)
        return t_width(a, s, size, bold);
    text_entry *e = cache_get(a, s, size, bold, rgb);
    if (!e)
        return 0;
    SDL_Rect dst = {x, y, e->w, e->h};
    SDL_RenderCopy(a->ren, e->tex, NULL, &dst);
    return e->w;
}

/* Greedy word wrap into at most MAXL lines; each line is [start, end) of s.
 * Returns the number of lines, or -1 when a single word is wider than w. */
enum { MAXL = 48 };
/* Where a word wider than w must break (only when even the smallest size
 * cannot hold it, e.g. "Esternocleidomastoideo" on a narrow card): the
 * longest prefix that fits, at a UTF-8 character boundary. */
static size_t break_word(app *a, const char *s, size_t start, size_t len, int w, int size, bool bold)
{
    char buf[1024];
    size_t best = start;
    for (size_t j = start + 1; j <= len && j - start < sizeof buf; j++) {
        if (j < len && ((unsigned char)s[j] & 0xC0) == 0x80)
            continue; /* inside a character */
        memcpy(buf, s + start, j - start);
        buf[j - start] = '\0';
        if (t_width(a, buf, size, bold) > w)
            break;
        best = j;
        if (j < len && (s[j] == ' ' || s[j] == '\n'))
            break;
    }
    return best;
}

static int wrap_ex(app *a, const char *s, int w, int size, bool bold, int st[MAXL], int en[MAXL],
                   bool brk);

static int wrap_ex(app *a, const char *s, int w, int size, bool bold, int st[MAXL], int en[MAXL],
                   bool brk)
{
    int n = 0;
    size_t len = strlen(s);
    size_t i = 0;
    char buf[1024];
    while (i < len && n < MAXL) {
        while (i < len && s[i] == ' ')
            i++;
        size_t line_start = i, best_end = i;
        bool too_wide = false;
        while (i <= len) {
            /* next break candidate */
            size_t j = i;
            while (j < len && s[j] != ' ' && s[j] != '\n')
                j++;
            size_t cand = j - line_start;
            if (cand >= sizeof buf)
                cand = sizeof buf - 1;
            memcpy(buf, s + line_start, cand);
            buf[cand] = '\0';
            if (t_width(a, buf, size, bold) <= w) {
                best_end = j;
                i = j;
                if (j >= len || s[j] == '\n') {
                    break;
                }
                i = j + 1;
            } else {
                if (best_end == line_start)
                    too_wide = true;
                i = best_end;
                break;
            }
        }
        if (too_wide) {
            if (!brk)
                return -1;
            best_end = break_word(a, s, line_start, len, w, size, bold);
            if (best_end == line_start)
                return -1;
        }
        st[n] = (int)line_start;
        en[n] = (int)best_end;
        n++;
        i = best_end;
        if (i < len && (s[i] == ' ' || s[i] == '\n'))
            i++;
    }
    return i < len ? -1 : n;
}

int t_box_px(app *a, SDL_Rect r, const char *s, int size, bool bold, unsigned rgb,
             text_align align, bool vcentre, bool draw, bool *fits)
{
    int st[MAXL], en[MAXL];
    bool brk = draw && a->break_words; /* t_box's last resort */
    int n = wrap_ex(a, s, r.w, size, bold, st, en, brk);
    int lh = t_height(a, size, bold);
    int line_gap = size / 6;
    if (n < 0) {
        *fits = false;
        if (draw) {
            /* Still show something: the text clipped to its box. */
            SDL_RenderSetClipRect(a->ren, &r);
            t_line(a, r.x, r.y, s, size, bold, rgb);
            SDL_RenderSetClipRect(a->ren, NULL);
        }
        return lh;
    }
    int total = n * lh + (n > 0 ? (n - 1) * line_gap : 0);
    *fits = total <= r.h;
    if (!draw)
        return total;
    int y = r.y + (vcentre && total < r.h ? (r.h - total) / 2 : 0);
    char buf[1024];
    SDL_Rect old;
    SDL_RenderGetClipRect(a->ren, &old);
    for (int i = 0; i < n; i++) {
        size_t l = (size_t)(en[i] - st[i]);
        if (l >= sizeof buf)
            l = sizeof buf - 1;
        memcpy(buf, s + st[i], l);
        buf[l] = '\0';
        int lw = t_width(a, buf, size, bold);
        int x = align == AL_LEFT ? r.x : align == AL_CENTRE ? r.x + (r.w - lw) / 2 : r.x + r.w - lw;
        t_line(a, x, y, buf, size, bold, rgb);
        y += lh + line_gap;
    }
    return total;
}

int t_box(app *a, SDL_Rect r, const char *s, font_role role, bool bold, unsigned rgb,
          text_align align, bool vcentre)
{
    if (!s || !*s)
        return 0;
    int size = font_px(a, role);
    int minimum = size * 3 / 4;
    bool fits = false;
    for (; size > minimum; size -= 1 + size / 24) {
        t_box_px(a, r, s, size, bold, rgb, align, vcentre, false, &fits);
        if (fits)
            break;
    }
    if (!fits) {
        size = minimum;
        t_box_px(a, r, s, size, bold, rgb, align, vcentre, false, &fits);
        if (!fits) {
            /* Last resort: break an over-long word across lines. */
            int st[MAXL], en[MAXL];
            int n = wrap_ex(a, s, r.w, size, bold, st, en, true);
            int lh = t_height(a, size, bold);
            if (n > 0 && n * lh + (n - 1) * (size / 6) <= r.h) {
                a->break_words = true;
                fits = true;
                t_box_px(a, r, s, size, bold, rgb, align, vcentre, true, &fits);
                a->break_words = false;
                return n * lh;
            }
        }
        if (!fits) {
            char what[64];
            snprintf(what, sizeof what, "does not fit its %dx%d box", r.w, r.h);
            ui_overflow(a, s, what);
        }
    }
    return t_box_px(a, r, s, size, bold, rgb, align, vcentre, true, &fits);
}

/* ---- layout check ---------------------------------------------------------- */

/* At most max bytes of s, cut at a character boundary, "…" when cut. */
static void quote(char *out, size_t size, const char *s, size_t max)
{
    size_t n = strlen(s);
    if (n <= max) {
        snprintf(out, size, "\"%s\"", s);
        return;
    }
    while (n > 0 && (n > max || ((unsigned char)s[n] & 0xC0) == 0x80))
        n--;
    snprintf(out, size, "\"%.*s…\"", (int)n, s);
}

void ui_overflow(app *a, const char *text, const char *what)
{
    a->overflows++;
    a->overflows_described++;
    if (!a->report_overflow)
        return;
    char msg[PM_MSG_MAX], shown[200], who[200], where[96];
    quote(shown, sizeof shown, text ? text : "", 120);
    if (a->flow && a->content) {
        int l = flow_lang(a->flow);
        const char *code = content_lang_code(a->content, (size_t)l);
        const char *keys[2];
        size_t nk = content_keys_of_text(a->content, l, text, keys);
        if (nk == 2)
            snprintf(who, sizeof who, "i18n/%s.json: %s (with %s)", code, keys[0], keys[1]);
        else if (nk == 1)
            snprintf(who, sizeof who, "i18n/%s.json: %s", code, keys[0]);
        else if ((keys[0] = content_key_inside_text(a->content, l, text)))
            snprintf(who, sizeof who, "i18n/%s.json: a text made of several strings, the longest %s",
                     code, keys[0]);
        else
            snprintf(who, sizeof who, "%s: a text that is no string of i18n/%s.json", code, code);
        pm_screen s = flow_screen(a->flow);
        if (flow_still_there(a->flow))
            snprintf(where, sizeof where, "the still-there prompt");
        else if (a->parts > 1 && a->part >= 0)
            snprintf(where, sizeof where, "the %s screen (step %d, part %d)",
                     content_screen_name(s), flow_step(a->flow) + 1, a->part + 1);
        else
            snprintf(where, sizeof where, "the %s screen (step %d)", content_screen_name(s),
                     flow_step(a->flow) + 1);
    } else {
        snprintf(who, sizeof who, "program text");
        snprintf(where, sizeof where, "the needs-attention screen");
    }
    /* One message per string (or per text, when it is no string): where
     * and at what size it was first seen, then the other sizes where it
     * does not fit either (Next too long on every screen is one problem). */
    char size[32];
    snprintf(size, sizeof size, "%dx%d", a->lw, a->lh);
    int same = snprintf(msg, sizeof msg, "%s: ", who);
    int len = snprintf(msg + same, sizeof msg - (size_t)same, "%s ", shown) + same;
    if (strncmp(who, "i18n/", 5) != 0)
        same = len; /* no key: the text itself says which */
    if (!a->overflow_msgs) {
        fprintf(stderr, "layout: %s%s at %s on %s\n", msg, what, size, where);
        return;
    }
    for (size_t i = 0; i < a->overflow_msgs->count; i++) {
        char *m = a->overflow_msgs->items[i];
        if (strncmp(m, msg, (size_t)same) != 0)
            continue;
        if (strstr(m + same, size))
            return;
        size_t ml = strlen(m), add = strlen(size) + 16;
        bool first_also = !strstr(m + same, "; also at ");
        char *grown = realloc(m, ml + add);
        if (!grown)
            return;
        snprintf(grown + ml, add, "%s%s", first_also ? "; also at " : ", ", size);
        a->overflow_msgs->items[i] = grown;
        return;
    }
    pm_msgs_add(a->overflow_msgs, "%s%s at %s on %s", msg, what, size, where);
}
