/* ranking.c — referral-pattern ranking (the scoring rule is in ranking.h). */
#include "ranking.h"

#include <stdbool.h>
#include <stdlib.h>

static bool marked(const int *regions, size_t n, int region)
{
    for (size_t i = 0; i < n; i++)
        if (regions[i] == region)
            return true;
    return false;
}

ranking_entry ranking_score(const pm_content *c, int muscle, const int *regions,
                            size_t nregions)
{
    ranking_entry e = {muscle, 0, 0, 0};
    const pm_muscle *m = content_muscle(c, (size_t)muscle);
    if (!m)
        return e;
    int primary_miss = 0, spill_miss = 0;
    for (size_t i = 0; i < m->nprimary; i++) {
        if (marked(regions, nregions, m->primary[i]))
            e.primary_hits++;
        else
            primary_miss++;
    }
    for (size_t i = 0; i < m->nspill; i++) {
        if (marked(regions, nregions, m->spill[i]))
            e.spill_hits++;
        else
            spill_miss++;
    }
    e.score = 12 * e.primary_hits + 4 * e.spill_hits - 2 * primary_miss - spill_miss;
    return e;
}

/* Better first: higher score, then more primary hits, then content order. */
static bool better(const ranking_entry *a, const ranking_entry *b)
{
    if (a->score != b->score)
        return a->score > b->score;
    if (a->primary_hits != b->primary_hits)
        return a->primary_hits > b->primary_hits;
    return a->muscle < b->muscle;
}

size_t ranking_rank(const pm_content *c, const int *regions, size_t nregions,
                    ranking_entry *out, size_t max)
{
    size_t n = 0;
    size_t nm = content_muscle_count(c);
    for (size_t m = 0; m < nm && max > 0; m++) {
        ranking_entry e = ranking_score(c, (int)m, regions, nregions);
        if (e.primary_hits + e.spill_hits == 0)
            continue;
        /* insertion into the kept top-max list: muscles number in the tens */
        size_t pos = n;
        while (pos > 0 && better(&e, &out[pos - 1]))
            pos--;
        if (pos >= max)
            continue;
        size_t last = n < max ? n : max - 1;
        for (size_t k = last; k > pos; k--)
            out[k] = out[k - 1];
        out[pos] = e;
        if (n < max)
            n++;
    }
    return n;
}
