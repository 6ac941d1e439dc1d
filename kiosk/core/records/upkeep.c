/* upkeep.c — start-up and daily housekeeping of the store (upkeep.h). */
#include "upkeep.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "summary.h"

typedef struct {
    store *s;
    const pm_content *c;
    int lang;
    upkeep_result *res;
    pm_msgs *log;
} restore_ctx;

static void wipe_free(char *p)
{
    if (p) {
        explicit_bzero(p, strlen(p));
        free(p);
    }
}

/* One record without its page: read it, render the page, write it. */
static void restore_page(const char *stem, void *arg)
{
    restore_ctx *x = arg;
    char name[STORE_STEM_MAX + 8];
    snprintf(name, sizeof name, "%s.json", stem);
    char *json = NULL, *html = NULL;
    size_t len = 0;
    pm_msg err = {{0}};
    intake *in = malloc(sizeof *in);
    int64_t saved_at = 0;
    pm_status st = in ? store_read(x->s, name, &json, &len, &err) : PM_ERR_NOMEM;
    if (st == PM_OK)
        st = summary_parse_json(x->c, json, in, &saved_at, &err);
    if (st == PM_OK)
        st = summary_render_html(x->c, in, saved_at, x->lang, &html);
    if (st == PM_OK) {
        snprintf(name, sizeof name, "%s.html", stem);
        st = store_write_atomic(x->s, name, html, strlen(html), false, &err);
    }
    if (st == PM_ERR_REFUSED) {
        /* not a record at all (a named pipe, a link): logged as refused */
    } else if (st == PM_ERR_SEALED && !store_can_open(x->s)) {
        x->res->pages_waiting++; /* made when staff unlock (upkeep_restore_pages) */
    } else if (st == PM_OK) {
        x->res->pages_restored++;
        if (x->log)
            pm_msgs_add(x->log, "%s: its print page was missing and was made again", stem);
    } else {
        x->res->pages_failed++;
        if (x->log)
            pm_msgs_add(x->log, "%s: its print page is missing and cannot be made (%s%s%s); "
                        "the record is kept and staff can still open it", stem,
                        pm_status_name(st), err.text[0] ? ": " : "", err.text);
    }
    if (in) {
        intake_wipe(in);
        free(in);
    }
    wipe_free(json);
    wipe_free(html);
}

void upkeep_restore_pages(store *s, const pm_content *c, int staff_lang, upkeep_result *res,
                          pm_msgs *log)
{
    restore_ctx x = {s, c, staff_lang, res, log};
    store_missing_html(s, restore_page, &x);
}

/* A record or page saved before sealing was set up: sealed now, in place
 * (an atomic replace: a power cut leaves the plain file or the sealed one,
 * never neither). Called at start-up, while nothing is unlocked, so a file
 * that reads as plain text is plain on the disk. */
static void seal_one(store *s, const char *name, upkeep_result *res, pm_msgs *log)
{
    char *text = NULL;
    size_t len = 0;
    pm_msg err = {{0}};
    if (store_read(s, name, &text, &len, &err) != PM_OK) /* sealed, missing or refused */
        return;
    if (store_write_atomic(s, name, text, len, true, &err) == PM_OK)
        res->sealed_now++;
    else if (log)
        pm_msgs_add(log, "%s is still stored unsealed: %s", name, err.text);
    explicit_bzero(text, len);
    free(text);
}

static void seal_plain(store *s, upkeep_result *res, pm_msgs *log)
{
    store_stems v;
    if (!store_seals(s) || store_can_open(s) || store_list_stems(s, &v) != PM_OK)
        return;
    for (size_t i = 0; i < v.n; i++) {
        char name[STORE_STEM_MAX + 8];
        snprintf(name, sizeof name, "%s.json", v.stems[i]);
        seal_one(s, name, res, log);
        snprintf(name, sizeof name, "%s.html", v.stems[i]);
        seal_one(s, name, res, log);
    }
    store_stems_free(&v);
    if (res->sealed_now && log)
        pm_msgs_add(log, "sealed %d file%s saved before the intake key was set up (the card may "
                         "still hold their old blocks until they are written over)",
                    res->sealed_now, res->sealed_now == 1 ? "" : "s");
}

void upkeep_daily(store *s, const pm_config *cfg, int64_t now, upkeep_result *res, pm_msgs *log)
{
    memset(&res->retention, 0, sizeof res->retention);
    res->retention_status = retention_run_config(s, cfg, now, &res->retention, log);
}

static void log_refused(const char *name, const char *kind, void *arg)
{
    upkeep_result *res = ((restore_ctx *)arg)->res;
    pm_msgs *log = ((restore_ctx *)arg)->log;
    res->refused++;
    if (log)
        pm_msgs_add(log, "%s/%s is %s, not a file the kiosk wrote: refused (never opened, "
                         "never copied to a USB stick); remove it",
                    store_intakes_dir(((restore_ctx *)arg)->s), name, kind);
}

static void log_foreign(const char *name, void *arg)
{
    restore_ctx *x = arg;
    if (x->log)
        pm_msgs_add(x->log, "%s/%s is not an intake's file (intakes are named "
                            "YYYYMMDD-HHMMSS-NN): left alone, not listed for staff",
                    store_intakes_dir(x->s), name);
}

void upkeep_startup(store *s, const pm_content *c, const pm_config *cfg, int staff_lang,
                    int64_t now, upkeep_result *res, pm_msgs *log)
{
    memset(res, 0, sizeof *res);
    restore_ctx seen = {s, c, staff_lang, res, log};
    /* first, so nothing below is mistaken for what it is not */
    store_refused(s, log_refused, &seen);
    store_foreign(s, log_foreign, &seen);
    int n = store_clean_temp(s);
    res->temp_removed = n > 0 ? n : 0;
    if (n > 0 && log)
        pm_msgs_add(log, "removed %d unfinished temporary file%s (an interrupted save)", n,
                    n == 1 ? "" : "s");
    seal_plain(s, res, log);
    if (c) {
        upkeep_restore_pages(s, c, staff_lang, res, log);
        if (res->pages_waiting && log)
            pm_msgs_add(log, "%d sealed record%s %s no print page; it is made when staff next "
                             "unlock the intakes",
                        res->pages_waiting, res->pages_waiting == 1 ? "" : "s",
                        res->pages_waiting == 1 ? "has" : "have");
    }
    upkeep_daily(s, cfg, now, res, log);
}

bool upkeep_due(int64_t last, int64_t now)
{
    return retention_due(last, now);
}
