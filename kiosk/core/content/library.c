/* library.c — the education library by body area (contract in library.h). */
#include "library.h"

#include <stdbool.h>

static bool has(const int *list, size_t n, int v)
{
    for (size_t i = 0; i < n; i++)
        if (list[i] == v)
            return true;
    return false;
}

static size_t matches(const pm_page *p, const int *regions, size_t nregions)
{
    size_t k = 0;
    for (size_t i = 0; i < nregions; i++)
        k += has(p->areas, p->nareas, regions[i]);
    return k;
}

size_t library_pages_for_regions(const pm_content *c, const int *regions, size_t nregions,
                                 int *out, size_t max)
{
    size_t n = 0, most = 0;
    for (size_t i = 0; i < content_page_count(c); i++) {
        size_t k = matches(content_page(c, i), regions, nregions);
        most = k > most ? k : most;
    }
    /* most matches first; within a count, content order */
    for (size_t want = most; want > 0 && n < max; want--)
        for (size_t i = 0; i < content_page_count(c) && n < max; i++) {
            const pm_page *p = content_page(c, i);
            if (p->topic != PAGE_WALK && matches(p, regions, nregions) == want)
                out[n++] = (int)i;
        }
    return n;
}

size_t library_pages_for_region(const pm_content *c, int region, int *out, size_t max)
{
    size_t n = 0;
    static const pm_page_topic order[] = {PAGE_COMPLAINT, PAGE_FAQ};
    for (size_t t = 0; t < 2; t++)
        for (size_t i = 0; i < content_page_count(c) && n < max; i++) {
            const pm_page *p = content_page(c, i);
            if (p->topic == order[t] && has(p->areas, p->nareas, region))
                out[n++] = (int)i;
        }
    return n;
}

size_t library_pages_of_topic(const pm_content *c, pm_page_topic topic, int *out, size_t max)
{
    size_t n = 0;
    for (size_t i = 0; i < content_page_count(c) && n < max; i++)
        if (topic != PAGE_WALK && content_page(c, i)->topic == topic)
            out[n++] = (int)i;
    return n;
}

size_t library_muscles_for_region(const pm_content *c, int region, int *out, size_t max)
{
    size_t n = 0;
    for (int pass = 0; pass < 2; pass++)
        for (size_t i = 0; i < content_muscle_count(c) && n < max; i++) {
            const pm_muscle *m = content_muscle(c, i);
            if (pass == 0 ? has(m->primary, m->nprimary, region)
                          : has(m->spill, m->nspill, region))
                out[n++] = (int)i;
        }
    return n;
}
