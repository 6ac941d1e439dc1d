/* test_bigpages.c — SDL's allocator for large blocks (platform/bigpages.h):
 * the four functions behave as malloc, calloc, realloc and free, for small
 * and large blocks and between the two; large blocks start on a 2 MiB
 * boundary, are their own mappings (gone when freed) and come resident
 * (populated), and blocks of the C library may be freed and grown through
 * them. Build ids are tested here
 * too (platform/buildid.h): the content cache is keyed by them. */
#include <setjmp.h>
#include <stdbool.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>

#include <cmocka.h>

#include "platform/bigpages.h"
#include "platform/buildid.h"

#define MIB (1024u * 1024u)

/* Whether addr lies in a mapping of its own in /proc/self/maps (a large
 * block's), and that mapping's length. */
static size_t mapping_of(const void *addr)
{
    FILE *f = fopen("/proc/self/maps", "r");
    assert_non_null(f);
    char line[512];
    size_t len = 0;
    while (fgets(line, sizeof line, f)) {
        unsigned long lo, hi;
        if (sscanf(line, "%lx-%lx", &lo, &hi) == 2 && (uintptr_t)addr >= lo &&
            (uintptr_t)addr < hi)
            len = hi - lo;
    }
    fclose(f);
    return len;
}

/* Whether every page of [p, p + n) is resident (mincore). */
static bool resident(void *p, size_t n)
{
    size_t pages = (n + 4095) / 4096;
    unsigned char *vec = malloc(pages);
    assert_non_null(vec);
    assert_int_equal(mincore(p, n, vec), 0);
    bool all = true;
    for (size_t i = 0; i < pages; i++)
        all = all && (vec[i] & 1);
    free(vec);
    return all;
}

/* Whether this kernel has MADV_POPULATE_WRITE (Linux 5.14+). */
static bool can_populate(void)
{
    void *p = mmap(NULL, 4096, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    assert_true(p != MAP_FAILED);
    bool ok = madvise(p, 4096, 23 /* MADV_POPULATE_WRITE */) == 0;
    munmap(p, 4096);
    return ok;
}

static void fill(unsigned char *p, size_t n, unsigned seed)
{
    for (size_t i = 0; i < n; i += 4093)
        p[i] = (unsigned char)(seed + i);
    p[n - 1] = (unsigned char)seed;
}

static void same(const unsigned char *p, size_t n, unsigned seed)
{
    for (size_t i = 0; i < n; i += 4093)
        assert_int_equal(p[i], (unsigned char)(seed + i));
}

static void test_large_blocks_are_aligned_mappings(void **state)
{
    (void)state;
    size_t n = 4 * MIB + 72; /* a 1280x800 frame, as SDL asks for it */
    unsigned char *p = bigpages_malloc(n);
    assert_non_null(p);
    assert_int_equal((uintptr_t)p % (2 * MIB), 0);
    assert_true(mapping_of(p) >= n);
    if (can_populate())
        assert_true(resident(p, n)); /* populated: no fault per page to come */
    fill(p, n, 7);
    same(p, n, 7);
    bigpages_free(p);
    assert_int_equal(mapping_of(p), 0); /* unmapped at once */

    unsigned char *z = bigpages_calloc(3, MIB);
    assert_non_null(z);
    for (size_t i = 0; i < 3 * MIB; i += 4096)
        assert_int_equal(z[i], 0);
    bigpages_free(z);
    assert_null(bigpages_calloc(SIZE_MAX / 2, 4)); /* overflow refused */
}

static void test_small_blocks_are_the_c_librarys(void **state)
{
    (void)state;
    unsigned char *p = bigpages_malloc(100);
    assert_non_null(p);
    fill(p, 100, 3);
    p = bigpages_realloc(p, 5000); /* grows as realloc does */
    assert_non_null(p);
    same(p, 100, 3);
    bigpages_free(p);
    unsigned char *z = bigpages_calloc(10, 10);
    for (int i = 0; i < 100; i++)
        assert_int_equal(z[i], 0);
    bigpages_free(z);
    /* a block malloc made (before SDL's functions were set) */
    void *m = malloc(64);
    bigpages_free(m);
    bigpages_free(NULL);
}

static void test_realloc_between_sizes_keeps_the_bytes(void **state)
{
    (void)state;
    /* a small block grown large stays the C library's (realloc) */
    unsigned char *p = bigpages_malloc(1000);
    fill(p, 1000, 9);
    p = bigpages_realloc(p, 3 * MIB);
    assert_non_null(p);
    same(p, 1000, 9);
    bigpages_free(p);
    /* a large block: larger (a new mapping, the bytes copied), smaller
     * (stays: it fits its mapping), freed */
    unsigned char *q = bigpages_malloc(3 * MIB);
    assert_int_equal((uintptr_t)q % (2 * MIB), 0);
    fill(q, 3 * MIB, 11);
    unsigned char *r = bigpages_realloc(q, 5 * MIB);
    assert_non_null(r);
    assert_int_equal((uintptr_t)r % (2 * MIB), 0);
    same(r, 3 * MIB, 11);
    unsigned char *t = bigpages_realloc(r, 2 * MIB + 1);
    assert_ptr_equal(t, r);
    same(t, 2 * MIB, 11);
    bigpages_free(t);
    assert_non_null(p = bigpages_realloc(NULL, 2 * MIB));
    bigpages_free(p);
}

/* More large blocks than the table holds (32): the rest come from malloc,
 * and every one is freed correctly. */
static void test_more_large_blocks_than_the_table(void **state)
{
    (void)state;
    enum { N = 40 };
    unsigned char *p[N];
    int aligned = 0;
    for (int i = 0; i < N; i++) {
        p[i] = bigpages_malloc(BIGPAGES_MIN);
        assert_non_null(p[i]);
        aligned += (uintptr_t)p[i] % (2 * MIB) == 0;
        p[i][BIGPAGES_MIN - 1] = (unsigned char)i;
    }
    assert_true(aligned >= 32);
    for (int i = 0; i < N; i++) {
        assert_int_equal(p[i][BIGPAGES_MIN - 1], (unsigned char)i);
        bigpages_free(p[i]);
    }
    /* the table is free again */
    unsigned char *q = bigpages_malloc(BIGPAGES_MIN);
    assert_int_equal((uintptr_t)q % (2 * MIB), 0);
    bigpages_free(q);
}

static void test_build_id(void **state)
{
    (void)state;
    char id[80], again[80], tiny[8];
    assert_true(build_id(id, sizeof id)); /* Debian's toolchain always writes one */
    assert_true(strlen(id) >= 16);
    assert_int_equal(strspn(id, "0123456789abcdef"), strlen(id));
    assert_true(build_id(again, sizeof again));
    assert_string_equal(id, again);
    assert_false(build_id(tiny, sizeof tiny));
    assert_string_equal(tiny, "");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_large_blocks_are_aligned_mappings),
        cmocka_unit_test(test_small_blocks_are_the_c_librarys),
        cmocka_unit_test(test_realloc_between_sizes_keeps_the_bytes),
        cmocka_unit_test(test_more_large_blocks_than_the_table),
        cmocka_unit_test(test_build_id),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
