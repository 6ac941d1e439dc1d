/* memscan.c — a text looked for in this process's own memory (memscan.h).
 *
 * Why byte by byte and unsanitized: the places that matter most are freed
 * heap blocks, which AddressSanitizer poisons; reading them through
 * instrumented code would be reported as a bug of the test itself. */
#include "memscan.h"

#include <stdint.h>
#include <stdio.h>
#include <string.h>

/* Occurrences of needle in [from, to), not counting the one at skip. */
__attribute__((no_sanitize("address", "undefined")))
static long count_in(const unsigned char *from, const unsigned char *to, const unsigned char *needle,
                     size_t n, const void *skip, unsigned long *first)
{
    long found = 0;
    if ((size_t)(to - from) < n)
        return 0;
    for (const volatile unsigned char *p = from; p + n <= to; p++) {
        if (*p != needle[0])
            continue;
        size_t k = 1;
        while (k < n && p[k] == needle[k])
            k++;
        if (k == n && (const void *)p != skip) {
            if (!found && first)
                *first = (unsigned long)(uintptr_t)p;
            found++;
        }
    }
    return found;
}

/* The printable bytes around a find (others as '.'), to tell what held it. */
__attribute__((no_sanitize("address", "undefined")))
static void context(unsigned long at, unsigned long lo, unsigned long hi, size_t n, char *out,
                    size_t size)
{
    unsigned long from = at >= lo + 12 ? at - 12 : lo, to = at + n + 12 <= hi ? at + n + 12 : hi;
    size_t k = 0;
    for (unsigned long p = from; p < to && k + 1 < size; p++) {
        unsigned char ch = *(const volatile unsigned char *)(uintptr_t)p;
        out[k++] = ch >= 0x20 && ch < 0x7f && ch != '"' ? (char)ch : '.';
    }
    out[k] = '\0';
}

long memscan(const void *needle, size_t n, const void *skip, char *where, size_t wsize)
{
    if (where && wsize)
        where[0] = '\0';
    FILE *maps = fopen("/proc/self/maps", "r");
    if (!maps || n == 0) {
        if (maps)
            fclose(maps);
        return -1;
    }
    long total = 0;
    char line[512];
    while (fgets(line, sizeof line, maps)) {
        unsigned long lo, hi;
        char perms[8] = "", path[256] = "";
        if (sscanf(line, "%lx-%lx %7s %*s %*s %*s %255[^\n]", &lo, &hi, perms, path) < 3)
            continue;
        /* private and writable: heap, stacks, anonymous memory, .data */
        if (perms[0] != 'r' || perms[1] != 'w' || perms[3] != 'p' || hi - lo > MEMSCAN_REGION_MAX)
            continue;
        if (strstr(path, "[vvar]") || strstr(path, "[vsyscall]"))
            continue;
        unsigned long first = 0;
        long k = count_in((const unsigned char *)(uintptr_t)lo, (const unsigned char *)(uintptr_t)hi,
                          needle, n, skip, &first);
        if (k && where && strlen(where) + 120 < wsize) {
            size_t l = strlen(where);
            const char *name = path[0] ? path : "anonymous memory";
            char around[48];
            context(first, lo, hi, n, around, sizeof around);
            snprintf(where + l, wsize - l, "%s%ld in %.40s at 0x%lx \"%s\"", l ? "; " : "", k, name,
                     first, around);
        }
        total += k;
    }
    fclose(maps);
    return total;
}
