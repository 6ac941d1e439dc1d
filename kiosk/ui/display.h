/* display.h — the panel: SDL started, a window and a renderer, the frame
 * shown on it rotated and scaled to fit, and a touch on the panel mapped
 * back to the logical point under the finger (input.h does the sums).
 *
 * Headless (tests, replays, the layout check) means the dummy video driver
 * and the software renderer: deterministic pixels, no window shown.
 *
 * Ownership: the display owns SDL itself (SDL, SDL_ttf and SDL_image are
 * started by display_open and stopped by display_close), the window and
 * the renderer. */
#ifndef PM_UI_DISPLAY_H
#define PM_UI_DISPLAY_H

#include <SDL.h>
#include <stdbool.h>
#include <stddef.h>

#include "ui/input.h"

typedef struct {
    int w, h;                /* window size (the panel) */
    int rotate;              /* 0, 90, 180, 270 (clockwise) */
    bool headless;
    bool fullscreen;
} display_options;

typedef struct display display;

/* NULL when SDL, the window or the renderer cannot start: the reason (for
 * the log) in why. */
display *display_open(const display_options *o, char *why, size_t why_size);
void display_close(display *d);

SDL_Renderer *display_renderer(const display *d);
bool display_headless(const display *d);
/* A desktop window that is not fullscreen (Escape may close it). */
bool display_windowed(const display *d);
/* The logical size for the output now (after rotation). */
void display_logical_size(const display *d, int *lw, int *lh);

/* Is a frame lw x lh shown as it is: not turned, the output's own size? */
bool display_one_to_one(const display *d, int lw, int lh);
/* Copies the frame (lw x lh) to the window, rotated, centred, letterboxed,
 * and shows it; frame NULL: it was drawn in the window itself, shown as
 * it is. */
void display_present(display *d, SDL_Texture *frame, int lw, int lh);

/* A touch at (nx, ny), fractions of the output, to the logical point under
 * it; false when it falls outside the frame (letterbox). */
bool display_map_touch(const display *d, double nx, double ny, int lw, int lh, int *x, int *y);
/* The rotation and sizes input_to_logical undoes, for a frame lw x lh. */
input_map display_input_map(const display *d, int lw, int lh);
/* The same for a mouse at window pixel (wx, wy). */
bool display_map_mouse(const display *d, int wx, int wy, int lw, int lh, int *x, int *y);

#endif
