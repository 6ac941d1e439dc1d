/* content.c — accessors, hit-testing and the arena behind pm_content (see
 * content.h). Loading and checking live in content_load.c and
 * content_check.c. */
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>

#include "content_private.h"

static const char *const screen_names[SCREEN_COUNT] = {
    "welcome",   "about",     "name",        "chart",   "details", "screening", "patterns",
    "education", "preferences", "consent",   "review",  "saving",  "thanks",
};

const char *content_screen_name(pm_screen s)
{
    return (s >= 0 && s < SCREEN_COUNT) ? screen_names[s] : "unknown";
}

int content_screen_from_name(const char *name)
{
    for (int i = 0; i < SCREEN_COUNT; i++)
        if (strcmp(screen_names[i], name) == 0)
            return i;
    return -1;
}

const char *content_view_name(pm_view v)
{
    return v == VIEW_BACK ? "back" : "front";
}

const char *content_side_name(pm_side s)
{
    return s == SIDE_LEFT ? "left" : s == SIDE_RIGHT ? "right" : "centre";
}

/* ---- arena --------------------------------------------------------------- */

void *arena_alloc(pm_content *c, size_t size)
{
    size = (size + 15) & ~(size_t)15;
    arena_chunk *ch = c->arena;
    if (!ch || ch->size - ch->used < size) {
        size_t cap = size > 65536 ? size : 65536;
        ch = malloc(sizeof *ch + cap);
        if (!ch)
            return NULL;
        ch->size = cap;
        ch->used = 0;
        ch->next = c->arena;
        c->arena = ch;
    }
    void *p = ch->data + ch->used;
    ch->used += size;
    memset(p, 0, size);
    return p;
}

char *arena_strdup(pm_content *c, const char *s)
{
    size_t n = strlen(s) + 1;
    char *d = arena_alloc(c, n);
    if (d)
        memcpy(d, s, n);
    return d;
}

char *arena_printf(pm_content *c, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(NULL, 0, fmt, ap);
    va_end(ap);
    if (n < 0)
        return NULL;
    char *d = arena_alloc(c, (size_t)n + 1);
    if (!d)
        return NULL;
    va_start(ap, fmt);
    vsnprintf(d, (size_t)n + 1, fmt, ap);
    va_end(ap);
    return d;
}

void content_free(pm_content *c)
{
    if (!c)
        return;
    for (arena_chunk *ch = c->arena, *next; ch; ch = next) {
        next = ch->next;
        free(ch);
    }
    free(c->refs);
    if (c->map)
        munmap(c->map, c->map_len);
    free(c);
}

/* ---- the content cache's checksum ------------------------------------------ */

/* The content cache's checksum (content_private.h), eight bytes at a time:
 * against a torn or damaged file and changed content files, not an
 * attacker (whoever can write the state folder can do worse). Here, not in
 * content_cache.c, because the loader's content_files_hash uses it too. */
uint64_t content_cache_sum(uint64_t seed, const void *block, size_t n)
{
    const unsigned char *p = block;
    uint64_t h = (seed * 0x9e3779b97f4a7c15ULL) ^ n ^ 0x2545f4914f6cdd1dULL;
    size_t i = 0;
    for (; i + 8 <= n; i += 8) {
        uint64_t w;
        memcpy(&w, p + i, 8);
        h = (h ^ w) * 0xff51afd7ed558ccdULL;
        h ^= h >> 32;
    }
    for (; i < n; i++)
        h = (h ^ p[i]) * 0x100000001b3ULL;
    h ^= h >> 29;
    return h * 0xc4ceb9fe1a85ec53ULL;
}

/* ---- summary ------------------------------------------------------------- */

void content_summary_line(const pm_content *c, char *buf, size_t size)
{
    size_t front = 0, back = 0;
    for (size_t i = 0; i < c->nregions; i++)
        *(c->regions[i].view == VIEW_FRONT ? &front : &back) += 1;
    int n = snprintf(buf, size,
                     "data ok: %zu regions (%zu front, %zu back), %zu muscles, %zu education "
                     "pages, %zu screening questions, languages:",
                     c->nregions, front, back, c->nmuscles, c->npages, c->nquestions);
    for (size_t i = 0; i < c->nlangs && n > 0 && (size_t)n < size; i++)
        n += snprintf(buf + n, size - (size_t)n, " %s", c->langs[i].code);
}

/* ---- accessors ----------------------------------------------------------- */

double content_chart_width(const pm_content *c) { return c->chart_w; }
double content_chart_height(const pm_content *c) { return c->chart_h; }

size_t content_region_count(const pm_content *c) { return c->nregions; }
size_t content_group_count(const pm_content *c) { return c->ngroups; }
const pm_group *content_group(const pm_content *c, size_t i)
{
    return i < c->ngroups ? &c->groups[i] : NULL;
}
const pm_region *content_region(const pm_content *c, size_t i)
{
    return i < c->nregions ? &c->regions[i] : NULL;
}

int content_region_index(const pm_content *c, const char *id)
{
    for (size_t i = 0; i < c->nregions; i++)
        if (strcmp(c->regions[i].id, id) == 0)
            return (int)i;
    return -1;
}

int content_region_at(const pm_content *c, pm_view view, geo_point p, double tolerance)
{
    int nearest = -1;
    double best = tolerance;
    for (size_t i = 0; i < c->nregions; i++) {
        const pm_region *r = &c->regions[i];
        if (r->view != view)
            continue;
        geo_bounds grown = {r->bounds.x0 - tolerance, r->bounds.y0 - tolerance,
                            r->bounds.x1 + tolerance, r->bounds.y1 + tolerance};
        if (!geo_bounds_contain(grown, p))
            continue;
        if (geo_locate(r->poly, r->npoly, p) != GEO_OUTSIDE)
            return (int)i;
        if (tolerance > 0) {
            double d = geo_distance_to_edge(r->poly, r->npoly, p);
            if (d <= best && (nearest < 0 || d < best)) {
                best = d;
                nearest = (int)i;
            }
        }
    }
    return nearest;
}

size_t content_muscle_count(const pm_content *c) { return c->nmuscles; }
const pm_muscle *content_muscle(const pm_content *c, size_t i)
{
    return i < c->nmuscles ? &c->muscles[i] : NULL;
}

int content_muscle_index(const pm_content *c, const char *id)
{
    for (size_t i = 0; i < c->nmuscles; i++)
        if (strcmp(c->muscles[i].id, id) == 0)
            return (int)i;
    return -1;
}

size_t content_page_count(const pm_content *c) { return c->npages; }
const pm_page *content_page(const pm_content *c, size_t i)
{
    return i < c->npages ? &c->pages[i] : NULL;
}
size_t content_education_count(const pm_content *c) { return c->neducation; }
int content_education_item(const pm_content *c, size_t i)
{
    return i < c->neducation ? c->education[i] : -2;
}

size_t content_question_count(const pm_content *c) { return c->nquestions; }
const pm_question *content_question(const pm_content *c, size_t i)
{
    return i < c->nquestions ? &c->questions[i] : NULL;
}

int content_question_index(const pm_content *c, const char *id)
{
    for (size_t i = 0; i < c->nquestions; i++)
        if (strcmp(c->questions[i].id, id) == 0)
            return (int)i;
    return -1;
}

const char *content_checklist_text_key(const pm_content *c) { return c->checklist_text_key; }
const char *content_checklist_none_key(const pm_content *c) { return c->checklist_none_key; }

#define CHOICE_ACCESSORS(name, field, count)                                                  \
    size_t content_##name##_count(const pm_content *c) { return c->count; }                  \
    const pm_choice *content_##name(const pm_content *c, size_t i)                           \
    {                                                                                         \
        return i < c->count ? &c->field[i] : NULL;                                            \
    }
CHOICE_ACCESSORS(quality, qualities, nqualities)
CHOICE_ACCESSORS(duration, durations, ndurations)
CHOICE_ACCESSORS(pressure, pressures, npressures)
CHOICE_ACCESSORS(avoid, avoid, navoid)

size_t content_band_count(const pm_content *c) { return c->nbands; }
const pm_band *content_band(const pm_content *c, size_t i)
{
    return i < c->nbands ? &c->bands[i] : NULL;
}

const pm_band *content_band_for(const pm_content *c, int intensity)
{
    for (size_t i = 0; i < c->nbands; i++)
        if (intensity >= c->bands[i].min && intensity <= c->bands[i].max)
            return &c->bands[i];
    return c->nbands ? &c->bands[0] : NULL;
}

size_t content_screen_count(const pm_content *c) { return c->nscreens; }
pm_screen content_screen_at(const pm_content *c, size_t i)
{
    return i < c->nscreens ? c->screens[i] : SCREEN_WELCOME;
}

size_t content_lang_count(const pm_content *c) { return c->nlangs; }
const char *content_lang_code(const pm_content *c, size_t i)
{
    return i < c->nlangs ? c->langs[i].code : "en";
}
const char *content_lang_name(const pm_content *c, size_t i)
{
    return i < c->nlangs ? c->langs[i].name : "English";
}

int content_lang_index(const pm_content *c, const char *code)
{
    for (size_t i = 0; i < c->nlangs; i++)
        if (strcmp(c->langs[i].code, code) == 0)
            return (int)i;
    return -1;
}

static const text_entry *find_text(const pm_content *c, int lang, const char *key)
{
    if (lang < 0 || (size_t)lang >= c->nlangs || !key)
        return NULL;
    const lang_table *t = &c->langs[lang];
    size_t lo = 0, hi = t->ntexts;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        int cmp = strcmp(key, t->texts[mid].key);
        if (cmp == 0)
            return &t->texts[mid];
        if (cmp < 0)
            hi = mid;
        else
            lo = mid + 1;
    }
    return NULL;
}

bool content_has_text(const pm_content *c, int lang, const char *key)
{
    return find_text(c, lang, key) != NULL;
}

/* Does text match tmpl, where "{1}" and "{2}" in tmpl stand for any text
 * (at least one character)? fill/fill_len get what the first placeholder
 * stood for. */
static bool template_match(const char *tmpl, const char *text, const char **fill,
                           size_t *fill_len)
{
    for (; *tmpl; tmpl++, text++) {
        if (tmpl[0] == '{' && (tmpl[1] == '1' || tmpl[1] == '2') && tmpl[2] == '}') {
            /* Shortest fill first; templates here have short literal parts. */
            for (size_t n = 1; text[n - 1]; n++) {
                const char *f = NULL;
                size_t fl = 0;
                if (template_match(tmpl + 3, text + n, &f, &fl)) {
                    if (fill && !*fill) {
                        *fill = text;
                        *fill_len = n;
                    }
                    return true;
                }
            }
            return false;
        }
        if (*tmpl != *text)
            return false;
    }
    return *text == '\0';
}

static bool has_placeholder(const char *s)
{
    return strstr(s, "{1}") || strstr(s, "{2}");
}

size_t content_keys_of_text(const pm_content *c, int lang, const char *text,
                            const char *keys[2])
{
    keys[0] = keys[1] = NULL;
    if (lang < 0 || (size_t)lang >= c->nlangs || !text)
        return 0;
    const lang_table *t = &c->langs[lang];
    for (size_t i = 0; i < t->ntexts; i++)
        if (strcmp(t->texts[i].value, text) == 0) {
            keys[0] = t->texts[i].key;
            return 1;
        }
    for (size_t i = 0; i < t->ntexts; i++) {
        const char *fill = NULL;
        size_t fill_len = 0;
        if (!has_placeholder(t->texts[i].value) ||
            !template_match(t->texts[i].value, text, &fill, &fill_len))
            continue;
        keys[0] = t->texts[i].key;
        for (size_t k = 0; fill && k < t->ntexts; k++)
            if (strncmp(t->texts[k].value, fill, fill_len) == 0 &&
                t->texts[k].value[fill_len] == '\0') {
                keys[1] = t->texts[k].key;
                return 2;
            }
        return 1;
    }
    return 0;
}

const char *content_key_inside_text(const pm_content *c, int lang, const char *text)
{
    if (lang < 0 || (size_t)lang >= c->nlangs || !text)
        return NULL;
    const lang_table *t = &c->langs[lang];
    const char *best = NULL;
    size_t best_len = 3;
    for (size_t i = 0; i < t->ntexts; i++) {
        size_t n = strlen(t->texts[i].value);
        if (n > best_len && strstr(text, t->texts[i].value)) {
            best = t->texts[i].key;
            best_len = n;
        }
    }
    return best;
}

const char *content_text(const pm_content *c, int lang, const char *key)
{
    const text_entry *e = find_text(c, lang, key);
    if (!e)
        e = find_text(c, 0, key); /* fall back to English */
    return e ? e->value : key;
}
