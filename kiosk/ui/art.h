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
 * How kept: packed (ui/packed.h; a figure at 1280x800 is ~2.8 MB as a
 * texture, a tenth of that packed), drawn straight into the frame where it
 * is the window's surface (r_packs); a texture is made from the packed
 * raster only when one is asked for (a picture drawn into a texture, a
 * raster scaled) and let go with art_shed_textures. With
 * art_use_textures(true) (a GPU's renderer, a turned frame) rasters are
 * textures as they are made, as before.
 *
 * Ownership: the renderer is the caller's and must outlive the cache; the
 * cache owns its thread, surfaces, packed rasters, textures and the SVG
 * text; what art_get* return stays the cache's. */
#ifndef PM_UI_ART_H
#define PM_UI_ART_H

#include <SDL.h>
#include <stdbool.h>

#include "content.h"
#include "ui/packed.h"

typedef struct art_cache art_cache;

typedef enum { ART_KEEP_SIZE, ART_KEEP_SOME } art_keep;

/* The layout of the rasters' pixels (SDL_image's: nanosvg's RGBA bytes). */
#define ART_FORMAT SDL_PIXELFORMAT_ABGR8888

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
/* art_get's raster packed, to draw straight into the frame (r_draw_packed,
 * as ART_FORMAT): NULL when it cannot be made or is kept as a texture. */
const pk_pic *art_get_packed(art_cache *c, pm_view v, int fw, int fh, SDL_Rect part,
                             art_keep keep, SDL_Rect *have);
/* The smallest raster kept (or being made) of the whole figure of v at
 * least w wide (own: the one fw x fh when it is there, so that what is
 * drawn from it does not depend on what else happens to be kept); else
 * one made now, fw x fh. *rw: its width. */
SDL_Texture *art_get_whole(art_cache *c, pm_view v, int w, int fw, int fh, bool own, int *rw);
/* A texture of part (raster pixels) of a packed raster, as art_get's
 * would be: the caller's, to destroy. NULL when it cannot be made. */
SDL_Texture *art_texture_of_packed(SDL_Renderer *ren, const pk_pic *pk, SDL_Rect part);
/* The width of the raster art_get_whole would draw from now (fw when it
 * would make one). */
int art_whole_width(art_cache *c, pm_view v, int w, int fw, int fh, bool own);
/* art_get_whole's raster packed (NULL when it is kept as a texture). */
const pk_pic *art_get_whole_packed(art_cache *c, pm_view v, int w, int fw, int fh, bool own,
                                   int *rw);
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
/* Rasters made as textures from now on (true: a GPU's renderer, a turned
 * frame), or packed (false, the start). */
void art_use_textures(art_cache *c, bool textures);
/* Lets go of the textures made from packed rasters (a picture that asked
 * for one is made), but art_keep_texture's. */
void art_shed_textures(art_cache *c);
/* Packed, the smallest whole raster kept of view v also keeps a texture,
 * made between frames (art_adopt), until another view or VIEW_COUNT (none)
 * is named: the chart screen's close-up map is scaled from it on the touch
 * that opens a close-up (unpacked there, 0.85 MB at 1280x800, it made that
 * touch ~2.5 M instructions dearer). art_get_whole_packed then returns
 * NULL for it: art_get_whole draws from the texture. */
void art_keep_texture(art_cache *c, pm_view v);
/* Drops the rasters asked for with ART_KEEP_SOME (the screen that wanted
 * them is gone: their memory back). */
void art_release_some(art_cache *c);

#endif
