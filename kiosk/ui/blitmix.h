/* blitmix.h — how this SDL's software blitter blends a picture with alpha
 * onto the frame: which of the two forms of its arithmetic (ui/packed.h,
 * pk_mix) it uses for a texture's format onto the window's, found by
 * blending pixels of every alpha over varied colours with SDL itself.
 *
 * Why: packed pictures are drawn straight into the window's surface and
 * must give the pixels SDL's copy of the same texture gives (the goldens,
 * and the frame drawn in a texture, are those). SDL2 blends with its C
 * form on ARM and with its MMX form on x86, and a texture's channel order
 * picks the blitter (SDL_image's ABGR rasters are blended by the C form on
 * x86 too); a later SDL may do otherwise. Found, not assumed: when neither
 * form gives SDL's pixels, -1, and the caller draws textures as before.
 *
 * Ownership: a blitmix_cache is the caller's (zeroed to start); no state
 * elsewhere. */
#ifndef PM_UI_BLITMIX_H
#define PM_UI_BLITMIX_H

#include <SDL.h>

#define BLITMIX_PAIRS 4

typedef struct {
    struct {
        Uint32 from, to; /* a texture's format, the frame's; 0: unused */
        int mix;         /* pk_mix, or -1 */
    } pair[BLITMIX_PAIRS];
} blitmix_cache;

/* SDL's blend of pixels of format from onto pixels of format to, as a
 * pk_mix, or -1 (neither form, or SDL cannot make the test surfaces). */
int blitmix_find(Uint32 from, Uint32 to);
/* blitmix_find, once for each pair of formats. */
int blitmix_get(blitmix_cache *c, Uint32 from, Uint32 to);

#endif
