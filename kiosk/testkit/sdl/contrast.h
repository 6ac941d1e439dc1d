/* contrast.h — non-text contrast measured on the drawn frame (WCAG 2.1,
 * 1.4.11): everything a client must see to find and use a control — a
 * button's outline or fill, a choice's tick box or radio button, a
 * waiting Next's dashed edge — against what is next to it, at least 3:1.
 *
 * Measured from the pixels, not from the palette: for each widget on
 * screen, the colour just inside its edge and the colour of its fill
 * (the commonest colour of a ring of pixels along its sides, clear of the
 * rounded corners) against the colour just outside it; the control is
 * found when either stands out 3:1. A choice's tick box or radio button
 * (w_indicator) is measured against the choice's own fill. The replay
 * driver runs it on every shot, so every golden picture at every size,
 * larger text included, is checked.
 *
 * Test kit, not kiosk. */
#ifndef PM_TESTKIT_CONTRAST_H
#define PM_TESTKIT_CONTRAST_H

#include <stddef.h>
#include <stdint.h>

#include "status.h"
#include "ui/app.h"

#define CONTRAST_MIN 3.0

typedef struct {
    double ratio;     /* the lowest found; 99 when nothing was measured */
    char what[256];   /* which control, its colours, where */
    int measured;     /* pairs measured */
} contrast_worst;

/* The WCAG contrast ratio of two 0xRRGGBB colours, 1..21. */
double contrast_ratio(uint32_t a, uint32_t b);

/* Measures the frame showing now. Appends one message to problems per
 * pair under CONTRAST_MIN (where names the picture, e.g. "welcome.png")
 * and keeps the lowest pair in *worst. Returns how many were too low, or
 * -1 when the frame cannot be read. */
int contrast_check(app *a, const char *where, contrast_worst *worst, pm_msgs *problems);

#endif
