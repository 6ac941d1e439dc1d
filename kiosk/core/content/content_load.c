/* content_load.c — reads the content files into a pm_content, reporting
 * every problem as "file: JSON path: what is wrong" and carrying on, so one
 * run of --check-data lists them all. Cross-file checks that need every file
 * first (geometry, translations) live in content_check.c. */
#include <cjson/cJSON.h>
#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/stat.h>
#include <fcntl.h>

#include "content_private.h"

/* ---- small helpers --------------------------------------------------- */

void refer_key(loader *ld, const char *key, const char *where)
{
    pm_content *c = ld->c;
    if (!key)
        return;
    if (c->nrefs == c->caprefs) {
        size_t cap = c->caprefs ? c->caprefs * 2 : 256;
        key_ref *r = realloc(c->refs, cap * sizeof *r);
        if (!r) {
            ld->nomem = true;
            return;
        }
        c->refs = r;
        c->caprefs = cap;
    }
    char *w = arena_strdup(c, where);
    if (!w) {
        ld->nomem = true;
        return;
    }
    c->refs[c->nrefs++] = (key_ref){key, w};
}

/* Reads a whole content file. Only a plain file of at most
 * CONTENT_FILE_MAX bytes is read (a named pipe would block start-up; a
 * huge file would take memory and time before any check could say no). */
static char *read_file(const char *path, size_t *len, int *err, off_t *size)
{
    *size = 0;
    int fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK);
    if (fd < 0) {
        *err = errno;
        return NULL;
    }
    struct stat st;
    if (fstat(fd, &st) != 0) {
        *err = errno;
        close(fd);
        return NULL;
    }
    if (!S_ISREG(st.st_mode) || st.st_size > (off_t)CONTENT_FILE_MAX) {
        *err = S_ISREG(st.st_mode) ? EFBIG : EINVAL;
        *size = st.st_size;
        close(fd);
        return NULL;
    }
    /* one byte more than it says, to notice a file that grew meanwhile */
    size_t cap = (size_t)st.st_size + 1, n = 0;
    char *buf = malloc(cap + 1);
    while (buf && n < cap) {
        ssize_t got = read(fd, buf + n, cap - n);
        if (got < 0 && errno == EINTR)
            continue;
        if (got < 0) {
            *err = errno;
            free(buf);
            close(fd);
            return NULL;
        }
        if (got == 0)
            break;
        n += (size_t)got;
    }
    close(fd);
    if (!buf) {
        *err = ENOMEM;
        return NULL;
    }
    if (n > (size_t)st.st_size) { /* it grew while read: take what it said */
        n = (size_t)st.st_size;
    }
    buf[n] = '\0';
    *len = n;
    return buf;
}

/* The text's nesting and string lengths, before the parser sees it (the
 * parser recurses per level and copies every string). Reports the first
 * breach with its line. */
static bool text_within_limits(loader *ld, const char *name, const char *text, size_t len)
{
    int depth = 0, line = 1;
    for (size_t i = 0; i < len; i++) {
        char ch = text[i];
        if (ch == '\n') {
            line++;
        } else if (ch == '"') {
            size_t start = i++;
            while (i < len && text[i] != '"') {
                if (text[i] == '\\' && i + 1 < len)
                    i++;
                if (text[i] == '\n')
                    line++;
                i++;
            }
            if (i - start - 1 > CONTENT_STRING_MAX) {
                problem(ld, "%s: $: line %d: a string of %zu bytes; at most %d are allowed", name,
                        line, i - start - 1, CONTENT_STRING_MAX);
                return false;
            }
        } else if (ch == '[' || ch == '{') {
            if (++depth > CONTENT_DEPTH_MAX) {
                problem(ld, "%s: $: line %d: nested more than %d levels deep", name, line,
                        CONTENT_DEPTH_MAX);
                return false;
            }
        } else if (ch == ']' || ch == '}') {
            depth--;
        }
    }
    return true;
}

/* Where a list is, for the message only: the JSON path is put together
 * from these when a list is too long, not for every list on the way (the
 * regions' points are ten thousand small arrays). */
typedef struct crumb {
    const struct crumb *up;
    const char *key; /* an object's member; NULL: an array's */
    size_t index;
} crumb;

static size_t crumb_path(const crumb *c, char *buf, size_t size)
{
    size_t at = c ? crumb_path(c->up, buf, size) : (size_t)snprintf(buf, size, "$");
    if (!c || at >= size)
        return at;
    int n = c->key ? snprintf(buf + at, size - at, ".%.40s", c->key)
                   : snprintf(buf + at, size - at, "[%zu]", c->index);
    return at + (n > 0 ? (size_t)n : 0);
}

/* Every array and object of the parsed file has at most CONTENT_LIST_MAX
 * members (depth is bounded already, so the recursion is too). */
static bool lists_within_limits(loader *ld, const char *name, const cJSON *v, const crumb *here)
{
    if (!cJSON_IsArray(v) && !cJSON_IsObject(v))
        return true;
    size_t n = 0;
    const cJSON *m;
    cJSON_ArrayForEach(m, v)
    {
        if (++n > CONTENT_LIST_MAX) {
            char path[512];
            crumb_path(here, path, sizeof path);
            problem(ld, "%s: %s: more than %d entries", name, path, CONTENT_LIST_MAX);
            return false;
        }
    }
    n = 0;
    cJSON_ArrayForEach(m, v)
    {
        if (cJSON_IsArray(m) || cJSON_IsObject(m)) {
            crumb c = {here, cJSON_IsArray(v) ? NULL : (m->string ? m->string : ""), n};
            if (!lists_within_limits(ld, name, m, &c))
                return false;
        }
        n++;
    }
    return true;
}

/* Parses dir/name; on failure reports where (line and column) and returns NULL. */
/* FNV-1a, 64 bits: the stamp names these bytes (not a defence against
 * anyone who can write the folder anyway, only against changed content). */
static void stamp_hash(loader *ld, const void *p, size_t n)
{
    const unsigned char *b = p;
    uint64_t h = ld->hash;
    for (size_t i = 0; i < n; i++)
        h = (h ^ b[i]) * 0x100000001b3ULL;
    ld->hash = h;
}

static cJSON *load_json(loader *ld, const char *name)
{
    char path[1024];
    snprintf(path, sizeof path, "%s/%s", ld->dir, name);
    size_t len = 0;
    int err = 0;
    off_t size = 0;
    char *text = read_file(path, &len, &err, &size);
    if (!text) {
        if (err == EFBIG)
            problem(ld, "%s: $: the file is %lld bytes; a content file may be at most %u bytes",
                    name, (long long)size, CONTENT_FILE_MAX);
        else if (err == EINVAL)
            problem(ld, "%s: $: not a plain file (a folder, a named pipe or a device)", name);
        else
            problem(ld, "%s: $: cannot read the file (%s)", name, strerror(err));
        return NULL;
    }
    if (!text_within_limits(ld, name, text, len)) {
        free(text);
        return NULL;
    }
    stamp_hash(ld, name, strlen(name) + 1); /* the name and its NUL, then the bytes */
    stamp_hash(ld, text, len);
    const char *end = NULL;
    cJSON *root = cJSON_ParseWithLengthOpts(text, len + 1, &end, true); /* +1: cJSON wants the NUL inside the length to check nothing follows */
    if (!root) {
        const char *at = end ? end : text;
        if (at < text || at > text + len)
            at = text;
        int line = 1, col = 1;
        for (const char *p = text; p < at; p++) {
            if (*p == '\n') {
                line++;
                col = 1;
            } else {
                col++;
            }
        }
        problem(ld, "%s: $: not valid JSON near line %d, column %d", name, line, col);
    } else if (!cJSON_IsObject(root)) {
        problem(ld, "%s: $: must be a JSON object", name);
        cJSON_Delete(root);
        root = NULL;
    } else {
        if (!lists_within_limits(ld, name, root, NULL)) {
            cJSON_Delete(root);
            root = NULL;
        }
    }
    free(text);
    return root;
}

static bool valid_id(const char *s)
{
    if (!*s)
        return false;
    for (; *s; s++)
        if (!((*s >= 'a' && *s <= 'z') || (*s >= '0' && *s <= '9') || *s == '_'))
            return false;
    return true;
}

/* A required string member. Returns an arena copy or NULL (reported). */
static const char *get_str(loader *ld, const char *file, const char *path, const cJSON *obj,
                           const char *field)
{
    const cJSON *v = cJSON_GetObjectItemCaseSensitive(obj, field);
    if (!cJSON_IsString(v) || !v->valuestring) {
        problem(ld, "%s: %s.%s: %s", file, path, field,
                v ? "must be a string" : "missing");
        return NULL;
    }
    if (!*v->valuestring) {
        problem(ld, "%s: %s.%s: must not be empty", file, path, field);
        return NULL;
    }
    if (strlen(v->valuestring) > CONTENT_NAME_MAX) {
        problem(ld, "%s: %s.%s: %zu bytes long; an id, key or code may have at most %d", file,
                path, field, strlen(v->valuestring), CONTENT_NAME_MAX);
        return NULL;
    }
    char *s = arena_strdup(ld->c, v->valuestring);
    if (!s)
        ld->nomem = true;
    return s;
}

/* A required id member: a string of [a-z0-9_]. */
static const char *get_id(loader *ld, const char *file, const char *path, const cJSON *obj)
{
    const char *id = get_str(ld, file, path, obj, "id");
    if (id && !valid_id(id)) {
        problem(ld, "%s: %s.id: '%s' is not a valid id (use a-z, 0-9 and _)", file, path, id);
        return NULL;
    }
    return id;
}

/* A string member that names a text key: copied and remembered for the
 * translation check. */
static const char *get_key(loader *ld, const char *file, const char *path, const cJSON *obj,
                           const char *field)
{
    const char *k = get_str(ld, file, path, obj, field);
    if (k) {
        char where[512];
        snprintf(where, sizeof where, "%s: %s.%s", file, path, field);
        refer_key(ld, k, where);
    }
    return k;
}

/* An optional true/false member (absent: false). */
static bool get_opt_bool(loader *ld, const char *file, const char *path, const cJSON *obj,
                         const char *field)
{
    const cJSON *v = cJSON_GetObjectItemCaseSensitive(obj, field);
    if (v && !cJSON_IsBool(v))
        problem(ld, "%s: %s.%s: must be true or false", file, path, field);
    return cJSON_IsTrue(v);
}

static const cJSON *get_array(loader *ld, const char *file, const char *path, const cJSON *obj,
                              const char *field, bool required)
{
    const cJSON *v = cJSON_GetObjectItemCaseSensitive(obj, field);
    if (!v) {
        if (required)
            problem(ld, "%s: %s.%s: missing", file, path, field);
        return NULL;
    }
    if (!cJSON_IsArray(v)) {
        problem(ld, "%s: %s.%s: must be an array", file, path, field);
        return NULL;
    }
    return v;
}

static bool get_point(loader *ld, const char *file, const char *path, const cJSON *v,
                      geo_point *out)
{
    if (!cJSON_IsArray(v) || cJSON_GetArraySize(v) != 2 ||
        !cJSON_IsNumber(cJSON_GetArrayItem(v, 0)) || !cJSON_IsNumber(cJSON_GetArrayItem(v, 1))) {
        problem(ld, "%s: %s: must be a point [x, y] of two numbers", file, path);
        return false;
    }
    out->x = cJSON_GetArrayItem(v, 0)->valuedouble;
    out->y = cJSON_GetArrayItem(v, 1)->valuedouble;
    double w = ld->c->chart_w, h = ld->c->chart_h;
    if (out->x < 0 || out->y < 0 || out->x > w || out->y > h) {
        problem(ld, "%s: %s: point (%g, %g) is outside the chart (0..%g x 0..%g)", file, path,
                out->x, out->y, w, h);
        return false;
    }
    return true;
}

/* get_point's test without its message: a point [x, y] on the chart. */
static bool point_on_chart(const loader *ld, const cJSON *v, geo_point *out)
{
    const cJSON *x = cJSON_IsArray(v) ? v->child : NULL, *y = x ? x->next : NULL;
    if (!cJSON_IsNumber(x) || !cJSON_IsNumber(y) || y->next)
        return false;
    out->x = x->valuedouble;
    out->y = y->valuedouble;
    return out->x >= 0 && out->y >= 0 && out->x <= ld->c->chart_w && out->y <= ld->c->chart_h;
}

static int parse_view(loader *ld, const char *file, const char *path, const cJSON *obj)
{
    const cJSON *v = cJSON_GetObjectItemCaseSensitive(obj, "view");
    if (cJSON_IsString(v)) {
        if (strcmp(v->valuestring, "front") == 0)
            return VIEW_FRONT;
        if (strcmp(v->valuestring, "back") == 0)
            return VIEW_BACK;
    }
    problem(ld, "%s: %s.view: must be \"front\" or \"back\"", file, path);
    return -1;
}

/* ---- regions.json ------------------------------------------------------ */

static void load_region(loader *ld, const cJSON *item, size_t i)
{
    const char *F = "regions.json";
    char path[64];
    snprintf(path, sizeof path, "$.regions[%zu]", i);
    pm_content *c = ld->c;
    if (!cJSON_IsObject(item)) {
        problem(ld, "%s: %s: must be an object", F, path);
        return;
    }
    pm_region r = {0};
    r.id = get_id(ld, F, path, item);
    int view = parse_view(ld, F, path, item);
    const cJSON *side = cJSON_GetObjectItemCaseSensitive(item, "side");
    int s = -1;
    if (cJSON_IsString(side)) {
        for (int k = 0; k < 3; k++)
            if (strcmp(side->valuestring, content_side_name((pm_side)k)) == 0)
                s = k;
    }
    if (s < 0)
        problem(ld, "%s: %s.side: must be \"left\", \"right\" or \"centre\"", F, path);
    r.label_key = get_key(ld, F, path, item, "label");
    r.term_key = get_key(ld, F, path, item, "term");
    r.no_pattern = get_opt_bool(ld, F, path, item, "no_pattern");
    r.group = -1;
    const cJSON *group = cJSON_GetObjectItemCaseSensitive(item, "group");
    if (group) {
        for (size_t k = 0; cJSON_IsString(group) && k < c->ngroups; k++)
            if (strcmp(c->groups[k].id, group->valuestring) == 0)
                r.group = (int)k;
        if (r.group < 0)
            problem(ld, "%s: %s.group: no group '%s' in $.groups", F, path,
                    cJSON_IsString(group) ? group->valuestring : "(not a string)");
    }
    const cJSON *poly = get_array(ld, F, path, item, "polygon", true);
    size_t n = poly ? (size_t)cJSON_GetArraySize(poly) : 0;
    geo_point *pts = NULL;
    bool pts_ok = poly != NULL;
    if (poly && n < 3) {
        problem(ld, "%s: %s.polygon: degenerate: needs at least 3 points, has %zu", F, path, n);
        pts_ok = false;
    } else if (poly && n > CONTENT_POLY_MAX) {
        /* before anything is done with them: the shape checks are quadratic */
        problem(ld, "%s: %s.polygon: %zu points; a region may have at most %d", F, path, n,
                CONTENT_POLY_MAX);
        pts_ok = false;
    } else if (poly && ld->points + n > CONTENT_POINTS_MAX) {
        problem(ld, "%s: %s.polygon: the regions have more than %d points in all", F, path,
                CONTENT_POINTS_MAX);
        pts_ok = false;
    } else if (poly) {
        ld->points += n;
        pts = arena_alloc(c, n * sizeof *pts);
        if (!pts) {
            ld->nomem = true;
            return;
        }
        size_t k = 0;
        const cJSON *p;
        cJSON_ArrayForEach(p, poly)
        {
            /* the path is written out only for a message (ten thousand points) */
            if (!point_on_chart(ld, p, &pts[k])) {
                char ppath[96];
                snprintf(ppath, sizeof ppath, "%s.polygon[%zu]", path, k);
                if (!get_point(ld, F, ppath, p, &pts[k]))
                    pts_ok = false;
            }
            k++;
        }
    }
    if (!r.id || view < 0 || s < 0 || !r.label_key || !r.term_key || !pts_ok)
        return;
    for (size_t k = 0; k < c->nregions; k++)
        if (strcmp(c->regions[k].id, r.id) == 0) {
            problem(ld, "%s: %s.id: duplicate id '%s' (also $.regions[%zu])", F, path, r.id, k);
            return;
        }
    if (c->nregions == CONTENT_MAX_REGIONS) {
        problem(ld, "%s: %s: more than %d regions", F, path, CONTENT_MAX_REGIONS);
        return;
    }
    r.view = (pm_view)view;
    r.side = (pm_side)s;
    r.poly = pts;
    r.npoly = n;
    r.bounds = geo_bounds_of(pts, n);
    c->regions[c->nregions++] = r;
}

/* Learn's body areas (optional): [{"id": "head", "label": "learn.area.head"}] */
static void load_groups(loader *ld, const cJSON *root)
{
    const char *F = "regions.json";
    pm_content *c = ld->c;
    const cJSON *groups = get_array(ld, F, "$", root, "groups", false);
    size_t i = 0;
    const cJSON *item;
    cJSON_ArrayForEach(item, groups)
    {
        char path[64];
        snprintf(path, sizeof path, "$.groups[%zu]", i++);
        if (!cJSON_IsObject(item)) {
            problem(ld, "%s: %s: must be an object", F, path);
            continue;
        }
        pm_group g = {get_id(ld, F, path, item), get_key(ld, F, path, item, "label")};
        if (!g.id || !g.label_key)
            continue;
        bool dup = false;
        for (size_t k = 0; k < c->ngroups; k++)
            dup = dup || strcmp(c->groups[k].id, g.id) == 0;
        if (dup) {
            problem(ld, "%s: %s.id: duplicate group '%s'", F, path, g.id);
            continue;
        }
        if (c->ngroups == CONTENT_MAX_GROUPS) {
            problem(ld, "%s: %s: more than %d groups", F, path, CONTENT_MAX_GROUPS);
            return;
        }
        c->groups[c->ngroups++] = g;
    }
}

static void load_regions(loader *ld)
{
    const char *F = "regions.json";
    cJSON *root = load_json(ld, F);
    if (!root)
        return;
    const cJSON *chart = cJSON_GetObjectItemCaseSensitive(root, "chart");
    const cJSON *w = cJSON_GetObjectItemCaseSensitive(chart, "width");
    const cJSON *h = cJSON_GetObjectItemCaseSensitive(chart, "height");
    if (!cJSON_IsNumber(w) || !cJSON_IsNumber(h) || w->valuedouble < 10 ||
        h->valuedouble < 10 || w->valuedouble > 100000 || h->valuedouble > 100000) {
        problem(ld, "%s: $.chart: needs \"width\" and \"height\", numbers from 10 to 100000", F);
        cJSON_Delete(root);
        return;
    }
    ld->c->chart_w = w->valuedouble;
    ld->c->chart_h = h->valuedouble;
    load_groups(ld, root);
    const cJSON *regions = get_array(ld, F, "$", root, "regions", true);
    size_t i = 0;
    const cJSON *item;
    cJSON_ArrayForEach(item, regions) load_region(ld, item, i++);
    if (regions && i == 0)
        problem(ld, "%s: $.regions: must not be empty", F);
    cJSON_Delete(root);
}

/* ---- screens.json ------------------------------------------------------ */

static int screen_pos(const pm_content *c, pm_screen s)
{
    for (size_t i = 0; i < c->nscreens; i++)
        if (c->screens[i] == s)
            return (int)i;
    return -1;
}

static void check_screen_order(loader *ld)
{
    const char *F = "screens.json";
    pm_content *c = ld->c;
    static const pm_screen required[] = {SCREEN_WELCOME, SCREEN_CHART, SCREEN_DETAILS,
                                         SCREEN_SCREENING, SCREEN_REVIEW, SCREEN_SAVING,
                                         SCREEN_THANKS};
    for (size_t i = 0; i < sizeof required / sizeof required[0]; i++)
        if (screen_pos(c, required[i]) < 0)
            problem(ld, "%s: $.sequence: the screen '%s' is required", F,
                    content_screen_name(required[i]));
    if (c->nscreens && c->screens[0] != SCREEN_WELCOME)
        problem(ld, "%s: $.sequence[0]: must be 'welcome'", F);
    if (c->nscreens >= 2) {
        /* The intake is saved when the client confirms it; the education
         * pages, if any, are reading while they wait, after the save. */
        size_t last = c->nscreens - 1, before = last - 1;
        if (c->screens[before] == SCREEN_EDUCATION && before > 0)
            before--;
        if (c->screens[last] != SCREEN_THANKS || c->screens[before] != SCREEN_SAVING)
            problem(ld, "%s: $.sequence: must end with 'saving', then 'education' (if used: "
                        "it is read while the client waits, after the save), then 'thanks'", F);
    }
    struct { pm_screen first, later; const char *why; } order[] = {
        {SCREEN_SCREENING, SCREEN_PATTERNS, "safety questions come before any explanation"},
        {SCREEN_SCREENING, SCREEN_EDUCATION, "safety questions come before any explanation"},
        {SCREEN_CHART, SCREEN_DETAILS, "details describe the regions marked on the chart"},
        {SCREEN_CHART, SCREEN_PATTERNS, "patterns are ranked from the regions marked"},
        {SCREEN_REVIEW, SCREEN_SAVING, "the client reviews before saving"},
    };
    for (size_t i = 0; i < sizeof order / sizeof order[0]; i++) {
        int a = screen_pos(c, order[i].first), b = screen_pos(c, order[i].later);
        if (a >= 0 && b >= 0 && a > b)
            problem(ld, "%s: $.sequence[%d]: '%s' must come after '%s' (%s)", F, b,
                    content_screen_name(order[i].later), content_screen_name(order[i].first),
                    order[i].why);
    }
}

static void load_screens(loader *ld)
{
    const char *F = "screens.json";
    cJSON *root = load_json(ld, F);
    if (!root)
        return;
    pm_content *c = ld->c;
    const cJSON *seq = get_array(ld, F, "$", root, "sequence", true);
    size_t i = 0;
    const cJSON *item;
    cJSON_ArrayForEach(item, seq)
    {
        int s = cJSON_IsString(item) ? content_screen_from_name(item->valuestring) : -1;
        if (s < 0)
            problem(ld, "%s: $.sequence[%zu]: unknown screen%s%s", F, i,
                    cJSON_IsString(item) ? " " : "", cJSON_IsString(item) ? item->valuestring : "");
        else if (screen_pos(c, (pm_screen)s) >= 0)
            problem(ld, "%s: $.sequence[%zu]: duplicate screen '%s'", F, i, item->valuestring);
        else
            c->screens[c->nscreens++] = (pm_screen)s;
        i++;
    }
    if (seq)
        check_screen_order(ld);
    cJSON_Delete(root);
}

/* ---- muscles.json ------------------------------------------------------ */

/* Resolves an array of region ids into indices; reports dangling ids. */
static int *region_list(loader *ld, const char *F, const char *path, const cJSON *arr, size_t *n)
{
    pm_content *c = ld->c;
    size_t cap = arr ? (size_t)cJSON_GetArraySize(arr) : 0;
    int *out = arena_alloc(c, (cap ? cap : 1) * sizeof *out);
    *n = 0;
    if (!out) {
        ld->nomem = true;
        return NULL;
    }
    size_t i = 0;
    const cJSON *v;
    cJSON_ArrayForEach(v, arr)
    {
        int idx = cJSON_IsString(v) ? content_region_index(c, v->valuestring) : -1;
        if (!cJSON_IsString(v))
            problem(ld, "%s: %s[%zu]: must be a region id (a string)", F, path, i);
        else if (idx < 0)
            problem(ld, "%s: %s[%zu]: no region '%s' in regions.json", F, path, i,
                    v->valuestring);
        else {
            bool dup = false;
            for (size_t k = 0; k < *n; k++)
                dup = dup || out[k] == idx;
            if (dup)
                problem(ld, "%s: %s[%zu]: region '%s' is listed twice", F, path, i,
                        v->valuestring);
            else
                out[(*n)++] = idx;
        }
        i++;
    }
    return out;
}

static void load_muscle_page(loader *ld, const char *path, const cJSON *item, pm_muscle *m)
{
    const char *F = "muscles.json";
    const cJSON *page = get_array(ld, F, path, item, "page", true);
    size_t n = page ? (size_t)cJSON_GetArraySize(page) : 0;
    if (page && n == 0)
        problem(ld, "%s: %s.page: must have at least one section", F, path);
    pm_section *secs = arena_alloc(ld->c, (n ? n : 1) * sizeof *secs);
    if (!secs) {
        ld->nomem = true;
        return;
    }
    size_t k = 0;
    const cJSON *s;
    cJSON_ArrayForEach(s, page)
    {
        char spath[128];
        snprintf(spath, sizeof spath, "%s.page[%zu]", path, k);
        secs[k].heading_key = get_key(ld, F, spath, s, "heading");
        secs[k].text_key = get_key(ld, F, spath, s, "text");
        k++;
    }
    m->sections = secs;
    m->nsections = k;
}

static void load_muscle(loader *ld, const cJSON *item, size_t i)
{
    const char *F = "muscles.json";
    pm_content *c = ld->c;
    char path[64];
    snprintf(path, sizeof path, "$.muscles[%zu]", i);
    if (!cJSON_IsObject(item)) {
        problem(ld, "%s: %s: must be an object", F, path);
        return;
    }
    pm_muscle m = {0};
    m.id = get_id(ld, F, path, item);
    m.name_key = get_key(ld, F, path, item, "name");
    m.source = get_str(ld, F, path, item, "source");
    char sub[128];
    /* trigger points */
    const cJSON *tps = get_array(ld, F, path, item, "trigger_points", true);
    size_t ntp = tps ? (size_t)cJSON_GetArraySize(tps) : 0;
    if (tps && ntp == 0)
        problem(ld, "%s: %s.trigger_points: must have at least one point", F, path);
    pm_trigger_point *tp = arena_alloc(c, (ntp ? ntp : 1) * sizeof *tp);
    if (!tp) {
        ld->nomem = true;
        return;
    }
    size_t k = 0;
    const cJSON *t;
    cJSON_ArrayForEach(t, tps)
    {
        snprintf(sub, sizeof sub, "%s.trigger_points[%zu]", path, k);
        int view = parse_view(ld, F, sub, t);
        snprintf(sub, sizeof sub, "%s.trigger_points[%zu].at", path, k);
        if (get_point(ld, F, sub, cJSON_GetObjectItemCaseSensitive(t, "at"), &tp[k].at) &&
            view >= 0)
            tp[k].view = (pm_view)view;
        k++;
    }
    m.tps = tp;
    m.ntps = k;
    /* referral zones */
    snprintf(sub, sizeof sub, "%s.primary", path);
    int *prim = region_list(ld, F, sub, get_array(ld, F, path, item, "primary", true), &m.nprimary);
    if (m.nprimary == 0)
        problem(ld, "%s: %s.primary: needs at least one region", F, path);
    snprintf(sub, sizeof sub, "%s.spillover", path);
    int *spill = region_list(ld, F, sub, get_array(ld, F, path, item, "spillover", false), &m.nspill);
    m.primary = prim;
    m.spill = spill;
    m.both_sides = get_opt_bool(ld, F, path, item, "both_sides");
    for (size_t a = 0; prim && spill && a < m.nprimary; a++)
        for (size_t b = 0; b < m.nspill; b++)
            if (prim[a] == spill[b])
                problem(ld, "%s: %s.spillover: region '%s' is already a primary zone", F, path,
                        c->regions[prim[a]].id);
    /* mimics */
    const cJSON *mim = get_array(ld, F, path, item, "mimics", true);
    size_t nm = mim ? (size_t)cJSON_GetArraySize(mim) : 0;
    const char **keys = arena_alloc(c, (nm ? nm : 1) * sizeof *keys);
    if (!keys) {
        ld->nomem = true;
        return;
    }
    k = 0;
    const cJSON *v;
    cJSON_ArrayForEach(v, mim)
    {
        snprintf(sub, sizeof sub, "%s: %s.mimics[%zu]", F, path, k);
        if (!cJSON_IsString(v) || !*v->valuestring) {
            problem(ld, "%s: must be a text key", sub);
            keys[k] = NULL;
        } else {
            keys[k] = arena_strdup(c, v->valuestring);
            refer_key(ld, keys[k], sub);
        }
        k++;
    }
    m.mimics_keys = keys;
    m.nmimics = k;
    load_muscle_page(ld, path, item, &m);
    if (!m.id)
        return;
    for (size_t j = 0; j < c->nmuscles; j++)
        if (strcmp(c->muscles[j].id, m.id) == 0) {
            problem(ld, "%s: %s.id: duplicate id '%s' (also $.muscles[%zu])", F, path, m.id, j);
            return;
        }
    if (c->nmuscles == CONTENT_MAX_MUSCLES) {
        problem(ld, "%s: %s: more than %d muscles", F, path, CONTENT_MAX_MUSCLES);
        return;
    }
    c->muscles[c->nmuscles++] = m;
}

static void load_muscles(loader *ld)
{
    cJSON *root = load_json(ld, "muscles.json");
    if (!root)
        return;
    const cJSON *arr = get_array(ld, "muscles.json", "$", root, "muscles", true);
    size_t i = 0;
    const cJSON *item;
    cJSON_ArrayForEach(item, arr) load_muscle(ld, item, i++);
    cJSON_Delete(root);
}

/* ---- pages.json -------------------------------------------------------- */

/* A library page's "topic" ("faq" or "complaint") and the "areas" (region
 * ids) it is about. A page without a topic is a walk-through page. */
static void load_page_topic(loader *ld, const char *path, const cJSON *item, pm_page *p)
{
    const char *F = "pages.json";
    const cJSON *topic = cJSON_GetObjectItemCaseSensitive(item, "topic");
    if (topic) {
        if (cJSON_IsString(topic) && strcmp(topic->valuestring, "faq") == 0)
            p->topic = PAGE_FAQ;
        else if (cJSON_IsString(topic) && strcmp(topic->valuestring, "complaint") == 0)
            p->topic = PAGE_COMPLAINT;
        else
            problem(ld, "%s: %s.topic: must be \"faq\" or \"complaint\"", F, path);
    }
    char sub[96];
    snprintf(sub, sizeof sub, "%s.areas", path);
    const cJSON *areas = get_array(ld, F, path, item, "areas", false);
    p->areas = region_list(ld, F, sub, areas, &p->nareas);
    if (areas && p->topic == PAGE_WALK)
        problem(ld, "%s: %s.areas: only a page with a topic (a library page) is shown by area",
                F, path);
    if (p->topic == PAGE_COMPLAINT && p->nareas == 0)
        problem(ld, "%s: %s.areas: a complaint page needs the body areas it is about", F, path);
}

static void load_pages(loader *ld)
{
    const char *F = "pages.json";
    pm_content *c = ld->c;
    cJSON *root = load_json(ld, F);
    if (!root)
        return;
    const cJSON *pages = get_array(ld, F, "$", root, "pages", true);
    size_t n = pages ? (size_t)cJSON_GetArraySize(pages) : 0;
    c->pages = arena_alloc(c, (n ? n : 1) * sizeof *c->pages);
    if (!c->pages) {
        ld->nomem = true;
        cJSON_Delete(root);
        return;
    }
    size_t i = 0;
    const cJSON *item;
    cJSON_ArrayForEach(item, pages)
    {
        char path[64];
        snprintf(path, sizeof path, "$.pages[%zu]", i++);
        pm_page p = {0};
        p.id = get_id(ld, F, path, item);
        p.title_key = get_key(ld, F, path, item, "title");
        const cJSON *paras = get_array(ld, F, path, item, "paragraphs", true);
        size_t np = paras ? (size_t)cJSON_GetArraySize(paras) : 0;
        if (paras && np == 0)
            problem(ld, "%s: %s.paragraphs: must not be empty", F, path);
        const char **keys = arena_alloc(c, (np ? np : 1) * sizeof *keys);
        if (!keys) {
            ld->nomem = true;
            break;
        }
        size_t k = 0;
        const cJSON *v;
        cJSON_ArrayForEach(v, paras)
        {
            char where[128];
            snprintf(where, sizeof where, "%s: %s.paragraphs[%zu]", F, path, k);
            if (!cJSON_IsString(v) || !*v->valuestring) {
                problem(ld, "%s: must be a text key", where);
                continue;
            }
            keys[k] = arena_strdup(c, v->valuestring);
            refer_key(ld, keys[k], where);
            k++;
        }
        p.paragraph_keys = keys;
        p.nparagraphs = k;
        load_page_topic(ld, path, item, &p);
        if (!p.id)
            continue;
        bool dup = false;
        for (size_t j = 0; j < c->npages; j++)
            dup = dup || strcmp(c->pages[j].id, p.id) == 0;
        if (dup)
            problem(ld, "%s: %s.id: duplicate id '%s'", F, path, p.id);
        else
            c->pages[c->npages++] = p;
    }
    const cJSON *seq = get_array(ld, F, "$", root, "sequence", true);
    size_t ns = seq ? (size_t)cJSON_GetArraySize(seq) : 0;
    c->education = arena_alloc(c, (ns ? ns : 1) * sizeof *c->education);
    bool *used = calloc(c->npages + 1, sizeof *used);
    if (!c->education || !used) {
        ld->nomem = true;
        free(used);
        cJSON_Delete(root);
        return;
    }
    bool muscles_seen = false;
    i = 0;
    cJSON_ArrayForEach(item, seq)
    {
        const char *id = cJSON_IsString(item) ? item->valuestring : NULL;
        int idx = -2;
        if (id && strcmp(id, "@muscles") == 0) {
            if (muscles_seen)
                problem(ld, "%s: $.sequence[%zu]: '@muscles' appears twice", F, i);
            muscles_seen = true;
            idx = -1;
        } else if (id) {
            for (size_t j = 0; j < c->npages; j++)
                if (strcmp(c->pages[j].id, id) == 0)
                    idx = (int)j;
            if (idx == -2)
                problem(ld, "%s: $.sequence[%zu]: no page '%s'", F, i, id);
            else if (c->pages[idx].topic != PAGE_WALK)
                problem(ld, "%s: $.sequence[%zu]: '%s' is a library page (it has a topic); "
                            "the library is shown by area, not in the walk-through", F, i, id);
            else if (used[idx])
                problem(ld, "%s: $.sequence[%zu]: page '%s' appears twice", F, i, id);
            else
                used[idx] = true;
        } else {
            problem(ld, "%s: $.sequence[%zu]: must be a page id or '@muscles'", F, i);
        }
        if (idx >= -1)
            c->education[c->neducation++] = idx;
        i++;
    }
    for (size_t j = 0; seq && j < c->npages; j++)
        if (!used[j] && c->pages[j].topic == PAGE_WALK)
            problem(ld, "%s: $.pages[%zu]: page '%s' is not in the sequence", F, j,
                    c->pages[j].id);
    free(used);
    cJSON_Delete(root);
}

/* ---- questions.json ---------------------------------------------------- */

static int parse_part(loader *ld, const char *path, const cJSON *item)
{
    const cJSON *v = cJSON_GetObjectItemCaseSensitive(item, "part");
    if (!v)
        return PART_GATE;
    static const char *const names[] = {"gate", "checklist", "followup"};
    for (int k = 0; k < 3; k++)
        if (cJSON_IsString(v) && strcmp(v->valuestring, names[k]) == 0)
            return k;
    problem(ld, "questions.json: %s.part: must be \"gate\", \"checklist\" or \"followup\"",
            path);
    return -1;
}

/* "show_if_answer": {"question": id, "answers": [ids]}: an earlier question
 * and the answers of it that bring this follow-up on. */
static void load_show_if_answer(loader *ld, const char *path, const cJSON *v, pm_question *q)
{
    const char *F = "questions.json";
    pm_content *c = ld->c;
    q->show_if_question = -1;
    if (!v)
        return;
    char sub[128];
    snprintf(sub, sizeof sub, "%s.show_if_answer", path);
    const cJSON *qid = cJSON_GetObjectItemCaseSensitive(v, "question");
    const cJSON *ans = cJSON_GetObjectItemCaseSensitive(v, "answers");
    if (!cJSON_IsObject(v) || !cJSON_IsString(qid) || !cJSON_IsArray(ans) ||
        cJSON_GetArraySize(ans) == 0) {
        problem(ld, "%s: %s: must be {\"question\": id, \"answers\": [ids]}", F, sub);
        return;
    }
    int target = -1;
    for (size_t j = 0; j < c->nquestions; j++)
        if (strcmp(c->questions[j].id, qid->valuestring) == 0)
            target = (int)j;
    if (target < 0) {
        problem(ld, "%s: %s.question: no earlier question '%s' (a follow-up depends only on "
                    "questions asked before it)", F, sub, qid->valuestring);
        return;
    }
    const pm_question *t = &c->questions[target];
    size_t k = 0;
    const cJSON *a;
    cJSON_ArrayForEach(a, ans)
    {
        int found = -1;
        for (size_t j = 0; cJSON_IsString(a) && j < t->nanswers; j++)
            if (t->answer_ids[j] && strcmp(t->answer_ids[j], a->valuestring) == 0)
                found = (int)j;
        if (found < 0)
            problem(ld, "%s: %s.answers[%zu]: question '%s' has no such answer", F, sub, k,
                    t->id);
        else
            q->show_if_answers |= 1u << found;
        k++;
    }
    q->show_if_question = target;
}

static void load_question(loader *ld, const cJSON *item, size_t i)
{
    const char *F = "questions.json";
    pm_content *c = ld->c;
    char path[64];
    snprintf(path, sizeof path, "$.screening[%zu]", i);
    pm_question q = {0};
    q.id = get_id(ld, F, path, item);
    q.text_key = get_key(ld, F, path, item, "text");
    q.staff_key = get_key(ld, F, path, item, "staff");
    if (cJSON_GetObjectItemCaseSensitive(item, "notice"))
        q.notice_key = get_key(ld, F, path, item, "notice");
    int part = parse_part(ld, path, item);
    q.part = part < 0 ? PART_GATE : (pm_part)part;
    const cJSON *answers = get_array(ld, F, path, item, "answers", true);
    size_t n = answers ? (size_t)cJSON_GetArraySize(answers) : 0;
    if (answers && (n < 2 || n > 4)) {
        problem(ld, "%s: %s.answers: needs 2 to 4 answers, has %zu", F, path, n);
        return;
    }
    bool urgent_unnoticed = false;
    size_t k = 0;
    const cJSON *a;
    cJSON_ArrayForEach(a, answers)
    {
        char apath[96];
        snprintf(apath, sizeof apath, "%s.answers[%zu]", path, k);
        q.answer_ids[k] = get_id(ld, F, apath, a);
        q.answer_keys[k] = get_key(ld, F, apath, a, "label");
        if (cJSON_GetObjectItemCaseSensitive(a, "notice"))
            q.answer_notice_keys[k] = get_key(ld, F, apath, a, "notice");
        const cJSON *flag = cJSON_GetObjectItemCaseSensitive(a, "flag");
        q.answer_flags[k] = FLAG_NONE;
        if (flag) {
            /* "attention" is the older name of "check" */
            if (cJSON_IsString(flag) && (strcmp(flag->valuestring, "check") == 0 ||
                                         strcmp(flag->valuestring, "attention") == 0))
                q.answer_flags[k] = FLAG_ATTENTION;
            else if (cJSON_IsString(flag) && strcmp(flag->valuestring, "urgent") == 0)
                q.answer_flags[k] = FLAG_URGENT;
            else
                problem(ld, "%s: %s.flag: must be \"check\" or \"urgent\"", F, apath);
        }
        q.answer_now[k] = get_opt_bool(ld, F, apath, a, "now");
        if (q.answer_now[k] && q.answer_flags[k] != FLAG_URGENT)
            problem(ld, "%s: %s.now: an answer that means \"now\" is urgent too: give it "
                        "\"flag\": \"urgent\"", F, apath);
        if (q.answer_flags[k] == FLAG_URGENT && !q.answer_notice_keys[k])
            urgent_unnoticed = true;
        for (size_t j = 0; j < k; j++)
            if (q.answer_ids[j] && q.answer_ids[k] && !strcmp(q.answer_ids[j], q.answer_ids[k]))
                problem(ld, "%s: %s.id: duplicate answer '%s'", F, apath, q.answer_ids[k]);
        k++;
    }
    q.nanswers = k;
    if (urgent_unnoticed && !q.notice_key)
        problem(ld, "%s: %s.notice: a question with an urgent answer needs a notice for the "
                    "client", F, path);
    char sub[96];
    snprintf(sub, sizeof sub, "%s.show_if_regions", path);
    const cJSON *regions = get_array(ld, F, path, item, "show_if_regions", false);
    q.show_if_regions = region_list(ld, F, sub, regions, &q.nshow_if_regions);
    load_show_if_answer(ld, path, cJSON_GetObjectItemCaseSensitive(item, "show_if_answer"), &q);
    bool conditional = regions || cJSON_GetObjectItemCaseSensitive(item, "show_if_answer");
    if (part == PART_FOLLOWUP && !conditional)
        problem(ld, "%s: %s: a follow-up needs \"show_if_regions\" or \"show_if_answer\" "
                    "(when to ask it)", F, path);
    if (part >= 0 && part != PART_FOLLOWUP && conditional)
        problem(ld, "%s: %s: only a follow-up (\"part\": \"followup\") is asked on a "
                    "condition; the gate and the checklist are for everyone", F, path);
    if (part == PART_CHECKLIST && q.nanswers == 2 && q.answer_flags[1] != FLAG_NONE)
        problem(ld, "%s: %s.answers[1]: a checklist item's second answer means \"not "
                    "ticked\" (what \"None of these\" chooses) and carries no flag", F, path);
    if (part == PART_CHECKLIST && q.nanswers != 2)
        problem(ld, "%s: %s.answers: a checklist item has two answers, ticked and not ticked",
                F, path);
    if (c->nquestions > 0 && part >= 0 && (pm_part)part < c->questions[c->nquestions - 1].part)
        problem(ld, "%s: %s.part: the screening goes gate, then checklist, then follow-ups; "
                    "this question is out of that order", F, path);
    if (!q.id)
        return;
    for (size_t j = 0; j < c->nquestions; j++)
        if (strcmp(c->questions[j].id, q.id) == 0) {
            problem(ld, "%s: %s.id: duplicate id '%s'", F, path, q.id);
            return;
        }
    if (c->nquestions == CONTENT_MAX_QUESTIONS) {
        problem(ld, "%s: %s: more than %d questions", F, path, CONTENT_MAX_QUESTIONS);
        return;
    }
    c->questions[c->nquestions++] = q;
}

/* The gate stays short, and a checklist has its prompt and "None of these". */
static void check_screening_parts(loader *ld, const cJSON *root)
{
    const char *F = "questions.json";
    pm_content *c = ld->c;
    size_t gate = 0, items = 0;
    for (size_t i = 0; i < c->nquestions; i++) {
        gate += c->questions[i].part == PART_GATE;
        items += c->questions[i].part == PART_CHECKLIST;
    }
    if (gate > 6)
        problem(ld, "%s: $.screening: the gate (questions everyone answers) has %zu questions; "
                    "at most 6 keep it short: make the others checklist items or follow-ups",
                F, gate);
    const cJSON *cl = cJSON_GetObjectItemCaseSensitive(root, "checklist");
    if (cl) {
        c->checklist_text_key = get_key(ld, F, "$.checklist", cl, "text");
        c->checklist_none_key = get_key(ld, F, "$.checklist", cl, "none");
    }
    if (items && !cl)
        problem(ld, "%s: $.checklist: checklist items need the checklist's \"text\" (the "
                    "prompt) and \"none\" (the label of \"None of these\")", F);
    if (cl && !items)
        problem(ld, "%s: $.checklist: there is no checklist item (\"part\": \"checklist\")",
                F);
}

static void load_choices(loader *ld, const cJSON *root, const char *field, pm_choice *out,
                         size_t *n)
{
    const char *F = "questions.json";
    const cJSON *arr = get_array(ld, F, "$", root, field, true);
    size_t i = 0;
    const cJSON *item;
    cJSON_ArrayForEach(item, arr)
    {
        char path[64];
        snprintf(path, sizeof path, "$.%s[%zu]", field, i++);
        pm_choice ch = {get_id(ld, F, path, item), get_key(ld, F, path, item, "label")};
        if (!ch.id || !ch.label_key)
            continue;
        bool dup = false;
        for (size_t j = 0; j < *n; j++)
            dup = dup || strcmp(out[j].id, ch.id) == 0;
        if (dup)
            problem(ld, "%s: %s.id: duplicate id '%s'", F, path, ch.id);
        else if (*n == CONTENT_MAX_CHOICES)
            problem(ld, "%s: %s: more than %d entries", F, path, CONTENT_MAX_CHOICES);
        else
            out[(*n)++] = ch;
    }
    if (arr && *n == 0)
        problem(ld, "%s: $.%s: must not be empty", F, field);
}

static bool parse_colour(const char *s, unsigned *out)
{
    if (strlen(s) != 7 || s[0] != '#')
        return false;
    unsigned v = 0;
    for (int i = 1; i < 7; i++) {
        char ch = s[i];
        int d = (ch >= '0' && ch <= '9') ? ch - '0'
              : (ch >= 'a' && ch <= 'f') ? ch - 'a' + 10
              : (ch >= 'A' && ch <= 'F') ? ch - 'A' + 10 : -1;
        if (d < 0)
            return false;
        v = v * 16 + (unsigned)d;
    }
    *out = v;
    return true;
}

static void load_bands(loader *ld, const cJSON *root)
{
    const char *F = "questions.json";
    pm_content *c = ld->c;
    const cJSON *arr = get_array(ld, F, "$", root, "intensity", true);
    int next = 0;
    size_t i = 0;
    const cJSON *item;
    cJSON_ArrayForEach(item, arr)
    {
        char path[64];
        snprintf(path, sizeof path, "$.intensity[%zu]", i++);
        const cJSON *mn = cJSON_GetObjectItemCaseSensitive(item, "min");
        const cJSON *mx = cJSON_GetObjectItemCaseSensitive(item, "max");
        const cJSON *col = cJSON_GetObjectItemCaseSensitive(item, "colour");
        pm_band b = {0};
        b.label_key = get_key(ld, F, path, item, "label");
        if (!cJSON_IsNumber(mn) || !cJSON_IsNumber(mx) || mn->valuedouble != (int)mn->valuedouble ||
            mx->valuedouble != (int)mx->valuedouble || mn->valueint < 0 || mx->valueint > 10 ||
            mn->valueint > mx->valueint) {
            problem(ld, "%s: %s: \"min\" and \"max\" must be whole numbers with 0 <= min <= max "
                        "<= 10", F, path);
            return;
        }
        b.min = mn->valueint;
        b.max = mx->valueint;
        if (b.min != next) {
            problem(ld, "%s: %s.min: bands must cover 0 to 10 in order without gaps or "
                        "overlaps; expected %d, found %d", F, path, next, b.min);
            return;
        }
        next = b.max + 1;
        if (!cJSON_IsString(col) || !parse_colour(col->valuestring, &b.colour))
            problem(ld, "%s: %s.colour: must be a colour like \"#e53935\"", F, path);
        if (c->nbands < 11)
            c->bands[c->nbands++] = b;
    }
    if (arr && next != 11)
        problem(ld, "%s: $.intensity: bands must cover 0 to 10; they stop at %d", F, next - 1);
}

static void load_questions(loader *ld)
{
    const char *F = "questions.json";
    pm_content *c = ld->c;
    cJSON *root = load_json(ld, F);
    if (!root)
        return;
    const cJSON *scr = get_array(ld, F, "$", root, "screening", true);
    size_t i = 0;
    const cJSON *item;
    cJSON_ArrayForEach(item, scr)
    {
        if (cJSON_IsObject(item))
            load_question(ld, item, i);
        else
            problem(ld, "%s: $.screening[%zu]: must be an object", F, i);
        i++;
    }
    if (scr && i == 0)
        problem(ld, "%s: $.screening: must not be empty", F);
    check_screening_parts(ld, root);
    load_choices(ld, root, "qualities", c->qualities, &c->nqualities);
    load_choices(ld, root, "durations", c->durations, &c->ndurations);
    load_choices(ld, root, "pressures", c->pressures, &c->npressures);
    load_choices(ld, root, "avoid", c->avoid, &c->navoid);
    load_bands(ld, root);
    cJSON_Delete(root);
}

/* ---- i18n/<code>.json -------------------------------------------------- */

static int cmp_text(const void *a, const void *b)
{
    return strcmp(((const text_entry *)a)->key, ((const text_entry *)b)->key);
}

static void load_language(loader *ld, const char *file, const char *code_from_name)
{
    pm_content *c = ld->c;
    cJSON *root = load_json(ld, file);
    if (!root)
        return;
    const cJSON *lang = cJSON_GetObjectItemCaseSensitive(root, "language");
    lang_table t = {0};
    t.code = get_str(ld, file, "$.language", lang, "code");
    t.name = get_str(ld, file, "$.language", lang, "name");
    if (t.code && strcmp(t.code, code_from_name) != 0)
        problem(ld, "%s: $.language.code: '%s' does not match the file name", file, t.code);
    const cJSON *strings = cJSON_GetObjectItemCaseSensitive(root, "strings");
    if (!cJSON_IsObject(strings)) {
        problem(ld, "%s: $.strings: must be an object of key: text", file);
        cJSON_Delete(root);
        return;
    }
    size_t n = (size_t)cJSON_GetArraySize(strings);
    t.texts = arena_alloc(c, (n ? n : 1) * sizeof *t.texts);
    if (!t.texts) {
        ld->nomem = true;
        cJSON_Delete(root);
        return;
    }
    const cJSON *s;
    cJSON_ArrayForEach(s, strings)
    {
        if (!cJSON_IsString(s) || !*s->valuestring) {
            problem(ld, "%s: $.strings.%.60s: must be a non-empty string", file, s->string);
            continue;
        }
        if (strlen(s->string) > CONTENT_NAME_MAX || strlen(s->valuestring) > CONTENT_TEXT_MAX) {
            problem(ld, "%s: $.strings.%.60s: a key may have at most %d bytes and a text at "
                        "most %d",
                    file, s->string, CONTENT_NAME_MAX, CONTENT_TEXT_MAX);
            continue;
        }
        t.texts[t.ntexts].key = arena_strdup(c, s->string);
        t.texts[t.ntexts].value = arena_strdup(c, s->valuestring);
        t.ntexts++;
    }
    qsort(t.texts, t.ntexts, sizeof *t.texts, cmp_text);
    for (size_t i = 1; i < t.ntexts; i++)
        if (strcmp(t.texts[i].key, t.texts[i - 1].key) == 0)
            problem(ld, "%s: $.strings.%s: key appears twice", file, t.texts[i].key);
    if (t.code && t.name && c->nlangs < CONTENT_MAX_LANGS)
        c->langs[c->nlangs++] = t;
    else if (t.code && t.name)
        problem(ld, "%s: $: more than %d languages", file, CONTENT_MAX_LANGS);
    cJSON_Delete(root);
}

static int cmp_name(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* The string tables of dir/i18n in the order they are loaded: by name,
 * en.json first (it is the reference every other language is checked
 * against). names[] gets malloc'd names (NULL where a copy failed), the
 * caller frees them. Returns how many, or -1 with errno set when the
 * folder cannot be opened. The loader and the stamp's hash
 * (content_files_hash) both take the list from here. */
static int language_files(const char *dir, char *names[CONTENT_LANG_FILES_MAX])
{
    char path[1024];
    snprintf(path, sizeof path, "%s/i18n", dir);
    DIR *d = opendir(path);
    if (!d)
        return -1;
    int n = 0;
    struct dirent *e;
    while ((e = readdir(d)) && n < CONTENT_LANG_FILES_MAX) {
        size_t len = strlen(e->d_name);
        if (e->d_name[0] != '.' && len > 5 && strcmp(e->d_name + len - 5, ".json") == 0)
            names[n++] = strdup(e->d_name);
    }
    closedir(d);
    for (int i = 0; i < n; i++)
        if (!names[i]) {
            for (int k = 0; k < n; k++)
                free(names[k]);
            errno = ENOMEM;
            return -1;
        }
    qsort(names, (size_t)n, sizeof *names, cmp_name);
    for (int i = 0; i < n; i++)
        if (strcmp(names[i], "en.json") == 0 && i > 0) {
            char *en = names[i];
            memmove(names + 1, names, (size_t)i * sizeof *names);
            names[0] = en;
        }
    return n;
}

static void load_languages(loader *ld)
{
    char *names[CONTENT_LANG_FILES_MAX] = {0};
    int n = language_files(ld->dir, names);
    if (n < 0 && errno == ENOMEM) {
        ld->nomem = true;
        return;
    }
    if (n < 0) {
        problem(ld, "i18n: $: cannot open the folder of string tables (%s)", strerror(errno));
        return;
    }
    if (n == 0 || strcmp(names[0], "en.json") != 0)
        problem(ld, "i18n/en.json: $: missing; English is required and is the reference");
    for (int i = 0; i < n; i++) {
        char file[300], code[300];
        snprintf(file, sizeof file, "i18n/%s", names[i]);
        snprintf(code, sizeof code, "%.*s", (int)(strlen(names[i]) - 5), names[i]);
        load_language(ld, file, code);
        free(names[i]);
    }
}

/* The files the loader reads before the string tables, in its order. */
static const char *const fixed_files[] = {"regions.json", "screens.json", "muscles.json",
                                          "pages.json", "questions.json"};

/* The i-th of the files the loader reads (the fixed ones, then the n
 * string tables in names): its name in the content folder. */
static void file_name(int i, char *const *names, char *name, size_t size)
{
    if (i < 5)
        snprintf(name, size, "%s", fixed_files[i]);
    else
        snprintf(name, size, "i18n/%s", names[i - 5]);
}

bool content_files_hash(const char *dir, uint64_t *stamp, uint64_t *sum)
{
    uint64_t fast = 0;
    loader ld = {.dir = dir, .hash = CONTENT_HASH_SEED};
    char *names[CONTENT_LANG_FILES_MAX] = {0};
    char *buf = NULL;
    size_t cap = 0;
    int n = language_files(dir, names);
    bool ok = n > 0;
    for (int i = 0; ok && i < 5 + n; i++) {
        char name[300], path[1400];
        file_name(i, names, name, sizeof name);
        snprintf(path, sizeof path, "%s/%s", dir, name);
        /* read_file's rules, into one buffer for all the files (fresh
         * memory for each was a page fault per 4 KB read) */
        int fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK);
        struct stat st;
        ok = fd >= 0 && fstat(fd, &st) == 0 && S_ISREG(st.st_mode) &&
             st.st_size <= (off_t)CONTENT_FILE_MAX;
        size_t len = ok ? (size_t)st.st_size : 0;
        if (ok && len > cap) {
            char *b = realloc(buf, len);
            ok = b != NULL;
            if (ok) {
                buf = b;
                cap = len;
            }
        }
        for (size_t got = 0; ok && got < len;) {
            ssize_t k = read(fd, buf + got, len - got);
            if (k < 0 && errno == EINTR)
                continue;
            ok = k > 0; /* shorter than it said: not what will be parsed */
            got += ok ? (size_t)k : 0;
        }
        if (fd >= 0)
            close(fd);
        if (ok && stamp) {
            stamp_hash(&ld, name, strlen(name) + 1); /* as load_json hashes */
            stamp_hash(&ld, buf, len);
        }
        if (ok && sum) {
            fast = content_cache_sum(fast, name, strlen(name) + 1);
            fast = content_cache_sum(fast, buf, len);
        }
    }
    free(buf);
    for (int i = 0; i < n; i++)
        free(names[i]);
    if (stamp)
        *stamp = ld.hash;
    if (sum)
        *sum = fast;
    return ok;
}

/* A file's identity and last change, as stat says: what a change to its
 * bytes would change (its size, its times, its inode when it is replaced). */
typedef struct {
    int64_t size, ino, dev;
    int64_t mtime_s, mtime_ns, ctime_s, ctime_ns;
} file_id;

static int64_t ns_of(int64_t s, int64_t ns) { return s * 1000000000 + ns; }

bool content_files_stat(const char *dir, uint64_t *digest, int64_t *newest_ns)
{
    uint64_t d = 0;
    int64_t newest = INT64_MIN;
    char *names[CONTENT_LANG_FILES_MAX] = {0};
    int n = language_files(dir, names);
    bool ok = n > 0;
    for (int i = 0; ok && i < 5 + n; i++) {
        char name[300], path[1400];
        file_name(i, names, name, sizeof name);
        snprintf(path, sizeof path, "%s/%s", dir, name);
        struct stat st;
        ok = stat(path, &st) == 0 && S_ISREG(st.st_mode);
        if (!ok)
            break;
        file_id id = {(int64_t)st.st_size, (int64_t)st.st_ino, (int64_t)st.st_dev,
                      (int64_t)st.st_mtim.tv_sec, (int64_t)st.st_mtim.tv_nsec,
                      (int64_t)st.st_ctim.tv_sec, (int64_t)st.st_ctim.tv_nsec};
        d = content_cache_sum(d, name, strlen(name) + 1);
        d = content_cache_sum(d, &id, sizeof id);
        int64_t m = ns_of(id.mtime_s, id.mtime_ns), c = ns_of(id.ctime_s, id.ctime_ns);
        newest = m > newest ? m : newest;
        newest = c > newest ? c : newest;
    }
    for (int i = 0; i < n; i++)
        free(names[i]);
    *digest = d | 1; /* never 0: a cache's "none" */
    *newest_ns = newest;
    return ok;
}

/* ---- the whole load ---------------------------------------------------- */

pm_status content_load(const char *dir, pm_content **out, pm_msgs *problems)
{
    return content_load_mode(dir, CONTENT_TRUST_STAMP, out, problems);
}

pm_status content_load_mode(const char *dir, content_check_mode mode, pm_content **out,
                            pm_msgs *problems)
{
    *out = NULL;
    pm_content *c = calloc(1, sizeof *c);
    if (!c)
        return PM_ERR_NOMEM;
    loader ld = {c, problems, dir, false, 0, CONTENT_HASH_SEED};
    size_t before = problems->count;
    DIR *d = opendir(dir);
    if (!d) {
        problem(&ld, "%s: $: cannot open the content folder (%s)", dir, strerror(errno));
        content_free(c);
        return PM_ERR_NOT_FOUND;
    }
    closedir(d);
    /* in the order of fixed_files, then the string tables (the stamp's
     * hash depends on it: content_files_hash) */
    load_regions(&ld);
    load_screens(&ld);
    load_muscles(&ld);
    load_pages(&ld);
    load_questions(&ld);
    load_languages(&ld);
    c->hash = ld.hash;
    /* Parsing found nothing wrong and the stamp names exactly these bytes,
     * checked by this version of the checks: their answer cannot differ. */
    bool vouched = mode == CONTENT_TRUST_STAMP && problems->count == before && !ld.nomem &&
                   content_stamp_current(c, dir);
    if (vouched) {
        place_region_anchors(&ld);
    } else {
        check_regions_geometry(&ld);
        check_muscle_points(&ld);
        check_texts(&ld);
    }
    c->fully_checked = !vouched;
    free(c->refs);
    c->refs = NULL;
    c->nrefs = c->caprefs = 0;
    if (ld.nomem) {
        content_free(c);
        return PM_ERR_NOMEM;
    }
    if (problems->count > before) {
        content_free(c);
        return PM_ERR_INVALID;
    }
    *out = c;
    return PM_OK;
}

/* ---- the checked-content stamp ------------------------------------------ */

bool content_fully_checked(const pm_content *c)
{
    return c->fully_checked;
}

void stamp_line_of(uint64_t hash, char *buf, size_t size)
{
    snprintf(buf, size, "painmap-content-check %d fnv1a64 %016llx", CONTENT_CHECK_VERSION,
             (unsigned long long)hash);
}

void content_stamp_line(const pm_content *c, char *buf, size_t size)
{
    stamp_line_of(c->hash, buf, size);
}

bool stamp_file_says(const char *dir, const char *want)
{
    char path[1024], have[130] = "";
    snprintf(path, sizeof path, "%s/%s", dir, CONTENT_STAMP_FILE);
    FILE *f = fopen(path, "re");
    if (!f)
        return false;
    bool ok = fgets(have, sizeof have, f) != NULL;
    fclose(f);
    have[strcspn(have, "\n")] = '\0';
    return ok && strcmp(have, want) == 0;
}

bool content_stamp_current(const pm_content *c, const char *dir)
{
    char want[128];
    content_stamp_line(c, want, sizeof want);
    return stamp_file_says(dir, want);
}

pm_status content_write_stamp(const pm_content *c, const char *dir, pm_msg *err)
{
    if (!c->fully_checked)
        return PM_ERR_INVALID;
    char path[1024], tmp[1100], line[128];
    snprintf(path, sizeof path, "%s/%s", dir, CONTENT_STAMP_FILE);
    snprintf(tmp, sizeof tmp, "%s.tmp", path);
    content_stamp_line(c, line, sizeof line);
    FILE *f = fopen(tmp, "w");
    if (!f) {
        pm_msg_set(err, "%s: cannot write the stamp (%s)", tmp, strerror(errno));
        return PM_ERR_IO;
    }
    bool ok = fprintf(f, "%s\n", line) > 0;
    ok = fclose(f) == 0 && ok;
    if (!ok || rename(tmp, path) != 0) {
        pm_msg_set(err, "%s: cannot write the stamp (%s)", path, strerror(errno));
        unlink(tmp);
        return PM_ERR_IO;
    }
    return PM_OK;
}
