/* staff_export.c — copying intakes to a USB stick: waiting for the stick,
 * the copy with its progress, and the report (what made it, what did not,
 * and whether the stick may be pulled out now). */
#include <stdio.h>
#include <string.h>

#include "ui/screens/staff_ui.h"

static void layout(app *a)
{
    w_clear(a);
    desk_screen s = desk_screen_now(a->desk);
    if (s == DESK_EXPORTING) {
        staff_frame_layout(a, false, NULL, 0);
        return;
    }
    if (s == DESK_EXPORT_DONE) {
        staff_button done = {"done", TS(a, "staff.done.ok"), WS_PRIMARY, DESK_EV_BACK, 0, false};
        staff_frame_layout(a, true, &done, 1);
        return;
    }
    size_t n = desk_export_count(a->desk);
    bool ready = desk_stick(a->desk, NULL) == DESK_STICK_READY && n > 0;
    tfmt(a->staff_label, sizeof a->staff_label,
         TS(a, n == 1 ? "staff.export.start_one" : "staff.export.start"), (long)n, 0);
    staff_button b[2] = {
        {"back", TS(a, "ui.back"), WS_SECONDARY, DESK_EV_BACK, 0, false},
        {"export_start", a->staff_label, WS_PRIMARY, DESK_EV_EXPORT_START, 0, !ready},
    };
    staff_frame_layout(a, true, b, 2);
}

static void formats_line(app *a, char *out, size_t size)
{
    unsigned f = a->config.export_formats;
    out[0] = '\0';
    const char *names[3] = {"HTML", "JSON", "FHIR R4"};
    unsigned bits[3] = {CONFIG_EXPORT_HTML, CONFIG_EXPORT_JSON, CONFIG_EXPORT_FHIR};
    char list[64] = "";
    for (int i = 0; i < 3; i++)
        if (f & bits[i])
            snprintf(list + strlen(list), sizeof list - strlen(list), "%s%s", list[0] ? ", " : "",
                     names[i]);
    tfmt_s(out, size, TS(a, "staff.export.formats"), list);
}

static void draw_waiting(app *a, SDL_Rect b)
{
    export_stick info;
    desk_stick_state st = desk_stick(a->desk, &info);
    size_t n = desk_export_count(a->desk);
    char line[PM_MSG_MAX];
    int y = b.y + px(a, 6), gap = px(a, 12);
    /* 1. the stick */
    SDL_Rect panel = {b.x, y, b.w, px(a, 96)};
    if (st == DESK_STICK_READY) {
        /* An intake is about 150 KB in all three formats; say the number only
         * when room may be short (and so the picture does not depend on
         * the disk it was taken on). */
        uint64_t need = (uint64_t)(n ? n : 1) * 4 * 150 * 1024;
        if (info.free_bytes >= need) {
            snprintf(line, sizeof line, "%s", TS(a, "staff.export.ready"));
        } else {
            char size[32];
            snprintf(size, sizeof size, "%.1f MB", (double)info.free_bytes / (1024.0 * 1024.0));
            tfmt_s(line, sizeof line, TS(a, "staff.export.tight"), size);
        }
        r_round(a, panel, px(a, 12), COL_SELECTED);
        t_box(a, (SDL_Rect){panel.x + px(a, 16), panel.y, panel.w - px(a, 32), panel.h}, line,
              FONT_BODY, true, COL_PRIMARY, AL_LEFT, true);
    } else {
        notice_draw(a, panel, TS(a, st == DESK_STICK_READONLY ? "staff.export.readonly"
                                                              : "staff.export.insert"));
    }
    y += panel.h + gap;
    /* 2. what will be copied */
    if (n == 0)
        snprintf(line, sizeof line, "%s", TS(a, "staff.export.nothing"));
    else if (desk_export_single(a->desk)) {
        const queue_entry *e = desk_entry(a->desk);
        tfmt_s(line, sizeof line, TS(a, "staff.export.what_one"),
               e && e->name[0] ? e->name : TS(a, "staff.queue.no_name"));
    } else
        tfmt(line, sizeof line, TS(a, n == 1 ? "staff.export.what_many_one" : "staff.export.what_many"),
             (long)n, 0);
    y += t_box(a, (SDL_Rect){b.x, y, b.w, px(a, 64)}, line, FONT_BODY, false, COL_INK, AL_LEFT,
               false) + gap / 2;
    formats_line(a, line, sizeof line);
    y += t_box(a, (SDL_Rect){b.x, y, b.w, px(a, 56)}, line, FONT_SMALL, false, COL_MUTED, AL_LEFT,
               false) + gap;
    /* 3. what went wrong last time, if anything */
    if (desk_note_now(a->desk) == DESK_NOTE_PROBLEM && y < b.y + b.h - px(a, 40))
        notice_draw(a, (SDL_Rect){b.x, y, b.w, b.y + b.h - y}, desk_message(a->desk));
}

static void draw_copying(app *a, SDL_Rect b)
{
    size_t done = 0, total = 0;
    desk_export_progress(a->desk, &done, &total);
    char line[200];
    int y = b.y + b.h / 5;
    t_box(a, (SDL_Rect){b.x, y, b.w, px(a, 50)}, TS(a, "staff.exporting.keep"), FONT_TITLE, true,
          COL_INK, AL_CENTRE, true);
    y += px(a, 70);
    SDL_Rect bar = {b.x + b.w / 10, y, b.w * 8 / 10, px(a, 28)};
    r_round(a, bar, bar.h / 2, 0xDDD8CE);
    if (total) {
        SDL_Rect fillr = bar;
        fillr.w = (int)((long)bar.w * (long)done / (long)total);
        if (fillr.w >= bar.h)
            r_round(a, fillr, bar.h / 2, COL_PRIMARY);
    }
    y += bar.h + px(a, 16);
    tfmt(line, sizeof line, TS(a, "staff.exporting.files"), (long)done, (long)total);
    t_box(a, (SDL_Rect){b.x, y, b.w, px(a, 40)}, line, FONT_BODY, false, COL_MUTED, AL_CENTRE, true);
}

static void draw_report(app *a, SDL_Rect b)
{
    const export_report *rep = desk_report(a->desk);
    if (!rep)
        return;
    char line[PM_MSG_MAX];
    int y = b.y + px(a, 4), gap = px(a, 10);
    bool all = rep->count > 0 && rep->nmarked == rep->count;
    if (all)
        tfmt(line, sizeof line, TS(a, rep->count == 1 ? "staff.done.all_one" : "staff.done.all"),
             (long)rep->count, 0);
    else
        tfmt(line, sizeof line, TS(a, "staff.done.some"), (long)rep->nmarked, (long)rep->count);
    y += t_box(a, (SDL_Rect){b.x, y, b.w, px(a, 64)}, line, FONT_BODY, true, COL_INK, AL_LEFT,
               false) + gap;
    if (rep->folder_name[0] && !rep->index.ok) /* the intakes are there; the index is not */
        y += t_box(a, (SDL_Rect){b.x, y, b.w, px(a, 44)}, TS(a, "staff.done.no_index"),
                   FONT_SMALL, false, COL_DANGER, AL_LEFT, false) + gap / 2;
    SDL_Rect safe = {b.x, y, b.w, px(a, 56)};
    if (rep->safe_to_remove) {
        r_round(a, safe, px(a, 12), COL_SELECTED);
        t_box(a, (SDL_Rect){safe.x + px(a, 16), safe.y, safe.w - px(a, 32), safe.h},
              TS(a, "staff.done.safe"), FONT_BODY, true, COL_PRIMARY, AL_LEFT, true);
    } else {
        notice_draw(a, safe, TS(a, "staff.done.not_safe"));
    }
    y += safe.h + gap;
    if (rep->folder_name[0]) {
        tfmt_s(line, sizeof line, TS(a, "staff.done.folder"), rep->folder_name);
        y += t_box(a, (SDL_Rect){b.x, y, b.w, px(a, 30)}, line, FONT_SMALL, false, COL_MUTED,
                   AL_LEFT, true) + gap / 2;
    }
    /* What did not make it, one line per intake (the log has every file). */
    for (size_t i = 0; i < rep->count && y < b.y + b.h - px(a, 28); i++) {
        const export_item *it = &rep->items[i];
        if (it->marked)
            continue;
        char when[64];
        staff_time(a, it->saved_at, when, sizeof when);
        snprintf(line, sizeof line, "✗ %s (%s): %s", it->client[0] ? it->client : "—", when,
                 it->problem[0] ? it->problem : "");
        y += t_box(a, (SDL_Rect){b.x, y, b.w, px(a, 44)}, line, FONT_SMALL, false, COL_DANGER,
                   AL_LEFT, false) + px(a, 4);
    }
}

static void draw(app *a)
{
    desk_screen s = desk_screen_now(a->desk);
    const char *title = s == DESK_EXPORT_DONE ? "staff.done.title"
                        : s == DESK_EXPORTING ? "staff.exporting.title"
                                              : "staff.export.title";
    staff_frame_draw(a, TS(a, title));
    if (s == DESK_EXPORTING)
        draw_copying(a, a->body);
    else if (s == DESK_EXPORT_DONE)
        draw_report(a, a->body);
    else
        draw_waiting(a, a->body);
}

const screen_ops staff_export_screen = {layout, draw, NULL};
