/* about.c — how it works and the privacy notice, in plain words: what is
 * kept, who reads it, and that this is education, not diagnosis. */
#include "ui/screens/screens.h"

static const char *const keys[] = {"ui.about.p1", "ui.about.p2", "ui.about.p3", "ui.about.p4"};

static void layout(app *a)
{
    w_clear(a);
    frame_spec f = {T(a, "ui.about.title"), "ui.next", true, false};
    frame_layout(a, &f);
}

static void draw(app *a)
{
    frame_spec f = {T(a, "ui.about.title"), "ui.next", true, false};
    frame_draw(a, &f);
    const char *t[4];
    for (int i = 0; i < 4; i++)
        t[i] = T(a, keys[i]);
    text_paras(a, a->body, t, NULL, 4, FONT_BODY);
}

const screen_ops screen_about = {layout, draw, NULL};
