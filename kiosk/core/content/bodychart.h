/* bodychart.h — the body chart as a finger meets it: what a touch on the
 * figure means, and which close-up a touch opens. Pure geometry on the
 * content's regions (screen pixels in, decisions out): no SDL, no drawing,
 * no clock. The shell draws what this decides and the dispatcher sends the
 * flow what a touch means.
 *
 * Why a close-up, and how it is chosen (kiosk/README.md has the figures):
 * a finger needs a target at least BODYCHART_TARGET_PX across (9 mm on the
 * 7-inch panel); at whole-figure scale the largest region is 33 px and the
 * smallest 6 px, and no grouping of regions into areas fits both the whole
 * figure and one close-up per area on an 800x480 screen. So the whole
 * figure only chooses where to look: a touch anywhere on it opens a
 * close-up there, and only a close-up chooses a region.
 *   - The close-up's scale makes the smallest region near the finger a
 *     target: its largest inscribed circle at least BODYCHART_TARGET_PX
 *     across (times the screen's unit), with a margin.
 *   - It is anchored at the finger: the point touched stays where it was
 *     on the screen, unless that would leave the touched region (and the
 *     regions around it) cut off at the panel's edge; then the picture
 *     moves just enough to bring them in.
 *   - In a close-up a region is a target when its largest inscribed circle
 *     lies inside the panel and is big enough; the others are shown faded
 *     and a touch on them does nothing. Nothing moves while a finger is
 *     down, and a touch on a target means that region.
 *
 * Ownership: the bodychart keeps each region's largest inscribed circle,
 * computed the first time it is needed (content-derived, not client data);
 * the content must outlive it. */
#ifndef PM_BODYCHART_H
#define PM_BODYCHART_H

#include <stdbool.h>

#include "content.h"
#include "geometry.h"
#include "status.h"

/* The smallest target: the diameter of its largest inscribed circle in
 * pixels at 800x480 (9 mm on the 7-inch panel); other sizes multiply it by
 * their unit (the short side / 480), as every size in the layout does. */
#define BODYCHART_TARGET_PX 48.0
/* What a touch on the whole figure means: open the close-up there. */
#define BODYCHART_ZOOM (-2)

typedef struct {
    pm_view view;
    bool close;     /* a close-up; false: the whole figure */
    geo_xf xf;      /* chart units -> screen pixels */
    int around;     /* close-up: the region it was opened on (-1 none) */
} bodychart_view;

typedef struct bodychart bodychart;

/* PM_ERR_NOMEM when out of memory. */
pm_status bodychart_create(const pm_content *c, bodychart **out);
void bodychart_destroy(bodychart *b);

/* The union of the bounds of the regions of view v (chart units). */
geo_bounds bodychart_view_bounds(const bodychart *b, pm_view v);

/* The whole figure of view v, as large as it fits in panel (screen px). */
bodychart_view bodychart_whole(const bodychart *b, pm_view v, geo_bounds panel);

/* The close-up a touch at screen point at on the whole figure whole opens
 * (see the top of this file). unit: the screen's size unit. */
bodychart_view bodychart_close_up(bodychart *b, const bodychart_view *whole, geo_bounds panel,
                                  double unit, geo_point at);

/* The region under screen point at: the one containing it, or the nearest
 * within reach pixels; -1 when none. */
int bodychart_region_under(const bodychart *b, const bodychart_view *cv, geo_point at,
                           double reach);

/* Whether region r can be chosen in cv: a close-up, r of its view, its
 * largest inscribed circle inside the panel and at least the target size. */
bool bodychart_is_target(bodychart *b, const bodychart_view *cv, geo_bounds panel, double unit,
                         int r);

/* What a finger at screen point at touches: BODYCHART_ZOOM anywhere in the
 * panel on the whole figure; in a close-up the index of the target region
 * under it, or -1 (a faded region, outside the body, outside the panel).
 * keep: the target the finger went down on (-1 at the down), which a
 * finger wandering up to slop pixels off it still touches. A finger in no
 * region (on the seam between two, just off an outline) touches the
 * nearest within slop pixels. */
int bodychart_hit(bodychart *b, const bodychart_view *cv, geo_bounds panel, double unit,
                  geo_point at, int keep, double slop);

/* Region r's largest inscribed circle (chart units): its centre in *c;
 * computed once, then kept. */
double bodychart_circle(bodychart *b, int r, geo_point *c);
/* Computes the circles of at most max regions of view v not computed yet
 * (a close-up needs those of every region near the touch: ~3.5 M
 * instructions on the first of each view, which the UI does ahead, a few
 * at a time, while the chart shows). Returns how many it computed: 0 when
 * every one of v is known. */
int bodychart_warm(bodychart *b, pm_view v, int max);

/* Where a finger aims at region r in cv: the centre of the largest circle
 * inside the part of it within the panel (screen px); its radius in *radius.
 * false when no part of r is in the panel. For tests and tools. */
bool bodychart_aim(const bodychart *b, const bodychart_view *cv, geo_bounds panel, int r,
                   geo_point *at, double *radius);

#endif
