/* png.h — when two screenshots are the same picture, and how they differ.
 *
 * A golden screenshot matches when at most `budget` pixels differ by more
 * than `tolerance` in any of red, green or blue (png_golden_rule: 8 per
 * channel, 20 pixels): room for a font hinting nudge on a few glyph edges,
 * none for a darker screen (25 per channel on every pixel), a moved
 * button or a 10x10 patch. The first differing pixel (reading order) is
 * named with both colours, so a failure says where to look.
 *
 * Ownership: files are the caller's; png_compare writes the picture of the
 * differences only where diff_out says (the build folder, never beside a
 * golden in the source tree). */
#ifndef PM_TESTKIT_PNG_H
#define PM_TESTKIT_PNG_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

typedef struct {
    int tolerance;   /* per channel, 0-255 */
    long budget;     /* pixels that may differ by more than that */
} png_rule;

#define PNG_GOLDEN_TOLERANCE 8
#define PNG_GOLDEN_BUDGET 20

/* The rule golden screenshots are held to. */
png_rule png_golden_rule(void);

typedef struct {
    int w, h;
    long differ;           /* pixels differing by more than the tolerance */
    int first_x, first_y;  /* the first of them in reading order; -1 when none */
    uint32_t first_a;      /* its colour in a, 0xRRGGBB */
    uint32_t first_b;      /* and in b */
    int worst;             /* the largest channel difference anywhere */
} png_diff;

/* Compares PNG files a and b pixel by pixel at tolerance. 0 with *d filled;
 * -1 when they cannot be compared (unreadable, different sizes: why).
 * diff_out (may be NULL): where to write a picture of the differences (the
 * faded first picture, differing pixels red) when any differ. */
int png_compare(const char *a, const char *b, int tolerance, const char *diff_out, png_diff *d,
                char *why, size_t why_size);

/* True when d is within the rule's budget. */
bool png_same(const png_diff *d, const png_rule *rule);

/* "384000 of 384000 pixels differ by more than 8 per channel (20 allowed);
 * the first at (0, 0): #DCDAD5 in the shot, #F5F3EE in the golden; the
 * largest difference 25" (name_a and name_b name the two pictures). */
void png_describe(const png_diff *d, const png_rule *rule, const char *name_a, const char *name_b,
                  char *out, size_t size);

#endif
