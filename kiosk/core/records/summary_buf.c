/* summary_buf.c — the growable, escaping text buffer the renderers write
 * into (see summary.h). Once an allocation fails the buffer stays failed,
 * so a renderer checks once at the end. */
#include "summary_private.h"

#include <cjson/cJSON.h>
#include <malloc.h>
#include <math.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

/* ------------------------------------------------------------------------ */
/* Growable text buffer                                                      */

static pm_status buf_reserve(summary_buf *b, size_t extra)
{
    if (b->oom)
        return PM_ERR_NOMEM;
    if (extra < b->cap - b->len)
        return PM_OK;
    size_t cap = b->cap ? b->cap : 4096;
    while (cap - b->len <= extra) {
        if (cap > SIZE_MAX / 2) {
            b->oom = true;
            return PM_ERR_NOMEM;
        }
        cap *= 2;
    }
    /* Not realloc: the old block holds the client's text so far and would
     * be freed as it is. A new block, the text copied, the old one wiped. */
    char *data = malloc(cap);
    if (!data) {
        b->oom = true; /* sticky: the caller checks once at the end */
        return PM_ERR_NOMEM;
    }
    if (b->data) {
        memcpy(data, b->data, b->len + 1);
        explicit_bzero(b->data, b->cap);
        free(b->data);
    }
    b->data = data;
    b->cap = cap;
    return PM_OK;
}

pm_status summary_buf_append(summary_buf *b, const char *s, size_t n)
{
    pm_status st = buf_reserve(b, n);
    if (st != PM_OK)
        return st;
    memcpy(b->data + b->len, s, n);
    b->len += n;
    b->data[b->len] = '\0';
    return PM_OK;
}

pm_status summary_buf_printf(summary_buf *b, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(NULL, 0, fmt, ap);
    va_end(ap);
    if (n < 0)
        return PM_ERR_INVALID;
    pm_status st = buf_reserve(b, (size_t)n);
    if (st != PM_OK)
        return st;
    va_start(ap, fmt);
    vsnprintf(b->data + b->len, b->cap - b->len, fmt, ap);
    va_end(ap);
    b->len += (size_t)n;
    return PM_OK;
}

pm_status summary_buf_puts(summary_buf *b, const char *s)
{
    return summary_buf_append(b, s, strlen(s));
}

pm_status summary_buf_escape(summary_buf *b, const char *s)
{
    pm_status st = PM_OK;
    const char *run = s; /* bytes copied as they are, in one go */
    for (const char *p = s;; p++) {
        const char *rep = NULL;
        unsigned char ch = (unsigned char)*p;
        switch (ch) {
        case '&': rep = "&amp;"; break;
        case '<': rep = "&lt;"; break;
        case '>': rep = "&gt;"; break;
        case '"': rep = "&quot;"; break;
        case '\'': rep = "&#39;"; break;
        default:
            /* control characters have no business in a summary: drop them */
            if (ch != 0 && (ch >= 0x20 || ch == '\t' || ch == '\n') && ch != 0x7f)
                continue;
            rep = "";
        }
        if (st == PM_OK)
            st = summary_buf_append(b, run, (size_t)(p - run));
        if (ch == 0)
            return st;
        if (st == PM_OK)
            st = summary_buf_puts(b, rep);
        run = p + 1;
    }
}

void summary_buf_free(summary_buf *b)
{
    if (b->data)
        explicit_bzero(b->data, b->cap);
    free(b->data);
    b->data = NULL;
    b->len = b->cap = 0;
    b->oom = false;
}

/* ------------------------------------------------------------------------ */
/* cJSON's memory                                                            */

static void *json_alloc(size_t n)
{
    return malloc(n);
}

static void json_free(void *p)
{
    if (p) {
        explicit_bzero(p, malloc_usable_size(p));
        free(p);
    }
}

void summary_json_wipes(void)
{
    cJSON_Hooks hooks = {json_alloc, json_free};
    cJSON_InitHooks(&hooks);
}
