/* screens.c — the screen registry (which screen shows each state of the
 * flow and of the desk), the "are you still there?" overlay and the "needs
 * attention" screen (drawn with primitives only, because it must work when
 * the font or the content is what is missing).
 *
 * Why the table lives here and not beside each screen: the registry is the
 * only file that knows every screen, so screens depend on their kit and
 * never on each other or on the app. */
#include "ui/screens/screens.h"

#include "ui/screens/frame.h"

const screen_ops *screen_ops_for(pm_screen s)
{
    switch (s) {
    case SCREEN_WELCOME: return &screen_welcome;
    case SCREEN_ABOUT: return &screen_about;
    case SCREEN_NAME: return &screen_name;
    case SCREEN_CHART: return &screen_chart;
    case SCREEN_DETAILS: return &screen_details;
    case SCREEN_SCREENING: return &screen_screening;
    case SCREEN_PATTERNS: return &screen_patterns;
    case SCREEN_EDUCATION: return &screen_education;
    case SCREEN_PREFERENCES: return &screen_preferences;
    case SCREEN_CONSENT: return &screen_consent;
    case SCREEN_REVIEW: return &screen_review;
    case SCREEN_SAVING: return &screen_saving;
    case SCREEN_THANKS:
    case SCREEN_COUNT: break;
    }
    return &screen_thanks;
}

/* Is the chart one touch away (or showing)? Name's Next, the first
 * details page's Back and review's Edit lead to it. */
static bool chart_in_reach(pm_screen now)
{
    return now == SCREEN_NAME || now == SCREEN_CHART || now == SCREEN_DETAILS ||
           now == SCREEN_REVIEW;
}

void screens_want_art(screen_ctx *s)
{
    if (!s->flow || !s->art || r_measure_only(s->r))
        return;
    /* what the worker made becomes textures on this calm moment, not on
     * the touch that shows it beside big pictures already made */
    chart_art_adopt(s->art);
    if (s->desk && desk_is_open(s->desk)) {
        chart_art_release(s->art, true, false);
        chart_art_drop_figures(s->art);
        staff_intake_want_art(s);
        return;
    }
    chart_art_drop_outlines(s->art); /* staff's charts: traced again next time */
    bool learning = s->learn && learn_is_open(s->learn);
    pm_screen now = flow_screen(s->flow);
    /* what screens no longer showing kept, back; the chart screen's whole
     * figures (2.5 MB at 1280x800) only while it is in reach: asked again,
     * on the worker, on the screens one touch from it */
    chart_art_release(s->art, now != SCREEN_CHART || learning,
                      now != SCREEN_PATTERNS || learning);
    bool reach = chart_in_reach(now) && !learning;
    if (!reach)
        chart_art_drop_figures(s->art);
    if (now == SCREEN_WELCOME && !learning)
        return;
    if (reach)
        chart_screen_want_art(s);
    patterns_want_art(s, now == SCREEN_PATTERNS && !learning);
}

bool screens_ahead(screen_ctx *s)
{
    if (!s->flow || !s->art || r_measure_only(s->r))
        return false;
    /* staff's queue: the outlines of the charts of the intake opened next */
    if (s->desk && desk_is_open(s->desk))
        return desk_screen_now(s->desk) == DESK_QUEUE && staff_intake_ahead(s);
    if (s->learn && learn_is_open(s->learn))
        return false;
    pm_screen now = flow_screen(s->flow);
    /* the chart, and the screen before it: the circles of the regions (a
     * close-up is made from them), the view showing first */
    if ((now == SCREEN_NAME || now == SCREEN_CHART) && s->bodies) {
        pm_view v = flow_view(s->flow), o = v == VIEW_FRONT ? VIEW_BACK : VIEW_FRONT;
        if (bodychart_warm(s->bodies, v, 4) > 0 || bodychart_warm(s->bodies, o, 4) > 0)
            return true;
    }
    /* the screen before the patterns (the safety questions; its last page
     * leads there): their cards' pictures */
    if (now == SCREEN_SCREENING)
        return patterns_ahead(s);
    /* the patterns: their enlarged pictures' outlines and dots */
    if (now == SCREEN_PATTERNS)
        return patterns_big_ahead(s);
    /* review: the first page of the reading after the save shows the
     * first pattern chosen */
    const intake *in = flow_intake(s->flow);
    if (now == SCREEN_REVIEW && in->npatterns > 0)
        return page_picture_ahead(s, in->patterns[0]);
    return false;
}

const screen_surface *screen_surface_for(pm_screen s)
{
    return s == SCREEN_CHART ? &chart_surface : NULL;
}

const screen_ops *staff_ops_for(desk_screen s)
{
    switch (s) {
    case DESK_PIN: return &staff_pin_screen;
    case DESK_UNLOCK: return &staff_unlock_screen;
    case DESK_QUEUE: return &staff_queue_screen;
    case DESK_INTAKE: return &staff_intake_screen;
    case DESK_CONFIRM_DELETE: return &staff_confirm_screen;
    case DESK_EXPORT:
    case DESK_EXPORTING:
    case DESK_EXPORT_DONE: return &staff_export_screen;
    case DESK_CLOSED: break;
    }
    return &staff_queue_screen;
}

static SDL_Rect card(const screen_ctx *s)
{
    return dialog_card(s->r, 80, 70, 620, 400);
}

/* The overlay replaces every widget underneath: only its two buttons work. */
void overlay_layout(screen_ctx *s)
{
    w_clear(s->wl);
    SDL_Rect c = card(s);
    int m = px(s->r, 20), bh = px(s->r, s->v->large_text ? 80 : 66);
    int y = c.y + c.h - m - bh;
    int half = (c.w - 3 * m) / 2;
    SDL_Rect out = {c.x + m, y, half, bh}, stay = {c.x + 2 * m + half, y, half, bh};
    widget *so;
    if (s->learn && learn_still_there(s->learn)) {
        so = w_learn(s->wl, "start_over", out, WS_SECONDARY, T(s, "ui.idle.start_over"), LEARN_EV_EXIT, 0);
        so->compact = s->v->large_text;
        w_learn(s->wl, "still_here", stay, WS_PRIMARY, T(s, "ui.idle.continue"), LEARN_EV_STILL_HERE, 0);
        return;
    }
    so = w_flow(s->wl, "start_over", out, WS_SECONDARY, T(s, "ui.idle.start_over"), EV_START_OVER, 0);
    so->compact = s->v->large_text;
    w_flow(s->wl, "still_here", stay, WS_PRIMARY, T(s, "ui.idle.continue"), EV_STILL_HERE, 0);
}

/* The card's corner: as r_round rounds it. */
static int card_radius(const screen_ctx *s, SDL_Rect c)
{
    int radius = px(s->r, 18);
    if (radius * 2 > c.w)
        radius = c.w / 2;
    if (radius * 2 > c.h)
        radius = c.h / 2;
    return radius < 2 ? 0 : radius;
}

void overlay_dim(screen_ctx *s)
{
    /* The screen dimmed all round the card, which is opaque: not under it
     * but for its rounded corners (a third of the pixels blended less). */
    SDL_Rect c = card(s);
    int k = card_radius(s, c), right = c.x + c.w, bottom = c.y + c.h;
    SDL_Rect around[8] = {{0, 0, s->lw, c.y},
                          {0, bottom, s->lw, s->lh - bottom},
                          {0, c.y, c.x, c.h},
                          {right, c.y, s->lw - right, c.h},
                          {c.x, c.y, k, k},
                          {right - k, c.y, k, k},
                          {c.x, bottom - k, k, k},
                          {right - k, bottom - k, k, k}};
    for (int i = 0; i < 8; i++)
        if (around[i].w > 0 && around[i].h > 0)
            r_veil(s->r, around[i], 0x1B2830, 170);
}

void overlay_draw(screen_ctx *s)
{
    SDL_Rect c = card(s);
    r_round(s->r, c, px(s->r, 18), COL_SURFACE);
    int m = px(s->r, 20);
    t_box(s->r, (SDL_Rect){c.x + m, c.y + m, c.w - 2 * m, px(s->r, 52)}, T(s, "ui.idle.title"),
          FONT_TITLE, true, COL_INK, AL_CENTRE, true);
    char line[256];
    uint32_t grace = s->learn && learn_still_there(s->learn) ? learn_grace_left(s->learn, s->now)
                                                             : flow_grace_left(s->flow, s->now);
    uint32_t left = (grace + 999) / 1000;
    tfmt(line, sizeof line, T(s, "ui.idle.countdown"), (long)left, 0);
    int top = c.y + m + px(s->r, 60);
    int bottom = c.y + c.h - m - px(s->r, 66) - px(s->r, 10);
    t_box(s->r, (SDL_Rect){c.x + m, top, c.w - 2 * m, bottom - top}, line, FONT_BODY, false, COL_INK,
          AL_CENTRE, true);
    w_draw_all(s->r, s->wl);
}

/* A calm blue panel with a large "i" made of shapes: no text needed. Staff
 * find the reason in the log (stderr / journal). If a font is there, a short
 * bilingual line is added. */
void attention_draw(screen_ctx *s)
{
    r_clear(s->r, 0xE4EEF2);
    float cx = s->lw / 2.0f, cy = s->lh * 0.4f;
    float r = (float)(s->lh < s->lw ? s->lh : s->lw) * 0.16f;
    r_circle(s->r, cx, cy, r, COL_PRIMARY, 255);
    r_circle(s->r, cx, cy - r * 0.5f, r * 0.13f, 0xFFFFFF, 255);
    SDL_Rect bar = {(int)(cx - r * 0.11f), (int)(cy - r * 0.22f), (int)(r * 0.22f), (int)(r * 0.75f)};
    r_rect(s->r, bar, 0xFFFFFF);
    if (r_has_font(s->r, false) && r_has_font(s->r, true)) {
        SDL_Rect tr = {px(s->r, 30), (int)(cy + r + px(s->r, 20)), s->lw - px(s->r, 60), px(s->r, 110)};
        t_box(s->r, tr,
              "This kiosk needs attention. Please tell a member of staff.\n"
              "Este quiosco necesita atención. Por favor, avise al personal.",
              FONT_BODY, true, COL_INK, AL_CENTRE, false);
    }
}
