/* bigpages.h — an allocator for SDL's large blocks (whole-frame surfaces
 * and textures, artwork rasters): each block of 1 MiB or more is a mapping
 * of its own, 2 MiB-aligned, with transparent huge pages asked for
 * (madvise mode, as here and in Debian's kernels) and its pages populated
 * in one system call (MADV_POPULATE_WRITE); smaller blocks are the C
 * library's.
 *
 * Why: SDL's software renderer clears every surface it makes, and a frame
 * is 1.5 MB at 800x480 and 4 MB at 1280x800; with a page fault per 4 KiB
 * the window's surface and the frame were ~750 and ~2000 of the ~1800 and
 * ~3100 faults before the first frame, and on a virtual machine a fault
 * costs ~10 us. Populated at once they are a call each, and at 1280x800 a
 * few 2 MiB pages. Nothing else changes: the same bytes, about the same
 * memory resident (a block is mapped at its own length, and SDL writes all
 * of it anyway; only 2 MiB-aligned whole pages inside it can become huge;
 * a block within an eighth of whole huge pages is mapped to their end, so
 * that its tail is one too), and where the kernel has no huge pages or no
 * populate call, ordinary faults.
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
#define BIGPAGES_MIN (1024u * 1024u)

void *bigpages_malloc(size_t size);
void *bigpages_calloc(size_t n, size_t size);
void *bigpages_realloc(void *p, size_t size);
void bigpages_free(void *p);

/* Gives the C library's free heap pages back to the system (glibc's
 * malloc_trim; nothing elsewhere). Why: a screen's text lines, pictures
 * and parsed artwork are many blocks under 64 KB, freed when the next
 * screen is drawn, and glibc returns a heap's free pages only from its
 * top: a walk at 1280x800 peaked 0.3-0.7 MB higher without it (anonymous
 * memory, three runs each way). It walks the
 * free lists, so it is called between frames, once a screen's work ahead
 * is done (app_ahead), never on a touch. */
void bigpages_trim(void);

#endif
