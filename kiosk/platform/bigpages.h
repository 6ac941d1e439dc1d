/* bigpages.h — an allocator for SDL's large blocks (whole-frame surfaces
 * and textures, artwork rasters) that asks the kernel for 2 MiB pages
 * where it can (transparent huge pages, madvise mode), and the C library's
 * malloc for everything else.
 *
 * Why: a frame at 1280x800 is 4 MB, and the software renderer clears
 * each one it makes; with 4 KiB pages that is a thousand page faults per
 * frame-sized block at start-up (the window's surface and the frame: ~2000
 * of the ~3100 faults before the first frame), and on a virtual machine a
 * fault costs ~10 us. With 2 MiB pages it is two. Nothing else changes:
 * the same bytes, the same memory resident (a block is mapped at its own
 * length; only the 2 MiB-aligned whole pages inside it become huge pages),
 * and where the kernel has no huge pages the madvise is refused and the
 * pages are ordinary ones.
 *
 * The four functions have the shapes of malloc, calloc, realloc and free,
 * for SDL_SetMemoryFunctions (ui/display.c). Blocks from the C library's
 * malloc may be passed to bigpages_free and bigpages_realloc (SDL frees
 * what it allocated before the functions were set). The few large blocks
 * live are kept in a small table behind a lock: process-wide state, as SDL's
 * memory functions are. Platform glue: no SDL. */
#ifndef PM_BIGPAGES_H
#define PM_BIGPAGES_H

#include <stddef.h>

/* Blocks of at least this size are mapped on their own, 2 MiB-aligned. */
#define BIGPAGES_MIN (2u * 1024u * 1024u)

void *bigpages_malloc(size_t size);
void *bigpages_calloc(size_t n, size_t size);
void *bigpages_realloc(void *p, size_t size);
void bigpages_free(void *p);

#endif
