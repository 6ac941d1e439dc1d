/* hands.c — touching and typing the way a finger does (see hands.h).
 *
 * Why in the test kit and not in each tool: the replay driver, the UI
 * bench and the tests all touch and type; one copy means what is timed is
 * what is tested. Why SDL events: the panel's events travel through the
 * rotation and the scaling into the dispatcher; a test that called the
 * dispatcher directly would skip exactly the part a real finger exercises.
 * Why aim at the largest inscribed circle: a finger aims at the middle of
 * what it sees, and the middle of a rectangle's box is not inside an
 * L-shaped region or a button half covered by another. */
#include "hands.h"

#include <SDL.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "checks.h"
#include "ui/keyboard.h"

void kit_trace(const char *line)
{
    const char *path = getenv("PAINMAP_KIT_TRACE");
    if (!path || !*path)
        return;
    FILE *f = fopen(path, "a");
    if (!f)
        return;
    fprintf(f, "%s\n", line);
    fclose(f);
}

void kit_finger(app *a, uint32_t type, int x, int y)
{
    input_map m = app_input_map(a);
    double ox, oy;
    input_to_output(&m, x + 0.5, y + 0.5, &ox, &oy);
    char line[64];
    snprintf(line, sizeof line, "%s %d %d",
             type == SDL_FINGERDOWN ? "down" : type == SDL_FINGERUP ? "up" : "move", (int)ox,
             (int)oy);
    kit_trace(line);
    SDL_Event e;
    memset(&e, 0, sizeof e);
    e.type = type;
    e.tfinger.touchId = 1;
    e.tfinger.fingerId = 1;
    e.tfinger.x = (float)(ox / m.out_w);
    e.tfinger.y = (float)(oy / m.out_h);
    e.tfinger.pressure = type == SDL_FINGERUP ? 0.0f : 1.0f;
    (void)app_sdl_event(a, &e);
}

void kit_tap(app *a, int x, int y)
{
    kit_taps(a, x, y, 1, KIT_TAP_MS * 2);
}

void kit_taps(app *a, int x, int y, int count, uint32_t ms)
{
    app_advance(a, KIT_REACH_MS);
    uint32_t down = count > 1 ? (ms / 2 < 50 ? ms / 2 : 50) : KIT_TAP_MS;
    if (down < 1)
        down = 1;
    for (int i = 0; i < count; i++) {
        kit_finger(a, SDL_FINGERDOWN, x, y);
        app_advance(a, down);
        kit_finger(a, SDL_FINGERUP, x, y);
        app_update(a);
        if (i + 1 < count && ms > down)
            app_advance(a, ms - down);
    }
}

void kit_hold(app *a, int x, int y, uint32_t ms)
{
    app_advance(a, KIT_REACH_MS);
    kit_finger(a, SDL_FINGERDOWN, x, y);
    app_advance(a, ms);
    kit_finger(a, SDL_FINGERUP, x, y);
    app_update(a);
}

void kit_drag(app *a, const int *xs, const int *ys, int n)
{
    if (n < 1)
        return;
    app_advance(a, KIT_REACH_MS);
    kit_finger(a, SDL_FINGERDOWN, xs[0], ys[0]);
    for (int i = 1; i < n; i++) {
        app_advance(a, KIT_MOVE_MS);
        kit_finger(a, SDL_FINGERMOTION, xs[i], ys[i]);
    }
    app_advance(a, KIT_MOVE_MS);
    kit_finger(a, SDL_FINGERUP, xs[n - 1], ys[n - 1]);
    app_update(a);
}

/* "a b c ..." of the widgets on screen now, for a message. */
static void list_ids(app *a, char *out, size_t size)
{
    const wlist *wl = app_widgets(a);
    out[0] = '\0';
    size_t l = 0;
    for (int i = 0; i < w_count(wl) && l + 60 < size; i++)
        l += (size_t)snprintf(out + l, size - l, "%s%.48s", i ? " " : "", w_at(wl, i)->id);
    if (l + 60 >= size)
        snprintf(out + l, size - l, " ...");
}

/* The middle of where a touch acts on widget w: the largest circle inside
 * the pixels of its box for which the dispatcher answers its id. */
static bool widget_aim(app *a, const widget *w, int *x, int *y)
{
    SDL_Rect r = w->r;
    SDL_Rect screen = {0, 0, app_width(a), app_height(a)};
    if (!SDL_IntersectRect(&r, &screen, &r))
        return false;
    /* Nothing on top of it (the last widget added wins a touch): the
     * middle of its box, as asking every pixel would find. */
    const wlist *wl = app_widgets(a);
    int me = -1;
    for (int i = 0; i < w_count(wl); i++)
        if (w_at(wl, i) == w)
            me = i;
    bool covered = me < 0 || w->act == ACT_AREA;
    for (int i = me + 1; i < w_count(wl) && !covered; i++) {
        const widget *o = w_at(wl, i);
        covered = o->act != ACT_NONE && SDL_HasIntersection(&o->r, &r);
    }
    if (!covered) {
        *x = r.x + r.w / 2;
        *y = r.y + r.h / 2;
        return true;
    }
    unsigned char *in = malloc((size_t)r.w * (size_t)r.h);
    if (!in)
        return false;
    char id[48], name[96];
    snprintf(id, sizeof id, "%s", w->id); /* the list is laid out again on asking */
    bool any = false;
    for (int yy = 0; yy < r.h; yy++)
        for (int xx = 0; xx < r.w; xx++) {
            app_target_at(a, r.x + xx, r.y + yy, name, sizeof name);
            in[yy * r.w + xx] = strcmp(name, id) == 0;
            any = any || in[yy * r.w + xx];
        }
    int cx = -1, cy = -1;
    if (any)
        kit_inscribed(in, r.w, r.h, &cx, &cy);
    free(in);
    if (cx < 0)
        return false;
    *x = r.x + cx;
    *y = r.y + cy;
    return true;
}

bool kit_aim(app *a, const char *id, int *x, int *y, bool *now, char *why, size_t why_size)
{
    const widget *w = app_widget(a, id);
    *now = true;
    if (w && w->act == ACT_NONE) {
        /* a place, not a button (the clinic's name): its middle */
        *x = w->r.x + w->r.w / 2;
        *y = w->r.y + w->r.h / 2;
        return true;
    }
    if (w) {
        if (widget_aim(a, w, x, y))
            return true;
        snprintf(why, why_size, "'%s' is covered or off the screen now: a touch cannot reach it", id);
        return false;
    }
    if (app_aim(a, id, x, y, now))
        return true;
    char ids[600];
    list_ids(a, ids, sizeof ids);
    const flow *f = app_flow(a);
    if (f && flow_screen(f) == SCREEN_CHART && content_region_index(app_content(a), id) >= 0)
        snprintf(why, why_size, "'%s' is not on this view of the body (press view_front or view_back)",
                 id);
    else
        snprintf(why, why_size, "no '%s' on the %s screen (here: %s)", id, app_screen_name(a), ids);
    return false;
}

bool kit_press(app *a, const char *id, char *why, size_t why_size)
{
    /* a chart region: the whole figure opens a close-up, then the touch in
     * the close-up chooses it; from another close-up, the whole body first */
    for (int round = 0; round < 3; round++) {
        int x, y;
        bool now;
        if (!kit_aim(a, id, &x, &y, &now, why, why_size))
            return false;
        kit_tap(a, x, y);
        if (now)
            return true;
    }
    snprintf(why, why_size, "'%s' is still out of reach after three touches", id);
    return false;
}

/* The length of the UTF-8 character starting with byte c. */
static int utf8_len(unsigned char c)
{
    return c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 1;
}

bool kit_type(app *a, const char *text, char *why, size_t why_size)
{
    if (strcmp(app_screen_name(a), "staff_unlock") == 0) {
        /* the passphrase's keyboard: letters a-z (case does not count) and space */
        for (const char *p = text; *p; p++) {
            char id[16];
            char ch = *p >= 'A' && *p <= 'Z' ? (char)(*p - 'A' + 'a') : *p;
            if (ch == ' ')
                snprintf(id, sizeof id, "key_space");
            else if (ch >= 'a' && ch <= 'z')
                snprintf(id, sizeof id, "key_%c", ch);
            else {
                snprintf(why, why_size, "type: the passphrase keyboard has no '%c'", *p);
                return false;
            }
            if (!kit_press(a, id, why, why_size))
                return false;
        }
        return true;
    }
    const flow *f = app_flow(a);
    if (!f || flow_screen(f) != SCREEN_NAME || flow_still_there(f)) {
        snprintf(why, why_size, "type: the keyboard is not showing (screen is %s)",
                 app_screen_name(a));
        return false;
    }
    for (const char *p = text; *p;) {
        int len = utf8_len((unsigned char)*p);
        char ch[8] = {0};
        memcpy(ch, p, (size_t)len);
        p += len;
        int layer = 0;
        bool upper = false;
        const kb_key *k = kb_find(ch, &layer, &upper);
        if (!k) {
            snprintf(why, why_size, "type: no key on the keyboard types '%s'", ch);
            return false;
        }
        const screen_view *v = app_view(a);
        if (v->kb.layer != layer && !kit_press(a, "key_accents", why, why_size))
            return false;
        bool is_letter = strcmp(k->lower, k->upper) != 0;
        if (is_letter && app_view(a)->kb.shift != upper && !kit_press(a, "key_shift", why, why_size))
            return false;
        if (!kit_press(a, k->id, why, why_size))
            return false;
    }
    return true;
}
