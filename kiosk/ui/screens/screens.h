/* screens.h — one file per screen, each with the same three parts:
 *   layout(): add the widgets for the current state at the logical size;
 *   draw():   draw what is not a plain widget (titles, text, the chart);
 *   hit():    a touch that landed on no widget but on an ACT_AREA the
 *             screen owns (the chart, the signature pad); may be NULL.
 * No screen reaches into another; they share only ui/ helpers. */
#ifndef PM_UI_SCREENS_H
#define PM_UI_SCREENS_H

#include "ui/app.h"
#include "ui/widgets.h"

typedef struct {
    void (*layout)(app *a);
    void (*draw)(app *a);
    /* A finger on an ACT_AREA widget: down (starts) or moving. */
    void (*area)(app *a, const widget *w, int x, int y, bool starts);
} screen_ops;

const screen_ops *screen_ops_for(pm_screen s);

extern const screen_ops screen_welcome, screen_about, screen_name, screen_chart,
    screen_details, screen_screening, screen_patterns, screen_education,
    screen_preferences, screen_consent, screen_review, screen_saving, screen_thanks;

/* The still-there overlay and the needs-attention screen. */
void overlay_layout(app *a);
void overlay_draw(app *a);
void attention_draw(app *a);

#endif
