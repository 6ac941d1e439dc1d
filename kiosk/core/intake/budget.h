/* budget.h — how long the walk-through takes a client, counted by the core.
 *
 * A scripted client walks the content through the flow, from welcome until
 * the intake is saved (what comes after, the "while you wait" reading, is
 * the client's choice and counted apart), and the core counts:
 *   screens  every page the client is shown, welcome included;
 *   taps     every touch: a button, a choice, a key of the on-screen
 *            keyboard (one a character), a signature stroke;
 *   words    the words the client reads (the reading model below);
 *   time     words at BUDGET_WPM words a minute, plus BUDGET_TAP_MS a tap.
 *
 * The reading model: each page's own texts (its title, the question, every
 * choice offered, instructions, the frame's buttons and section names),
 * each text read once in the walk: a text met again (the frame's buttons, a
 * list of choices already read for an earlier area) is recognised, not
 * read again. What the client typed or chose is not read back on the
 * review; the review's own labels are.
 *
 * The clients:
 *   typical  2 areas (top of the left shoulder, left shoulder blade), the
 *            second "same as the last", 1 pattern, every safety answer "no"
 *            (the checklist "None of these"), a pressure, the name "Ana Ruiz";
 *   heavy    6 areas (neck, shoulder, shoulder blade, lower back, buttock,
 *            calf), each with its own strength, two feelings and how long,
 *            3 patterns, two "yes" safety answers (the first two that ask
 *            the therapist to check), a pressure and two places to avoid,
 *            the name "Maria Fernandez".
 * Areas missing from the content are replaced by the first regions of the
 * back view, so any content can be walked.
 *
 * The goal for the typical client: at most BUDGET_GOAL_SCREENS screens,
 * BUDGET_GOAL_TAPS taps and BUDGET_GOAL_SECONDS seconds. */
#ifndef PM_BUDGET_H
#define PM_BUDGET_H

#include <stdbool.h>
#include <stddef.h>

#include "content.h"
#include "flow.h"

#define BUDGET_WPM 200         /* words a minute */
#define BUDGET_TAP_MS 1500     /* a tap, a key, a stroke */
#define BUDGET_GOAL_SCREENS 15
#define BUDGET_GOAL_TAPS 35
#define BUDGET_GOAL_SECONDS 180

typedef enum { BUDGET_TYPICAL, BUDGET_HEAVY } budget_case;

typedef struct {
    int screens;        /* welcome to the confirmed review */
    int taps;
    int words;
    int seconds;        /* by the reading model, rounded up */
    int safety_screens; /* of screens, the screening's pages */
    int reading_pages;  /* offered after the save, while the client waits */
} budget_result;

const char *budget_case_name(budget_case k); /* "typical", "heavy" */

/* Walks case k through a fresh flow on content c in layout and language
 * lang (index). PM_OK with *out filled; otherwise why says where the walk
 * stuck (a screen it could not leave). */
pm_status budget_walk(const pm_content *c, flow_layout layout, budget_case k, int lang,
                      budget_result *out, char *why, size_t why_size);

/* The same, telling trace about every page shown (its screen, page, the
 * words it added and the taps made on it) when trace is not NULL: what
 * `painmap --flow-budget --pages` prints for content editors. */
typedef void (*budget_trace)(void *ctx, pm_screen screen, int page, int words, int taps);
pm_status budget_walk_traced(const pm_content *c, flow_layout layout, budget_case k, int lang,
                             budget_result *out, char *why, size_t why_size,
                             budget_trace trace, void *trace_ctx);

/* True when r is within the goal. */
bool budget_meets_goal(const budget_result *r);

/* The typical client's time in whole minutes, rounded up (at least 1): what
 * welcome promises ("about 3 minutes"). 0 when the walk cannot be made. */
int budget_promise_minutes(const pm_content *c, flow_layout layout, int lang);

/* Words in a text as the reading model counts them: runs of characters
 * with at least one letter (digits, "·" and "{1}" are not words). */
int budget_count_words(const char *text);

#endif
