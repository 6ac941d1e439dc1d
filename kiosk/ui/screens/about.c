/* about.c — how it works and the privacy notice, in plain words: what is
 * kept, who reads it, and that this is education, not diagnosis. */
#include "ui/screens/frame.h"

static const char *const keys[] = {"ui.about.p1", "ui.about.p2", "ui.about.p3", "ui.about.p4"};

static void layout(screen_ctx *s)
{
    w_clear(s->wl);
    frame_spec f = {T(s, "ui.about.title"), "ui.next", true, false};
    frame_layout(s, &f);
}

static void draw(screen_ctx *s)
{
    frame_spec f = {T(s, "ui.about.title"), "ui.next", true, false};
    frame_draw(s, &f);
    const char *t[4];
    for (int i = 0; i < 4; i++)
        t[i] = T(s, keys[i]);
    text_paras(s->r, s->v->body, t, NULL, 4, FONT_BODY);
}

const screen_ops screen_about = {layout, draw, NULL, NULL};
