/* screen.c — the text every screen asks for (see screen.h).
 *
 * Why here and not in the app: the screens all need it, and the app needs
 * the screens; with T() in the app, every screen and the app called each
 * other (one link cycle of 21 files). */
#include "ui/screens/screen.h"

const char *T(const screen_ctx *s, const char *key)
{
    if (!s->content)
        return key;
    return content_text(s->content, s->flow ? flow_lang(s->flow) : 0, key);
}

const char *TS(const screen_ctx *s, const char *key)
{
    if (!s->content)
        return key;
    return content_text(s->content, s->desk ? desk_lang(s->desk) : 0, key);
}
