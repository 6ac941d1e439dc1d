/* record.c — render and store one intake (contract in record.h).
 *
 * Why one function: the kiosk, two unit tests, the power-cut saver and the
 * bench each rendered and stored on their own, five copies that could drift
 * (one forgot to wipe the rendered text, one handled a full second). Now a
 * change to the save is made, tested and measured in one place. */
#include "record.h"

#include <stdlib.h>
#include <string.h>

#include "summary.h"

/* Frees rendered text after wiping it: it holds the client's answers. */
static void wipe_free(char *text)
{
    if (!text)
        return;
    explicit_bzero(text, strlen(text));
    free(text);
}

/* Renders both documents for saved_at and stores them under its name. */
static pm_status render_and_store(store *s, const pm_content *c, const intake *in,
                                  int64_t saved_at, int page_lang, char *stem, pm_msg *err)
{
    char *json = NULL, *html = NULL;
    pm_status st = summary_render_json(c, in, saved_at, &json);
    if (st == PM_OK)
        st = summary_render_html(c, in, saved_at, page_lang, &html);
    if (st != PM_OK)
        pm_msg_set(err, "the intake could not be written as a record (%s): %s",
                   pm_status_name(st),
                   st == PM_ERR_NOMEM ? "out of memory; try again"
                                      : "a program error; please report it with this log");
    else
        st = store_save(s, saved_at, json, html, stem, err);
    wipe_free(json);
    wipe_free(html);
    return st;
}

pm_status record_save(store *s, const pm_content *c, const intake *in, int64_t saved_at,
                      int page_lang, record_saved *out, pm_msg *err)
{
    pm_msg scratch = {{0}};
    if (!err)
        err = &scratch;
    err->text[0] = '\0';
    if (out)
        memset(out, 0, sizeof *out);
    if (!s) {
        pm_msg_set(err, "the state folder could not be opened at start-up (see the log there); "
                        "the intake is kept, check the folder and restart the kiosk");
        return PM_ERR_INVALID;
    }
    if (!c || !in) {
        pm_msg_set(err, "record_save: no content or no intake (a program error)");
        return PM_ERR_INVALID;
    }
    char stem[STORE_STEM_MAX] = "";
    pm_status st = PM_ERR_LIMIT;
    int64_t at = saved_at;
    /* 100 saves already named this second: the next second's names. */
    for (int later = 0; later <= RECORD_LATER_MAX && st == PM_ERR_LIMIT; later++) {
        at = saved_at + later;
        st = render_and_store(s, c, in, at, page_lang, stem, err);
    }
    if (st != PM_OK)
        return st;
    if (out) {
        memcpy(out->stem, stem, sizeof out->stem);
        out->saved_at = at;
        out->page_missing = err->text[0] != '\0';
    }
    return PM_OK;
}
