/* intake.h — one client's answers: the record the flow fills in and the
 * summary saves.
 *
 * A plain value type with fixed capacities and no pointers, so it can be
 * copied, compared and wiped with one call and never fails to allocate.
 * Everything refers to content by index (the content that was loaded when
 * the intake was taken); the summary writes stable ids, never indices.
 *
 * The intake holds health information: intake_wipe() overwrites all of it in
 * a way the compiler may not optimise away. */
#ifndef PM_INTAKE_H
#define PM_INTAKE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "content.h"
#include "status.h"

#define INTAKE_NAME_MAX 96       /* bytes of UTF-8, including the NUL */
#define INTAKE_NAME_CHARS 40     /* characters a client may type */
#define INTAKE_MAX_MARKS 32      /* regions one client may mark */
#define INTAKE_MAX_PATTERNS 8
#define INTAKE_SIG_MAX_POINTS 1500
#define INTAKE_SIG_W 1000        /* signature pad space: 0..W x 0..H */
#define INTAKE_SIG_H 400
#define INTAKE_UNSET (-1)

typedef struct {
    int16_t region;      /* content region index */
    int8_t intensity;    /* 0-10, or INTAKE_UNSET */
    int8_t duration;     /* content duration index, or INTAKE_UNSET */
    uint32_t qualities;  /* bit i = content quality i */
} intake_mark;

typedef struct {
    int16_t x, y;        /* pad space */
    uint8_t starts_stroke; /* 1 for the first point of a stroke */
} intake_sig_point;

typedef struct {
    char lang[8];                       /* language code the client chose */
    char name[INTAKE_NAME_MAX];         /* UTF-8 */
    intake_mark marks[INTAKE_MAX_MARKS];/* in the order they were tapped */
    uint8_t nmarks;
    int16_t patterns[INTAKE_MAX_PATTERNS]; /* content muscle indices chosen */
    uint8_t npatterns;
    bool none_of_these;                 /* "none of these pictures" chosen */
    int8_t answers[CONTENT_MAX_QUESTIONS]; /* answer index, or INTAKE_UNSET */
    int8_t pressure;                    /* content pressure index, or unset */
    uint32_t avoid;                     /* bit i = content avoid area i */
    bool consent;
    intake_sig_point sig[INTAKE_SIG_MAX_POINTS];
    uint16_t nsig;
} intake;

/* A fresh intake in language code lang: nothing marked, nothing answered. */
void intake_init(intake *in, const char *lang);
/* Overwrites every byte (health data must not linger in memory). */
void intake_wipe(intake *in);

/* Marks: toggle marks or unmarks a region. Returns the mark's slot after
 * marking, -1 after unmarking, or PM_ERR_LIMIT (negative, < -1) when full. */
int intake_toggle_region(intake *in, int region);
int intake_find_mark(const intake *in, int region); /* slot or -1 */

pm_status intake_set_intensity(intake *in, int slot, int value);
pm_status intake_set_duration(intake *in, int slot, int duration);
pm_status intake_toggle_quality(intake *in, int slot, int quality);

/* Patterns: choosing one clears "none of these"; choosing none clears all. */
pm_status intake_toggle_pattern(intake *in, int muscle);
bool intake_has_pattern(const intake *in, int muscle);
void intake_choose_none(intake *in);

/* Name editing, one UTF-8 character (or string) at a time. Invalid UTF-8 and
 * control characters are refused; input past INTAKE_NAME_CHARS characters
 * returns PM_ERR_LIMIT and changes nothing. */
pm_status intake_name_append(intake *in, const char *utf8);
void intake_name_backspace(intake *in); /* removes one whole character */
size_t intake_name_chars(const intake *in);
/* True when the name has a character other than spaces. */
bool intake_name_given(const intake *in);

/* Signature strokes, in pad space (clamped). */
pm_status intake_sig_add(intake *in, int x, int y, bool starts_stroke);
void intake_sig_clear(intake *in);
size_t intake_sig_strokes(const intake *in);

/* Highest flag among the screening answers given (FLAG_NONE if none). */
pm_flag intake_worst_flag(const intake *in, const pm_content *c);

/* True when every index in the intake lies inside content c, each mark names
 * a different region, the name is valid UTF-8 of at most INTAKE_NAME_CHARS
 * characters without control characters, and the language code is
 * well-formed. Writers check this before writing a record. */
bool intake_fits(const intake *in, const pm_content *c);
/* A language code as a record may carry it: "en", "es", "pt-BR". */
bool intake_lang_code_ok(const char *s);
/* True when s has a control character (never allowed in a stored name). */
bool intake_text_has_control(const char *s);

/* Validates UTF-8 (no overlongs, no surrogates); returns the number of
 * characters, or -1 when invalid. Shared with the summary writer. */
long utf8_count(const char *s, size_t len);

#endif
