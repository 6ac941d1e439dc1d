/* input.h — from where a finger touched the panel to a logical point, and
 * what a press means, as a phone treats it.
 *
 * The panel may be mounted rotated (0/90/180/270 degrees clockwise). The
 * frame of logical size lw x lh is drawn centred in the output, rotated and
 * scaled to fit; input_to_logical undoes exactly that, so a touch lands on
 * what is drawn under the finger. Pure arithmetic, no SDL state.
 *
 * input_press is the rule for taps (the dispatcher names the targets):
 *   - a target acts when the finger is lifted on it, once: a finger held
 *     down does nothing more (no auto-repeat), and sliding off cancels for
 *     good (sliding back does not re-arm it);
 *   - for INPUT_CALM_MS after the screen changed, a touch that starts is
 *     ignored until it is lifted (a double or triple tap on Next moves on
 *     once), and a change while a finger is down cancels its press;
 *   - the same target touched again within INPUT_REPEAT_MS of acting is a
 *     bounce (a shaky hand), ignored, except where repeating is the point
 *     (keyboard keys).
 * Pure state and time passed in: no SDL, no clock. */
#ifndef PM_UI_INPUT_H
#define PM_UI_INPUT_H

#include <stdbool.h>
#include <stdint.h>

typedef struct {
    int rotate;        /* 0, 90, 180, 270 */
    int out_w, out_h;  /* output (panel) size in pixels */
    int lw, lh;        /* logical frame size */
} input_map;

/* The logical size for a panel of w x h mounted at rotate degrees. */
void input_logical_size(int rotate, int w, int h, int *lw, int *lh);
/* The scale the frame is drawn at (fits the output, keeps the aspect). */
double input_scale(const input_map *m);
/* nx, ny: the touch in output pixels (fractions times out_w/out_h). Returns
 * false when the point falls outside the frame (letterbox). */
bool input_to_logical(const input_map *m, double ox, double oy, int *lx, int *ly);
/* The inverse, for tests and for replays that inject window events. */
void input_to_output(const input_map *m, double lx, double ly, double *ox, double *oy);

/* ---- presses ------------------------------------------------------------------ */

#define INPUT_CALM_MS 300u
#define INPUT_REPEAT_MS 300u
#define INPUT_NAME_MAX 64

typedef struct {
    bool down;                       /* a finger is down (one at a time) */
    bool armed;                      /* on a target, not slid off, not cancelled */
    char target[INPUT_NAME_MAX];     /* the armed target ("" none) */
    uint64_t calm_until;             /* touches starting before this are ignored */
    char last[INPUT_NAME_MAX];       /* the target that acted last ... */
    uint64_t last_at;                /* ... and when */
} input_press;

void input_press_init(input_press *p);
/* What is under the finger changed at now (a new screen, step, part, zoom,
 * page, prompt): a press in progress is cancelled and touches starting in
 * the next INPUT_CALM_MS are ignored. */
void input_press_changed(input_press *p, uint64_t now);
/* A finger went down on target (NULL or "": nothing). Returns whether the
 * press is armed; repeatable: this target may act again at once (a key). */
bool input_press_down(input_press *p, const char *target, bool repeatable, uint64_t now);
/* The finger moved; on: whether it is still on the armed target. Returns
 * whether the press is still armed. */
bool input_press_move(input_press *p, bool on);
/* The finger was lifted; on: whether on the armed target. Returns whether
 * the target acts now (the caller then acts on it exactly once). */
bool input_press_up(input_press *p, bool on, uint64_t now);
/* The armed target's name, or NULL (what to show pressed). */
const char *input_press_target(const input_press *p);

#endif
