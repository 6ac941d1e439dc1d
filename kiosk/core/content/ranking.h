/* ranking.h — which referral patterns look most like the client's pain.
 *
 * A muscle's primary and spill-over zones list both sides of the body (and
 * the regions in the middle once). A trigger point on one side sends pain to
 * that side, so each side of a pattern is scored on its own, and a pattern
 * counts on the side or sides where the client marked one of its zones:
 *   score = 12·(primary zones marked) + 4·(spill-over zones marked)
 *           − 2·(primary zones not marked) − 1·(spill-over zones not marked)
 * over the zones of those sides plus the middle ones. So a headache at the
 * left temple is not marked down for the right temple, and a pattern that
 * claims much more than the client feels loses ground. When only middle
 * regions are marked, one side's zones count (patterns are symmetric). A
 * pattern marked both_sides in the content (a band across the back) always
 * counts both sides together.
 *
 * Only muscles with at least one marked zone are ranked. Ties go to more
 * primary matches, then to the order of muscles.json: the same marks always
 * give the same list. Integer arithmetic only. `painmap --rank` prints it. */
#ifndef PM_RANKING_H
#define PM_RANKING_H

#include <stddef.h>

#include "content.h"

/* Which sides of the pattern match the marks (bits; the picture shows those). */
#define RANKING_LEFT 1u
#define RANKING_RIGHT 2u

typedef struct {
    int muscle;          /* content muscle index */
    int score;
    int primary_hits;
    int spill_hits;
    unsigned sides;      /* RANKING_LEFT | RANKING_RIGHT: the sides that were scored */
} ranking_entry;

/* Ranks muscles for the given marked region indices. Writes at most max
 * entries to out, best first, and returns how many it wrote. */
size_t ranking_rank(const pm_content *c, const int *regions, size_t nregions,
                    ranking_entry *out, size_t max);

/* The score of one muscle (exposed for tests and the staff summary). */
ranking_entry ranking_score(const pm_content *c, int muscle, const int *regions,
                            size_t nregions);

#endif
