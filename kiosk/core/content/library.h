/* library.h — the education library by body area: which pages (answers to
 * the questions clients ask, pages about the complaints they come with) and
 * which muscles go with the areas a client marked, or the area they chose on
 * a Learn screen. Pure queries over the loaded content; nothing is stored.
 *
 * Pages with a topic (pages.json "topic": "faq" or "complaint") form the
 * library; each lists the regions it is about ("areas"). A page without
 * areas is about every area (the general questions). Walk-through pages (no
 * topic) are never returned here: they are in the education sequence.
 *
 * All functions write indices (content page or muscle indices) into out, at
 * most max, and return how many they wrote. */
#ifndef PM_LIBRARY_H
#define PM_LIBRARY_H

#include <stddef.h>

#include "content.h"

/* After an intake: the library pages about any of the marked regions, the
 * ones matching the most regions first, then in content order. Pages about
 * every area are not included (offer them with library_pages_of_topic). */
size_t library_pages_for_regions(const pm_content *c, const int *regions, size_t nregions,
                                 int *out, size_t max);

/* Learn, one area chosen: the library pages about it, complaints first, then
 * questions, each in content order. */
size_t library_pages_for_region(const pm_content *c, int region, int *out, size_t max);

/* Learn: every library page of one topic, in content order. */
size_t library_pages_of_topic(const pm_content *c, pm_page_topic topic, int *out, size_t max);

/* Learn, one area chosen: the muscles that send pain there, those with it as
 * a primary zone first, then as a spill-over zone, each in content order. */
size_t library_muscles_for_region(const pm_content *c, int region, int *out, size_t max);

#endif
