/* store_stems.c — a growable list of intake stems, so the queue, the export
 * and retention each work on a snapshot of the folder (see store.h). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "store.h"

void store_stems_add(store_stems *l, const char *stem)
{
    if (l->oom || strlen(stem) >= STORE_STEM_MAX)
        return;
    if (l->n == l->cap) {
        size_t cap = l->cap ? l->cap * 2 : 32;
        void *more = realloc(l->stems, cap * sizeof *l->stems);
        if (!more) {
            l->oom = true;
            return;
        }
        l->stems = more;
        l->cap = cap;
    }
    snprintf(l->stems[l->n++], STORE_STEM_MAX, "%s", stem);
}

static void add_one(const char *stem, void *arg)
{
    store_stems_add(arg, stem);
}

pm_status store_list_stems(store *s, store_stems *out)
{
    *out = (store_stems){0};
    int r = store_list(s, add_one, out);
    if (r < 0 || out->oom) {
        store_stems_free(out);
        return r < 0 ? (pm_status)r : PM_ERR_NOMEM;
    }
    return PM_OK;
}

void store_stems_free(store_stems *l)
{
    free(l->stems);
    *l = (store_stems){0};
}
