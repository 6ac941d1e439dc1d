/* driver.h — the headless test interface: replay scripts (see
 * core/replay.h), the demo walk-through, the layout check and the PNG
 * compare that golden screenshots use. */
#ifndef PM_UI_DRIVER_H
#define PM_UI_DRIVER_H

#include <stdbool.h>

#include "ui/app.h"

typedef struct {
    const char *shots_dir;   /* where `shot` writes (NULL: current folder) */
    const char *golden_dir;  /* compare every shot with this folder's copy */
    bool update_golden;      /* write missing or different goldens instead */
    int tolerance;           /* per channel, 0-255 */
    bool quiet;
} replay_opts;

/* Runs a script file. 0 on success; 1 with "FILE:LINE: what" on stderr. */
int replay_run_file(app *a, const char *path, const replay_opts *o);

/* The scripted walk-through: screenshots of every screen into outdir, the
 * summary saved under the app's state folder; the script it ran is written
 * to outdir/demo.replay. 0 on success. */
int demo_run(app *a, const char *outdir);

/* Walks every screen in every language at every size in sizes ("WxH,...")
 * and reports text that does not fit its box. 0 when everything fits. */
int layout_check(const app_options *base, const char *sizes);

/* Compares two PNGs: pixels differing by more than tolerance in any
 * channel are counted; a difference image is written to diff_out (if not
 * NULL) when any differ. Returns the count, or -1 when they cannot be
 * compared (missing, different sizes: reason in why). */
long png_compare(const char *a, const char *b, int tolerance, const char *diff_out, char *why,
                 size_t why_size);

#endif
