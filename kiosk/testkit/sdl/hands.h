/* hands.h — what a tester's hands do on the kiosk: tap, hold, stroke and
 * double-tap where a finger would, press a target by its name, type on the
 * on-screen keyboard. Every touch is the SDL finger events a panel sends
 * (down, motion, up, at the panel's own coordinates through the rotation)
 * pushed into app_sdl_event, the way a real finger's travel, and the
 * virtual clock moves as a hand does: KIT_REACH_MS to reach the next
 * target, KIT_TAP_MS with the finger down. So the replay driver, the UI
 * bench and the tests test and time the real path.
 *
 * kit_press and kit_type return false with why ("no 'next' on the about
 * screen (here: back ...)") when the screen does not allow it. */
#ifndef PM_TESTKIT_HANDS_H
#define PM_TESTKIT_HANDS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "ui/app.h"

/* A hand moving to the next target: longer than the calm time after a
 * screen changes (INPUT_CALM_MS), as a person takes to see the new screen
 * and reach; a finger down for a tap: a deliberate tap, not a brush. */
#define KIT_REACH_MS 400u
#define KIT_TAP_MS 80u
/* A panel reports a moving finger about this often. */
#define KIT_MOVE_MS 16u

/* One finger event (SDL_FINGERDOWN, SDL_FINGERMOTION, SDL_FINGERUP) at
 * logical (x, y), as the panel sends it: the point under the frame's
 * pixel, through the rotation, normalised to the panel. No clock.
 * When PAINMAP_KIT_TRACE names a file, each event is also appended to it
 * as "down|move|up X Y" at the panel's own pixels (kit_trace): what a
 * mouse in a real window of the panel's size must do to repeat the run
 * (tests/xdotool/walk_in_x.py plays it back). */
void kit_finger(app *a, uint32_t type, int x, int y);
/* Appends one line to the PAINMAP_KIT_TRACE file, when it is set ("shot
 * NAME" from the replay driver). */
void kit_trace(const char *line);

/* A tap at logical (x, y): reach, down, KIT_TAP_MS, up; then the work it
 * caused (app_update). */
void kit_tap(app *a, int x, int y);
/* count quick taps at (x, y), ms apart from one touch to the next (each
 * down for at most half of that), after one reach: a double tap is 2, 90. */
void kit_taps(app *a, int x, int y, int count, uint32_t ms);
/* A finger held still at (x, y) for ms, then lifted (the staff gesture). */
void kit_hold(app *a, int x, int y, uint32_t ms);
/* A finger stroke through n points (logical): down at the first, moving
 * through the others KIT_MOVE_MS apart, lifted at the last. */
void kit_drag(app *a, const int *xs, const int *ys, int n);

/* Where a finger aims at the target named (a widget's id, or a target of
 * the screen's own, such as a chart region's id): the centre of the
 * largest circle inside the part of the screen where a touch acts on it.
 * *now false: a touch there first brings it within reach (the chart opens
 * a close-up), then ask again. */
bool kit_aim(app *a, const char *id, int *x, int *y, bool *now, char *why, size_t why_size);

/* Taps the target named where kit_aim says, as often as it takes to reach
 * it (a chart region: the whole figure opens a close-up, then the tap in
 * the close-up toggles the region). */
bool kit_press(app *a, const char *id, char *why, size_t why_size);

/* Types text (UTF-8) on the name screen's keyboard: the layer and shift
 * each character needs, then its key. */
bool kit_type(app *a, const char *text, char *why, size_t why_size);

#endif
