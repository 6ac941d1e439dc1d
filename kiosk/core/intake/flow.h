/* flow.h — the client's walk through the screens, as a state machine.
 *
 * Events go in (a tap that means "next", an answer, a tick of the clock);
 * the new state comes out. The flow owns the intake being taken. Nothing in
 * here reads a clock, sleeps, draws or touches a file: the caller passes the
 * time (milliseconds on a monotonic clock) with every event, and the core's
 * saver performs the save when flow_wants_save() says so, reporting back.
 *
 * The walk, in the order content gives (screens.json):
 *   welcome → name → chart → details → screening → patterns → preferences
 *   → consent → review → saving → education (while you wait) → thanks.
 * The intake is saved as soon as the client confirms the review; the
 * education pages that follow are reading "while you wait", which the
 * client may leave at any time (EV_FINISH), ending on Thank you. The saved
 * intake is wiped from memory at once: after the save the flow keeps only
 * which muscle pages to show and whether to ask the client to speak to
 * staff.
 *
 * Pages. A screen may have several pages (steps); how many follows from the
 * intake and from the display's layout class (flow_layout, passed in by the
 * shell, which knows the screen; the core knows no pixels):
 *   details    per marked area one page (roomy) or two (compact: strength
 *              and how long, then what it feels like); from the second area
 *              on, "same as the last area" (EV_SAME_AS_LAST) copies all of
 *              it and goes on to the next area;
 *   screening  the questions that apply (screening.h), several yes/no
 *              questions a page, the checklist on one page, the follow-ups
 *              after it; an answer that means "now" raises a full-screen
 *              alert (flow_alert) until the client dismisses it;
 *   education  one page per chosen muscle, then up to FLOW_MAX_AREA_PAGES
 *              library pages about the areas marked (library.h: the
 *              complaints and questions tagged with them), then the
 *              general pages.
 * Every other screen is one page.
 *
 * Back always goes to the previous page; from the first screen it does
 * nothing; after the save it goes back only among the reading pages. Back
 * onto welcome starts over: the intake is wiped there, because welcome never
 * times out and the next person would otherwise find this client's answers.
 * EV_START_OVER wipes everything from any screen (the shell asks the client
 * first), as the idle reset does.
 *
 * Progress is in named sections ("Your pain · Safety · Your visit · Check
 * · Done", flow_section): their number is fixed by the content's screens,
 * so it never changes mid-way, and walking forward never goes back a
 * section.
 *
 * Idle: after idle_ms without a client event, an "are you still there?"
 * prompt appears (flow_still_there()); grace_ms later the intake is wiped and
 * the flow returns to welcome. After the save (the reading pages) the prompt
 * comes sooner, after reading_idle_ms: there is nothing left to lose. Any
 * client event in between keeps going. Welcome never times out; thanks
 * returns to welcome after thanks_ms.
 *
 * Saving: on the saving screen the flow asks for a save (flow_wants_save())
 * and waits for the outcome, EV_SAVE_DONE or EV_SAVE_FAILED. Those two come
 * only from the core's saver (records/saver.h), never from a screen. A save
 * in progress never times out and cannot be left. A failed save shows
 * "not saved yet" with Retry and no Back (Back would put this client's
 * review in front of whoever comes next). When the saver reports that it
 * keeps a copy (EV_SAVE_FAILED with arg 1) the failed-save screen times out
 * like any other and the flow lets its intake go: the saver retries it and
 * staff are told. Without a kept copy (arg 0) the screen waits for a Retry,
 * however long it takes, and the intake stays. */
#ifndef PM_FLOW_H
#define PM_FLOW_H

#include <stdbool.h>
#include <stdint.h>

#include "content.h"
#include "intake.h"
#include "screening.h"
#include "status.h"

#define FLOW_MAX_CANDIDATES 6 /* referral patterns offered on one screen */
#define FLOW_MAX_AREA_PAGES 3 /* library pages about the areas, after the intake */
#define FLOW_MAX_PAGE_QUESTIONS 8 /* yes/no questions on one page, at most */

typedef struct {
    uint32_t idle_ms;         /* default 90 000 */
    uint32_t grace_ms;        /* default 20 000 */
    uint32_t thanks_ms;       /* default 15 000 */
    uint32_t reading_idle_ms; /* after the save; default 45 000 */
} flow_timing;

flow_timing flow_default_timing(void);

/* How much a page can hold, from the display (the shell decides, the core
 * only counts pages): compact (800x480, or large text) asks a marked area's
 * details on two pages and three yes/no questions a page; roomy (1024x600
 * and up) one page an area and six questions a page. */
typedef enum { FLOW_COMPACT = 0, FLOW_ROOMY = 1 } flow_layout;

/* The class for a display of w x h pixels with normal text: roomy when it
 * is at least 1024x600 (either way round). Large text is always compact. */
flow_layout flow_layout_for_size(int w, int h, bool large_text);

typedef enum {
    EV_TICK,            /* time passed; not client activity */
    EV_NEXT,
    EV_BACK,
    EV_START,           /* welcome: begin in the language chosen */
    EV_SET_LANGUAGE,    /* welcome: arg = language index */
    EV_STILL_HERE,      /* answer to the idle prompt */
    EV_START_OVER,      /* client abandons: wipe, back to welcome */
    EV_SET_VIEW,        /* chart: arg = pm_view */
    EV_TAP_REGION,      /* chart: arg = region index (toggles the mark) */
    EV_SET_INTENSITY,   /* details: arg = 0..10 */
    EV_TOGGLE_QUALITY,  /* details: arg = quality index */
    EV_SET_DURATION,    /* details: arg = duration index */
    EV_ANSWER,          /* screening: arg = answer index for the first unanswered
                           question of this page (its first when all are) */
    EV_TOGGLE_PATTERN,  /* patterns: arg = muscle index (must be a candidate) */
    EV_NONE_OF_THESE,   /* patterns */
    EV_TYPE,            /* name: text = UTF-8 to append */
    EV_BACKSPACE,       /* name */
    EV_SET_PRESSURE,    /* preferences: arg = pressure index */
    EV_TOGGLE_AVOID,    /* preferences: arg = avoid-area index */
    EV_TOGGLE_CONSENT,  /* consent (signing also agrees; see EV_SIG_POINT) */
    EV_SIG_POINT,       /* consent: x, y in pad space; arg = 1 starts a stroke.
                           Signing is agreeing: the first point sets consent */
    EV_SIG_CLEAR,       /* consent: clears the signature and the agreement */
    EV_EDIT,            /* review: arg = screen, arg2 = page; Next returns to review */
    EV_SAVE_DONE,       /* saver: the intake is on disk (also after a failed one) */
    EV_SAVE_FAILED,     /* saver: the save failed; arg 1 when the saver keeps a copy */
    EV_RETRY_SAVE,      /* save failed screen: try again */
    EV_FINISH,          /* thanks: done, back to welcome; reading pages: done
                           reading, on to thanks */
    EV_TOUCH,           /* a touch that only changed how a screen is shown (keyboard
                           shift, scrolling, zoom, a dialog): client activity for
                           the idle timer, nothing else */
    /* -- added with the waiting-room walk-through -- */
    EV_SET_LAYOUT,      /* the shell: arg = flow_layout (not client activity) */
    EV_ANSWER_TO,       /* screening: arg = question index (on this page), arg2 = answer */
    EV_TOGGLE_CHECK,    /* screening checklist: arg = question index; ticks or unticks
                           it, and the items not touched become "not ticked" */
    EV_CHECK_NONE,      /* screening checklist: "None of these": no item ticked, and
                           on to the next page */
    EV_SAME_AS_LAST,    /* details, second area on: all as the last area, then on */
    EV_ALERT_DONE,      /* the "tell the front desk now" alert: arg 0 go on, arg 1
                           change the answer (it is cleared) */
    EV_PAGE_NO,         /* screening, a page of two or more yes/no questions where
                           none is answered other than "no": "No to all of
                           these" answers each its plain "no", then on */
} flow_event_type;

typedef struct {
    flow_event_type type;
    int arg;
    int arg2;
    int x, y;
    const char *text;
} flow_event;

typedef struct flow flow;

/* Creates a flow at the welcome screen, compact until EV_SET_LAYOUT says
 * otherwise. content must outlive the flow. default_lang is a language
 * code; an unknown one falls back to "en". */
pm_status flow_create(const pm_content *content, flow_timing timing,
                      const char *default_lang, uint64_t now_ms, flow **out);
void flow_destroy(flow *f); /* wipes the intake first */

/* Feeds one event. Returns PM_OK when it changed something or was a valid
 * no-op, PM_ERR_STATE when the event does not belong on this screen (the
 * state is unchanged), PM_ERR_INVALID for a bad argument. Every event except
 * EV_TICK, EV_SET_LAYOUT, EV_SAVE_DONE and EV_SAVE_FAILED counts as client
 * activity. */
pm_status flow_handle(flow *f, const flow_event *ev, uint64_t now_ms);

/* Shorthand for an event that carries only arguments. */
pm_status flow_send(flow *f, flow_event_type type, int arg, uint64_t now_ms);
pm_status flow_send2(flow *f, flow_event_type type, int arg, int arg2, uint64_t now_ms);

pm_screen flow_screen(const flow *f);
int flow_step(const flow *f);        /* page within the screen, from 0 */
int flow_step_count(const flow *f);  /* pages this screen has now */
flow_layout flow_layout_now(const flow *f);

/* Progress in named sections: the section the client is in (0-based; -1 on
 * welcome) of flow_section_count(), fixed for the content. */
int flow_section(const flow *f);
int flow_section_count(const flow *f);
/* The string key naming section i ("ui.section.safety"). */
const char *flow_section_key(const flow *f, int i);

bool flow_still_there(const flow *f); /* the idle prompt is showing */
/* Milliseconds left before the idle prompt wipes the intake (0 if none). */
uint32_t flow_grace_left(const flow *f, uint64_t now_ms);
bool flow_editing(const flow *f);     /* came from review; Next goes back */

/* When the clock next matters: the earliest time (ms, same clock as now_ms)
 * at which an EV_TICK could change what the flow shows with no client
 * event: the idle prompt appearing, its countdown (flow_grace_left() in
 * whole seconds, rounded up, as the prompt shows it) going down by one, the
 * wipe, or thanks returning to welcome. now_ms when that is already due;
 * UINT64_MAX when nothing is (welcome, a save in progress, a failed save
 * the saver does not keep). A caller can sleep until then; any client event
 * may bring the time forward, so ask again after one. */
uint64_t flow_next_deadline(const flow *f, uint64_t now_ms);

/* Why Next is not possible now, as a string key ("hint.name_needed"), or
 * NULL when Next is allowed. The UI shows the hint instead of a dead end. */
const char *flow_next_blocker(const flow *f);

const intake *flow_intake(const flow *f);
int flow_lang(const flow *f);             /* content language index */
pm_view flow_view(const flow *f);         /* chart: front or back */
int flow_last_region(const flow *f);      /* chart: region tapped last, or -1 */

/* details: the mark this page is about (slot in intake marks), and what the
 * page asks (DETAIL_* bits). */
enum { DETAIL_STRENGTH = 1, DETAIL_DURATION = 2, DETAIL_FEELINGS = 4 };
int flow_detail_slot(const flow *f);
unsigned flow_detail_asks(const flow *f);
/* details: "same as the last area" is offered (the second area on, on the
 * page that asks the strength). */
bool flow_same_as_offered(const flow *f);
/* Whether "No to all of these" is offered on this screening page (see
 * EV_PAGE_NO). */
bool flow_page_no_offered(const flow *f);

/* screening: the part this page asks (gate, checklist, follow-ups) and its
 * questions, in order; returns how many (0 when not on the screening). */
pm_part flow_screening_part(const flow *f);
int flow_page_questions(const flow *f, int *out, int max);
/* screening: the first question of this page (-1 when not there). */
int flow_question(const flow *f);
/* screening: the notice for the answer given to question q (a calm line for
 * "check", speak to staff for "urgent" and "now"), or NULL. */
const char *flow_notice_key(const flow *f, int q);
/* screening: a question answered "now" whose full-screen alert shows, or -1. */
int flow_alert(const flow *f);

/* patterns: ranked candidate muscles (best first). */
int flow_candidates(const flow *f, int *out, int max);
/* patterns: the sides of a candidate's pattern that match the marks
 * (RANKING_LEFT | RANKING_RIGHT): its picture shows those; 0 if not a
 * candidate. */
unsigned flow_candidate_sides(const flow *f, int muscle);
/* education: the page or muscle this page shows. *is_muscle tells which. */
int flow_education_item(const flow *f, bool *is_muscle);

/* After the save (reading pages, thanks): the most serious safety answer of
 * the intake just saved (SCREENING_URGENT or NOW: ask to speak to staff). */
screening_class flow_saved_class(const flow *f);

/* Saving: true while on the saving screen before a result was reported. */
bool flow_wants_save(const flow *f);
bool flow_save_failed(const flow *f);
/* The failed save's intake is kept by the saver (EV_SAVE_FAILED arg 1). */
bool flow_save_kept(const flow *f);
/* The intake has been saved and wiped: what shows is reading and thanks. */
bool flow_saved(const flow *f);

/* Counts how many times the flow has returned to welcome and wiped an
 * intake (for logs and tests). */
unsigned flow_resets(const flow *f);

#endif
