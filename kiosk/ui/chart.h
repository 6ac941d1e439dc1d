/* chart.h — drawing the body figure: region polygons filled with
 * SDL_RenderGeometry, outlines as thick polylines, the artwork from
 * assets/chart/<view>.svg underneath when it is there. Used by the chart
 * screen (whole figure, zoom), the patterns screen (small charts with a
 * referral zone) and anywhere else a figure helps. */
#ifndef PM_UI_CHART_H
#define PM_UI_CHART_H

#include "geometry.h"
#include "ui/app.h"

/* Union of the bounds of the regions of one view (chart units). */
geo_bounds chart_view_bounds(const pm_content *c, pm_view v);
/* Fits focus (chart units) into area, then zooms around (cx, cy). */
chart_xf chart_fit(SDL_Rect area, geo_bounds focus, double zoom, double cx, double cy);
geo_point chart_from_screen(chart_xf xf, int x, int y);
SDL_FPoint chart_to_screen(chart_xf xf, geo_point p);

/* Fill colour per region: 0xRRGGBB, or -1 for the plain body colour. */
typedef long (*chart_fill_fn)(const app *a, int region, void *ctx);
void chart_draw(app *a, pm_view v, chart_xf xf, chart_fill_fn fill, void *ctx);
/* A trigger point: a dark ring with a cross, big enough to see. */
void chart_draw_tp(app *a, SDL_FPoint p, float r);

/* A referral pattern as a small chart: primary zone shaded, spill-over
 * lighter, trigger points marked, cropped around the zone. Drawn once into
 * a picture and copied afterwards; selected says what is under area (a
 * selected card looks different), the picture keeps that. */
void chart_draw_pattern(app *a, int muscle, SDL_Rect area, bool selected);
/* Drops the pictures (all, or those drawn on a selected card: which
 * patterns a client chose is theirs). */
void chart_pictures_clear(app *a, bool only_selected);
/* Frees the artwork and the pictures (app_quit). */
void chart_free(app *a);

#endif
