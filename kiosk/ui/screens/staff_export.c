/* staff_export.c — copying intakes to a USB stick: waiting for the stick,
 * the copy with its progress, and the report (what made it, what did not,
 * and whether the stick may be pulled out now). */
#include <stdio.h>
#include <string.h>

#include "ui/screens/staff_ui.h"

static void layout(screen_ctx *s)
{
    w_clear(s->wl);
    desk_screen ds = desk_screen_now(s->desk);
    if (ds == DESK_EXPORTING) {
        staff_frame_layout(s, false, NULL, 0);
        return;
    }
    if (ds == DESK_EXPORT_DONE) {
        staff_button done = {"done", TS(s, "staff.done.ok"), WS_PRIMARY, DESK_EV_BACK, 0, false};
        staff_frame_layout(s, true, &done, 1);
        return;
    }
    size_t n = desk_export_count(s->desk);
    bool ready = desk_stick(s->desk, NULL) == DESK_STICK_READY && n > 0;
    tfmt(s->v->label, sizeof s->v->label,
         TS(s, n == 1 ? "staff.export.start_one" : "staff.export.start"), (long)n, 0);
    staff_button b[2] = {
        {"back", TS(s, "ui.back"), WS_SECONDARY, DESK_EV_BACK, 0, false},
        {"export_start", s->v->label, WS_PRIMARY, DESK_EV_EXPORT_START, 0, !ready},
    };
    staff_frame_layout(s, true, b, 2);
}

static void formats_line(screen_ctx *s, char *out, size_t size)
{
    unsigned f = s->config->export_formats;
    out[0] = '\0';
    const char *names[3] = {"HTML", "JSON", "FHIR R4"};
    unsigned bits[3] = {CONFIG_EXPORT_HTML, CONFIG_EXPORT_JSON, CONFIG_EXPORT_FHIR};
    char list[64] = "";
    for (int i = 0; i < 3; i++)
        if (f & bits[i])
            snprintf(list + strlen(list), sizeof list - strlen(list), "%s%s", list[0] ? ", " : "",
                     names[i]);
    tfmt_s(out, size, TS(s, "staff.export.formats"), list);
}

static void draw_waiting(screen_ctx *s, SDL_Rect b)
{
    export_stick info;
    desk_stick_state st = desk_stick(s->desk, &info);
    size_t n = desk_export_count(s->desk);
    char line[PM_MSG_MAX];
    int y = b.y + px(s->r, 6), gap = px(s->r, 12);
    /* 1. the stick */
    SDL_Rect panel = {b.x, y, b.w, px(s->r, 96)};
    if (st == DESK_STICK_READY) {
        /* An intake is about 150 KB in all three formats; say the number only
         * when room may be short (and so the picture does not depend on
         * the disk it was taken on). */
        uint64_t need = (uint64_t)(n ? n : 1) * 4 * 150 * 1024;
        if (info.free_bytes >= need) {
            snprintf(line, sizeof line, "%s", TS(s, "staff.export.ready"));
        } else {
            char size[32];
            snprintf(size, sizeof size, "%.1f MB", (double)info.free_bytes / (1024.0 * 1024.0));
            tfmt_s(line, sizeof line, TS(s, "staff.export.tight"), size);
        }
        r_round(s->r, panel, px(s->r, 12), COL_SELECTED);
        t_box(s->r, (SDL_Rect){panel.x + px(s->r, 16), panel.y, panel.w - px(s->r, 32), panel.h}, line,
              FONT_BODY, true, COL_PRIMARY, AL_LEFT, true);
    } else {
        notice_draw(s->r, panel, TS(s, st == DESK_STICK_READONLY ? "staff.export.readonly"
                                                              : "staff.export.insert"));
    }
    y += panel.h + gap;
    /* 2. what will be copied */
    if (n == 0)
        snprintf(line, sizeof line, "%s", TS(s, "staff.export.nothing"));
    else if (desk_export_single(s->desk)) {
        const queue_entry *e = desk_entry(s->desk);
        tfmt_s(line, sizeof line, TS(s, "staff.export.what_one"),
               e && e->name[0] ? e->name : TS(s, "staff.queue.no_name"));
    } else
        tfmt(line, sizeof line, TS(s, n == 1 ? "staff.export.what_many_one" : "staff.export.what_many"),
             (long)n, 0);
    y += t_box(s->r, (SDL_Rect){b.x, y, b.w, px(s->r, 64)}, line, FONT_BODY, false, COL_INK, AL_LEFT,
               false) + gap / 2;
    formats_line(s, line, sizeof line);
    y += t_box(s->r, (SDL_Rect){b.x, y, b.w, px(s->r, 56)}, line, FONT_SMALL, false, COL_MUTED, AL_LEFT,
               false) + gap;
    /* 3. what went wrong last time, if anything */
    if (desk_note_now(s->desk) == DESK_NOTE_PROBLEM && y < b.y + b.h - px(s->r, 40))
        notice_draw(s->r, (SDL_Rect){b.x, y, b.w, b.y + b.h - y}, desk_message(s->desk));
}

static void draw_copying(screen_ctx *s, SDL_Rect b)
{
    size_t done = 0, total = 0;
    desk_export_progress(s->desk, &done, &total);
    char line[200];
    int y = b.y + b.h / 5;
    t_box(s->r, (SDL_Rect){b.x, y, b.w, px(s->r, 50)}, TS(s, "staff.exporting.keep"), FONT_TITLE, true,
          COL_INK, AL_CENTRE, true);
    y += px(s->r, 70);
    SDL_Rect bar = {b.x + b.w / 10, y, b.w * 8 / 10, px(s->r, 28)};
    r_round(s->r, bar, bar.h / 2, 0xDDD8CE);
    if (total) {
        SDL_Rect fillr = bar;
        fillr.w = (int)((long)bar.w * (long)done / (long)total);
        if (fillr.w >= bar.h)
            r_round(s->r, fillr, bar.h / 2, COL_PRIMARY);
    }
    y += bar.h + px(s->r, 16);
    tfmt(line, sizeof line, TS(s, "staff.exporting.files"), (long)done, (long)total);
    t_box(s->r, (SDL_Rect){b.x, y, b.w, px(s->r, 40)}, line, FONT_BODY, false, COL_MUTED, AL_CENTRE, true);
}

static void draw_report(screen_ctx *s, SDL_Rect b)
{
    const export_report *rep = desk_report(s->desk);
    if (!rep)
        return;
    char line[PM_MSG_MAX];
    int y = b.y + px(s->r, 4), gap = px(s->r, 10);
    bool all = rep->count > 0 && rep->nmarked == rep->count;
    if (all)
        tfmt(line, sizeof line, TS(s, rep->count == 1 ? "staff.done.all_one" : "staff.done.all"),
             (long)rep->count, 0);
    else
        tfmt(line, sizeof line, TS(s, "staff.done.some"), (long)rep->nmarked, (long)rep->count);
    y += t_box(s->r, (SDL_Rect){b.x, y, b.w, px(s->r, 64)}, line, FONT_BODY, true, COL_INK, AL_LEFT,
               false) + gap;
    if (rep->folder_name[0] && !rep->index.ok) /* the intakes are there; the index is not */
        y += t_box(s->r, (SDL_Rect){b.x, y, b.w, px(s->r, 44)}, TS(s, "staff.done.no_index"),
                   FONT_SMALL, false, COL_DANGER, AL_LEFT, false) + gap / 2;
    SDL_Rect safe = {b.x, y, b.w, px(s->r, 56)};
    if (rep->safe_to_remove) {
        r_round(s->r, safe, px(s->r, 12), COL_SELECTED);
        t_box(s->r, (SDL_Rect){safe.x + px(s->r, 16), safe.y, safe.w - px(s->r, 32), safe.h},
              TS(s, "staff.done.safe"), FONT_BODY, true, COL_PRIMARY, AL_LEFT, true);
    } else {
        notice_draw(s->r, safe, TS(s, "staff.done.not_safe"));
    }
    y += safe.h + gap;
    if (rep->folder_name[0]) {
        tfmt_s(line, sizeof line, TS(s, "staff.done.folder"), rep->folder_name);
        y += t_box(s->r, (SDL_Rect){b.x, y, b.w, px(s->r, 30)}, line, FONT_SMALL, false, COL_MUTED,
                   AL_LEFT, true) + gap / 2;
    }
    /* What did not make it, one line per intake (the log has every file). */
    for (size_t i = 0; i < rep->count && y < b.y + b.h - px(s->r, 28); i++) {
        const export_item *it = &rep->items[i];
        if (it->marked)
            continue;
        char when[64];
        staff_time(s, it->saved_at, when, sizeof when);
        snprintf(line, sizeof line, "✗ %s (%s): %s", it->client[0] ? it->client : "—", when,
                 it->problem[0] ? it->problem : "");
        y += t_box(s->r, (SDL_Rect){b.x, y, b.w, px(s->r, 44)}, line, FONT_SMALL, false, COL_DANGER,
                   AL_LEFT, false) + px(s->r, 4);
    }
}

static void draw(screen_ctx *s)
{
    desk_screen ds = desk_screen_now(s->desk);
    const char *title = ds == DESK_EXPORT_DONE ? "staff.done.title"
                        : ds == DESK_EXPORTING ? "staff.exporting.title"
                                              : "staff.export.title";
    staff_frame_draw(s, TS(s, title));
    if (ds == DESK_EXPORTING)
        draw_copying(s, s->v->body);
    else if (ds == DESK_EXPORT_DONE)
        draw_report(s, s->v->body);
    else
        draw_waiting(s, s->v->body);
}

const screen_ops staff_export_screen = {layout, draw, NULL, NULL};
