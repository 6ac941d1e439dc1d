/* summary_private.h — shared by the summary_*.c files only: helpers the
 * JSON and HTML renderers and the parser have in common. */
#ifndef PM_SUMMARY_PRIVATE_H
#define PM_SUMMARY_PRIVATE_H

#include <stdbool.h>
#include <stdint.h>

#include "summary.h"

/* 9999-12-31T23:59:59Z: the last second an ISO-8601 year of 4 digits holds. */
#define SUMMARY_MAX_TIME INT64_C(253402300799)

typedef size_t (*choice_count_fn)(const pm_content *);
typedef const pm_choice *(*choice_get_fn)(const pm_content *, size_t);

pm_status summary_buf_puts(summary_buf *b, const char *s);
/* iso: "2026-11-25T17:30:12Z" for the record; else "2026-11-25 17:30 UTC". */
bool summary_format_utc(int64_t t, bool iso, char *out, size_t size);
pm_flag summary_answer_flag(const pm_content *c, const intake *in, size_t q);
size_t summary_flagged_questions(const pm_content *c, const intake *in,
                                 size_t out[CONTENT_MAX_QUESTIONS]);

#endif
