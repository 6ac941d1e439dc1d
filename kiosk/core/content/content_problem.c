/* content_problem.c — how the loader (content_load.c) and the cross-file
 * checks (content_check.c) report a problem in the content.
 *
 * Why a file of its own: both sides report problems, and the loader calls
 * the checks; with problem() in the loader the two files called each other
 * (a link cycle tests/house/link_graph.py refuses). */
#include <stdarg.h>
#include <stdio.h>

#include "content_private.h"

void problem(loader *ld, const char *fmt, ...)
{
    char buf[1024];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(buf, sizeof buf, fmt, ap);
    va_end(ap);
    if (pm_msgs_add(ld->problems, "%s", buf) != PM_OK)
        ld->nomem = true;
}
