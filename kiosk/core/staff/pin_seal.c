/* pin_seal.c — a plain staff PIN in painmap.conf replaced by its hash (see
 * pin.h, pin_seal_config).
 *
 * Why: a clinic sets the PIN from any computer by writing staff_pin = 4821
 * on the SD card; at the next boot the image (painmap-bootconf, through
 * `painmap --seal-pin`) swaps that line for the salted hash, as Raspberry Pi
 * OS does with userconf.txt, so the card holds the digits only until the
 * kiosk first starts. The lines are found by config_pin_lines(), the
 * parser's own rules, so the line replaced is the one the kiosk reads; the
 * rest of the file is copied byte for byte (comments, CRLF, order). The
 * randomness for the salt is passed in, as everywhere in the core. */
#include "pin.h"

#include <stdlib.h>
#include <string.h>

#include "config.h"

_Static_assert(PIN_MIN_DIGITS == CONFIG_PIN_MIN_DIGITS && PIN_MAX_DIGITS == CONFIG_PIN_MAX_DIGITS,
               "painmap.conf's plain staff_pin and the PIN pad must agree on the digits");

#define SEAL_MAX_LINES 32 /* PIN lines handled in one file; more are left as they are */

/* Where line l's bytes end, its line ending included. */
static size_t line_end_with_newline(const char *text, const config_pin_line *l)
{
    size_t e = l->end;
    while (text[e] && text[e] != '\n')
        e++; /* the "\r" of a CRLF */
    return text[e] == '\n' ? e + 1 : e;
}

pm_status pin_seal_config(const char *text, const unsigned char random[PIN_RANDOM_BYTES],
                          char **out, int *line, pm_msg *err)
{
    *out = NULL;
    if (line)
        *line = 0;
    config_pin_line lines[SEAL_MAX_LINES];
    size_t n = config_pin_lines(text, lines, SEAL_MAX_LINES);
    if (n > SEAL_MAX_LINES)
        n = SEAL_MAX_LINES;
    const config_pin_line *use = NULL;
    for (size_t i = 0; i < n; i++)
        if (lines[i].plain)
            use = &lines[i];
    pm_status st = PM_OK;
    if (use && use->valid) {
        char hashline[PIN_LINE_MAX];
        st = pin_hash_line(use->pin, random, hashline, sizeof hashline, err);
        size_t len = strlen(text);
        char *buf = st == PM_OK ? malloc(len + sizeof hashline + 1) : NULL;
        if (st == PM_OK && !buf) {
            pm_msg_set(err, "out of memory while replacing the plain staff_pin");
            st = PM_ERR_NOMEM;
        }
        if (buf) {
            size_t w = 0, from = 0;
            for (size_t i = 0; i < n; i++) {
                const config_pin_line *l = &lines[i];
                memcpy(buf + w, text + from, l->start - from);
                w += l->start - from;
                if (l == use) {
                    /* the hash in its place; its own line ending stays */
                    size_t hl = strlen(hashline);
                    memcpy(buf + w, hashline, hl);
                    w += hl;
                    from = l->end;
                } else {
                    from = line_end_with_newline(text, l);
                }
            }
            memcpy(buf + w, text + from, len - from);
            w += len - from;
            buf[w] = '\0';
            *out = buf;
            if (line)
                *line = use->line;
        }
        explicit_bzero(hashline, sizeof hashline);
    }
    explicit_bzero(lines, sizeof lines);
    return st;
}
