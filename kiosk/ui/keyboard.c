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

#define ROW(r) {r, sizeof r / sizeof r[0]}
static const struct {
    const kb_key *keys;
    int n;
} rows[KB_LAYERS][KB_ROWS] = {
    {ROW(l0r0), ROW(l0r1), ROW(l0r2), ROW(l0r3)},
    {ROW(l1r0), ROW(l1r1), ROW(l1r2), ROW(l1r3)},
};

const kb_key *kb_row(int layer, int row, int *n)
{
    *n = rows[layer][row].n;
    return rows[layer][row].keys;
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
