/* ranking.h — which referral patterns look most like the client's pain.
 *
 * For each muscle, its primary and spill-over referral zones are compared
 * with the regions the client marked:
 *   score = 12·(primary zones marked) + 4·(spill-over zones marked)
 *           − 2·(primary zones not marked) − 1·(spill-over zones not marked)
 * so a matching primary zone counts three times a spill-over one and a
 * pattern that claims much more than the client feels loses ground. Only
 * muscles with at least one marked zone are ranked. Ties go to more primary
 * matches, then to the order of muscles.json: the same marks always give the
 * same list. Integer arithmetic only. */
#ifndef PM_RANKING_H
#define PM_RANKING_H

#include <stddef.h>

#include "content.h"

typedef struct {
    int muscle;          /* content muscle index */
    int score;
    int primary_hits;
    int spill_hits;
} ranking_entry;

/* Ranks muscles for the given marked region indices. Writes at most max
 * entries to out, best first, and returns how many it wrote. */
size_t ranking_rank(const pm_content *c, const int *regions, size_t nregions,
                    ranking_entry *out, size_t max);

/* The score of one muscle (exposed for tests and the staff summary). */
ranking_entry ranking_score(const pm_content *c, int muscle, const int *regions,
                            size_t nregions);

#endif
