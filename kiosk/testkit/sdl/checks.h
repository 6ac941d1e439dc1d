/* checks.h — checks a test runs on the frame the client sees: every shot
 * of a golden replay goes through kit_check_frame.
 *
 * Target size: what a finger can hit is measured the way a finger meets
 * it, not from the drawing: every pixel of the frame is asked what a touch
 * there would act on (app_target_at: a widget, or a chart region in a
 * close-up), and each target's largest inscribed circle is measured over
 * the pixels that act on it (an exact distance transform). The rule: at
 * least KIT_TARGET_PX across at 800x480, times the screen's unit at other
 * sizes (the short side / 480: 80 px at 1280x800, 72 px at 720x1280), the
 * same unit every size in the layout uses.
 *
 * The test kit, not the kiosk: nothing in kiosk/ui or kiosk/core uses it. */
#ifndef PM_TESTKIT_CHECKS_H
#define PM_TESTKIT_CHECKS_H

#include <stdbool.h>
#include <stddef.h>

#include "ui/app.h"

#define KIT_TARGET_PX 48.0

/* The largest circle inside the pixels of a w x h grid where in[] is
 * non-zero (pixels outside the grid do not count as inside): its diameter
 * in pixels, its centre in *cx, *cy. 0 when none is inside. */
double kit_inscribed(const unsigned char *in, int w, int h, int *cx, int *cy);

/* What a touch acts on at every pixel of the frame now: *names gets the
 * distinct names (index 0 is "", nothing), map[y * w + x] their indices.
 * Returns the number of names, or -1 when out of memory (why says so).
 * The caller frees map and each name (kit_hitmap_free). */
typedef struct {
    int w, h;
    unsigned short *map;
    char **names;
    int count;
} kit_hitmap;
bool kit_hitmap_make(app *a, kit_hitmap *hm, char *why, size_t why_size);
void kit_hitmap_free(kit_hitmap *hm);
/* The largest circle inside where hm says name acts (diameter, centre). */
double kit_hitmap_circle(const kit_hitmap *hm, int index, int *cx, int *cy);

/* The least diameter a target may have at this app's size. */
double kit_target_min(app *a);

/* Every target on the frame now at least kit_target_min across, but for
 * the few listed in checks.c as known (each says why and where it is to be
 * fixed). false with the ones that are not in why ("'key_a' 44 px across
 * (at 180, 310), needs 72"). */
bool kit_check_targets(app *a, char *why, size_t why_size);

/* Every check a shot goes through (target size, and what others add). */
bool kit_check_frame(app *a, char *why, size_t why_size);

#endif
