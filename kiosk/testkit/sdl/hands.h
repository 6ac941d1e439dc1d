/* hands.h — what a tester's hands do on the kiosk: press a widget by its
 * id, type on the on-screen keyboard. Each is the taps a finger makes
 * (app_tap: the one way in), so the replay driver and the UI bench test
 * and time the real path.
 *
 * Both return false with why ("no 'next' on the about screen (here: back
 * ...)") when the screen does not allow it. */
#ifndef PM_TESTKIT_HANDS_H
#define PM_TESTKIT_HANDS_H

#include <stdbool.h>
#include <stddef.h>

#include "ui/app.h"

/* Touches the widget id where it asks to be touched (its centre). On the
 * chart, a touch that zoomed in around a small region touches it again in
 * the zoomed view, so pressing a region always toggles it. */
bool kit_press(app *a, const char *id, char *why, size_t why_size);

/* Types text (UTF-8) on the name screen's keyboard: the layer and shift
 * each character needs, then its key. */
bool kit_type(app *a, const char *text, char *why, size_t why_size);

#endif
