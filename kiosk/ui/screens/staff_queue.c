/* staff_queue.c — every saved intake, newest first: the safety badge, the
 * client's name, when, how many areas, and whether it is new, seen or
 * already copied. A row opens the summary; the footer copies what is new.
 * On top, intakes a failed save left in memory come before anything else:
 * they are lost if the kiosk is switched off.
 * After the intakes, every problem in painmap.conf gets a row of its own
 * (line, what is wrong, what is used instead): the journal is in RAM and
 * out of staff's reach, and this is where staff look. They come last so
 * the intakes keep their places; the line on top counts them. */
#include <stdio.h>
#include <string.h>

#include "ui/screens/staff_ui.h"

typedef struct {
    SDL_Rect list, pager, note;
    int row_h, per_page, pages;
} queue_geo;

static desk_clock_state clock_state(const screen_ctx *s)
{
    return desk_clock_state_now(s->desk, (desk_clock){s->now, s->wall});
}

/* A long message on top (a problem, intakes not saved yet, a clock that
 * looks wrong, a date just confirmed) gets two lines' room; the counts and
 * "deleted" need one. */
static bool has_notice(const screen_ctx *s)
{
    desk_note note = desk_note_now(s->desk);
    return note == DESK_NOTE_PROBLEM || note == DESK_NOTE_CLOCK_CONFIRMED ||
           desk_unsaved(s->desk) > 0 ||
           (note != DESK_NOTE_DELETED && clock_state(s) != DESK_CLOCK_OK);
}

/* A clock far ahead of when it was last known right stops retention until
 * staff say the date is right: the button for that sits in the notice. */
static bool asks_clock(const screen_ctx *s)
{
    desk_note note = desk_note_now(s->desk);
    return note != DESK_NOTE_PROBLEM && note != DESK_NOTE_DELETED &&
           desk_unsaved(s->desk) == 0 && clock_state(s) == DESK_CLOCK_JUMPED;
}

/* Beside the text in landscape, under it in portrait (too narrow for both). */
static SDL_Rect clock_button(const screen_ctx *s, SDL_Rect note)
{
    int w = px(s->r, 220), h = px(s->r, 56), m = px(s->r, 10);
    if (s->lw < s->lh)
        return (SDL_Rect){note.x + note.w - w - m, note.y + note.h - px(s->r, 4) - h - m, w, h};
    return (SDL_Rect){note.x + note.w - w - m, note.y + (note.h - px(s->r, 4) - h) / 2, w, h};
}

/* painmap.conf's problems (none when the kiosk was started without one). */
static size_t problems(const screen_ctx *s)
{
    return s->config_problems ? s->config_problems->count : 0;
}

/* Rows: the intakes, then one per painmap.conf problem. */
static size_t rows(const screen_ctx *s, size_t intakes)
{
    return intakes + problems(s);
}

/* Appends "  ·  painmap.conf: N problems..." to the line on top. */
static void add_settings_count(screen_ctx *s, char *line, size_t size)
{
    size_t n = problems(s);
    if (n == 0)
        return;
    char more[160];
    tfmt(more, sizeof more, TS(s, n == 1 ? "staff.queue.settings_one" : "staff.queue.settings"),
         (long)n, 0);
    size_t l = strlen(line);
    snprintf(line + l, size - l, "  ·  %s", more);
}

/* The line on top: what the last action did, or the counts. */
static void top_line(screen_ctx *s, char *line, size_t size)
{
    const queue_list *q = desk_queue(s->desk);
    size_t count = q ? q->count : 0;
    desk_note note = desk_note_now(s->desk);
    bool problem = note == DESK_NOTE_PROBLEM;
    desk_clock_state cs = clock_state(s);
    size_t unsaved = desk_unsaved(s->desk);
    bool clock = !problem && !unsaved && note != DESK_NOTE_DELETED && cs != DESK_CLOCK_OK;
    if (unsaved) /* only in memory: staff must know before anything else */
        tfmt(line, size,
             TS(s, unsaved == 1 ? "staff.queue.unsaved_one" : "staff.queue.unsaved"),
             (long)unsaved, 0);
    else if (problem)
        snprintf(line, size, "%s", desk_message(s->desk));
    else if (note == DESK_NOTE_DELETED)
        snprintf(line, size, "%s", TS(s, "staff.note.deleted"));
    else if (clock) {
        char when[64], ref[64];
        staff_date_time(s->wall, when, sizeof when);
        staff_date_time(desk_clock_reference(s->desk), ref, sizeof ref);
        tfmt_s2(line, size,
                TS(s, cs == DESK_CLOCK_JUMPED ? "staff.queue.clock_jumped" : "staff.queue.clock"),
                when, ref);
    } else if (note == DESK_NOTE_CLOCK_CONFIRMED)
        snprintf(line, size, "%s", TS(s, "staff.note.clock_confirmed"));
    else if (count == 0) {
        snprintf(line, size, "%s", TS(s, "staff.queue.empty"));
        add_settings_count(s, line, size);
    } else {
        char more[160] = "";
        size_t urgent = queue_count_flag(q, FLAG_URGENT) + queue_count_flag(q, FLAG_ATTENTION);
        tfmt(line, size, TS(s, "staff.queue.counts"), (long)count,
             (long)queue_count_new(q));
        if (urgent) {
            tfmt(more, sizeof more, TS(s, "staff.queue.flagged"), (long)urgent, 0);
            size_t l = strlen(line);
            snprintf(line + l, size - l, "  ·  %s", more);
        }
        add_settings_count(s, line, size);
    }
}

static queue_geo arrange(screen_ctx *s, SDL_Rect b, size_t count)
{
    queue_geo g;
    bool portrait = s->lw < s->lh;
    /* the counts line takes two lines' room when it also counts problems */
    bool tall = has_notice(s) || problems(s) > 0;
    int head = px(s->r, !tall ? 40 : !portrait ? 84 : asks_clock(s) ? 196 : 130);
    if (tall) {
        /* as tall as the message needs at the smallest type t_box uses
         * (notice_draw's margins around it), so a long one wraps whole */
        char line[PM_MSG_MAX];
        top_line(s, line, sizeof line);
        int size = font_px(s->r, FONT_BODY) * 3 / 4;
        int w = b.w - px(s->r, 28) - (asks_clock(s) && !portrait ? px(s->r, 234) : 0);
        bool fits;
        int need = t_box_px(s->r, (SDL_Rect){0, 0, w, 1 << 20}, line, size, true, 0, AL_LEFT,
                            false, false, &fits) + px(s->r, 20);
        if (asks_clock(s) && portrait)
            need += px(s->r, 66);
        if (need > head)
            head = need;
    }
    g.note = (SDL_Rect){b.x, b.y, b.w, head};
    /* portrait: room for a long name on two lines (the keyboard takes 40 characters) */
    g.row_h = px(s->r, s->lw < s->lh ? 96 : 66);
    int pager_h = px(s->r, 52);
    SDL_Rect list = {b.x, b.y + head, b.w, b.h - head};
    g.per_page = list.h / g.row_h;
    if (g.per_page < 1)
        g.per_page = 1;
    g.pages = count == 0 ? 1 : (int)((count + (size_t)g.per_page - 1) / (size_t)g.per_page);
    if (g.pages > 1) {
        /* the pager takes the last rows' place */
        g.per_page = (list.h - pager_h - px(s->r, 6)) / g.row_h;
        if (g.per_page < 1)
            g.per_page = 1;
        g.pages = (int)((count + (size_t)g.per_page - 1) / (size_t)g.per_page);
        g.pager = (SDL_Rect){list.x, list.y + list.h - pager_h, list.w, pager_h};
    } else {
        g.pager = (SDL_Rect){0, 0, 0, 0};
    }
    g.list = list;
    return g;
}

static void layout(screen_ctx *s)
{
    w_clear(s->wl);
    const queue_list *q = desk_queue(s->desk);
    size_t count = q ? q->count : 0;
    size_t fresh = q ? queue_count_new(q) : 0;
    char label[160];
    tfmt(label, sizeof label, TS(s, "staff.queue.export"), (long)fresh, 0);
    staff_button b[2] = {
        {"lock_queue", TS(s, "staff.lock"), WS_SECONDARY, DESK_EV_LEAVE, 0, false},
        {"export_new", NULL, WS_PRIMARY, DESK_EV_EXPORT_NEW, 0, fresh == 0},
    };
    /* the label must outlive layout: keep it in the widget's own buffer */
    SDL_Rect body = staff_frame_layout(s, false, b, 2);
    widget *ex = (widget *)w_find(s->wl, "export_new");
    snprintf(s->v->label, sizeof s->v->label, "%s", label);
    ex->label = s->v->label;
    queue_geo g = arrange(s, body, rows(s, count));
    s->v->scroll_max = g.pages - 1;
    if (s->v->scroll > s->v->scroll_max)
        s->v->scroll = s->v->scroll_max;
    size_t first = (size_t)s->v->scroll * (size_t)g.per_page;
    for (size_t i = first; i < count && i < first + (size_t)g.per_page; i++) {
        /* problem rows (i >= count) are read, not tapped */
        char id[32];
        snprintf(id, sizeof id, "item_%zu", i);
        SDL_Rect r = {g.list.x, g.list.y + (int)(i - first) * g.row_h, g.list.w, g.row_h - px(s->r, 4)};
        w_desk(s->wl, id, r, WS_HIDDEN, NULL, DESK_EV_OPEN_ITEM, (int)i);
    }
    if (g.pages > 1)
        staff_pager(s, g.pager);
    if (asks_clock(s))
        w_desk(s->wl, "clock_ok", clock_button(s, g.note), WS_PRIMARY, TS(s, "staff.queue.clock_ok"),
               DESK_EV_CONFIRM_CLOCK, 0);
}

static void draw_row(screen_ctx *s, const queue_entry *e, SDL_Rect r)
{
    /* a card with an edge: it opens when touched */
    r_round_frame(s->r, r, px(s->r, 10), px(s->r, 2) < 2 ? 2 : px(s->r, 2), COL_LINE, COL_SURFACE);
    if (e->worst == FLAG_URGENT)
        r_rect(s->r, (SDL_Rect){r.x + px(s->r, 2), r.y + px(s->r, 10), px(s->r, 8), r.h - px(s->r, 20)},
               COL_DANGER);
    int pad = px(s->r, 14);
    int x = r.x + pad + px(s->r, 6);
    int bh = px(s->r, 28);
    int right_w = px(s->r, s->lw < s->lh ? 150 : 180);
    int chev_w = pad + px(s->r, 28);
    int top_h = r.h / 2;
    /* line 1: badge and name, across the row (a name of 40 characters,
     * as long as the keyboard allows, wraps onto a second line there) */
    int bw = staff_badge_now(s, x, r.y + (top_h - bh) / 2 + px(s->r, 4), bh, e->worst, e->now);
    int nx = x + (bw ? bw + px(s->r, 10) : 0);
    const char *name = e->name[0] ? e->name : TS(s, "staff.queue.no_name");
    t_box(s->r, (SDL_Rect){nx, r.y + px(s->r, 2), r.x + r.w - chev_w - nx, top_h}, name, FONT_BODY,
          e->name[0] != '\0', e->name[0] ? COL_INK : COL_MUTED, AL_LEFT, true);
    /* line 2: when, and how many areas (or why it cannot be read) */
    char when[64], what[200], areas[96];
    staff_time(s, e->saved_at, when, sizeof when);
    if (!e->readable)
        snprintf(areas, sizeof areas, "%s", TS(s, "staff.queue.unreadable"));
    else
        tfmt(areas, sizeof areas, TS(s, e->nregions == 1 ? "staff.queue.areas_one"
                                                          : "staff.queue.areas"),
             e->nregions, 0);
    snprintf(what, sizeof what, "%s  ·  %s", when, areas);
    t_box(s->r, (SDL_Rect){x, r.y + top_h, r.x + r.w - right_w - x, r.h - top_h - px(s->r, 2)}, what,
          FONT_SMALL, false, COL_MUTED, AL_LEFT, true);
    /* right: new / seen / copied */
    const char *state = e->exported ? TS(s, "staff.state.exported")
                        : e->seen   ? TS(s, "staff.state.seen")
                                    : TS(s, "staff.state.new");
    int chev = px(s->r, 28);
    int ph = px(s->r, 30);
    /* the state under the name's end, beside when and how many */
    SDL_Rect sr = {r.x + r.w - right_w, r.y + top_h + (r.h - top_h - ph) / 2, right_w - pad - chev, ph};
    if (!e->exported && !e->seen)
        r_round(s->r, sr, ph / 2, COL_SELECTED);
    t_box(s->r, sr, state, FONT_SMALL, !e->exported && !e->seen, e->exported ? COL_MUTED : COL_PRIMARY,
          AL_CENTRE, true);
    /* a chevron: the row opens */
    float cx = (float)(r.x + r.w - pad - chev / 2), cy = (float)(r.y + r.h / 2);
    float d = (float)px(s->r, 7);
    r_line(s->r, cx - d / 2, cy - d, cx + d / 2, cy, 3.0f, COL_LINE, 255);
    r_line(s->r, cx + d / 2, cy, cx - d / 2, cy + d, 3.0f, COL_LINE, 255);
}

/* A painmap.conf problem: an amber edge, "Setting", the message. */
static void draw_problem(screen_ctx *s, const char *text, SDL_Rect r)
{
    r_round(s->r, r, px(s->r, 10), COL_NOTICE);
    r_rect(s->r, (SDL_Rect){r.x, r.y, px(s->r, 8), r.h}, COL_NOTICE_INK);
    int pad = px(s->r, 14), x = r.x + pad + px(s->r, 6);
    int tag_w = px(s->r, s->lw < s->lh ? 110 : 120);
    t_box(s->r, (SDL_Rect){x, r.y + px(s->r, 4), tag_w, r.h - px(s->r, 8)},
          TS(s, "staff.queue.setting"), FONT_SMALL, true, COL_NOTICE_INK, AL_LEFT, true);
    x += tag_w + px(s->r, 8);
    t_box(s->r, (SDL_Rect){x, r.y + px(s->r, 2), r.x + r.w - pad - x, r.h - px(s->r, 4)}, text,
          FONT_SMALL, false, COL_NOTICE_INK, AL_LEFT, true);
}

static void draw(screen_ctx *s)
{
    staff_frame_draw(s, TS(s, "staff.queue.title"));
    const queue_list *q = desk_queue(s->desk);
    size_t count = q ? q->count : 0;
    queue_geo g = arrange(s, s->v->body, rows(s, count));
    char line[PM_MSG_MAX];
    top_line(s, line, sizeof line);
    desk_note note = desk_note_now(s->desk);
    if (has_notice(s) || note == DESK_NOTE_DELETED) {
        SDL_Rect nr = {g.note.x, g.note.y, g.note.w, g.note.h - px(s->r, 4)};
        if (asks_clock(s)) {
            /* the text stops short of the button drawn over the notice */
            SDL_Rect b = clock_button(s, g.note);
            r_round(s->r, nr, px(s->r, 12), COL_NOTICE);
            if (s->lw < s->lh)
                nr.h = b.y - nr.y;
            else
                nr.w = b.x - nr.x - px(s->r, 4);
        }
        notice_draw(s->r, nr, line);
    } else
        t_box(s->r, g.note, line, FONT_BODY, true, COL_INK, AL_LEFT, true);
    if (g.pages > 1)
        staff_pager_draw(s, g.pager);
    size_t first = (size_t)s->v->scroll * (size_t)g.per_page;
    for (size_t i = first; i < rows(s, count) && i < first + (size_t)g.per_page; i++) {
        SDL_Rect r = {g.list.x, g.list.y + (int)(i - first) * g.row_h, g.list.w, g.row_h - px(s->r, 4)};
        if (i < count)
            draw_row(s, &q->items[i], r);
        else
            draw_problem(s, s->config_problems->items[i - count], r);
    }
}

const screen_ops staff_queue_screen = {layout, draw, NULL, NULL};
