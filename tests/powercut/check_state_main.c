/* check_state_main.c — pm_check_state: checks a kiosk state folder from the
 * shell (the disk and monkey tests use it; see state_check.h).
 *
 *   pm_check_state --data DIR --state DIR [--log FILE] [--allow-temps]
 *                  [--require-pages] [--records N] [--min-records N]
 *                  [--no-failed-saves] [--sealed CONFIG PASSPHRASE]
 *
 * --sealed: every record and page must be sealed; they are opened with the
 * key of CONFIG (painmap.conf's key lines) unlocked with PASSPHRASE.
 *
 * Prints one "state ok: ..." line and exits 0, or prints every problem and
 * exits 1 (2 for bad arguments or content that does not load). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "content.h"
#include "state_check.h"

int main(int argc, char **argv)
{
    const char *data = NULL, *state = NULL, *log = NULL;
    sc_opts o = {0};
    int want = -1, want_min = -1;
    bool no_failed = false;
    const char *sealed_conf = NULL, *passphrase = NULL;
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i], *v = i + 1 < argc ? argv[i + 1] : NULL;
        if (strcmp(a, "--data") == 0 && v)
            data = argv[++i];
        else if (strcmp(a, "--state") == 0 && v)
            state = argv[++i];
        else if (strcmp(a, "--log") == 0 && v)
            log = argv[++i];
        else if (strcmp(a, "--records") == 0 && v)
            want = atoi(argv[++i]);
        else if (strcmp(a, "--min-records") == 0 && v)
            want_min = atoi(argv[++i]);
        else if (strcmp(a, "--allow-temps") == 0)
            o.allow_temps = true;
        else if (strcmp(a, "--require-pages") == 0)
            o.require_pages = true;
        else if (strcmp(a, "--no-failed-saves") == 0)
            no_failed = true;
        else if (strcmp(a, "--sealed") == 0 && i + 2 < argc) {
            sealed_conf = argv[++i];
            passphrase = argv[++i];
        }
        else {
            fprintf(stderr, "pm_check_state: unknown or incomplete argument '%s'\n", a);
            return 2;
        }
    }
    if (!data || !state) {
        fprintf(stderr, "usage: pm_check_state --data DIR --state DIR [--log FILE] "
                        "[--allow-temps] [--require-pages] [--records N] [--min-records N] "
                        "[--no-failed-saves]\n");
        return 2;
    }
    pm_content *c = NULL;
    pm_msgs problems;
    pm_msgs_init(&problems);
    if (content_load(data, &c, &problems) != PM_OK) {
        for (size_t i = 0; i < problems.count; i++)
            fprintf(stderr, "%s\n", problems.items[i]);
        pm_msgs_free(&problems);
        return 2;
    }
    pm_msgs_free(&problems);
    char *text = NULL;
    if (log && !(text = sc_read_file(log, NULL))) {
        fprintf(stderr, "pm_check_state: cannot read the log %s\n", log);
        content_free(c);
        return 2;
    }
    o.saved_log = text;
    seal_secret *key = NULL;
    if (sealed_conf) {
        if (!(key = sc_unlock(sealed_conf, passphrase))) {
            free(text);
            content_free(c);
            return 2;
        }
        o.key = key;
        o.require_sealed = true;
    }
    sc_result r;
    int bad = sc_check(c, state, &o, &r);
    if (want >= 0 && r.records != want) {
        fprintf(stderr, "state: %d records, expected %d\n", r.records, want);
        bad++;
    }
    if (want_min >= 0 && r.records < want_min) {
        fprintf(stderr, "state: %d records, expected at least %d\n", r.records, want_min);
        bad++;
    }
    if (no_failed && r.failed_logged) {
        fprintf(stderr, "state: the log reports %d failed save%s\n", r.failed_logged,
                r.failed_logged == 1 ? "" : "s");
        bad++;
    }
    printf("state %s: %d records, %d pages, %d without page, %d temporary, %d reported saved, "
           "%d reported failed\n",
           bad ? "NOT ok" : "ok", r.records, r.pages, r.missing_pages, r.temps, r.logged,
           r.failed_logged);
    free(text);
    seal_secret_free(key);
    content_free(c);
    return bad ? 1 : 0;
}
