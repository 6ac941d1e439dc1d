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
    /* only well-formed polygons can be compared for overlap */
    for (size_t i = 0; i < c->nregions; i++)
        for (size_t j = i + 1; usable[i] && j < c->nregions; j++) {
            const pm_region *a = &c->regions[i], *b = &c->regions[j];
            if (!usable[j] || a->view != b->view || !geo_bounds_touch(a->bounds, b->bounds))
                continue;
            if (geo_overlap(a->poly, a->npoly, b->poly, b->npoly))
                problem(ld, "regions.json: $.regions[%zu].polygon: overlaps region '%s' "
                            "($.regions[%zu]) on the %s view",
                        j, a->id, i, content_view_name(a->view));
        }
    free(usable);
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
