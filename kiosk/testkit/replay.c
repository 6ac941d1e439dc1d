/* replay.c — parser for replay scripts (see replay.h). Strict on purpose: a
 * typo in a test script must fail loudly, naming the line, rather than be
 * skipped and leave a test that checks nothing. */
#include "replay.h"

#include <ctype.h>
#include <errno.h>
#include <limits.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

const char *replay_op_name(replay_op op)
{
    switch (op) {
    case RP_TAP: return "tap";
    case RP_HOLD: return "hold";
    case RP_PRESS: return "press";
    case RP_TYPE: return "type";
    case RP_WAIT: return "wait";
    case RP_SHOT: return "shot";
    case RP_EXPECT: return "expect";
    case RP_DRAG: return "drag";
    case RP_FORGOTTEN: return "forgotten";
    case RP_QUIT: return "quit";
    }
    return "?";
}

/* Reads a non-negative decimal integer token; advances *p past it. */
/* The next blank-separated word: *p moves past it; returns its length. */
static size_t read_word(const char **p, const char **word)
{
    const char *s = *p;
    while (*s == ' ' || *s == '\t')
        s++;
    const char *e = s;
    while (*e && *e != ' ' && *e != '\t')
        e++;
    *word = s;
    *p = e;
    return (size_t)(e - s);
}

static int read_int(const char **p, long max, long *out)
{
    const char *s = *p;
    while (*s == ' ' || *s == '\t')
        s++;
    if (!isdigit((unsigned char)*s))
        return -1;
    errno = 0;
    char *end = NULL;
    long v = strtol(s, &end, 10);
    if (errno || v < 0 || v > max)
        return -1;
    if (*end && *end != ' ' && *end != '\t')
        return -1;
    *out = v;
    *p = end;
    return 0;
}

static int only_space(const char *s)
{
    while (*s == ' ' || *s == '\t')
        s++;
    return *s == '\0';
}

pm_status replay_parse_line(const char *line, int lineno, replay_cmd *out, int *empty,
                            pm_msg *err)
{
    char buf[1024];
    size_t n = strlen(line);
    if (n >= sizeof buf) {
        pm_msg_set(err, "line is too long (%zu bytes, at most %zu)", n, sizeof buf - 1);
        return PM_ERR_INVALID;
    }
    memcpy(buf, line, n + 1);
    while (n > 0 && (buf[n - 1] == '\r' || buf[n - 1] == '\n'))
        buf[--n] = '\0';

    const char *s = buf;
    while (*s == ' ' || *s == '\t')
        s++;
    *empty = 0;
    if (*s == '\0' || *s == '#') {
        *empty = 1;
        return PM_OK;
    }
    memset(out, 0, sizeof *out);
    out->line = lineno;

    const char *w = s;
    while (*s && *s != ' ' && *s != '\t')
        s++;
    size_t wl = (size_t)(s - w);
    static const replay_op ops[] = {RP_TAP, RP_PRESS, RP_TYPE, RP_WAIT,
                                    RP_SHOT, RP_EXPECT, RP_DRAG, RP_HOLD, RP_FORGOTTEN, RP_QUIT};
    int found = -1;
    for (size_t i = 0; i < sizeof ops / sizeof ops[0]; i++) {
        const char *name = replay_op_name(ops[i]);
        if (strlen(name) == wl && strncmp(name, w, wl) == 0)
            found = (int)i;
    }
    if (found < 0) {
        pm_msg_set(err, "unknown command '%.*s' (known: tap press type wait shot expect drag hold forgotten "
                   "quit)",
                   (int)(wl > 40 ? 40 : wl), w);
        return PM_ERR_INVALID;
    }
    out->op = ops[found];

    if (out->op == RP_TYPE) {
        /* Exactly one separating space: the rest is the text, verbatim. */
        if (*s == ' ' || *s == '\t')
            s++;
        if (*s == '\0') {
            pm_msg_set(err, "type needs the text to type");
            return PM_ERR_INVALID;
        }
        if (strlen(s) >= REPLAY_ARG_MAX) {
            pm_msg_set(err, "type: text is too long (at most %d bytes)", REPLAY_ARG_MAX - 1);
            return PM_ERR_INVALID;
        }
        strcpy(out->arg, s);
        return PM_OK;
    }

    /* Other commands: strip a trailing " # comment". */
    char *hash = strstr(buf, " #");
    if (!hash)
        hash = strstr(buf, "\t#");
    if (hash)
        *hash = '\0';

    long a = 0, b = 0;
    switch (out->op) {
    case RP_TAP:
        if (read_int(&s, 100000, &a) || read_int(&s, 100000, &b) || !only_space(s)) {
            pm_msg_set(err, "tap needs two whole numbers: tap X Y");
            return PM_ERR_INVALID;
        }
        out->x = (int)a;
        out->y = (int)b;
        return PM_OK;
    case RP_WAIT:
        if (read_int(&s, 24L * 3600 * 1000, &a) || !only_space(s)) {
            pm_msg_set(err, "wait needs milliseconds as a whole number (at most a day): wait MS");
            return PM_ERR_INVALID;
        }
        out->ms = (uint32_t)a;
        return PM_OK;
    case RP_DRAG:
        while (!only_space(s)) {
            if (out->npoints >= REPLAY_MAX_POINTS) {
                pm_msg_set(err, "drag takes at most %d points", REPLAY_MAX_POINTS);
                return PM_ERR_INVALID;
            }
            if (read_int(&s, 100000, &a) || read_int(&s, 100000, &b)) {
                pm_msg_set(err, "drag needs pairs of whole numbers: drag X Y X Y ...");
                return PM_ERR_INVALID;
            }
            out->px[out->npoints] = (int)a;
            out->py[out->npoints] = (int)b;
            out->npoints++;
        }
        if (out->npoints < 2) {
            pm_msg_set(err, "drag needs at least two points: drag X Y X Y ...");
            return PM_ERR_INVALID;
        }
        return PM_OK;
    case RP_HOLD: {
        const char *word;
        size_t len = read_word(&s, &word);
        if (len == 0 || len >= REPLAY_ARG_MAX || read_int(&s, 600000, &a) || !only_space(s)) {
            pm_msg_set(err, "hold needs a widget id and milliseconds (at most 600000): hold ID MS");
            return PM_ERR_INVALID;
        }
        memcpy(out->arg, word, len);
        out->arg[len] = '\0';
        out->ms = (uint32_t)a;
        return PM_OK;
    }
    case RP_FORGOTTEN: {
        const char *word;
        size_t len = read_word(&s, &word);
        bool hex = len >= 2 && len % 2 == 0 && len < REPLAY_ARG_MAX && only_space(s);
        for (size_t i = 0; hex && i < len; i++)
            hex = (word[i] >= '0' && word[i] <= '9') || (word[i] >= 'a' && word[i] <= 'f');
        if (!hex) {
            pm_msg_set(err, "forgotten needs the text in lower-case hex digits: forgotten 5a6f65");
            return PM_ERR_INVALID;
        }
        memcpy(out->arg, word, len);
        out->arg[len] = '\0';
        return PM_OK;
    }
    case RP_QUIT:
        if (!only_space(s)) {
            pm_msg_set(err, "quit takes nothing after it");
            return PM_ERR_INVALID;
        }
        return PM_OK;
    case RP_PRESS:
    case RP_SHOT:
    case RP_EXPECT: {
        const char *word;
        size_t len = read_word(&s, &word);
        if (len == 0 || !only_space(s)) {
            pm_msg_set(err, "%s needs exactly one word: %s %s", replay_op_name(out->op),
                       replay_op_name(out->op),
                       out->op == RP_PRESS ? "ID" : out->op == RP_SHOT ? "FILE.png" : "SCREEN");
            return PM_ERR_INVALID;
        }
        if (len >= REPLAY_ARG_MAX) {
            pm_msg_set(err, "%s: argument is too long", replay_op_name(out->op));
            return PM_ERR_INVALID;
        }
        memcpy(out->arg, word, len);
        out->arg[len] = '\0';
        if (out->op == RP_SHOT) {
            if (len < 5 || strcmp(out->arg + len - 4, ".png") != 0) {
                pm_msg_set(err, "shot needs a file name ending in .png");
                return PM_ERR_INVALID;
            }
        }
        return PM_OK;
    }
    case RP_TYPE:
        break;
    }
    return PM_ERR_INVALID;
}

pm_status replay_parse(const char *text, replay_script *out, int *err_line, pm_msg *err)
{
    out->cmds = NULL;
    out->count = 0;
    size_t cap = 0;
    int lineno = 0;
    const char *p = text;
    while (*p) {
        lineno++;
        const char *nl = strchr(p, '\n');
        size_t len = nl ? (size_t)(nl - p) : strlen(p);
        char line[1024];
        if (len >= sizeof line) {
            *err_line = lineno;
            pm_msg_set(err, "line is too long (%zu bytes, at most %zu)", len, sizeof line - 1);
            replay_free(out);
            return PM_ERR_INVALID;
        }
        memcpy(line, p, len);
        line[len] = '\0';
        replay_cmd cmd;
        int empty = 0;
        pm_status st = replay_parse_line(line, lineno, &cmd, &empty, err);
        if (st != PM_OK) {
            *err_line = lineno;
            replay_free(out);
            return st;
        }
        if (!empty) {
            if (out->count == cap) {
                size_t ncap = cap ? cap * 2 : 32;
                replay_cmd *n = realloc(out->cmds, ncap * sizeof *n);
                if (!n) {
                    *err_line = lineno;
                    pm_msg_set(err, "out of memory reading the script");
                    replay_free(out);
                    return PM_ERR_NOMEM;
                }
                out->cmds = n;
                cap = ncap;
            }
            out->cmds[out->count++] = cmd;
        }
        p = nl ? nl + 1 : p + len;
    }
    return PM_OK;
}

void replay_free(replay_script *s)
{
    free(s->cmds);
    s->cmds = NULL;
    s->count = 0;
}
