/* learn.h — the Learn screens, as a state machine: a client on Welcome
 * taps "Read about pain", chooses a part of the body, then a page about it
 * (a complaint, a question clients ask, a muscle), reads it and goes back
 * or out. Nothing a client does here is stored: the state is only where
 * they are browsing, and it is forgotten when Learn closes.
 *
 * Events go in, the state comes out; the caller passes the time
 * (milliseconds on a monotonic clock) with every event, as with the flow
 * (flow.h). Learn opens over Welcome, which stays where it was: the flow is
 * not told.
 *
 * Levels: the areas (content groups with something to read about them), an
 * area's list (complaint pages, then question pages, then muscles, each in
 * content order), one page. Lists are shown LEARN_PER_PAGE rows at a time
 * (by count, so the same pages at every screen size); a page is one whole
 * page (the screen scrolls it, as the walk's reading pages). More turns to
 * the next list page; Back retraces exactly (the list page the page was
 * opened from, the areas page the area was chosen on) and closes Learn
 * from the first areas page; Exit closes it from anywhere.
 *
 * Idle: as everywhere else, after idle_ms without an event the "are you
 * still there?" prompt shows (learn_still_there()); grace_ms later Learn
 * closes with nothing left. Any event in between keeps going. */
#ifndef PM_LEARN_H
#define PM_LEARN_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "content.h"
#include "status.h"

#define LEARN_PER_PAGE 6 /* rows of a list shown at once */

typedef struct {
    uint32_t idle_ms;  /* the prompt after this long without an event */
    uint32_t grace_ms; /* then closed after this long */
} learn_timing;

typedef enum {
    LEARN_CLOSED, /* Welcome shows */
    LEARN_AREAS,  /* the parts of the body */
    LEARN_LIST,   /* what there is to read about one of them */
    LEARN_PAGE,   /* one page */
} learn_level;

typedef enum {
    LEARN_EV_TICK,       /* time passed; not the client's activity */
    LEARN_EV_OPEN,       /* Welcome: open at the areas */
    LEARN_EV_AREA,       /* areas: arg = group index (content_group) */
    LEARN_EV_ITEM,       /* list: arg = position in the area's list */
    LEARN_EV_MORE,       /* the next list page */
    LEARN_EV_BACK,       /* one step back; closes from the first areas page */
    LEARN_EV_EXIT,       /* close, from anywhere: back to Welcome */
    LEARN_EV_STILL_HERE, /* the idle prompt's "continue" */
} learn_event;

typedef struct {
    bool is_muscle;
    int index; /* content page or muscle index */
} learn_item;

typedef struct learn learn;

/* Creates Learn, closed. content must outlive it. */
pm_status learn_create(const pm_content *content, learn_timing timing, learn **out);
void learn_destroy(learn *l);

/* Feeds one event. PM_OK when it changed something (or was the prompt's
 * continue); PM_ERR_STATE when it does not belong to this level (nothing
 * changes); PM_ERR_INVALID for an argument out of range. */
pm_status learn_handle(learn *l, learn_event ev, int arg, uint64_t now_ms);

learn_level learn_level_now(const learn *l);
bool learn_is_open(const learn *l); /* not LEARN_CLOSED */

/* The areas offered (group indices, content order): those with a complaint
 * page, a question page about them in particular, or a muscle whose main
 * zone is there. Pages about every area alone do not make an area worth
 * offering. Returns how many (at most max written). */
size_t learn_areas(const pm_content *c, int *out, size_t max);
/* What there is to read about group g: complaint pages about it, then the
 * question pages about it or about every area, then the muscles with their
 * main zone there, each in content order. Returns how many. */
size_t learn_items_for(const pm_content *c, int g, learn_item *out, size_t max);

int learn_area(const learn *l);          /* the group chosen, or -1 */
/* The list showing (areas or the area's list): its page and page count. */
int learn_list_page(const learn *l);
int learn_list_pages(const learn *l);
/* The page open (LEARN_PAGE). */
learn_item learn_page(const learn *l);

bool learn_still_there(const learn *l);
/* Milliseconds left before the prompt closes Learn (0 if none). */
uint32_t learn_grace_left(const learn *l, uint64_t now_ms);
/* When an LEARN_EV_TICK could next change what shows (the prompt, its
 * countdown in whole seconds, the close): UINT64_MAX when closed. */
uint64_t learn_next_deadline(const learn *l, uint64_t now_ms);
/* How many times Learn has closed (for the shell to forget what it drew). */
unsigned learn_closes(const learn *l);

#endif
