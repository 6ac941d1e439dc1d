/* keyboard.c — key tables for the on-screen keyboard (see keyboard.h). The
 * accented layer covers Spanish (á é í ó ú ü ñ) and the accents common in
 * names from neighbouring languages (à ç ö ã ...). */
#include "ui/keyboard.h"

#include <string.h>

#define K(id, lo, up) {"key_" id, lo, up, KEY_CHAR, 2}
#define SHIFT {"key_shift", NULL, NULL, KEY_SHIFT, 4}
#define LAYER {"key_accents", NULL, NULL, KEY_LAYER, 4}
#define SPACE {"key_space", " ", " ", KEY_SPACE, 12}
#define BKSP {"key_backspace", NULL, NULL, KEY_BACKSPACE, 4}
#define TALL_SPACE {"key_space", " ", " ", KEY_SPACE, 8} /* the same key, upright */

static const kb_key l0r0[] = {K("q", "q", "Q"), K("w", "w", "W"), K("e", "e", "E"), K("r", "r", "R"),
                              K("t", "t", "T"), K("y", "y", "Y"), K("u", "u", "U"), K("i", "i", "I"),
                              K("o", "o", "O"), K("p", "p", "P"), BKSP};
static const kb_key l0r1[] = {K("a", "a", "A"), K("s", "s", "S"), K("d", "d", "D"), K("f", "f", "F"),
                              K("g", "g", "G"), K("h", "h", "H"), K("j", "j", "J"), K("k", "k", "K"),
                              K("l", "l", "L"), K("ntilde", "ñ", "Ñ"), K("apostrophe", "'", "'"),
                              K("hyphen", "-", "-")};
static const kb_key l0r2[] = {SHIFT, K("z", "z", "Z"), K("x", "x", "X"), K("c", "c", "C"),
                              K("v", "v", "V"), K("b", "b", "B"), K("n", "n", "N"), K("m", "m", "M"),
                              K("period", ".", ".")};
static const kb_key l0r3[] = {LAYER, SPACE};

static const kb_key l1r0[] = {K("aacute", "á", "Á"), K("eacute", "é", "É"), K("iacute", "í", "Í"),
                              K("oacute", "ó", "Ó"), K("uacute", "ú", "Ú"), K("uuml", "ü", "Ü"),
                              K("ntilde", "ñ", "Ñ"), K("ccedil", "ç", "Ç"), BKSP};
static const kb_key l1r1[] = {K("agrave", "à", "À"), K("egrave", "è", "È"), K("igrave", "ì", "Ì"),
                              K("ograve", "ò", "Ò"), K("ugrave", "ù", "Ù"), K("auml", "ä", "Ä"),
                              K("euml", "ë", "Ë"), K("iuml", "ï", "Ï"), K("ouml", "ö", "Ö")};
static const kb_key l1r2[] = {SHIFT, K("acirc", "â", "Â"), K("ecirc", "ê", "Ê"), K("icirc", "î", "Î"),
                              K("ocirc", "ô", "Ô"), K("ucirc", "û", "Û"), K("atilde", "ã", "Ã"),
                              K("otilde", "õ", "Õ")};
static const kb_key l1r3[] = {LAYER, SPACE};
static const kb_key tall_last[] = {LAYER, TALL_SPACE};

#define ROW(r) {r, sizeof r / sizeof r[0]}
#define PART(r, a, b) {r + (a), (b) - (a)}
typedef struct {
    const kb_key *keys;
    int n;
} kb_keys;

static const kb_keys rows[KB_LAYERS][KB_ROWS] = {
    {ROW(l0r0), ROW(l0r1), ROW(l0r2), ROW(l0r3)},
    {ROW(l1r0), ROW(l1r1), ROW(l1r2), ROW(l1r3)},
};

/* Upright: the wide rows cut in two, each half at most six letters across
 * (twelve half-columns); the last row is the same two keys, the space bar
 * shorter. */
static const kb_keys tall_rows[KB_LAYERS][KB_TALL_ROWS] = {
    {PART(l0r0, 0, 6), PART(l0r0, 6, 11), PART(l0r1, 0, 6), PART(l0r1, 6, 12),
     PART(l0r2, 0, 5), PART(l0r2, 5, 9), ROW(tall_last)},
    {PART(l1r0, 0, 6), PART(l1r0, 6, 9), PART(l1r1, 0, 5), PART(l1r1, 5, 9),
     PART(l1r2, 0, 5), PART(l1r2, 5, 8), ROW(tall_last)},
};

int kb_rows(kb_shape shape) { return shape == KB_TALL ? KB_TALL_ROWS : KB_ROWS; }

int kb_half_columns(kb_shape shape)
{
    return shape == KB_TALL ? KB_TALL_HALF_COLUMNS : KB_HALF_COLUMNS;
}

const kb_key *kb_row(kb_shape shape, int layer, int row, int *n)
{
    const kb_keys *k = shape == KB_TALL ? &tall_rows[layer][row] : &rows[layer][row];
    *n = k->n;
    return k->keys;
}

const kb_key *kb_find(const char *ch, int *layer, bool *upper)
{
    for (int l = 0; l < KB_LAYERS; l++)
        for (int r = 0; r < KB_ROWS; r++)
            for (int i = 0; i < rows[l][r].n; i++) {
                const kb_key *k = &rows[l][r].keys[i];
                if (!k->lower)
                    continue;
                if (strcmp(k->lower, ch) == 0 || strcmp(k->upper, ch) == 0) {
                    *layer = l;
                    *upper = strcmp(k->lower, ch) != 0;
                    return k;
                }
            }
    return NULL;
}
