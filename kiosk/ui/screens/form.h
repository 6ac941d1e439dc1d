/* form.h — a page of questions as a list of items (a heading, the 0-10
 * scale, choices that wrap, a yes/no question with its answers, a notice,
 * a button), laid out in rows that fit the body and scroll by whole rows
 * when they do not (larger text, a long answer's notice). The details,
 * safety and preferences screens are forms; the same items look and
 * behave the same wherever they appear.
 *
 * A screen builds its items (form_item, pointing at its own chips and
 * texts) the same way in layout() and draw(), and calls form_layout() and
 * form_draw() with them. */
#ifndef PM_UI_FORM_H
#define PM_UI_FORM_H

#include "ui/screens/frame.h"

typedef enum {
    FI_LABEL,    /* a question or a heading: bold */
    FI_TEXT,     /* a paragraph */
    FI_NOTICE,   /* a calm notice panel */
    FI_SCALE,    /* the 0-10 strength scale (ids intensity_0..10), bands under it */
    FI_CHIPS,    /* choices that wrap across rows */
    FI_GRID,     /* choices in cols equal columns (0: as many as fit, evenly) */
    FI_QUESTION, /* a question with its answers beside it (or under it when narrow) */
    FI_BUTTON,   /* one button (chips[0]), outlined */
} fi_kind;

typedef struct {
    fi_kind kind;
    const char *text;    /* LABEL, TEXT, NOTICE, QUESTION; SCALE and GRID: a
                            label at their left on a wide page (else above) */
    const chip *chips;   /* CHIPS, GRID, QUESTION (its answers), BUTTON */
    int nchips;
    widget_style style;  /* chips: WS_CHOICE (any) or WS_RADIO (one) */
    int cols;            /* GRID */
    int value;           /* SCALE: the value chosen, or -1 */
} form_item;

#define FORM_MAX_ITEMS 48

void form_layout(screen_ctx *s, SDL_Rect area, const form_item *items, int n);
void form_draw(screen_ctx *s, SDL_Rect area, const form_item *items, int n);
/* The height the items need at area's width (no scrolling). */
int form_height(screen_ctx *s, SDL_Rect area, const form_item *items, int n);

#endif
