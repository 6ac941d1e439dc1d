/* fuzz_queue.c — staff mode reading the intakes folder (queue_load,
 * queue_open, the marker files, retention): every file there may be
 * damaged after a power cut or edited by hand.
 *
 * The input is split at NUL bytes into up to four parts: a record (written
 * as STEM.json), its .seen marker, its .exported marker, and a second file
 * name (written with the record's text too, so odd names are listed). The
 * folder is emptied before each input. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "fuzz_util.h"
#include "queue.h"
#include "retention.h"

static pm_content *content;
static char state[512], intakes[600];
static store *st;

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc;
    (void)argv;
    char dir[1024];
    pm_msgs problems;
    pm_msgs_init(&problems);
    snprintf(dir, sizeof dir, "%s/data", fz_source_dir());
    if (content_load(dir, &content, &problems) != PM_OK)
        abort();
    pm_msgs_free(&problems);
    snprintf(state, sizeof state, "%s/state", fz_tempdir());
    pm_msg err;
    if (store_open(state, NULL, &st, &err) != PM_OK)
        abort();
    snprintf(intakes, sizeof intakes, "%s", store_intakes_dir(st));
    return 0;
}

static const uint8_t *part(const uint8_t **p, const uint8_t *end, size_t *n)
{
    if (*p > end)
        return NULL;
    const uint8_t *start = *p;
    const uint8_t *z = memchr(start, 0, (size_t)(end - start));
    *n = (size_t)((z ? z : end) - start);
    *p = z ? z + 1 : end + 1;
    return start;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static const char stem[] = "20261125-173012-00";
    const uint8_t *p = data, *end = data + size;
    size_t n[4] = {0};
    const uint8_t *parts[4];
    for (int i = 0; i < 4; i++)
        parts[i] = part(&p, end, &n[i]);
    fz_empty_dir(intakes);
    char path[1024];
    static const char *const ext[3] = {".json", ".seen", ".exported"};
    for (int i = 0; i < 3; i++)
        if (parts[i]) {
            snprintf(path, sizeof path, "%s/%s%s", intakes, stem, ext[i]);
            fz_write(path, parts[i], n[i]);
        }
    if (parts[3] && n[3] > 0 && n[3] < 200 && !memchr(parts[3], '/', n[3])) {
        char name[256];
        memcpy(name, parts[3], n[3]);
        name[n[3]] = '\0';
        if (strcmp(name, ".") != 0 && strcmp(name, "..") != 0) {
            snprintf(path, sizeof path, "%s/%s", intakes, name);
            fz_write(path, parts[0], n[0]);
        }
    }
    queue_list q;
    pm_msg err = {{0}};
    if (queue_load(st, content, &q, &err) == PM_OK) {
        queue_count_new(&q);
        queue_count_unseen(&q);
        queue_count_flag(&q, FLAG_URGENT);
        static intake in;
        for (size_t i = 0; i < q.count; i++) {
            const queue_entry *e = &q.items[i];
            if (!memchr(e->name, 0, sizeof e->name) || !memchr(e->problem, 0, sizeof e->problem))
                abort();
            int64_t at = 0, t = 0;
            queue_open(st, content, e->stem, &in, &at, &err);
            intake_wipe(&in);
            queue_stem_time(e->stem, &t);
            queue_marker_time(st, e->stem, "seen", &t);
            queue_marker_time(st, e->stem, "exported", &t);
        }
        queue_free(&q);
    }
    /* retention on the same folder, at a fixed "now" */
    retention_result res;
    pm_msgs log;
    pm_msgs_init(&log);
    retention_rules rules = {30, 7, true};
    retention_run(st, &rules, INT64_C(1795700000), &res, &log);
    pm_msgs_free(&log);
    return 0;
}
