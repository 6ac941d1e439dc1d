/* hands.c — pressing and typing the way a finger does (see hands.h).
 *
 * Why in the test kit and not in each tool: the replay driver and the UI
 * bench both press and type; one copy means what is timed is what is
 * tested. */
#include "hands.h"

#include <stdio.h>
#include <string.h>

#include "ui/keyboard.h"

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

bool kit_press(app *a, const char *id, char *why, size_t why_size)
{
    const widget *w = app_widget(a, id);
    if (!w) {
        char ids[600];
        list_ids(a, ids, sizeof ids);
        snprintf(why, why_size, "no '%s' on the %s screen (here: %s)", id, app_screen_name(a), ids);
        return false;
    }
    SDL_Point p = {w->px, w->py};
    if (!SDL_PointInRect(&p, &w->r)) {
        snprintf(why, why_size, "'%s' is not visible now (zoomed in elsewhere, or off the chart)",
                 id);
        return false;
    }
    const flow *f = app_flow(a);
    bool region = w->act == ACT_AREA && f && flow_screen(f) == SCREEN_CHART;
    double zoom = app_view(a)->chart.zoom;
    app_tap(a, w->px, w->py);
    if (region && app_view(a)->chart.zoom > zoom) {
        /* The touch zoomed in around a small region, as it does for a
         * finger: touch it again in the zoomed view. */
        w = app_widget(a, id);
        if (!w) {
            snprintf(why, why_size, "'%s' vanished after zooming in", id);
            return false;
        }
        app_tap(a, w->px, w->py);
    }
    return true;
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
