/* driver.h — the headless test interface: replay scripts (the commands are
 * in replay.h), the demo walk-through and the layout check. The driver
 * drives the kiosk only through ui/app.h, with the touches a finger makes
 * (hands.h), so a replay tests the screens and not a side door; golden
 * screenshots are compared as png.h says.
 *
 * Test kit, not kiosk: linked into the painmap binary for --replay, --demo
 * and --check-layout, but nothing in kiosk/ui or kiosk/core uses it. */
#ifndef PM_TESTKIT_DRIVER_H
#define PM_TESTKIT_DRIVER_H

#include <stdbool.h>

#include "replay.h"
#include "ui/app.h"

typedef struct {
    const char *shots_dir;   /* where `shot` writes (NULL: current folder); the
                                difference pictures go there too */
    const char *golden_dir;  /* compare every shot with this folder's copy */
    bool update_golden;      /* write missing or different goldens instead */
    int tolerance;           /* per channel, 0-255; < 0: png_golden_rule()'s */
    long budget;             /* pixels that may differ; < 0: png_golden_rule()'s */
    bool quiet;
    bool large_text;         /* press "Larger text" on welcome before the script */
    bool no_checks;          /* shots skip the frame checks (checks.h) */
    bool no_shots;           /* shot does nothing (the UI bench walks a script
                                and measures; it writes no pictures) */
    /* The UI bench's hooks (NULL: none), so that it walks a script exactly
     * as a replay does: before each command, and after it ran (false ends
     * the run there, as a success). */
    void (*before)(void *ctx, app *a, const replay_cmd *c);
    bool (*after)(void *ctx, app *a, const replay_cmd *c);
    void *hook_ctx;
} replay_opts;

/* Runs a script file. 0 on success; 1 with "FILE:LINE: what" on stderr.
 * Besides each command's own check, a run fails when:
 *   - a shot's controls stand out less than 3:1 from what is around them
 *     (contrast.h; the lowest pair is printed at the end of every run);
 *   - the progress goes back a section or changes its number of sections,
 *     other than by Back, a Change link or a start over;
 *   - text does not fit its box. */
int replay_run_file(app *a, const char *path, const replay_opts *o);

/* The scripted walk-through: screenshots of every screen into outdir, the
 * summary saved under the app's state folder; the script it ran is written
 * to outdir/demo.replay. 0 on success. */
int demo_run(app *a, const char *outdir);

/* Walks every screen in every language at every size in sizes ("WxH,...")
 * with larger text off and on, headless, measuring but not drawing, and appends one message per text
 * that does not fit its box (language file, key, text, screen, size) and
 * per walk that could not finish. *walks gets how many walks it made.
 * Returns the number of problems it appended, or -1 when it could not
 * check at all (no font, SDL or content: the reason is appended). base
 * must ask for headless; its state_dir is not used (a temporary folder
 * takes the walks' saves and is removed). */
int layout_check_run(const app_options *base, const char *sizes, pm_msgs *problems, int *walks);

/* painmap --check-layout: layout_check_run, its messages and a summary on
 * stdout. 0 when everything fits, 1 when something does not, 2 when it
 * could not check. */
int layout_check(const app_options *base, const char *sizes);

#endif
