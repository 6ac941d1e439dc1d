/* learn.c — the Learn screens (contract in learn.h).
 *
 * The state is where the client is browsing and nothing else: the level,
 * the area chosen, the page of each list, the page open. The
 * area's list is worked out again from the content whenever it is needed
 * (it is small), so there is no copy to fall out of step. */
#include "learn.h"

#include <stdlib.h>

#define LEARN_MAX_ITEMS 256

struct learn {
    const pm_content *c;
    learn_timing timing;
    learn_level level;
    int area;        /* group, -1 */
    int area_scroll; /* the areas' page */
    int list_scroll; /* the area's list's page */
    learn_item page;
    uint64_t last_activity;
    bool prompt;
    uint64_t prompt_since;
    unsigned closes;
};

/* ---- what there is to read ----------------------------------------------- */

static bool in_group(const pm_content *c, const int *regions, size_t n, int g)
{
    for (size_t i = 0; i < n; i++) {
        const pm_region *r = content_region(c, (size_t)regions[i]);
        if (r && r->group == g)
            return true;
    }
    return false;
}

size_t learn_items_for(const pm_content *c, int g, learn_item *out, size_t max)
{
    size_t n = 0;
    if (g < 0 || (size_t)g >= content_group_count(c))
        return 0;
    /* complaints first: what the client came with; then the questions */
    static const pm_page_topic order[] = {PAGE_COMPLAINT, PAGE_FAQ};
    for (size_t t = 0; t < 2; t++)
        for (size_t i = 0; i < content_page_count(c); i++) {
            const pm_page *p = content_page(c, i);
            bool about = p->nareas == 0 ? p->topic == PAGE_FAQ
                                        : in_group(c, p->areas, p->nareas, g);
            if (p->topic != order[t] || !about)
                continue;
            if (n < max)
                out[n] = (learn_item){false, (int)i};
            n++;
        }
    for (size_t i = 0; i < content_muscle_count(c); i++) {
        const pm_muscle *m = content_muscle(c, i);
        if (!in_group(c, m->primary, m->nprimary, g))
            continue;
        if (n < max)
            out[n] = (learn_item){true, (int)i};
        n++;
    }
    return n;
}

/* Something about this area in particular (not only the general pages). */
static bool worth_offering(const pm_content *c, int g)
{
    for (size_t i = 0; i < content_page_count(c); i++) {
        const pm_page *p = content_page(c, i);
        if (p->topic != PAGE_WALK && in_group(c, p->areas, p->nareas, g))
            return true;
    }
    for (size_t i = 0; i < content_muscle_count(c); i++) {
        const pm_muscle *m = content_muscle(c, i);
        if (in_group(c, m->primary, m->nprimary, g))
            return true;
    }
    return false;
}

size_t learn_areas(const pm_content *c, int *out, size_t max)
{
    size_t n = 0;
    for (size_t g = 0; g < content_group_count(c); g++)
        if (worth_offering(c, (int)g)) {
            if (n < max)
                out[n] = (int)g;
            n++;
        }
    return n;
}

static int pages_of(size_t n)
{
    return n == 0 ? 1 : (int)((n + LEARN_PER_PAGE - 1) / LEARN_PER_PAGE);
}

/* ---- the state ------------------------------------------------------------ */

static void close_learn(learn *l)
{
    l->level = LEARN_CLOSED;
    l->area = -1;
    l->area_scroll = 0;
    l->list_scroll = 0;
    l->page = (learn_item){false, -1};
    l->prompt = false;
}

pm_status learn_create(const pm_content *content, learn_timing timing, learn **out)
{
    *out = NULL;
    learn *l = calloc(1, sizeof *l);
    if (!l)
        return PM_ERR_NOMEM;
    l->c = content;
    l->timing = timing;
    close_learn(l);
    *out = l;
    return PM_OK;
}

void learn_destroy(learn *l) { free(l); }

static void shut(learn *l)
{
    close_learn(l);
    l->closes++;
}

static size_t area_count(const learn *l) { return learn_areas(l->c, NULL, 0); }
static size_t item_count(const learn *l) { return learn_items_for(l->c, l->area, NULL, 0); }

static bool offered(const learn *l, int g)
{
    int areas[CONTENT_MAX_GROUPS];
    size_t n = learn_areas(l->c, areas, CONTENT_MAX_GROUPS);
    for (size_t i = 0; i < n && i < CONTENT_MAX_GROUPS; i++)
        if (areas[i] == g)
            return true;
    return false;
}

static pm_status on_more(learn *l)
{
    switch (l->level) {
    case LEARN_AREAS:
        if (l->area_scroll + 1 >= pages_of(area_count(l)))
            return PM_ERR_STATE;
        l->area_scroll++;
        return PM_OK;
    case LEARN_LIST:
        if (l->list_scroll + 1 >= pages_of(item_count(l)))
            return PM_ERR_STATE;
        l->list_scroll++;
        return PM_OK;
    case LEARN_PAGE: /* a page is one page: the screen scrolls it */
    case LEARN_CLOSED:
        break;
    }
    return PM_ERR_STATE;
}

static pm_status on_back(learn *l)
{
    switch (l->level) {
    case LEARN_PAGE:
        l->level = LEARN_LIST; /* on the list page it was opened from */
        l->page = (learn_item){false, -1};
        return PM_OK;
    case LEARN_LIST:
        if (l->list_scroll > 0) {
            l->list_scroll--;
        } else {
            l->level = LEARN_AREAS; /* on the areas page it was chosen from */
            l->area = -1;
        }
        return PM_OK;
    case LEARN_AREAS:
        if (l->area_scroll > 0)
            l->area_scroll--;
        else
            shut(l);
        return PM_OK;
    case LEARN_CLOSED:
        break;
    }
    return PM_ERR_STATE;
}

static pm_status on_item(learn *l, int pos)
{
    if (l->level != LEARN_LIST)
        return PM_ERR_STATE;
    learn_item items[LEARN_MAX_ITEMS];
    size_t n = learn_items_for(l->c, l->area, items, LEARN_MAX_ITEMS);
    if (pos < 0 || (size_t)pos >= n || pos >= LEARN_MAX_ITEMS)
        return PM_ERR_INVALID;
    l->page = items[pos];
    l->level = LEARN_PAGE;
    return PM_OK;
}

static void on_tick(learn *l, uint64_t now)
{
    if (l->level == LEARN_CLOSED)
        return;
    if (!l->prompt && now - l->last_activity >= l->timing.idle_ms) {
        l->prompt = true;
        l->prompt_since = now;
    } else if (l->prompt && now - l->prompt_since >= l->timing.grace_ms) {
        shut(l);
    }
}

pm_status learn_handle(learn *l, learn_event ev, int arg, uint64_t now_ms)
{
    if (ev == LEARN_EV_TICK) {
        on_tick(l, now_ms);
        return PM_OK;
    }
    if (ev == LEARN_EV_OPEN) {
        if (l->level != LEARN_CLOSED)
            return PM_ERR_STATE;
        close_learn(l);
        l->level = LEARN_AREAS;
        l->last_activity = now_ms;
        return PM_OK;
    }
    if (l->level == LEARN_CLOSED)
        return PM_ERR_STATE;
    /* everything else is the client touching the screen */
    l->last_activity = now_ms;
    l->prompt = false;
    switch (ev) {
    case LEARN_EV_AREA:
        if (l->level != LEARN_AREAS)
            return PM_ERR_STATE;
        if (!offered(l, arg))
            return PM_ERR_INVALID;
        l->area = arg;
        l->list_scroll = 0;
        l->level = LEARN_LIST;
        return PM_OK;
    case LEARN_EV_ITEM:
        return on_item(l, arg);
    case LEARN_EV_MORE:
        return on_more(l);
    case LEARN_EV_BACK:
        return on_back(l);
    case LEARN_EV_EXIT:
        shut(l);
        return PM_OK;
    case LEARN_EV_STILL_HERE:
        return PM_OK;
    default:
        return PM_ERR_STATE;
    }
}

/* ---- queries --------------------------------------------------------------- */

learn_level learn_level_now(const learn *l) { return l->level; }
bool learn_is_open(const learn *l) { return l->level != LEARN_CLOSED; }
int learn_area(const learn *l) { return l->area; }

int learn_list_page(const learn *l)
{
    return l->level == LEARN_AREAS ? l->area_scroll : l->level == LEARN_LIST ? l->list_scroll : 0;
}

int learn_list_pages(const learn *l)
{
    if (l->level == LEARN_AREAS)
        return pages_of(area_count(l));
    return l->level == LEARN_LIST ? pages_of(item_count(l)) : 1;
}

learn_item learn_page(const learn *l) { return l->page; }

bool learn_still_there(const learn *l) { return l->prompt; }

uint32_t learn_grace_left(const learn *l, uint64_t now_ms)
{
    if (!l->prompt)
        return 0;
    uint64_t spent = now_ms - l->prompt_since;
    return spent >= l->timing.grace_ms ? 0 : (uint32_t)(l->timing.grace_ms - spent);
}

uint64_t learn_next_deadline(const learn *l, uint64_t now_ms)
{
    if (l->level == LEARN_CLOSED)
        return UINT64_MAX;
    uint64_t due;
    if (!l->prompt) {
        due = l->last_activity + l->timing.idle_ms;
    } else {
        /* the countdown shows whole seconds, rounded up: it next drops at
         * the multiple of 1000 below; its last step is the close */
        uint32_t shown = (learn_grace_left(l, now_ms) + 999) / 1000;
        due = l->prompt_since + l->timing.grace_ms - 1000ull * (shown ? shown - 1 : 0);
    }
    return due > now_ms ? due : now_ms;
}

unsigned learn_closes(const learn *l) { return l->closes; }
