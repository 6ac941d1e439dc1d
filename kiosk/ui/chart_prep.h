/* chart_prep.h — what the chart (ui/chart.c) prepares between frames and
 * keeps, so that the touch that draws a chart only fills and draws it:
 *
 * - a view's region outlines traced at one transform (chart_outlines_ahead):
 *   the rectangles r_outline fills for each region (r_outline_rects). Tracing
 *   the 134 outlines of staff's two small charts was ~5 M instructions at
 *   1280x800, most of opening an intake;
 * - a pattern's enlarged picture prepared (chart_pattern_prepare): for each
 *   of the (at most two) views it shows, its outlines traced and its
 *   spill-over dots found (a point-in-polygon test each: 2.4 M of the 3.7 M
 *   instructions an enlarged picture's dots cost at 1280x800).
 *
 * Why: a touch must stay under 20 M instructions on a Pi, and tracing on the
 * touch cost too much; so it is done between frames, and drawing at the
 * very same transform and width only fills what was traced: the same
 * pixels. Which regions are traced, and where, is what the chart draws:
 * it says so itself (prep_outline_fn), one definition for both.
 *
 * What is kept: per view, the last outlines traced for it; at most
 * six prepared pictures (a screen of candidates), the least used
 * given up first, each until the caller frees it (its picture made, the
 * client forgotten, memory given back). All of it depends only on the
 * content and where it is drawn: no client data.
 *
 * Ownership: the caller owns the render context and the content, which
 * must outlive the store; the store owns every set it hands out (the
 * pointers stay valid until prep_destroy; freeing a set empties it). Out
 * of memory a set is left invalid (the caller frees it) and the chart
 * traces as it draws, as before. */
#ifndef PM_UI_CHART_PREP_H
#define PM_UI_CHART_PREP_H

#include <SDL.h>
#include <stdbool.h>
#include <stddef.h>

#include "content.h"
#include "ui/chart.h"
#include "ui/render.h"

typedef struct prep_store prep_store;
/* The outline rectangles of a view's regions traced at one transform. */
typedef struct prep_outlines prep_outlines;
/* The spill-over dots of one view of a pattern, where they fall at one
 * transform, in drawing order. */
typedef struct prep_dots prep_dots;
/* A pattern's picture prepared: its views' outlines and dots. */
typedef struct prep_pattern prep_pattern;

/* The most points an outline traced may have. */
enum { PREP_MAXP = 512 };
/* Region i's outline as the chart draws it for view v at xf: its points
 * on screen into pts (room for PREP_MAXP), their number; -1 when the
 * chart does not draw it there. The chart's own (called through the
 * pointer: the chart uses this store, not the other way round). */
typedef int (*prep_outline_fn)(const pm_content *c, size_t i, pm_view v, chart_xf xf,
                               SDL_FPoint *pts);

/* NULL only when out of memory. */
prep_store *prep_create(rctx *rc, const pm_content *c, prep_outline_fn outline);
void prep_destroy(prep_store *s);

/* ---- outlines --------------------------------------------------------------- */

/* The outlines kept for view v (chart_draw's). */
prep_outlines *prep_view_outlines(prep_store *s, pm_view v);
/* Between frames: view v's outlines as chart_draw draws them at xf into
 * the frame (clipped to xf.clip) with width lw, traced and kept in place of
 * those kept for v. Returns whether it traced (false: kept already, or
 * nothing to do). */
bool prep_outlines_ahead(prep_store *s, pm_view v, chart_xf xf, float lw);
/* Were o traced at xf within area (where drawing lands) with width lw? */
bool prep_outlines_match(const prep_outlines *o, chart_xf xf, SDL_Rect area, float lw);
/* Traces every region of view v drawn at xf within area into o (empty).
 * False when out of memory. */
bool prep_outlines_trace(prep_store *s, prep_outlines *o, pm_view v, chart_xf xf, SDL_Rect area,
                         float lw);
/* Fills region i's kept rectangles: the pixels r_outline would draw. */
void prep_outlines_fill(rctx *rc, const prep_outlines *o, size_t i, unsigned rgb, Uint8 alpha);
/* Empties o (its memory back). */
void prep_outlines_free(prep_outlines *o);
/* Empties the outlines kept for every view. */
void prep_drop_outlines(prep_store *s);

/* ---- spill-over dots -------------------------------------------------------- */

/* Adds a dot to d (being found). False when out of memory. */
bool prep_dots_add(prep_dots *d, SDL_FPoint p);
/* d found, for xf: valid from now on. */
void prep_dots_done(prep_dots *d, chart_xf xf);
/* The dots of d (NULL: none) when they were found for xf: *pt, *n. */
bool prep_dots_at(const prep_dots *d, chart_xf xf, const SDL_FPoint **pt, int *n);

/* ---- prepared patterns ------------------------------------------------------ */

/* The picture of muscle and sides w x h prepared, or NULL. */
prep_pattern *prep_find(prep_store *s, int muscle, unsigned sides, int w, int h);
/* A place for the picture of muscle and sides w x h: an empty one, else
 * the least used, emptied; its sets empty, to be traced and found. */
prep_pattern *prep_room(prep_store *s, int muscle, unsigned sides, int w, int h);
/* View i's outlines and dots (i: 0, or 1 the second of two side by side). */
prep_outlines *prep_pattern_outlines(prep_pattern *p, int i);
prep_dots *prep_pattern_dots(prep_pattern *p, int i);
/* Empties p (no longer found). */
void prep_free(prep_pattern *p);
/* Empties every prepared picture. */
void prep_drop_patterns(prep_store *s);

#endif
