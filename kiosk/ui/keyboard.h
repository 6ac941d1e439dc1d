/* keyboard.h — the on-screen keyboard's keys: two layers (plain letters and
 * accented letters for the shipped languages), each key with a stable id
 * ("key_a", "key_ntilde", "key_shift", "key_accents", "key_space",
 * "key_backspace"). The name screen draws them; the replay driver's `type`
 * finds, for each character, the layer, shift state and key that type it.
 *
 * Two shapes of the same keys: KB_WIDE, four rows as on a laptop, and
 * KB_TALL, each of those rows cut in two (seven rows, half as wide), for a
 * panel turned upright, where twelve keys across would be narrower than a
 * finger. A key has the same id, layer and shift in both. */
#ifndef PM_UI_KEYBOARD_H
#define PM_UI_KEYBOARD_H

#include <stdbool.h>

typedef enum { KEY_CHAR, KEY_SHIFT, KEY_LAYER, KEY_SPACE, KEY_BACKSPACE } key_kind;

typedef struct {
    const char *id;
    const char *lower, *upper; /* UTF-8 typed; NULL for special keys */
    key_kind kind;
    int span;                  /* width in half-columns */
} kb_key;

typedef enum { KB_WIDE, KB_TALL } kb_shape;

#define KB_LAYERS 2
#define KB_ROWS 4            /* KB_WIDE */
#define KB_HALF_COLUMNS 24
#define KB_TALL_ROWS 7
#define KB_TALL_HALF_COLUMNS 12

int kb_rows(kb_shape shape);
int kb_half_columns(kb_shape shape);
/* The keys of one row of a shape (n set to their number). */
const kb_key *kb_row(kb_shape shape, int layer, int row, int *n);
/* Finds the key typing ch (one UTF-8 character): its layer and whether
 * shift is needed. Returns NULL when no key types it. */
const kb_key *kb_find(const char *ch, int *layer, bool *upper);

#endif
