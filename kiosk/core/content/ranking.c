/* ranking.c — referral-pattern ranking (the scoring rule is in ranking.h): each
 * side of a pattern tallied apart, the marked sides (and the middle) summed. */
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

/* Hits and misses of one part of a pattern: left, right or middle. */
typedef struct {
    int primary_hits, spill_hits, primary_miss, spill_miss;
} tally;

static void count(const pm_content *c, const int *zones, size_t n, bool primary,
                  const int *regions, size_t nregions, tally part[3])
{
    for (size_t i = 0; i < n; i++) {
        const pm_region *r = content_region(c, (size_t)zones[i]);
        tally *t = &part[r ? r->side : SIDE_CENTRE];
        bool hit = marked(regions, nregions, zones[i]);
        if (primary)
            *(hit ? &t->primary_hits : &t->primary_miss) += 1;
        else
            *(hit ? &t->spill_hits : &t->spill_miss) += 1;
    }
}

ranking_entry ranking_score(const pm_content *c, int muscle, const int *regions,
                            size_t nregions)
{
    ranking_entry e = {muscle, 0, 0, 0, 0};
    const pm_muscle *m = content_muscle(c, (size_t)muscle);
    if (!m)
        return e;
    tally part[3] = {{0}}; /* SIDE_LEFT, SIDE_RIGHT, SIDE_CENTRE */
    count(c, m->primary, m->nprimary, true, regions, nregions, part);
    count(c, m->spill, m->nspill, false, regions, nregions, part);
    for (int s = SIDE_LEFT; s <= SIDE_RIGHT; s++)
        if (part[s].primary_hits + part[s].spill_hits > 0)
            e.sides |= s == SIDE_LEFT ? RANKING_LEFT : RANKING_RIGHT;
    if (m->both_sides && e.sides)
        e.sides = RANKING_LEFT | RANKING_RIGHT;
    if (!e.sides)
        e.sides = RANKING_LEFT; /* only the middle marked: one side, either */
    tally sum = part[SIDE_CENTRE];
    for (int s = SIDE_LEFT; s <= SIDE_RIGHT; s++) {
        if (!(e.sides & (s == SIDE_LEFT ? RANKING_LEFT : RANKING_RIGHT)))
            continue;
        sum.primary_hits += part[s].primary_hits;
        sum.spill_hits += part[s].spill_hits;
        sum.primary_miss += part[s].primary_miss;
        sum.spill_miss += part[s].spill_miss;
    }
    e.primary_hits = sum.primary_hits;
    e.spill_hits = sum.spill_hits;
    e.score = 12 * sum.primary_hits + 4 * sum.spill_hits - 2 * sum.primary_miss -
              sum.spill_miss;
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
