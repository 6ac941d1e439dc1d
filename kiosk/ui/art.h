/* art.h — the chart's artwork (assets/chart/<view>.svg) as rasters: made
 * once per size, kept, and made ahead of need on a thread of their own.
 *
 * Why ahead: SDL_image (nanosvg) parses and rasterises the whole SVG for
 * every raster, 50-140 M instructions at 1280x800, and the screens that
 * show the figure (the chart, the pattern pictures, a pattern enlarged,
 * the staff summary) would pay it on the touch that opens them. A screen
 * says which rasters it and the screens after it will need (art_want); a
 * worker thread makes them while the client reads, and the touch that
 * needs one finds it made (or waits for the rest of it; never makes it
 * twice). Textures are made on the caller's thread, from the worker's
 * surfaces, when first used.
 *
 * What is kept: rasters asked with ART_KEEP_SIZE (the chart screen's two
 * figures, the small figures pattern pictures are scaled from) until the
 * size changes (art_forget); at most ART_SOME others (a pattern enlarged,
 * the staff summary's charts), the least recently used going first.
 *
 * Headless (replays, the bench) the caller's clock is virtual: art_settle
 * waits for what was asked, so that time passing lets the work finish, as
 * it would on the kiosk, and every run is the same.
 *
 * Ownership: the renderer is the caller's and must outlive the cache; the
 * cache owns its thread, surfaces, textures and the SVG text. */
#ifndef PM_UI_ART_H
#define PM_UI_ART_H

#include <SDL.h>
#include <stdbool.h>

#include "content.h"

typedef struct art_cache art_cache;

typedef enum { ART_KEEP_SIZE, ART_KEEP_SOME } art_keep;

/* assets_dir "" or NULL: no artwork. NULL only when out of memory. */
art_cache *art_create(SDL_Renderer *ren, const char *assets_dir);
void art_destroy(art_cache *c);
/* No artwork from now on (the layout check). */
void art_skip(art_cache *c);
/* Does view v have artwork (its SVG read, once)? */
bool art_has(art_cache *c, pm_view v);
/* The artwork failed to draw: no artwork for v from now on. */
void art_missing(art_cache *c, pm_view v);

/* The raster of view v's figure drawn fw x fh pixels covering at least
 * part of it (figure pixels): one kept, or being made (waited for), or
 * made now. *have: what the texture covers, in figure pixels. NULL when
 * it cannot be made. */
SDL_Texture *art_get(art_cache *c, pm_view v, int fw, int fh, SDL_Rect part, art_keep keep,
                     SDL_Rect *have);
/* The smallest raster kept (or being made) of the whole figure of v at
 * least w wide (own: the one fw x fh when it is there, so that what is
 * drawn from it does not depend on what else happens to be kept); else
 * one made now, fw x fh. *rw: its width. */
SDL_Texture *art_get_whole(art_cache *c, pm_view v, int w, int fw, int fh, bool own, int *rw);
/* Asks for a raster ahead: made on the worker thread unless kept already. */
void art_want(art_cache *c, pm_view v, int fw, int fh, SDL_Rect part, art_keep keep);
/* Is the worker making (or about to make) anything? */
bool art_busy(art_cache *c);
/* Waits until every raster asked for is made. */
void art_settle(art_cache *c);
/* Drops every raster (the size changed). */
void art_forget(art_cache *c);
/* The rasters the worker has made become textures now, on the caller's
 * thread (a surface and its texture are both alive while one is made from
 * the other: better on a calm frame than on the touch that opens a screen
 * already holding big pictures). */
void art_adopt(art_cache *c);
/* Drops the rasters (made, asked or being made) of view v at fw x fh,
 * however they are kept: a screen that kept them is out of reach. */
void art_drop(art_cache *c, pm_view v, int fw, int fh);
/* Drops the rasters asked for with ART_KEEP_SOME (the screen that wanted
 * them is gone: their memory back). */
void art_release_some(art_cache *c);

#endif
