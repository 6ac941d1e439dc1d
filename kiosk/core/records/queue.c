/* queue.c — the staff queue, its markers and deletion (see queue.h).
 *
 * Why it is built this way:
 * - Markers are separate small files, each written atomically by the
 *   store, instead of one index file: no read-modify-write, nothing to
 *   corrupt for the other records, and deleting a record removes its state
 *   with it. store_list() only lists *.json, so markers never look like
 *   records.
 * - Records are read with the same parser the rest of the kiosk uses
 *   (summary_parse_json); when that refuses, a tolerant cJSON read still
 *   finds the name, time and flags so staff can see what the file is. */
#include "queue.h"

#include <cjson/cJSON.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "summary.h"

/* ------------------------------------------------------------------------ */
/* Stems and markers                                                         */

bool queue_stem_time(const char *stem, int64_t *t)
{
    /* YYYYMMDD-HHMMSS-NN */
    if (!store_is_stem(stem))
        return false;
    struct tm tm = { 0 };
    int v[6];
    const int at[6] = { 0, 4, 6, 9, 11, 13 }, len[6] = { 4, 2, 2, 2, 2, 2 };
    for (int k = 0; k < 6; k++) {
        v[k] = 0;
        for (int i = 0; i < len[k]; i++)
            v[k] = v[k] * 10 + (stem[at[k] + i] - '0');
    }
    if (v[1] < 1 || v[1] > 12 || v[2] < 1 || v[2] > 31 || v[3] > 23 || v[4] > 59 || v[5] > 60)
        return false;
    tm.tm_year = v[0] - 1900;
    tm.tm_mon = v[1] - 1;
    tm.tm_mday = v[2];
    tm.tm_hour = v[3];
    tm.tm_min = v[4];
    tm.tm_sec = v[5];
    time_t r = timegm(&tm);
    if (r == (time_t)-1)
        return false;
    *t = (int64_t)r;
    return true;
}

static bool marker_name(const char *stem, const char *ext, char *out, size_t size)
{
    int n = snprintf(out, size, "%s.%s", stem, ext);
    return n > 0 && (size_t)n < size;
}

/* Reads STEM.ext: its first line is the epoch; the third (if any) goes to
 * detail. */
static bool read_marker(store *s, const char *stem, const char *ext, int64_t *t, char *detail,
                        size_t dsize)
{
    char name[STORE_STEM_MAX + 16];
    char *text = NULL;
    if (detail && dsize)
        detail[0] = '\0';
    if (!marker_name(stem, ext, name, sizeof name)
        || store_read(s, name, &text, NULL, NULL) != PM_OK)
        return false;
    long long v = 0;
    bool ok = sscanf(text, "%lld", &v) == 1 && v >= 0;
    if (ok && detail && dsize) {
        const char *line = strchr(text, '\n');
        line = line ? strchr(line + 1, '\n') : NULL;
        if (line) {
            line++;
            size_t n = strcspn(line, "\n");
            if (n >= dsize)
                n = dsize - 1;
            memcpy(detail, line, n);
            detail[n] = '\0';
        }
    }
    free(text);
    if (ok)
        *t = (int64_t)v;
    return ok;
}

bool queue_marker_time(store *s, const char *stem, const char *ext, int64_t *t)
{
    return read_marker(s, stem, ext, t, NULL, 0);
}

static bool record_exists(store *s, const char *stem)
{
    char name[STORE_STEM_MAX + 8], *text = NULL;
    if (!marker_name(stem, "json", name, sizeof name))
        return false;
    pm_status st = store_read(s, name, &text, NULL, NULL);
    free(text);
    return st != PM_ERR_NOT_FOUND && st != PM_ERR_INVALID;
}

static pm_status write_marker(store *s, const char *stem, const char *ext, int64_t now,
                              const char *detail, pm_msg *err)
{
    char name[STORE_STEM_MAX + 16], iso[32] = "", text[QUEUE_FOLDER_MAX + 96];
    int64_t t;
    if (!stem || !queue_stem_time(stem, &t) || !marker_name(stem, ext, name, sizeof name)) {
        pm_msg_set(err, "Not an intake's name: '%s'", stem ? stem : "");
        return PM_ERR_INVALID;
    }
    if (!record_exists(s, stem)) {
        pm_msg_set(err, "The intake %s is no longer on the kiosk (deleted?)", stem);
        return PM_ERR_NOT_FOUND;
    }
    time_t tt = (time_t)now;
    struct tm tm;
    if (now >= 0 && gmtime_r(&tt, &tm))
        strftime(iso, sizeof iso, "%Y-%m-%dT%H:%M:%SZ", &tm);
    int n = snprintf(text, sizeof text, "%lld\n%s\n%s%s", (long long)now, iso,
                     detail ? detail : "", detail ? "\n" : "");
    if (n < 0 || (size_t)n >= sizeof text)
        n = (int)strlen(text);
    return store_write_atomic(s, name, text, (size_t)n, true, err);
}

pm_status queue_mark_seen(store *s, const char *stem, int64_t now, pm_msg *err)
{
    return write_marker(s, stem, "seen", now, NULL, err);
}

pm_status queue_mark_exported(store *s, const char *stem, int64_t now, const char *folder,
                              pm_msg *err)
{
    return write_marker(s, stem, "exported", now, folder ? folder : "", err);
}

pm_status queue_delete(store *s, const char *stem, pm_msg *err)
{
    char name[STORE_STEM_MAX + 16];
    int64_t t;
    if (!stem || !queue_stem_time(stem, &t)) {
        pm_msg_set(err, "Not an intake's name: '%s'", stem ? stem : "");
        return PM_ERR_INVALID;
    }
    /* the record last: until it goes, the intake is still listed */
    static const char *const order[] = { "html", "exported", "seen", "json" };
    for (size_t i = 0; i < sizeof order / sizeof order[0]; i++) {
        marker_name(stem, order[i], name, sizeof name);
        pm_status st = store_remove(s, name, err);
        if (st == PM_ERR_NOT_FOUND && i + 1 < sizeof order / sizeof order[0])
            continue;
        if (st == PM_ERR_NOT_FOUND) {
            pm_msg_set(err, "The intake %s is not on the kiosk (already deleted?)", stem);
            return st;
        }
        if (st != PM_OK)
            return st; /* err says which file and what to do */
    }
    if (err)
        err->text[0] = '\0';
    return PM_OK;
}

/* ------------------------------------------------------------------------ */
/* Reading records                                                           */

static pm_flag flag_from_name(const char *s)
{
    if (s && strcmp(s, "urgent") == 0)
        return FLAG_URGENT;
    if (s && strcmp(s, "attention") == 0)
        return FLAG_ATTENTION;
    return FLAG_NONE;
}

/* What a tolerant read finds in a record the parser refused. */
static void tolerant_read(const char *json, queue_entry *e)
{
    summary_json_wipes(); /* its nodes hold the client's text */
    cJSON *root = json ? cJSON_Parse(json) : NULL;
    if (!root)
        return;
    const cJSON *it = cJSON_GetObjectItemCaseSensitive(root, "name");
    if (cJSON_IsString(it) && utf8_count(it->valuestring, strlen(it->valuestring)) >= 0)
        snprintf(e->name, sizeof e->name, "%s", it->valuestring);
    it = cJSON_GetObjectItemCaseSensitive(root, "saved_at_epoch");
    if (cJSON_IsNumber(it) && it->valuedouble >= 0 && it->valuedouble < 253402300800.0)
        e->saved_at = (int64_t)it->valuedouble;
    it = cJSON_GetObjectItemCaseSensitive(root, "marks");
    if (cJSON_IsArray(it))
        e->nregions = cJSON_GetArraySize(it);
    it = cJSON_GetObjectItemCaseSensitive(root, "flags");
    const cJSON *flags = cJSON_IsArray(it) ? it : NULL, *f;
    cJSON_ArrayForEach(f, flags)
    {
        pm_flag g = flag_from_name(cJSON_GetStringValue(cJSON_GetObjectItemCaseSensitive(f, "flag")));
        if (g > e->worst)
            e->worst = g;
    }
    cJSON_Delete(root);
}

static void read_entry(store *s, const pm_content *c, intake *tmp, queue_entry *e)
{
    char name[STORE_STEM_MAX + 8], *json = NULL;
    pm_msg err;
    int64_t t;
    e->nregions = -1;
    if (queue_stem_time(e->stem, &t))
        e->saved_at = t;
    marker_name(e->stem, "json", name, sizeof name);
    pm_status st = store_read(s, name, &json, NULL, &err);
    if (st == PM_OK) {
        int64_t saved = 0;
        st = summary_parse_json(c, json, tmp, &saved, &err);
        if (st == PM_OK) {
            e->readable = true;
            e->saved_at = saved;
            snprintf(e->name, sizeof e->name, "%s", tmp->name);
            e->nregions = tmp->nmarks;
            e->worst = intake_worst_flag(tmp, c);
        }
    }
    if (!e->readable) {
        tolerant_read(json, e);
        if (e->worst < FLAG_ATTENTION)
            e->worst = FLAG_ATTENTION; /* staff must look at it */
        snprintf(e->problem, sizeof e->problem, "Cannot read this intake: %.220s", err.text);
    }
    if (json) {
        explicit_bzero(json, strlen(json));
        free(json);
    }
    intake_wipe(tmp);
    e->seen = read_marker(s, e->stem, "seen", &e->seen_at, NULL, 0);
    e->exported = read_marker(s, e->stem, "exported", &e->exported_at, e->exported_to,
                              sizeof e->exported_to);
}

static void note_refused(const char *name, const char *kind, void *arg)
{
    queue_list *q = arg;
    size_t len = strlen(q->refused);
    /* "a named pipe (FIFO)" -> "named pipe": the note is read on a small screen */
    char shortkind[32];
    snprintf(shortkind, sizeof shortkind, "%s", strncmp(kind, "a ", 2) == 0 ? kind + 2 : kind);
    shortkind[strcspn(shortkind, "(")] = '\0';
    size_t k = strlen(shortkind);
    while (k > 0 && shortkind[k - 1] == ' ')
        shortkind[--k] = '\0';
    if (q->nrefused++ < 2 && len + 8 < sizeof q->refused)
        snprintf(q->refused + len, sizeof q->refused - len, "%s%s (%s)",
                 q->nrefused > 1 ? ", " : "", name, shortkind);
}

/* One sentence for staff naming what was refused (see queue_list). */
static void say_refused(store *s, queue_list *q)
{
    char names[sizeof q->refused], more[32] = "";
    q->refused[0] = '\0';
    q->nrefused = 0;
    if (store_refused(s, note_refused, q) <= 0)
        return;
    snprintf(names, sizeof names, "%s", q->refused);
    if (q->nrefused > 2)
        snprintf(more, sizeof more, " and %zu more", q->nrefused - 2);
    /* the names may be cut short: the count and the advice matter most */
    int n = snprintf(q->refused, sizeof q->refused,
                     "Not files the kiosk wrote, refused (never opened or copied): %.300s%s. "
                     "Delete them.",
                     names, more);
    (void)n;
}

pm_status queue_load(store *s, const pm_content *c, queue_list *out, pm_msg *err)
{
    *out = (queue_list){ 0 };
    store_stems l;
    pm_status st = store_list_stems(s, &l);
    if (st != PM_OK) {
        pm_msg_set(err,
                   "Cannot list the saved intakes in %s (%s); check the kiosk's storage and "
                   "restart it",
                   store_intakes_dir(s), pm_status_name(st));
        return st;
    }
    intake *tmp = l.n ? malloc(sizeof *tmp) : NULL;
    queue_entry *items = l.n ? calloc(l.n, sizeof *items) : NULL;
    if (l.n && (!tmp || !items)) {
        free(tmp);
        free(items);
        store_stems_free(&l);
        pm_msg_set(err, "Cannot list the saved intakes: out of memory");
        return PM_ERR_NOMEM;
    }
    /* store_list gives oldest first; the queue shows newest first */
    for (size_t i = 0; i < l.n; i++) {
        queue_entry *e = &items[i];
        snprintf(e->stem, sizeof e->stem, "%s", l.stems[l.n - 1 - i]);
        read_entry(s, c, tmp, e);
    }
    free(tmp);
    out->items = items;
    out->count = l.n;
    store_stems_free(&l);
    say_refused(s, out);
    if (err)
        err->text[0] = '\0';
    return PM_OK;
}

void queue_free(queue_list *q)
{
    if (!q)
        return;
    if (q->items)
        explicit_bzero(q->items, q->count * sizeof *q->items);
    free(q->items);
    *q = (queue_list){ 0 };
}

size_t queue_count_new(const queue_list *q)
{
    size_t n = 0;
    for (size_t i = 0; i < q->count; i++)
        n += !q->items[i].exported;
    return n;
}

size_t queue_count_unseen(const queue_list *q)
{
    size_t n = 0;
    for (size_t i = 0; i < q->count; i++)
        n += !q->items[i].seen;
    return n;
}

size_t queue_count_flag(const queue_list *q, pm_flag f)
{
    size_t n = 0;
    for (size_t i = 0; i < q->count; i++)
        n += q->items[i].worst == f;
    return n;
}

const queue_entry *queue_find(const queue_list *q, const char *stem)
{
    for (size_t i = 0; stem && i < q->count; i++)
        if (strcmp(q->items[i].stem, stem) == 0)
            return &q->items[i];
    return NULL;
}

pm_status queue_open(store *s, const pm_content *c, const char *stem, intake *out,
                     int64_t *saved_at, pm_msg *err)
{
    char name[STORE_STEM_MAX + 8], *json = NULL;
    intake_init(out, "en");
    int64_t t;
    if (!stem || !queue_stem_time(stem, &t) || !marker_name(stem, "json", name, sizeof name)) {
        pm_msg_set(err, "Not an intake's name: '%s'", stem ? stem : "");
        return PM_ERR_INVALID;
    }
    pm_status st = store_read(s, name, &json, NULL, err);
    if (st == PM_OK) {
        st = summary_parse_json(c, json, out, saved_at, err);
        explicit_bzero(json, strlen(json));
    }
    free(json);
    return st;
}
