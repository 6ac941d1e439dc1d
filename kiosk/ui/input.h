/* input.h — from where a finger touched the panel to a logical point.
 *
 * The panel may be mounted rotated (0/90/180/270 degrees clockwise). The
 * frame of logical size lw x lh is drawn centred in the output, rotated and
 * scaled to fit; input_to_logical undoes exactly that, so a touch lands on
 * what is drawn under the finger. Pure arithmetic, no SDL state. */
#ifndef PM_UI_INPUT_H
#define PM_UI_INPUT_H

#include <stdbool.h>

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

#endif
