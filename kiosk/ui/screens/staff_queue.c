/* staff_queue.c — every saved intake, newest first: the safety badge, the
 * client's name, when, how many areas, and whether it is new, seen or
 * already copied. A row opens the summary; the footer copies what is new. */
#include <stdio.h>
#include <string.h>

#include "ui/screens/staff_ui.h"

typedef struct {
    SDL_Rect list, pager, note;
    int row_h, per_page, pages;
} queue_geo;

/* A long message on top (a problem, a clock that looks wrong) gets two
 * lines' room; the counts and "deleted" need one. */
static bool has_notice(const app *a)
{
    desk_note note = desk_note_now(a->desk);
    return note == DESK_NOTE_PROBLEM ||
           (note != DESK_NOTE_DELETED &&
            desk_clock_suspect(a->desk, (desk_clock){a->now, app_wall_time(a)}));
}

static queue_geo arrange(app *a, SDL_Rect b, size_t count)
{
    queue_geo g;
    int head = px(a, has_notice(a) ? (a->lw < a->lh ? 130 : 84) : 40);
    g.note = (SDL_Rect){b.x, b.y, b.w, head};
    g.row_h = px(a, a->lw < a->lh ? 84 : 66);
    int pager_h = px(a, 52);
    SDL_Rect list = {b.x, b.y + head, b.w, b.h - head};
    g.per_page = list.h / g.row_h;
    if (g.per_page < 1)
        g.per_page = 1;
    g.pages = count == 0 ? 1 : (int)((count + (size_t)g.per_page - 1) / (size_t)g.per_page);
    if (g.pages > 1) {
        /* the pager takes the last rows' place */
        g.per_page = (list.h - pager_h - px(a, 6)) / g.row_h;
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

static void layout(app *a)
{
    w_clear(a);
    const queue_list *q = desk_queue(a->desk);
    size_t count = q ? q->count : 0;
    size_t fresh = q ? queue_count_new(q) : 0;
    char label[160];
    tfmt(label, sizeof label, TS(a, "staff.queue.export"), (long)fresh, 0);
    staff_button b[2] = {
        {"lock_queue", TS(a, "staff.lock"), WS_SECONDARY, DESK_EV_LEAVE, 0, false},
        {"export_new", NULL, WS_PRIMARY, DESK_EV_EXPORT_NEW, 0, fresh == 0},
    };
    /* the label must outlive layout: keep it in the widget's own buffer */
    SDL_Rect body = staff_frame_layout(a, false, b, 2);
    widget *ex = (widget *)app_widget(a, "export_new");
    snprintf(a->staff_label, sizeof a->staff_label, "%s", label);
    ex->label = a->staff_label;
    queue_geo g = arrange(a, body, count);
    a->scroll_max = g.pages - 1;
    if (a->scroll > a->scroll_max)
        a->scroll = a->scroll_max;
    size_t first = (size_t)a->scroll * (size_t)g.per_page;
    for (size_t i = first; i < count && i < first + (size_t)g.per_page; i++) {
        char id[32];
        snprintf(id, sizeof id, "item_%zu", i);
        SDL_Rect r = {g.list.x, g.list.y + (int)(i - first) * g.row_h, g.list.w, g.row_h - px(a, 4)};
        w_desk(a, id, r, WS_HIDDEN, NULL, DESK_EV_OPEN_ITEM, (int)i);
    }
    if (g.pages > 1)
        staff_pager(a, g.pager);
}

static void draw_row(app *a, const queue_entry *e, SDL_Rect r)
{
    r_round(a, r, px(a, 10), COL_SURFACE);
    if (e->worst == FLAG_URGENT)
        r_rect(a, (SDL_Rect){r.x, r.y, px(a, 8), r.h}, COL_DANGER);
    int pad = px(a, 14);
    int x = r.x + pad + px(a, 6);
    int bh = px(a, 28);
    int right_w = px(a, a->lw < a->lh ? 150 : 180);
    int top_h = r.h / 2;
    /* line 1: badge and name */
    int bw = staff_badge(a, x, r.y + (top_h - bh) / 2 + px(a, 4), bh, e->worst);
    int nx = x + (bw ? bw + px(a, 10) : 0);
    const char *name = e->name[0] ? e->name : TS(a, "staff.queue.no_name");
    t_box(a, (SDL_Rect){nx, r.y + px(a, 4), r.x + r.w - right_w - nx, top_h}, name, FONT_BODY,
          e->name[0] != '\0', e->name[0] ? COL_INK : COL_MUTED, AL_LEFT, true);
    /* line 2: when, and how many areas (or why it cannot be read) */
    char when[64], what[200], areas[96];
    staff_time(a, e->saved_at, when, sizeof when);
    if (!e->readable)
        snprintf(areas, sizeof areas, "%s", TS(a, "staff.queue.unreadable"));
    else
        tfmt(areas, sizeof areas, TS(a, e->nregions == 1 ? "staff.queue.areas_one"
                                                          : "staff.queue.areas"),
             e->nregions, 0);
    snprintf(what, sizeof what, "%s  ·  %s", when, areas);
    t_box(a, (SDL_Rect){x, r.y + top_h, r.x + r.w - right_w - x, r.h - top_h - px(a, 2)}, what,
          FONT_SMALL, false, COL_MUTED, AL_LEFT, true);
    /* right: new / seen / copied */
    const char *state = e->exported ? TS(a, "staff.state.exported")
                        : e->seen   ? TS(a, "staff.state.seen")
                                    : TS(a, "staff.state.new");
    int chev = px(a, 28);
    int ph = px(a, 30);
    SDL_Rect sr = {r.x + r.w - right_w, r.y + (r.h - ph) / 2, right_w - pad - chev, ph};
    if (!e->exported && !e->seen)
        r_round(a, sr, ph / 2, COL_SELECTED);
    t_box(a, sr, state, FONT_SMALL, !e->exported && !e->seen, e->exported ? COL_MUTED : COL_PRIMARY,
          AL_CENTRE, true);
    /* a chevron: the row opens */
    float cx = (float)(r.x + r.w - pad - chev / 2), cy = (float)(r.y + r.h / 2);
    float d = (float)px(a, 7);
    r_line(a, cx - d / 2, cy - d, cx + d / 2, cy, 3.0f, COL_LINE, 255);
    r_line(a, cx + d / 2, cy, cx - d / 2, cy + d, 3.0f, COL_LINE, 255);
}

static void draw(app *a)
{
    staff_frame_draw(a, TS(a, "staff.queue.title"));
    const queue_list *q = desk_queue(a->desk);
    size_t count = q ? q->count : 0;
    queue_geo g = arrange(a, a->body, count);
    /* The line on top: what the last action did, or the counts. */
    char line[PM_MSG_MAX];
    desk_note note = desk_note_now(a->desk);
    bool problem = note == DESK_NOTE_PROBLEM;
    bool clock = !problem && note != DESK_NOTE_DELETED &&
                 desk_clock_suspect(a->desk, (desk_clock){a->now, app_wall_time(a)});
    if (problem)
        snprintf(line, sizeof line, "%s", desk_message(a->desk));
    else if (note == DESK_NOTE_DELETED)
        snprintf(line, sizeof line, "%s", TS(a, "staff.note.deleted"));
    else if (clock) {
        char when[64];
        staff_date_time(app_wall_time(a), when, sizeof when);
        tfmt_s(line, sizeof line, TS(a, "staff.queue.clock"), when);
    } else if (count == 0)
        snprintf(line, sizeof line, "%s", TS(a, "staff.queue.empty"));
    else {
        char more[160] = "";
        size_t urgent = queue_count_flag(q, FLAG_URGENT) + queue_count_flag(q, FLAG_ATTENTION);
        tfmt(line, sizeof line, TS(a, "staff.queue.counts"), (long)count,
             (long)queue_count_new(q));
        if (urgent) {
            tfmt(more, sizeof more, TS(a, "staff.queue.flagged"), (long)urgent, 0);
            size_t l = strlen(line);
            snprintf(line + l, sizeof line - l, "  ·  %s", more);
        }
    }
    if (problem || clock || note == DESK_NOTE_DELETED)
        notice_draw(a, (SDL_Rect){g.note.x, g.note.y, g.note.w, g.note.h - px(a, 4)}, line);
    else
        t_box(a, g.note, line, FONT_BODY, true, COL_INK, AL_LEFT, true);
    if (g.pages > 1)
        staff_pager_draw(a, g.pager);
    size_t first = (size_t)a->scroll * (size_t)g.per_page;
    for (size_t i = first; i < count && i < first + (size_t)g.per_page; i++) {
        SDL_Rect r = {g.list.x, g.list.y + (int)(i - first) * g.row_h, g.list.w, g.row_h - px(a, 6)};
        draw_row(a, &q->items[i], r);
    }
}

const screen_ops staff_queue_screen = {layout, draw, NULL};
