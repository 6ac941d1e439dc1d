/* state_check.c — see state_check.h. Reads the folder with plain POSIX
 * calls (not through the store), so a bug in the store cannot hide itself. */
#include "state_check.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "config.h"
#include "pin.h"
#include "retention.h"
#include "summary.h"

char *sc_read_file(const char *path, size_t *len)
{
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return NULL;
    size_t cap = 8192, n = 0;
    char *buf = malloc(cap);
    while (buf) {
        if (cap - n < 2) {
            char *more = realloc(buf, cap * 2);
            if (!more) {
                free(buf);
                buf = NULL;
                break;
            }
            buf = more;
            cap *= 2;
        }
        ssize_t r = read(fd, buf + n, cap - n - 1);
        if (r < 0 && errno == EINTR)
            continue;
        if (r < 0) {
            free(buf);
            buf = NULL;
            break;
        }
        if (r == 0)
            break;
        n += (size_t)r;
    }
    close(fd);
    if (buf) {
        buf[n] = '\0';
        if (len)
            *len = n;
    }
    return buf;
}

typedef struct {
    const sc_opts *o;
    sc_result *r;
} ctx;

seal_secret *sc_unlock(const char *config_path, const char *passphrase)
{
    pm_config cfg;
    pm_msgs m;
    pm_msgs_init(&m);
    config_load(config_path, &cfg, &m);
    pm_msgs_free(&m);
    seal_public pk;
    seal_keybox kb;
    seal_secret *sk = NULL;
    pm_msg err = {{0}};
    if (seal_ready(&err) != PM_OK || !config_seals(&cfg)
        || seal_public_parse(cfg.intake_public_key, &pk, &err) != PM_OK
        || seal_keybox_parse(cfg.intake_secret_key, &kb, &err) != PM_OK
        || seal_unlock(&kb, &pk, passphrase, &sk, &err) != PM_OK) {
        fprintf(stderr, "state: cannot unlock the key of %s: %s\n", config_path,
                err.text[0] ? err.text : "no intake key lines");
        return NULL;
    }
    return sk;
}

static void problem(ctx *x, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void problem(ctx *x, const char *fmt, ...)
{
    FILE *out = x->o->out ? x->o->out : stderr;
    va_list ap;
    va_start(ap, fmt);
    fprintf(out, "%s%sstate: ", x->o->what ? x->o->what : "", x->o->what ? ": " : "");
    vfprintf(out, fmt, ap);
    fputc('\n', out);
    va_end(ap);
    x->r->problems++;
}

/* dir/name[ext] into out; false when it does not fit. */
static bool join(char *out, size_t size, const char *dir, const char *name, const char *ext)
{
    int n = snprintf(out, size, "%s/%s%s", dir, name, ext ? ext : "");
    return n > 0 && (size_t)n < size;
}

static bool ends_with(const char *s, const char *tail)
{
    size_t n = strlen(s), t = strlen(tail);
    return n >= t && strcmp(s + n - t, tail) == 0;
}

static bool exists(const char *dir, const char *stem, const char *ext)
{
    char path[4096];
    struct stat st;
    return join(path, sizeof path, dir, stem, ext) && stat(path, &st) == 0 && S_ISREG(st.st_mode);
}

/* A record's or page's text, opened when sealed. */
static char *intake_text(ctx *x, const char *path, size_t *len)
{
    char *text = sc_read_file(path, len);
    if (!text)
        return NULL;
    if (!seal_is_sealed(text, *len)) {
        if (x->o->require_sealed)
            problem(x, "%s is not sealed: its client text is on the disk", path);
        return text;
    }
    if (!x->o->key) {
        problem(x, "%s is sealed and no key was given to check it", path);
        free(text);
        return NULL;
    }
    char *plain = malloc(*len);
    pm_msg err = {{0}};
    size_t n = 0;
    if (!plain || seal_open(x->o->key, text, *len, (unsigned char *)plain, &n, &err) != PM_OK) {
        problem(x, "%s (%zu bytes) does not open: %s", path, *len, err.text);
        free(plain);
        free(text);
        return NULL;
    }
    free(text);
    *len = n;
    return plain;
}

/* A record: parses against the content, and its time matches its name. */
static bool record_ok(ctx *x, const pm_content *c, const char *dir, const char *name)
{
    char path[4096];
    if (!join(path, sizeof path, dir, name, NULL)) {
        problem(x, "%s/%s: path too long", dir, name);
        return false;
    }
    size_t len = 0;
    errno = 0;
    char *text = intake_text(x, path, &len);
    if (!text) {
        if (errno)
            problem(x, "%s cannot be read: %s", path, strerror(errno));
        return false;
    }
    bool ok = true;
    if (strlen(text) != len) {
        problem(x, "%s holds a NUL byte (a torn write?)", path);
        ok = false;
    }
    intake *in = malloc(sizeof *in);
    pm_msg err = {{0}};
    int64_t saved_at = 0;
    if (ok && in && summary_parse_json(c, text, in, &saved_at, &err) != PM_OK) {
        problem(x, "%s is not a valid intake (%zu bytes): %s", path, len, err.text);
        ok = false;
    }
    if (ok && in) {
        char want[32];
        time_t t = (time_t)saved_at;
        struct tm tm;
        if (!gmtime_r(&t, &tm) || strftime(want, sizeof want, "%Y%m%d-%H%M%S", &tm) == 0 ||
            strncmp(name, want, strlen(want)) != 0) {
            problem(x, "%s: saved_at %lld does not match its name", path, (long long)saved_at);
            ok = false;
        }
    }
    free(in);
    free(text);
    return ok;
}

static bool page_ok(ctx *x, const char *dir, const char *name)
{
    char path[4096];
    if (!join(path, sizeof path, dir, name, NULL)) {
        problem(x, "%s/%s: path too long", dir, name);
        return false;
    }
    size_t len = 0;
    errno = 0;
    char *text = intake_text(x, path, &len);
    if (!text) {
        if (errno)
            problem(x, "%s cannot be read: %s", path, strerror(errno));
        return false;
    }
    bool ok = strncmp(text, "<!DOCTYPE html>", 15) == 0 && strstr(text, "</html>") &&
              strlen(text) == len;
    /* only white space after the closing tag */
    const char *end = ok ? strstr(text, "</html>") + 7 : NULL;
    while (end && *end && (*end == '\n' || *end == '\r' || *end == ' '))
        end++;
    if (!ok || (end && *end)) {
        problem(x, "%s is not a complete page (%zu bytes)", path, len);
        ok = false;
    }
    free(text);
    return ok;
}

/* Every "painmap: saved PATH.json" line of the log names a whole record. */
static void check_log(ctx *x, const pm_content *c)
{
    const char *p = x->o->saved_log;
    static const char saved[] = "painmap: saved ", failed[] = "painmap: save failed";
    while (p && *p) {
        const char *eol = strchr(p, '\n');
        size_t n = eol ? (size_t)(eol - p) : strlen(p);
        if (n > sizeof saved - 1 && strncmp(p, saved, sizeof saved - 1) == 0) {
            char path[4096];
            size_t m = n - (sizeof saved - 1);
            if (m >= sizeof path)
                m = sizeof path - 1;
            memcpy(path, p + sizeof saved - 1, m);
            path[m] = '\0';
            char *sp = strstr(path, ".json");
            if (sp)
                sp[5] = '\0';
            x->r->logged++;
            char *slash = strrchr(path, '/');
            struct stat st;
            if (!sp || !slash) {
                problem(x, "log line not understood: %.*s", (int)n, p);
            } else if (stat(path, &st) != 0) {
                problem(x, "%s was reported saved but is not there", path);
            } else {
                *slash = '\0';
                /* record_ok checks it again when the folder is listed; here
                 * only that the one the log names is whole. */
                if (!record_ok(x, c, path, slash + 1))
                    problem(x, "%s/%s was reported saved but is damaged", path, slash + 1);
            }
        } else if (n >= sizeof failed - 1 && strncmp(p, failed, sizeof failed - 1) == 0) {
            x->r->failed_logged++;
        }
        p = eol ? eol + 1 : NULL;
    }
}

int sc_check(const pm_content *c, const char *state_dir, const sc_opts *o, sc_result *r)
{
    memset(r, 0, sizeof *r);
    ctx x = {o, r};
    char dir[4096];
    snprintf(dir, sizeof dir, "%s/intakes", state_dir);
    check_log(&x, c);
    DIR *d = opendir(dir);
    if (!d) {
        if (errno != ENOENT)
            problem(&x, "%s cannot be listed: %s", dir, strerror(errno));
        return r->problems;
    }
    struct dirent *e;
    while ((e = readdir(d))) {
        const char *name = e->d_name;
        if (strcmp(name, ".") == 0 || strcmp(name, "..") == 0)
            continue;
        if (strncmp(name, ".tmp-", 5) == 0) {
            r->temps++;
            if (!o->allow_temps)
                problem(&x, "temporary file left behind: %s/%s", dir, name);
            continue;
        }
        /* the kiosk's own bookkeeping beside the intakes */
        if (strcmp(name, RETENTION_TRUST_FILE) == 0 || strcmp(name, PIN_GUARD_FILE) == 0)
            continue;
        char stem[256];
        size_t n = strlen(name);
        const char *dot = strrchr(name, '.');
        if (!dot || dot == name || (size_t)(dot - name) >= sizeof stem) {
            problem(&x, "unexpected file %s/%s", dir, name);
            continue;
        }
        memcpy(stem, name, (size_t)(dot - name));
        stem[dot - name] = '\0';
        if (ends_with(name, ".json")) {
            if (record_ok(&x, c, dir, name))
                r->records++;
            if (!exists(dir, stem, ".html")) {
                r->missing_pages++;
                if (o->require_pages)
                    problem(&x, "%s/%s has no page %s.html", dir, name, stem);
            }
        } else if (ends_with(name, ".html")) {
            if (page_ok(&x, dir, name))
                r->pages++;
            if (!exists(dir, stem, ".json"))
                problem(&x, "page %s/%s has no record %s.json", dir, name, stem);
        } else if (ends_with(name, ".seen") || ends_with(name, ".exported")) {
            r->markers++;
        } else {
            problem(&x, "unexpected file %s/%s (%zu)", dir, name, n);
        }
    }
    closedir(d);
    return r->problems;
}
