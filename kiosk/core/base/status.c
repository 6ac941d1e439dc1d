/* status.c — error names and message helpers (see status.h). */
#include "status.h"

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

pm_status pm_status_of_errno(int e)
{
    switch (e) {
    case ENOSPC:
    case EDQUOT:
    case EFBIG:
        return PM_ERR_FULL;
    case EROFS:
    case EACCES:
    case EPERM:
        return PM_ERR_READONLY;
    case ENOENT:
    case ENOTDIR:
        return PM_ERR_NOT_FOUND;
    case ENOMEM:
        return PM_ERR_NOMEM;
    default:
        return PM_ERR_IO;
    }
}

const char *pm_status_name(pm_status s)
{
    switch (s) {
    case PM_OK: return "ok";
    case PM_ERR_NOMEM: return "out of memory";
    case PM_ERR_IO: return "i/o error";
    case PM_ERR_INVALID: return "invalid";
    case PM_ERR_NOT_FOUND: return "not found";
    case PM_ERR_FULL: return "disk full";
    case PM_ERR_READONLY: return "read-only";
    case PM_ERR_STATE: return "wrong state";
    case PM_ERR_LIMIT: return "limit reached";
    case PM_ERR_REFUSED: return "refused (not a plain file)";
    case PM_ERR_SEALED: return "sealed";
    }
    return "unknown";
}

void pm_msg_set(pm_msg *msg, const char *fmt, ...)
{
    if (!msg)
        return;
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg->text, sizeof msg->text, fmt, ap);
    va_end(ap);
}

void pm_msgs_init(pm_msgs *m)
{
    m->items = NULL;
    m->count = 0;
    m->cap = 0;
}

pm_status pm_msgs_add(pm_msgs *m, const char *fmt, ...)
{
    if (m->count == m->cap) {
        size_t cap = m->cap ? m->cap * 2 : 16;
        char **items = realloc(m->items, cap * sizeof *items);
        if (!items)
            return PM_ERR_NOMEM;
        m->items = items;
        m->cap = cap;
    }
    va_list ap;
    va_start(ap, fmt);
    int len = vsnprintf(NULL, 0, fmt, ap);
    va_end(ap);
    if (len < 0)
        return PM_ERR_INVALID;
    char *s = malloc((size_t)len + 1);
    if (!s)
        return PM_ERR_NOMEM;
    va_start(ap, fmt);
    vsnprintf(s, (size_t)len + 1, fmt, ap);
    va_end(ap);
    m->items[m->count++] = s;
    return PM_OK;
}

void pm_msgs_free(pm_msgs *m)
{
    for (size_t i = 0; i < m->count; i++)
        free(m->items[i]);
    free(m->items);
    pm_msgs_init(m);
}
