/* screens.c — the table of screens, the "are you still there?" overlay and
 * the "needs attention" screen (drawn with primitives only, because it must
 * work when the font or the content is what is missing). */
#include <stdio.h>

#include "ui/screens/screens.h"

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

static SDL_Rect card(const app *a)
{
    return dialog_card(a, 80, 70, 620, 400);
}

/* The overlay replaces every widget underneath: only its two buttons work. */
void overlay_layout(app *a)
{
    w_clear(a);
    SDL_Rect c = card(a);
    int m = px(a, 20), bh = px(a, 66);
    int y = c.y + c.h - m - bh;
    int half = (c.w - 3 * m) / 2;
    w_flow(a, "start_over", (SDL_Rect){c.x + m, y, half, bh}, WS_SECONDARY,
           T(a, "ui.idle.start_over"), EV_START_OVER, 0);
    w_flow(a, "still_here", (SDL_Rect){c.x + 2 * m + half, y, half, bh}, WS_PRIMARY,
           T(a, "ui.idle.continue"), EV_STILL_HERE, 0);
}

void overlay_draw(app *a)
{
    r_set(a, 0x1B2830, 170);
    SDL_RenderFillRect(a->ren, NULL);
    SDL_Rect c = card(a);
    r_round(a, c, px(a, 18), COL_SURFACE);
    int m = px(a, 20);
    t_box(a, (SDL_Rect){c.x + m, c.y + m, c.w - 2 * m, px(a, 52)}, T(a, "ui.idle.title"),
          FONT_TITLE, true, COL_INK, AL_CENTRE, true);
    char line[256];
    uint32_t left = (flow_grace_left(a->flow, a->now) + 999) / 1000;
    tfmt(line, sizeof line, T(a, "ui.idle.countdown"), (long)left, 0);
    int top = c.y + m + px(a, 60);
    int bottom = c.y + c.h - m - px(a, 66) - px(a, 10);
    t_box(a, (SDL_Rect){c.x + m, top, c.w - 2 * m, bottom - top}, line, FONT_BODY, false, COL_INK,
          AL_CENTRE, true);
    w_draw_all(a);
}

/* A calm blue panel with a large "i" made of shapes: no text needed. Staff
 * find the reason in the log (stderr / journal). If a font is there, a short
 * bilingual line is added. */
void attention_draw(app *a)
{
    r_clear(a, 0xE4EEF2);
    float cx = a->lw / 2.0f, cy = a->lh * 0.4f;
    float r = (float)(a->lh < a->lw ? a->lh : a->lw) * 0.16f;
    r_circle(a, cx, cy, r, COL_PRIMARY, 255);
    r_circle(a, cx, cy - r * 0.5f, r * 0.13f, 0xFFFFFF, 255);
    SDL_Rect bar = {(int)(cx - r * 0.11f), (int)(cy - r * 0.22f), (int)(r * 0.22f), (int)(r * 0.75f)};
    r_rect(a, bar, 0xFFFFFF);
    if (a->font[0] && a->font[1]) {
        SDL_Rect tr = {px(a, 30), (int)(cy + r + px(a, 20)), a->lw - px(a, 60), px(a, 110)};
        t_box(a, tr,
              "This kiosk needs attention. Please tell a member of staff.\n"
              "Este quiosco necesita atención. Por favor, avise al personal.",
              FONT_BODY, true, COL_INK, AL_CENTRE, false);
    }
}
