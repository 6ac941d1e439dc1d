/* summary.h — the intake as the therapist reads it, and as it is stored.
 *
 * JSON ("schema": "painmap.intake", "version": 1) is the record of truth: it
 * names regions, muscles, answers and choices by their stable content ids,
 * so it stays readable after content changes. The HTML is a self-contained,
 * print-ready single page (inline SVG charts front and back, safety flags on
 * top, a regions table, chosen patterns, answers, preferences, signature),
 * written in the staff language; everything the client typed is escaped.
 *
 * Ownership: the *_render functions return a malloc'd NUL-terminated string
 * the caller frees. */
#ifndef PM_SUMMARY_H
#define PM_SUMMARY_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <time.h>

#include "content.h"
#include "intake.h"
#include "status.h"

#define SUMMARY_SCHEMA "painmap.intake"
#define SUMMARY_VERSION 1

/* The JSON record (version 1), field by field:
 *   schema "painmap.intake", version 1,
 *   saved_at "YYYY-MM-DDTHH:MM:SSZ" (UTC), saved_at_epoch (seconds),
 *   language (code), name (UTF-8 as typed), consent (bool),
 *   flags   [{question, answer, flag}] answers with a flag, urgent first,
 *   marks   [{region, intensity (0-10 or null), qualities [ids], duration (id or null)}]
 *           in the order the client marked them,
 *   patterns [muscle ids], none_of_these (bool),
 *   answers [{question, answer, flag ("none", "attention", "urgent")}] answered only,
 *   pressure (id or null), avoid [ids],
 *   signature {width 1000, height 400, strokes [[[x, y], ...], ...]}.
 * Every field is required when reading. Unknown extra fields are ignored. */

/* saved_at is wall-clock time (seconds since the epoch, UTC) passed in; it
 * must lie in 1970..9999. Returns PM_ERR_INVALID when the intake breaks its
 * own invariants (an index outside the content: a bug elsewhere; nothing is
 * written rather than a record naming the wrong thing), PM_ERR_NOMEM. */
pm_status summary_render_json(const pm_content *c, const intake *in, int64_t saved_at,
                              char **out);

/* staff_lang: content language index for headings and labels. Headings use
 * "summary.*" string keys; a key missing from the staff language falls back
 * to English, then to built-in English text. Same errors as above. */
pm_status summary_render_html(const pm_content *c, const intake *in, int64_t saved_at,
                              int staff_lang, char **out);

/* Reads a JSON summary back into an intake (ids mapped to the current
 * content's indices). An id the content no longer has is an error naming it.
 * *saved_at (if not NULL) receives the stored time. Any input is safe (it
 * will be fuzzed): malformed JSON, wrong types, out-of-range numbers, wrong
 * schema or version all give PM_ERR_INVALID with err saying where and what
 * ("intake JSON: $.marks[2].region: no region 'calf_x' in the current
 * content"). On failure *out is a fresh empty intake, never half a record. */
pm_status summary_parse_json(const pm_content *c, const char *json, intake *out,
                             int64_t *saved_at, pm_msg *err);

/* The "summary.*" string keys the HTML uses (headings, labels), for the
 * content checker and translators: key i, and its built-in English text in
 * *english (if not NULL). NULL past the end. */
size_t summary_text_key_count(void);
const char *summary_text_key(size_t i, const char **english);

/* "none", "attention", "urgent" — the names the JSON uses. */
const char *summary_flag_name(pm_flag f);

/* A growable text buffer for building documents. Start from {0}. Once an
 * allocation fails, oom stays set and every later append is refused, so a
 * long run of appends needs one check at the end. */
typedef struct {
    char *data;
    size_t len, cap;
    bool oom;
} summary_buf;
pm_status summary_buf_append(summary_buf *b, const char *s, size_t n);
pm_status summary_buf_printf(summary_buf *b, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
/* Appends s with &, <, >, " and ' escaped (control characters other than
 * tab and newline are dropped). Exposed for tests. */
pm_status summary_buf_escape(summary_buf *b, const char *s);
void summary_buf_free(summary_buf *b); /* wipes what it held */

/* cJSON holds the client's text in its nodes and print buffers: after this,
 * every block cJSON frees is wiped first (and it grows buffers by copying,
 * not realloc, so no block is freed unwiped). cJSON's hooks are the
 * library's own process-wide setting; setting them again is harmless, so
 * every function here that builds or reads a record calls it first. */
void summary_json_wipes(void);

#endif
