/* frames.h — what the render tests share: a replay script run on a kiosk
 * made for the test, and two frames compared pixel by pixel. */
#ifndef PM_TESTS_FRAMES_H
#define PM_TESTS_FRAMES_H

#include <SDL.h>

#include "ui/app.h"

/* A headless kiosk w x h (its panel turned by rotate degrees) on the
 * shipped content (PAINMAP_DATA_DIR, its artwork beside it), its state in
 * dir. */
app *frames_kiosk(const char *dir, int w, int h, int rotate);
/* Writes script to dir/walk.replay and runs it on a (the test fails unless
 * it passes), then draws the frame if anything changed. */
void frames_walk(app *a, const char *dir, const char *script);
/* How many pixels of x and y differ; -1 when their sizes do. */
long frames_differing(const SDL_Surface *x, const SDL_Surface *y);

#endif
