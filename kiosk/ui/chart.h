/* chart.h — drawing the body figure: region polygons filled with
 * SDL_RenderGeometry, outlines as thick polylines, the artwork from
 * assets/chart/<view>.svg underneath when it is there. Used by the chart
 * screen (whole figure, zoom), the patterns and education screens (small
 * charts with a referral zone) and the staff summary.
 *
 * A chart_art holds the artwork's rasters (ui/art.h: made once per size,
 * ahead of need), the outlines traced between frames (ui/chart_prep.h) and
 * the pattern pictures drawn from them. Which pattern a client chose shows
 * in its picture (a selected card), so chart_pictures_clear(only_selected)
 * is part of forgetting a client.
 *
 * Ownership: the caller owns the render context and the content, which
 * must outlive the chart_art; it owns its textures and the SVG text. */
#ifndef PM_UI_CHART_H
#define PM_UI_CHART_H

#include <SDL.h>
#include <stdbool.h>

#include "bodychart.h"
#include "content.h"
#include "geometry.h"
#include "ui/art.h"
#include "ui/render.h"

/* The body-chart transform: screen = o + chart * s. */
typedef struct {
    double s, ox, oy;
    SDL_Rect clip;
    bool art_once;               /* the artwork's raster is used once: keep none */
    bool own;                    /* ... scaled from the pictures' own figure when it
                                    is there, not a bigger one another screen keeps:
                                    the same pixels whichever screen came before */
} chart_xf;

typedef struct chart_art chart_art;

/* assets_dir NULL: no artwork (the figure from region outlines). NULL only
 * when out of memory. */
chart_art *chart_art_create(rctx *rc, const pm_content *c, const char *assets_dir);
void chart_art_destroy(chart_art *ch);
/* Draws no artwork from now on (the layout check: same layout, no
 * rasterising). */
void chart_art_skip(chart_art *ch);

/* Union of the bounds of the regions of one view (chart units). */
geo_bounds chart_view_bounds(const pm_content *c, pm_view v);
/* Fits focus (chart units) into area, then zooms around (cx, cy). */
chart_xf chart_fit(SDL_Rect area, geo_bounds focus, double zoom, double cx, double cy);
geo_point chart_from_screen(chart_xf xf, int x, int y);
SDL_FPoint chart_to_screen(chart_xf xf, geo_point p);

/* Fill colour per region: 0xRRGGBB, or -1 for the plain body colour. */
typedef long (*chart_fill_fn)(int region, void *ctx);
void chart_draw(chart_art *ch, pm_view v, chart_xf xf, chart_fill_fn fill, void *ctx);
/* Between frames: the outlines of view v's regions as chart_draw draws
 * them at xf (into the frame), traced and kept (one view at a time: the
 * last kept per view), so drawing there only fills them, the same pixels.
 * Returns whether it traced (false: kept already, or nothing to do). */
bool chart_outlines_ahead(chart_art *ch, pm_view v, chart_xf xf);
/* Forgets the kept outlines (their memory). */
void chart_art_drop_outlines(chart_art *ch);
/* The chart screen's figure in panel: the whole figure (the artwork,
 * rasterised once per size and view) or a close-up (drawn from the region
 * outlines once per close-up: the regions it can choose (their circles in
 * reach) in full, the others faded); then the marked regions (marked(region) >= 0) filled, hatched and
 * outlined, so a mark never relies on colour; the face on the front, the
 * spine and shoulder blades on the back; the region under a finger
 * (pressed, -1 none) outlined. unit: the screen's size unit. */
void chart_figure_draw(chart_art *ch, bodychart *b, const bodychart_view *cv, SDL_Rect panel,
                       geo_bounds reach, double unit, chart_fill_fn marked, void *ctx, int pressed);
/* The whole figure small in area, with the part close shows framed: where
 * a close-up is. whole: the whole figure as the chart panel (whole_panel)
 * shows it. */
void chart_minimap_draw(chart_art *ch, bodychart *b, const bodychart_view *whole,
                        const bodychart_view *close, geo_bounds whole_panel, SDL_Rect area);
/* A trigger point: a dark ring with a cross, big enough to see. */
void chart_draw_tp(rctx *rc, SDL_FPoint p, float r);

/* A referral pattern as a small chart: primary zone shaded, spill-over
 * lighter, trigger points marked, cropped around the zone. sides: the
 * client's sides shown (CHART_SIDE_LEFT | CHART_SIDE_RIGHT, the same bits
 * as the ranking's; 0 both): a pattern ranked for a left shoulder shows
 * on the left shoulder only, the middle of the body always. Drawn once
 * into a picture and copied afterwards; selected says what is under area
 * (a selected card looks different), the picture keeps that. */
#define CHART_SIDE_LEFT 1u
#define CHART_SIDE_RIGHT 2u
void chart_draw_pattern(chart_art *ch, int muscle, unsigned sides, SDL_Rect area,
                        bool selected);
/* Is the picture chart_draw_pattern would copy for these kept? */
bool chart_pattern_kept(chart_art *ch, int muscle, unsigned sides, SDL_Rect area, bool selected);
/* Draws what is under a picture at area (screen pixels) into the picture,
 * whose top left corner is origin: the same pixels the frame would hold
 * there when the screen draws it. */
typedef void (*chart_under_fn)(rctx *rc, SDL_Point origin, void *ctx);
/* The picture chart_draw_pattern(muscle, sides, area, selected) will copy,
 * made ahead, between frames (the target is the window's after it), over
 * what under() draws: so the touch that opens the screen copies it. Only
 * when the artwork it is scaled from is made (never waits for the worker)
 * and it is not kept already: returns whether it made it. anywhere: what
 * under() draws does not depend on where the picture goes (a page's
 * picture on its own panel): copied wherever a picture of that size is
 * asked for with the same muscle, sides (0 there only) and selected. */
bool chart_pattern_ahead(chart_art *ch, int muscle, unsigned sides, SDL_Rect area, bool selected,
                         bool anywhere, chart_under_fn under, void *ctx);
/* Between frames: the picture chart_draw_pattern(muscle, sides, area,
 * false) would make, prepared: its outlines traced and its spill-over dots
 * found (what depends only on the content and where it is drawn), so that
 * making it only fills and draws them, the same pixels (an enlarged
 * pattern at 1280x800: ~7 M instructions fewer on the touch). Kept for
 * six pictures at most (a screen of candidates), the least used given up,
 * each until its picture is made, chart_art_release(..., some) or
 * chart_pictures_clear.
 * Returns whether it prepared (false: prepared or made already). */
bool chart_pattern_prepare(chart_art *ch, int muscle, unsigned sides, SDL_Rect area);
/* Drops the pictures (all, or those drawn on a selected card: which
 * patterns a client chose is theirs). */
void chart_pictures_clear(chart_art *ch, bool only_selected);
/* The size changed: drops the pictures and the artwork's rasters. */
void chart_sizes_changed(chart_art *ch);

/* Ahead of need: the artwork's rasters screens will draw from, made on a
 * thread of their own while the client reads (ui/art.h), so that the touch
 * that shows them does not rasterise the SVG. The whole figure of view v
 * drawn for xf (the chart screen's, kept for this size; a staff summary's); */
void chart_want_figure(chart_art *ch, pm_view v, chart_xf xf, art_keep keep);
/* the whole figures pattern pictures drawn in an area area_h high (or in
 * half of it: both views) are scaled from, big enough for any pattern
 * there, and never under 70% of the screen's height (the close-up's map
 * and Learn's pictures are scaled from them too). */
void chart_want_pictures(chart_art *ch, int area_h, art_keep keep);
/* The chart screen showing view v: where artwork is drawn packed, the
 * raster its close-up's map is scaled from is kept as a texture too, made
 * now (between frames) rather than on the touch that opens a close-up
 * (ui/art.h art_keep_texture); let go by chart_art_release(figures). */
void chart_keep_map_art(chart_art *ch, pm_view v);
/* Memory back when the screens that drew them are gone: the chart
 * screen's pictures of its figures (made again from the rasters kept, on
 * the way back) and its close-up's, and the rasters asked for a pattern
 * enlarged or the staff summary (and the pictures prepared, some). */
void chart_art_release(chart_art *ch, bool figures, bool some);
/* The chart screen's whole figures dropped (their rasters: asked again,
 * on the worker, by the screens one touch from the chart). */
void chart_art_drop_figures(chart_art *ch);
/* What the worker made becomes textures now (ui/art.h art_adopt): after a
 * frame, not on the touch that first draws them. */
void chart_art_adopt(chart_art *ch);
/* Between frames, where the frame is drawn packed: one picture made on a
 * touch (a pattern's, the close-up's map) packed (ui/packed.h), its texture
 * freed. Reading a picture back and packing it is ~2 M instructions for
 * the close-up's map: not on the touch that opens a close-up. Returns
 * whether it packed one (more may be due). */
bool chart_art_pack(chart_art *ch);
/* Is the worker making something asked for? */
bool chart_art_busy(chart_art *ch);
/* Waits until what was asked for is made (headless: time passing lets the
 * work finish, as on the kiosk, and every replay is the same). */
void chart_art_settle(chart_art *ch);

#endif
