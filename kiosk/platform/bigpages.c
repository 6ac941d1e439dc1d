/* bigpages.c — see bigpages.h. */
#include "platform/bigpages.h"

#include <errno.h>
#include <malloc.h>
#include <pthread.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>

#define HUGE_PAGE (2u * 1024u * 1024u)
#ifdef MADV_POPULATE_WRITE
#define BIGPAGES_POPULATE_WRITE MADV_POPULATE_WRITE
#else
#define BIGPAGES_POPULATE_WRITE 23 /* Linux's value; older headers lack the name */
#endif
#define TABLE 32 /* large blocks live at once (9 at most in the walk at 1280x800) */

typedef struct {
    void *p;     /* what the caller got: the start of the mapping */
    size_t size; /* what the caller asked for */
    size_t len;  /* the mapping's length */
} block;

static block table[TABLE];
static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;

/* A mapping of size bytes starting on a 2 MiB boundary: map 2 MiB more,
 * unmap what lies before the boundary and past the end. */
static void *map_aligned(size_t size, size_t *len)
{
    size_t want = (size + 4095) & ~(size_t)4095;
    /* A block a little short of whole huge pages (the 1280x800 frame:
     * 4,096,072 bytes, 94 KB short of two) is mapped to their end: its
     * tail is then a huge page too, not 489 small ones. Measured on this
     * virtual machine, populating and clearing that frame took 3.4-3.9 ms
     * with the small tail and 0.3 ms without (a start is 25 ms); on a Pi,
     * 489 page faults fewer. Not when the tail would waste more than an
     * eighth of the block (800x480's 1.5 MB frame would take 2 MB). */
    size_t whole = (want + HUGE_PAGE - 1) & ~(size_t)(HUGE_PAGE - 1);
    if (whole - want <= want / 8)
        want = whole;
    size_t span = want + HUGE_PAGE;
    unsigned char *raw = mmap(NULL, span, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS,
                              -1, 0);
    if (raw == MAP_FAILED)
        return NULL;
    uintptr_t at = ((uintptr_t)raw + HUGE_PAGE - 1) & ~(uintptr_t)(HUGE_PAGE - 1);
    size_t head = at - (uintptr_t)raw, tail = span - head - want;
    if (head)
        munmap(raw, head);
    if (tail)
        munmap((unsigned char *)at + want, tail);
    /* huge pages where whole ones fit (refused without THP: small pages);
     * then every page at once, in one call, not a fault per page: SDL
     * clears or fills every block this large as soon as it has it */
    madvise((void *)at, want, MADV_HUGEPAGE);
    madvise((void *)at, want, BIGPAGES_POPULATE_WRITE); /* Linux 5.14+; else faults */
    *len = want;
    return (void *)at;
}

/* The table's entry for p, or NULL (a block of the C library). Locked. */
static block *find(const void *p)
{
    for (int i = 0; i < TABLE; i++)
        if (table[i].p == p)
            return &table[i];
    return NULL;
}

/* A large block, registered; NULL when the table is full or mapping fails
 * (the caller falls back to malloc). Fresh mappings are zero. */
static void *big(size_t size)
{
    pthread_mutex_lock(&lock);
    block *free_slot = find(NULL);
    if (!free_slot) {
        pthread_mutex_unlock(&lock);
        return NULL;
    }
    size_t len = 0;
    void *p = map_aligned(size, &len);
    if (p)
        *free_slot = (block){p, size, len};
    pthread_mutex_unlock(&lock);
    return p;
}

void *bigpages_malloc(size_t size)
{
    void *p = size >= BIGPAGES_MIN ? big(size) : NULL;
    return p ? p : malloc(size);
}

void *bigpages_calloc(size_t n, size_t size)
{
    if (size && n > SIZE_MAX / size) {
        errno = ENOMEM;
        return NULL;
    }
    void *p = n * size >= BIGPAGES_MIN ? big(n * size) : NULL;
    return p ? p : calloc(n, size);
}

void bigpages_free(void *p)
{
    if (!p)
        return;
    pthread_mutex_lock(&lock);
    block *b = find(p);
    block gone = b ? *b : (block){0};
    if (b)
        *b = (block){0};
    pthread_mutex_unlock(&lock);
    if (gone.p)
        munmap(gone.p, gone.len);
    else
        free(p);
}

void *bigpages_realloc(void *p, size_t size)
{
    if (!p)
        return bigpages_malloc(size);
    pthread_mutex_lock(&lock);
    block *b = find(p);
    block was = b ? *b : (block){0};
    if (b && size <= b->len)
        b->size = size; /* fits its mapping: stays */
    pthread_mutex_unlock(&lock);
    if (!was.p)
        return realloc(p, size); /* the C library's block stays one */
    if (size <= was.len)
        return p;
    void *q = bigpages_malloc(size);
    if (!q)
        return NULL;
    memcpy(q, p, was.size);
    bigpages_free(p);
    return q;
}

void bigpages_trim(void)
{
#ifdef __GLIBC__
    malloc_trim(0);
#endif
}
