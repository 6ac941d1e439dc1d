/* screens.h — the screen registry: the screen for each state of the
 * client's flow and of staff mode, the "are you still there?" overlay and
 * the "needs attention" screen. The app draws through this header only;
 * each screen's ops are defined in its own file (screen.h says what a
 * screen is). */
#ifndef PM_UI_SCREENS_H
#define PM_UI_SCREENS_H

#include "ui/screens/screen.h"

const screen_ops *screen_ops_for(pm_screen s);
const screen_ops *staff_ops_for(desk_screen s);
/* The surface with targets of its own on screen s, or NULL. */
const screen_surface *screen_surface_for(pm_screen s);

extern const screen_ops screen_welcome, screen_about, screen_name, screen_chart,
    screen_details, screen_screening, screen_patterns, screen_education,
    screen_preferences, screen_consent, screen_review, screen_saving, screen_thanks;
/* Learn (core/intake/learn.h), over Welcome while it is open. */
extern const screen_ops screen_learn;
extern const screen_surface chart_surface;
extern const screen_ops staff_pin_screen, staff_queue_screen, staff_intake_screen,
    staff_confirm_screen, staff_export_screen, staff_unlock_screen;

/* Ahead of need: asks for the artwork the client's next screens will draw
 * (chart.h, chart_want_*): the chart's figures on the screens one touch
 * from the chart (and let go elsewhere: 2.5 MB at 1280x800), the figures
 * pattern pictures are scaled from once the client has begun (or opened
 * Learn), a pattern's enlarged figure on the patterns screen.
 * In staff mode, the summary's charts. Not on Welcome: an idle kiosk stays
 * idle. */
void screens_want_art(screen_ctx *s);
/* ... what each of those screens asks for. */
void chart_screen_want_art(screen_ctx *s);
void patterns_want_art(screen_ctx *s, bool showing);
/* Between frames, when nothing else is to do: one piece of work the
 * client's next touches will need, done now (on the name screen and the
 * chart, the regions' circles a close-up is made from; on the safety
 * questions, the cards' pictures of the patterns that follow; on the
 * patterns, their enlarged pictures' outlines and dots; on review,
 * the picture of the first page read after the save; on staff's queue, the
 * outlines of the charts an intake shows). Returns whether it did one (call
 * again: more may be due); false when there is nothing to do. */
bool screens_ahead(screen_ctx *s);
bool patterns_ahead(screen_ctx *s);
bool patterns_big_ahead(screen_ctx *s);
void staff_intake_want_art(screen_ctx *s);
/* The outlines of both charts of an intake's summary (chart_outlines_ahead),
 * one view a call. */
bool staff_intake_ahead(screen_ctx *s);

/* The still-there overlay (over the screen it interrupts: its two buttons
 * replace every widget underneath; in Learn they answer Learn): the
 * screen dimmed around where its card goes, then the card. */
void overlay_layout(screen_ctx *s);
void overlay_dim(screen_ctx *s);
void overlay_draw(screen_ctx *s);
/* The needs-attention screen: a calm panel, no widgets. */
void attention_draw(screen_ctx *s);

#endif
