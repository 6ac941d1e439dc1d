/* flow.h — the client's walk through the screens, as a state machine.
 *
 * Events go in (a tap that means "next", an answer, a tick of the clock);
 * the new state comes out. The flow owns the intake being taken. Nothing in
 * here reads a clock, sleeps, draws or touches a file: the caller passes the
 * time (milliseconds on a monotonic clock) with every event, and performs the
 * save itself when flow_wants_save() says so, reporting the outcome back.
 *
 * Screens come in the order content gives (screens.json). Some screens have
 * several steps: details has one step per marked region, screening one per
 * question that applies (screening.h: follow-ups come and go with the marks
 * and answers), education one per page (general pages plus one per chosen
 * muscle). Back always goes to the previous step; from the first screen it
 * does nothing; from thanks it finishes. Back onto welcome starts over: the
 * intake is wiped there, because welcome never times out and the next
 * person would otherwise find this client's answers.
 *
 * Idle: after idle_ms without a client event, an "are you still there?"
 * prompt appears (flow_still_there()); grace_ms later the intake is wiped and
 * the flow returns to welcome. Any client event in between keeps going.
 * Welcome never times out; thanks returns to welcome after thanks_ms.
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
#include "status.h"

#define FLOW_MAX_CANDIDATES 6 /* referral patterns offered on one screen */

typedef struct {
    uint32_t idle_ms;   /* default 90 000 */
    uint32_t grace_ms;  /* default 20 000 */
    uint32_t thanks_ms; /* default 15 000 */
} flow_timing;

flow_timing flow_default_timing(void);

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
    EV_ANSWER,          /* screening: arg = answer index for the current question */
    EV_TOGGLE_PATTERN,  /* patterns: arg = muscle index (must be a candidate) */
    EV_NONE_OF_THESE,   /* patterns */
    EV_TYPE,            /* name: text = UTF-8 to append */
    EV_BACKSPACE,       /* name */
    EV_SET_PRESSURE,    /* preferences: arg = pressure index */
    EV_TOGGLE_AVOID,    /* preferences: arg = avoid-area index */
    EV_TOGGLE_CONSENT,  /* consent */
    EV_SIG_POINT,       /* consent: x, y in pad space; arg = 1 starts a stroke */
    EV_SIG_CLEAR,       /* consent */
    EV_EDIT,            /* review: arg = screen, arg2 = step; Next returns to review */
    EV_SAVE_DONE,       /* saver: the intake is on disk (also after a failed one) */
    EV_SAVE_FAILED,     /* saver: the save failed; arg 1 when the saver keeps a copy */
    EV_RETRY_SAVE,      /* save failed screen: try again */
    EV_FINISH,          /* thanks: done, back to welcome */
    EV_TOUCH,           /* a touch that only changed how a screen is shown (keyboard
                           shift, a page's next part, scrolling, zoom): client
                           activity for the idle timer, nothing else */
} flow_event_type;

typedef struct {
    flow_event_type type;
    int arg;
    int arg2;
    int x, y;
    const char *text;
} flow_event;

typedef struct flow flow;

/* Creates a flow at the welcome screen. content must outlive the flow.
 * default_lang is a language code; an unknown one falls back to "en". */
pm_status flow_create(const pm_content *content, flow_timing timing,
                      const char *default_lang, uint64_t now_ms, flow **out);
void flow_destroy(flow *f); /* wipes the intake first */

/* Feeds one event. Returns PM_OK when it changed something or was a valid
 * no-op, PM_ERR_STATE when the event does not belong on this screen (the
 * state is unchanged), PM_ERR_INVALID for a bad argument. Every event except
 * EV_TICK, EV_SAVE_DONE and EV_SAVE_FAILED counts as client activity. */
pm_status flow_handle(flow *f, const flow_event *ev, uint64_t now_ms);

/* Shorthand for an event that carries only an argument. */
pm_status flow_send(flow *f, flow_event_type type, int arg, uint64_t now_ms);

pm_screen flow_screen(const flow *f);
int flow_step(const flow *f);        /* step within the screen, from 0 */
int flow_step_count(const flow *f);  /* steps this screen has now */
/* Progress through the whole walk, 0..total-1 of total steps (for the bar). */
void flow_progress(const flow *f, int *done, int *total);

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
 * the saver does not keep). A caller can sleep until
 * then; any client event may bring the time forward, so ask again after
 * one. */
uint64_t flow_next_deadline(const flow *f, uint64_t now_ms);

/* Why Next is not possible now, as a string key ("hint.name_needed"), or
 * NULL when Next is allowed. The UI shows the hint instead of a dead end. */
const char *flow_next_blocker(const flow *f);

const intake *flow_intake(const flow *f);
int flow_lang(const flow *f);             /* content language index */
pm_view flow_view(const flow *f);         /* chart: front or back */
int flow_last_region(const flow *f);      /* chart: region tapped last, or -1 */

/* details: the mark this step is about (slot in intake marks). */
int flow_detail_slot(const flow *f);
/* screening: the question index this step asks (the steps are
 * screening_plan(): the gate, the checklist items, then the follow-ups that
 * apply; see screening.h). */
int flow_question(const flow *f);
/* screening: the notice for the answer given on this step (any flagged
 * answer: the calm line for "check", speak to staff for "urgent" and "now"),
 * or NULL. */
const char *flow_notice_key(const flow *f);
bool flow_show_notice(const flow *f); /* flow_notice_key() != NULL */
/* patterns: ranked candidate muscles (best first). */
int flow_candidates(const flow *f, int *out, int max);
/* patterns: the sides of a candidate's pattern that match the marks
 * (RANKING_LEFT | RANKING_RIGHT): its picture shows those; 0 if not a
 * candidate. */
unsigned flow_candidate_sides(const flow *f, int muscle);
/* education: the page or muscle this step shows. *is_muscle tells which. */
int flow_education_item(const flow *f, bool *is_muscle);

/* Saving: true while on the saving screen before a result was reported. */
bool flow_wants_save(const flow *f);
bool flow_save_failed(const flow *f);
/* The failed save's intake is kept by the saver (EV_SAVE_FAILED arg 1). */
bool flow_save_kept(const flow *f);

/* Counts how many times the flow has returned to welcome and wiped an
 * intake (for logs and tests). */
unsigned flow_resets(const flow *f);

#endif
