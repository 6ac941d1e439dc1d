/* content_check.c — checks that need more than one file: region shapes and
 * overlaps, trigger points on the chart, and that every text key exists in
 * every language. Reports go through problem() like the loader's. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "content_private.h"

/* True when every vertex lies on one straight line (or one point): a shape
 * with no area, whatever order the points come in. */
static bool all_on_one_line(const geo_point *p, size_t n)
{
    size_t far = 0;
    double best = 0;
    for (size_t i = 1; i < n; i++) {
        double d = fabs(p[i].x - p[0].x) + fabs(p[i].y - p[0].y);
        if (d > best) {
            best = d;
            far = i;
        }
    }
    if (best < 1e-9)
        return true;
    for (size_t i = 1; i < n; i++) {
        double cross = (p[far].x - p[0].x) * (p[i].y - p[0].y) -
                       (p[far].y - p[0].y) * (p[i].x - p[0].x);
        if (fabs(cross) / best > 1e-6)
            return false;
    }
    return true;
}

typedef struct {
    size_t i, j; /* i < j */
} region_pair;

static int cmp_pair(const void *a, const void *b)
{
    const region_pair *x = a, *y = b;
    if (x->i != y->i)
        return x->i < y->i ? -1 : 1;
    return (x->j > y->j) - (x->j < y->j);
}

void check_regions_geometry(loader *ld)
{
    pm_content *c = ld->c;
    bool *usable = calloc(c->nregions + 1, sizeof *usable);
    if (!usable) {
        ld->nomem = true;
        return;
    }
    for (size_t i = 0; i < c->nregions; i++) {
        pm_region *r = &c->regions[i];
        size_t ea = 0, eb = 0;
        if (all_on_one_line(r->poly, r->npoly)) {
            problem(ld, "regions.json: $.regions[%zu].polygon: degenerate: '%s' has no area", i,
                    r->id);
        } else if (!geo_is_simple(r->poly, r->npoly, &ea, &eb)) {
            problem(ld, "regions.json: $.regions[%zu].polygon: self-intersecting: edge %zu "
                        "(point %zu to %zu) meets edge %zu of '%s'",
                    i, ea, ea, (ea + 1) % r->npoly, eb, r->id);
        } else if (!geo_interior_point(r->poly, r->npoly, &r->anchor)) {
            problem(ld, "regions.json: $.regions[%zu].polygon: degenerate: '%s' has no inside",
                    i, r->id);
        } else {
            usable[i] = true;
        }
    }
    /* Only well-formed polygons can be compared for overlap, and only
     * neighbours can overlap: regions sorted by their left edge, each
     * compared with those whose box it reaches (a sweep, not all pairs).
     * Found pairs are reported in file order, as before. */
    size_t *order = malloc((c->nregions + 1) * sizeof *order);
    region_pair *hit = NULL;
    size_t nhit = 0, caphit = 0;
    if (!order) {
        ld->nomem = true;
        free(usable);
        return;
    }
    size_t n = 0;
    for (size_t i = 0; i < c->nregions; i++)
        if (usable[i])
            order[n++] = i;
    const pm_region *regions = c->regions;
    for (size_t k = 1; k < n; k++) { /* insertion sort by x0: a hundred or so regions */
        size_t v = order[k], t = k;
        for (; t > 0 && regions[order[t - 1]].bounds.x0 > regions[v].bounds.x0; t--)
            order[t] = order[t - 1];
        order[t] = v;
    }
    for (size_t k = 0; k < n; k++)
        for (size_t t = k + 1; t < n; t++) {
            const pm_region *a = &regions[order[k]], *b = &regions[order[t]];
            if (b->bounds.x0 > a->bounds.x1 + GEO_EPS)
                break; /* this and every later one starts right of a */
            if (a->view != b->view || !geo_bounds_touch(a->bounds, b->bounds))
                continue;
            if (geo_overlap(a->poly, a->npoly, b->poly, b->npoly)) {
                if (nhit == caphit) {
                    caphit = caphit ? 2 * caphit : 16;
                    region_pair *nh = realloc(hit, caphit * sizeof *hit);
                    if (!nh) {
                        ld->nomem = true;
                        break;
                    }
                    hit = nh;
                }
                size_t i = order[k] < order[t] ? order[k] : order[t];
                size_t j = order[k] < order[t] ? order[t] : order[k];
                hit[nhit++] = (region_pair){i, j};
            }
        }
    if (nhit)
        qsort(hit, nhit, sizeof *hit, cmp_pair);
    for (size_t h = 0; h < nhit; h++)
        problem(ld, "regions.json: $.regions[%zu].polygon: overlaps region '%s' "
                    "($.regions[%zu]) on the %s view",
                hit[h].j, c->regions[hit[h].i].id, hit[h].i,
                content_view_name(c->regions[hit[h].i].view));
    free(hit);
    free(order);
    free(usable);
}

void place_region_anchors(loader *ld)
{
    pm_content *c = ld->c;
    for (size_t i = 0; i < c->nregions; i++)
        geo_interior_point(c->regions[i].poly, c->regions[i].npoly, &c->regions[i].anchor);
}

static void check_no_pattern_claims(loader *ld, size_t muscle, const int *zones, size_t n,
                                    const char *field)
{
    pm_content *c = ld->c;
    for (size_t k = 0; k < n; k++)
        if (c->regions[zones[k]].no_pattern)
            problem(ld, "muscles.json: $.muscles[%zu].%s[%zu]: region '%s' says no_pattern, "
                        "but this muscle refers pain there; remove one of the two",
                    muscle, field, k, c->regions[zones[k]].id);
}

void check_muscle_points(loader *ld)
{
    pm_content *c = ld->c;
    for (size_t i = 0; i < c->nmuscles; i++) {
        const pm_muscle *m = &c->muscles[i];
        check_no_pattern_claims(ld, i, m->primary, m->nprimary, "primary");
        check_no_pattern_claims(ld, i, m->spill, m->nspill, "spillover");
        for (size_t k = 0; k < m->ntps; k++)
            if (content_region_at(c, m->tps[k].view, m->tps[k].at, 0) < 0)
                problem(ld, "muscles.json: $.muscles[%zu].trigger_points[%zu].at: (%g, %g) is "
                            "not on the figure (inside no region of the %s view)",
                        i, k, m->tps[k].at.x, m->tps[k].at.y, content_view_name(m->tps[k].view));
    }
}

static void check_key(loader *ld, const char *key, const char *where)
{
    pm_content *c = ld->c;
    if (c->nlangs == 0 || strcmp(c->langs[0].code, "en") != 0)
        return; /* already reported: no English table */
    if (!content_has_text(c, 0, key))
        problem(ld, "%s: missing translation: no text '%s' in i18n/en.json", where, key);
}

void check_texts(loader *ld)
{
    pm_content *c = ld->c;
    if (c->nlangs == 0 || strcmp(c->langs[0].code, "en") != 0)
        return;
    for (size_t i = 0; i < c->nrefs; i++)
        check_key(ld, c->refs[i].key, c->refs[i].where);
    const lang_table *en = &c->langs[0];
    for (size_t l = 1; l < c->nlangs; l++) {
        const lang_table *t = &c->langs[l];
        for (size_t i = 0; i < en->ntexts; i++)
            if (!content_has_text(c, (int)l, en->texts[i].key))
                problem(ld, "i18n/%s.json: $.strings: missing translation of '%s'", t->code,
                        en->texts[i].key);
        for (size_t i = 0; i < t->ntexts; i++)
            if (!content_has_text(c, 0, t->texts[i].key))
                problem(ld, "i18n/%s.json: $.strings.%s: not in i18n/en.json (a misspelt or "
                            "unused key)", t->code, t->texts[i].key);
    }
}

size_t content_check_program_texts(const pm_content *c, const char *const *keys, size_t nkeys,
                                   pm_msgs *problems)
{
    size_t missing = 0;
    for (size_t l = 0; l < c->nlangs; l++)
        for (size_t i = 0; i < nkeys; i++)
            if (!content_has_text(c, (int)l, keys[i])) {
                pm_msgs_add(problems, "i18n/%s.json: $.strings: missing translation of '%s' "
                                      "(a text the program shows)", c->langs[l].code, keys[i]);
                missing++;
            }
    return missing;
}
