/* export.c — verified copies of intakes on a USB stick (see export.h).
 *
 * Why it is built this way:
 * - A USB stick lies easily: a write can sit in the page cache, the stick
 *   can be pulled at any moment, a cheap stick can return other bytes than
 *   it was given. So each file is written, fsync'ed, its cached pages are
 *   dropped, and it is read back and compared; the folder and the stick's
 *   top folder are fsync'ed at the end; and only then is an intake marked
 *   exported on the kiosk. A failure at any point leaves the intake new, so
 *   it is offered again: never "exported" without a complete copy.
 * - Files are created with O_EXCL in a new dated folder, so an export never
 *   overwrites anything on the stick (a second export in the same second
 *   gets "-2").
 * - Once the stick has gone (or turned read-only) the remaining files are
 *   not attempted but reported as not written, so a pulled stick does not
 *   cost a timeout per file.
 * - Steps of one file each keep the UI responsive: it draws a progress bar
 *   between steps. */
#include "export.h"
#include "posix_io.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/statvfs.h>
#include <time.h>
#include <unistd.h>

#include "config.h"
#include "fhir.h"
#include "queue.h"
#include "summary.h"

#define EXPORT_DIR_MODE 0700
#define EXPORT_FILE_MODE 0600
#define QUESTIONNAIRE_NAME "questionnaire.fhir.json"
#define INDEX_NAME "index.html"

/* ------------------------------------------------------------------------ */
/* The real calls                                                            */

static int px_forget(void *ctx, int fd)
{
    (void)ctx;
    int e = posix_fadvise(fd, 0, 0, POSIX_FADV_DONTNEED);
    if (e) {
        errno = e;
        return -1;
    }
    return 0;
}

static int px_probe(void *ctx, const char *path, export_stick *out)
{
    (void)ctx;
    struct stat st, up;
    char parent[EXPORT_PATH_MAX + 4];
    memset(out, 0, sizeof *out);
    if (stat(path, &st) != 0)
        return -1;
    if (!S_ISDIR(st.st_mode)) {
        errno = ENOTDIR;
        return -1;
    }
    snprintf(parent, sizeof parent, "%s/..", path);
    if (stat(parent, &up) != 0)
        return -1;
    /* a mount point: its device differs from its parent's (or it is "/") */
    out->present = st.st_dev != up.st_dev || st.st_ino == up.st_ino;
    struct statvfs vfs;
    if (statvfs(path, &vfs) == 0) {
        out->free_bytes = (uint64_t)vfs.f_bavail * vfs.f_frsize;
        out->total_bytes = (uint64_t)vfs.f_blocks * vfs.f_frsize;
        out->read_only = (vfs.f_flag & ST_RDONLY) != 0;
    }
    if (access(path, W_OK) != 0)
        out->read_only = true;
    return 0;
}

/* The real calls; the two tables differ only in how a stick is recognised. */
#define POSIX_EXPORT_IO(probe_fn)                                                            \
    {                                                                                        \
        .open = posix_io_open, .write = posix_io_write, .read = posix_io_read,               \
        .fsync = posix_io_fsync, .close = posix_io_close, .mkdir = posix_io_mkdir,           \
        .unlink = posix_io_unlink, .forget = px_forget, .probe = (probe_fn), .ctx = NULL,    \
    }

static const export_io posix_io = POSIX_EXPORT_IO(px_probe);

const export_io *export_io_posix(void)
{
    return &posix_io;
}

static int px_probe_any(void *ctx, const char *path, export_stick *out)
{
    int r = px_probe(ctx, path, out);
    if (r == 0)
        out->present = true;
    return r;
}

static const export_io any_folder_io = POSIX_EXPORT_IO(px_probe_any);

const export_io *export_io_any_folder(void)
{
    return &any_folder_io;
}

/* ------------------------------------------------------------------------ */
/* Failures, as sentences                                                    */

typedef enum { GONE_NO, GONE_REMOVED, GONE_READONLY } gone_kind;

/* A stick pulled out mid-copy answers with any of these: "not found", as
 * for a folder that is not there; else what the errno says. */
static pm_status status_of(int e)
{
    switch (e) {
    case ENODEV:
    case ENXIO:
    case EIO:
    case ESHUTDOWN:
    case ENOMEDIUM:
    case EBADF:
        return PM_ERR_NOT_FOUND;
    default:
        return pm_status_of_errno(e);
    }
}

static const char *reason_of(pm_status st)
{
    switch (st) {
    case PM_ERR_FULL:
        return "the USB stick is full";
    case PM_ERR_READONLY:
        return "the USB stick refuses writes (is its lock switch on?)";
    case PM_ERR_NOT_FOUND:
        return "the USB stick was removed or stopped answering";
    default:
        return "the USB stick reported an error";
    }
}

pm_status export_probe(const export_io *io, const char *mount, export_stick *out, pm_msg *msg)
{
    export_stick tmp;
    if (!out)
        out = &tmp;
    memset(out, 0, sizeof *out);
    if (!io)
        io = export_io_posix();
    if (!mount || io->probe(io->ctx, mount, out) != 0 || !out->present) {
        out->present = false;
        pm_msg_set(msg, "No USB stick found. Insert a USB stick (FAT or exFAT) and wait a few "
                        "seconds.");
        return PM_ERR_NOT_FOUND;
    }
    if (out->read_only) {
        pm_msg_set(msg, "The USB stick cannot be written to. If it has a lock switch, slide it "
                        "to unlocked; otherwise try another stick.");
        return PM_ERR_READONLY;
    }
    pm_msg_set(msg, "USB stick ready: %.1f GB free.", (double)out->free_bytes / 1e9);
    return PM_OK;
}

/* ------------------------------------------------------------------------ */
/* The job                                                                   */

typedef enum { PHASE_QUESTIONNAIRE, PHASE_ITEMS, PHASE_INDEX, PHASE_DONE } phase;

typedef enum { DOC_JSON, DOC_HTML, DOC_FHIR } doc_kind;

struct export_job {
    store *s;
    const pm_content *c;
    const export_io *io;
    int64_t now;
    unsigned formats;
    int lang;
    char mount[EXPORT_PATH_MAX];
    char clinic[CONFIG_CLINIC_MAX];
    export_report rep;
    char *questionnaire;    /* rendered at begin when fhir is on */
    phase ph;
    size_t item, file;      /* cursor: item, and file within it */
    doc_kind kinds[EXPORT_FILES_PER_INTAKE];
    size_t nkinds;
    char *docs[EXPORT_FILES_PER_INTAKE]; /* the current item's files */
    bool prepared;
    size_t done, total;
    pm_status first_fail;
    gone_kind gone;
    intake *in;             /* scratch for parsing, wiped after each item */
};

static void note_fail(export_job *j, pm_status st)
{
    if (j->first_fail == PM_OK)
        j->first_fail = st;
}

static int write_all(const export_io *io, int fd, const char *data, size_t len)
{
    while (len > 0) {
        ssize_t n = io->write(io->ctx, fd, data, len);
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0)
            return -1;
        if (n == 0) {
            errno = EIO;
            return -1;
        }
        data += n;
        len -= (size_t)n;
    }
    return 0;
}

/* Reads fd to its end, comparing with data. 0 when identical; -1 with errno
 * on a read error; -2 when the bytes differ. */
static int read_compare(const export_io *io, int fd, const char *data, size_t len)
{
    char buf[8192];
    size_t at = 0;
    for (;;) {
        ssize_t n = io->read(io->ctx, fd, buf, sizeof buf);
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0)
            return -1;
        if (n == 0)
            break;
        if (at + (size_t)n > len || memcmp(buf, data + at, (size_t)n) != 0)
            return -2;
        at += (size_t)n;
    }
    return at == len ? 0 : -2;
}

/* Writes, syncs, reads back and compares one file. f gets the outcome. */
static void put_file(export_job *j, const char *name, const char *data, export_file *f)
{
    const export_io *io = j->io;
    char path[EXPORT_PATH_MAX + EXPORT_FILE_NAME_MAX + 2];
    if (name != f->name)
        snprintf(f->name, sizeof f->name, "%s", name);
    f->ok = false;
    j->done++;
    if (j->gone != GONE_NO) {
        snprintf(f->problem, sizeof f->problem, "not written: %s",
                 reason_of(j->gone == GONE_READONLY ? PM_ERR_READONLY : PM_ERR_NOT_FOUND));
        return;
    }
    if (!data) { /* it could not be made; the caller may have said why */
        note_fail(j, PM_ERR_IO);
        if (!f->problem[0])
            snprintf(f->problem, sizeof f->problem, "not written: it could not be made");
        return;
    }
    f->problem[0] = '\0';
    snprintf(path, sizeof path, "%s/%s", j->rep.folder, name);
    size_t len = strlen(data);
    const char *step = "creating";
    bool created = false, differs = false;
    int e = 0;
    int fd = io->open(io->ctx, path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, EXPORT_FILE_MODE);
    if (fd < 0) {
        e = errno;
    } else {
        created = true;
        int r = write_all(io, fd, data, len);
        step = "writing";
        if (r == 0) {
            step = "syncing";
            do
                r = io->fsync(io->ctx, fd);
            while (r != 0 && errno == EINTR);
        }
        if (r != 0) {
            e = errno;
            (void)io->close(io->ctx, fd);
        } else {
            step = "closing";
            r = io->close(io->ctx, fd);
            if (r != 0 && errno != EINTR)
                e = errno;
        }
    }
    if (created && e == 0) {
        step = "reading back";
        fd = io->open(io->ctx, path, O_RDONLY | O_CLOEXEC, 0);
        if (fd < 0) {
            e = errno;
        } else {
            (void)io->forget(io->ctx, fd); /* best effort: then the check reads the cache */
            int r = read_compare(io, fd, data, len);
            if (r == -1)
                e = errno;
            differs = r == -2;
            (void)io->close(io->ctx, fd);
        }
    }
    if (e == 0 && !differs) {
        f->ok = true;
        return;
    }
    pm_status st = differs ? PM_ERR_IO : status_of(e);
    note_fail(j, st);
    if (st == PM_ERR_NOT_FOUND)
        j->gone = GONE_REMOVED;
    else if (st == PM_ERR_READONLY)
        j->gone = GONE_READONLY;
    bool left = created && io->unlink(io->ctx, path) != 0 && errno != ENOENT;
    if (differs)
        snprintf(f->problem, sizeof f->problem,
                 "NOT on the stick: the copy read back differs from the original (the stick "
                 "may be failing; use another one)%s",
                 left ? "; a damaged copy may be left on the stick: delete it" : "");
    else
        snprintf(f->problem, sizeof f->problem, "NOT on the stick: %s (%s: %s)%s", reason_of(st),
                 step, strerror(e),
                 left ? "; a partial copy may be left on the stick: delete it" : "");
}

static void free_docs(export_job *j)
{
    for (size_t k = 0; k < EXPORT_FILES_PER_INTAKE; k++) {
        if (j->docs[k]) {
            explicit_bzero(j->docs[k], strlen(j->docs[k]));
            free(j->docs[k]);
        }
        j->docs[k] = NULL;
    }
    j->prepared = false;
    intake_wipe(j->in);
}

static const char *doc_ext(doc_kind k)
{
    return k == DOC_JSON ? "json" : k == DOC_HTML ? "html" : "fhir.json";
}

/* Reads and renders the current item's files; sets per-file problems for
 * those that cannot be made. */
static void prepare_item(export_job *j)
{
    export_item *it = &j->rep.items[j->item];
    pm_msg err;
    char name[STORE_STEM_MAX + 16];
    it->nfiles = j->nkinds;
    for (size_t k = 0; k < j->nkinds; k++)
        snprintf(it->files[k].name, sizeof it->files[k].name, "%s.%s", it->stem,
                 doc_ext(j->kinds[k]));
    snprintf(name, sizeof name, "%s.json", it->stem);
    char *json = NULL;
    pm_status st = store_read(j->s, name, &json, NULL, &err);
    if (st != PM_OK) {
        snprintf(it->problem, sizeof it->problem, "could not be read on the kiosk: %.250s",
                 err.text);
        for (size_t k = 0; k < j->nkinds; k++)
            snprintf(it->files[k].problem, sizeof it->files[k].problem,
                     "not written: the intake could not be read on the kiosk");
        j->prepared = true;
        return;
    }
    int64_t saved = it->saved_at;
    bool parsed = summary_parse_json(j->c, json, j->in, &saved, &err) == PM_OK;
    if (parsed) {
        it->saved_at = saved;
        snprintf(it->client, sizeof it->client, "%s", j->in->name);
        it->nregions = j->in->nmarks;
        it->worst = intake_worst_flag(j->in, j->c);
    } else {
        it->worst = FLAG_ATTENTION;
        snprintf(it->problem, sizeof it->problem, "cannot be read by this kiosk's content: %.250s",
                 err.text);
    }
    for (size_t k = 0; k < j->nkinds; k++) {
        export_file *f = &it->files[k];
        switch (j->kinds[k]) {
        case DOC_JSON:
            j->docs[k] = json;
            json = NULL;
            break;
        case DOC_HTML:
            snprintf(name, sizeof name, "%s.html", it->stem);
            st = store_read(j->s, name, &j->docs[k], NULL, &err);
            /* a page that is missing, or is not a plain file (refused, never
             * copied), is made again from the record */
            if ((st == PM_ERR_NOT_FOUND || st == PM_ERR_REFUSED) && parsed)
                st = summary_render_html(j->c, j->in, it->saved_at, j->lang, &j->docs[k]);
            if (st != PM_OK)
                snprintf(f->problem, sizeof f->problem, "not written: the page could not be %s",
                         parsed ? "read or made on the kiosk" : "made (the record is unreadable)");
            break;
        case DOC_FHIR:
            if (!parsed) {
                snprintf(f->problem, sizeof f->problem,
                         "not written: the FHIR file needs a readable record");
                break;
            }
            if (fhir_render_response(j->c, j->in, it->saved_at, it->stem, j->lang, &j->docs[k])
                != PM_OK) {
                snprintf(f->problem, sizeof f->problem,
                         "not written: the FHIR file could not be made (out of memory?)");
                break;
            }
            pm_msgs probs;
            pm_msgs_init(&probs);
            if (fhir_check(j->questionnaire, j->docs[k], &probs) > 0) {
                snprintf(f->problem, sizeof f->problem,
                         "not written: the FHIR file failed its own check (a bug; please "
                         "report it): %.200s",
                         probs.count ? probs.items[0] : "");
                free(j->docs[k]);
                j->docs[k] = NULL;
            }
            pm_msgs_free(&probs);
            break;
        }
    }
    if (json) {
        explicit_bzero(json, strlen(json));
        free(json);
    }
    j->prepared = true;
}

static void finish_item(export_job *j)
{
    export_item *it = &j->rep.items[j->item];
    bool all = it->nfiles > 0;
    for (size_t k = 0; k < it->nfiles; k++)
        all = all && it->files[k].ok;
    bool needs_q = j->formats & CONFIG_EXPORT_FHIR;
    if (all && needs_q && !j->rep.questionnaire.ok) {
        all = false;
        snprintf(it->problem, sizeof it->problem,
                 "its FHIR file needs %s, which did not make it", QUESTIONNAIRE_NAME);
    }
    it->complete = all;
    if (!all && !it->problem[0]) {
        for (size_t k = 0; k < it->nfiles && !it->problem[0]; k++)
            if (!it->files[k].ok) {
                /* a long reason is cut short on purpose: the name matters most */
                int n = snprintf(it->problem, sizeof it->problem, "%s: %s", it->files[k].name,
                                 it->files[k].problem);
                (void)n;
            }
    }
    free_docs(j);
}

/* ------------------------------------------------------------------------ */
/* The index page                                                            */

static void when_text(int64_t t, char *out, size_t size)
{
    time_t tt = (time_t)t;
    struct tm tm;
    if (t <= 0 || !gmtime_r(&tt, &tm) || !strftime(out, size, "%Y-%m-%d %H:%M UTC", &tm))
        snprintf(out, size, "?");
}

/* "html", "json", "fhir.json": what a file of an intake is. */
static const char *file_kind(const char *name)
{
    const char *dot = strchr(name, '.');
    return dot ? dot + 1 : name;
}

static char *render_index(export_job *j)
{
    summary_buf b = { 0 };
    char when[48];
    when_text(j->now, when, sizeof when);
    summary_buf_printf(&b, "<!DOCTYPE html>\n<html lang=\"%s\"><head><meta charset=\"utf-8\">"
                           "<title>Painmap export ",
                       j->lang >= 0 ? content_lang_code(j->c, (size_t)j->lang) : "en");
    summary_buf_escape(&b, j->rep.folder_name);
    summary_buf_printf(&b,
                       "</title><style>body{font-family:sans-serif;margin:2em}"
                       "table{border-collapse:collapse}td,th{border:1px solid #999;padding:.3em .6em;"
                       "text-align:left}.urgent{background:#c62828;color:#fff}.attention{"
                       "background:#f9a825}.bad{color:#c62828}</style></head><body>\n<h1>");
    if (j->clinic[0]) {
        summary_buf_escape(&b, j->clinic);
        summary_buf_printf(&b, " &mdash; ");
    }
    summary_buf_printf(&b, "Painmap export</h1>\n<p>Exported %s. %zu intake%s.", when,
                       j->rep.count, j->rep.count == 1 ? "" : "s");
    if (j->rep.has_questionnaire)
        summary_buf_printf(&b, " FHIR Questionnaire: <a href=\"%s\">%s</a>.", QUESTIONNAIRE_NAME,
                           QUESTIONNAIRE_NAME);
    summary_buf_printf(&b, "</p>\n<table><tr><th>Saved</th><th>Name</th><th>Regions</th>"
                           "<th>Safety</th><th>Files</th></tr>\n");
    for (size_t i = 0; i < j->rep.count; i++) {
        const export_item *it = &j->rep.items[i];
        when_text(it->saved_at, when, sizeof when);
        summary_buf_printf(&b, "<tr><td>%s</td><td>", when);
        summary_buf_escape(&b, it->client[0] ? it->client : "(no name)");
        if (it->nregions >= 0)
            summary_buf_printf(&b, "</td><td>%d</td>", it->nregions);
        else
            summary_buf_printf(&b, "</td><td>?</td>");
        if (it->worst == FLAG_NONE)
            summary_buf_printf(&b, "<td>&ndash;</td><td>");
        else
            summary_buf_printf(&b, "<td class=\"%s\">%s</td><td>", summary_flag_name(it->worst),
                               summary_flag_name(it->worst));
        for (size_t k = 0; k < it->nfiles; k++) {
            const export_file *f = &it->files[k];
            if (f->ok) {
                summary_buf_printf(&b, "<a href=\"");
                summary_buf_escape(&b, f->name);
                summary_buf_printf(&b, "\">");
                summary_buf_escape(&b, file_kind(f->name));
                summary_buf_printf(&b, "</a> ");
            } else {
                summary_buf_printf(&b, "<span class=\"bad\">");
                summary_buf_escape(&b, file_kind(f->name));
                summary_buf_printf(&b, " missing</span> ");
            }
        }
        summary_buf_printf(&b, "</td></tr>\n");
    }
    summary_buf_printf(&b, "</table>\n<p>Times are UTC. These files hold health information: "
                           "keep the stick safe and delete them once imported.</p>\n"
                           "</body></html>\n");
    if (b.oom) {
        summary_buf_free(&b);
        return NULL;
    }
    return b.data;
}

/* ------------------------------------------------------------------------ */
/* Begin, step, finish                                                       */

static void job_free(export_job *j)
{
    if (!j)
        return;
    free_docs(j);
    free(j->in);
    free(j->questionnaire);
    export_report_free(&j->rep);
    free(j);
}

pm_status export_begin(store *s, const pm_content *c, const export_opts *o,
                       const char *const *stems, size_t nstems, export_job **out, pm_msg *msg)
{
    *out = NULL;
    if (!s || !c || !o || !o->mount) {
        pm_msg_set(msg, "export_begin: missing store, content or options");
        return PM_ERR_INVALID;
    }
    const export_io *io = o->io ? o->io : export_io_posix();
    export_stick stick;
    pm_status st = export_probe(io, o->mount, &stick, msg);
    if (st != PM_OK)
        return st;

    store_stems v = { 0 };
    if (stems && nstems) {
        for (size_t i = 0; i < nstems; i++)
            if (stems[i])
                store_stems_add(&v, stems[i]);
    } else {
        store_stems all;
        pm_status r = store_list_stems(s, &all);
        if (r != PM_OK) {
            pm_msg_set(msg, "Cannot list the saved intakes on the kiosk (%s); restart the "
                            "kiosk and try again",
                       pm_status_name(r));
            return r;
        }
        for (size_t i = 0; i < all.n; i++) {
            int64_t t;
            if (!queue_marker_time(s, all.stems[i], "exported", &t))
                store_stems_add(&v, all.stems[i]);
        }
        store_stems_free(&all);
    }
    if (v.oom) {
        store_stems_free(&v);
        pm_msg_set(msg, "Cannot export: out of memory");
        return PM_ERR_NOMEM;
    }
    if (v.n == 0) {
        store_stems_free(&v);
        pm_msg_set(msg, "Nothing to export: every intake has been exported already.");
        return PM_ERR_STATE;
    }

    export_job *j = calloc(1, sizeof *j);
    if (j) {
        j->in = malloc(sizeof *j->in);
        j->rep.items = calloc(v.n, sizeof *j->rep.items);
    }
    if (!j || !j->in || !j->rep.items) {
        job_free(j);
        store_stems_free(&v);
        pm_msg_set(msg, "Cannot export: out of memory");
        return PM_ERR_NOMEM;
    }
    intake_init(j->in, "en");
    j->s = s;
    j->c = c;
    j->io = io;
    j->now = o->now;
    j->formats = o->formats & CONFIG_EXPORT_ALL ? o->formats & CONFIG_EXPORT_ALL : CONFIG_EXPORT_ALL;
    j->lang = o->staff_lang >= 0 && (size_t)o->staff_lang < content_lang_count(c) ? o->staff_lang : 0;
    snprintf(j->mount, sizeof j->mount, "%s", o->mount);
    snprintf(j->clinic, sizeof j->clinic, "%s", o->clinic_name ? o->clinic_name : "");
    if (j->formats & CONFIG_EXPORT_JSON)
        j->kinds[j->nkinds++] = DOC_JSON;
    if (j->formats & CONFIG_EXPORT_HTML)
        j->kinds[j->nkinds++] = DOC_HTML;
    if (j->formats & CONFIG_EXPORT_FHIR)
        j->kinds[j->nkinds++] = DOC_FHIR;
    j->rep.count = v.n;
    for (size_t i = 0; i < v.n; i++) {
        export_item *it = &j->rep.items[i];
        snprintf(it->stem, sizeof it->stem, "%s", v.stems[i]);
        it->nregions = -1;
        if (!queue_stem_time(it->stem, &it->saved_at))
            it->saved_at = 0;
    }
    store_stems_free(&v);

    if (j->formats & CONFIG_EXPORT_FHIR) {
        j->rep.has_questionnaire = true;
        if (fhir_render_questionnaire(c, j->lang, &j->questionnaire) != PM_OK) {
            job_free(j);
            pm_msg_set(msg, "Cannot export: out of memory");
            return PM_ERR_NOMEM;
        }
    }

    /* the dated folder */
    char base[40];
    time_t tt = (time_t)o->now;
    struct tm tm;
    if (o->now < 0 || !gmtime_r(&tt, &tm)
        || !strftime(base, sizeof base, "painmap-export-%Y%m%d-%H%M%S", &tm)) {
        job_free(j);
        pm_msg_set(msg, "Cannot export: the kiosk's clock gives a bad time (%lld)",
                   (long long)o->now);
        return PM_ERR_INVALID;
    }
    int e = EEXIST;
    for (int n = 1; n <= 20 && e == EEXIST; n++) {
        if (n == 1)
            snprintf(j->rep.folder_name, sizeof j->rep.folder_name, "%s", base);
        else
            snprintf(j->rep.folder_name, sizeof j->rep.folder_name, "%s-%d", base, n);
        int len = snprintf(j->rep.folder, sizeof j->rep.folder, "%s/%s", j->mount,
                           j->rep.folder_name);
        if (len < 0 || (size_t)len >= sizeof j->rep.folder) {
            e = ENAMETOOLONG;
            break;
        }
        e = io->mkdir(io->ctx, j->rep.folder, EXPORT_DIR_MODE) == 0 ? 0 : errno;
    }
    if (e != 0) {
        st = e == EEXIST ? PM_ERR_IO : status_of(e);
        pm_msg_set(msg, "Cannot make the export folder %s on the USB stick: %s (%s). %s",
                   j->rep.folder_name, reason_of(st), strerror(e),
                   st == PM_ERR_FULL ? "Free some space on it or use another stick."
                                     : "Check the stick, or try another one.");
        job_free(j);
        return st;
    }
    j->total = (j->rep.has_questionnaire ? 1 : 0) + j->rep.count * j->nkinds + 1;
    j->ph = j->rep.has_questionnaire ? PHASE_QUESTIONNAIRE : PHASE_ITEMS;
    *out = j;
    pm_msg_set(msg, "Exporting %zu intake%s to %s", j->rep.count, j->rep.count == 1 ? "" : "s",
               j->rep.folder_name);
    return PM_OK;
}

bool export_step(export_job *j)
{
    switch (j->ph) {
    case PHASE_QUESTIONNAIRE:
        put_file(j, QUESTIONNAIRE_NAME, j->questionnaire, &j->rep.questionnaire);
        j->ph = PHASE_ITEMS;
        return true;
    case PHASE_ITEMS: {
        if (j->item >= j->rep.count) {
            j->ph = PHASE_INDEX;
            return true;
        }
        if (!j->prepared)
            prepare_item(j);
        export_item *it = &j->rep.items[j->item];
        export_file *f = &it->files[j->file];
        put_file(j, f->name, j->docs[j->file], f);
        if (++j->file >= j->nkinds) {
            finish_item(j);
            j->file = 0;
            j->item++;
        }
        return true;
    }
    case PHASE_INDEX: {
        char *html = render_index(j);
        if (!html)
            snprintf(j->rep.index.problem, sizeof j->rep.index.problem,
                     "not written: out of memory");
        put_file(j, INDEX_NAME, html, &j->rep.index);
        free(html);
        j->ph = PHASE_DONE;
        return false;
    }
    case PHASE_DONE:
        break;
    }
    return false;
}

void export_progress(const export_job *j, size_t *done, size_t *total)
{
    *done = j->done;
    *total = j->total;
}

/* fsync a folder through the seam. */
static int sync_dir(const export_io *io, const char *dir)
{
    int fd = io->open(io->ctx, dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC, 0);
    if (fd < 0)
        return -1;
    int r;
    do
        r = io->fsync(io->ctx, fd);
    while (r != 0 && errno == EINTR);
    int e = errno;
    (void)io->close(io->ctx, fd);
    /* a file system that cannot sync a folder says EINVAL: its entries went
     * out with each file's own fsync */
    if (r != 0 && (e == EINVAL || e == EOPNOTSUPP))
        r = 0;
    errno = e;
    return r;
}

pm_status export_finish(export_job *j, export_report *rep)
{
    while (export_step(j)) /* whatever is left */
        ;
    export_report *r = &j->rep;
    int e = 0;
    if (j->gone == GONE_NO) {
        if (sync_dir(j->io, r->folder) != 0 || sync_dir(j->io, j->mount) != 0)
            e = errno;
        r->synced = e == 0;
    }
    if (!r->synced && e) {
        pm_status st = status_of(e);
        note_fail(j, st);
        for (size_t i = 0; i < r->count; i++)
            if (r->items[i].complete)
                snprintf(r->items[i].problem, sizeof r->items[i].problem,
                         "copied, but the stick did not confirm the folder (%s); not marked "
                         "exported",
                         strerror(e));
    }
    pm_status mark_fail = PM_OK;
    for (size_t i = 0; i < r->count; i++) {
        export_item *it = &r->items[i];
        if (it->complete && !r->synced && !it->problem[0])
            /* its files were copied and checked, then the stick went before
             * the folder could be confirmed: say so, not a bare cross */
            snprintf(it->problem, sizeof it->problem,
                     "its files were copied, but %s before the copy could be confirmed; not "
                     "marked exported",
                     j->gone == GONE_READONLY ? "the USB stick turned read-only"
                                              : "the USB stick was removed or stopped answering");
        if (!it->complete || !r->synced) {
            it->complete = false;
            if (!it->problem[0]) /* never a cross without a reason */
                snprintf(it->problem, sizeof it->problem, "not complete: %s",
                         j->first_fail != PM_OK ? reason_of(j->first_fail)
                                                : "a file of it did not make it");
            continue;
        }
        r->ncomplete++;
        pm_msg err;
        if (queue_mark_exported(j->s, it->stem, j->now, r->folder_name, &err) == PM_OK) {
            it->marked = true;
            r->nmarked++;
        } else {
            mark_fail = PM_ERR_STATE;
            snprintf(it->problem, sizeof it->problem,
                     "copied to the stick, but the kiosk could not note it as exported (%.200s); "
                     "it will be offered again",
                     err.text);
        }
    }
    r->safe_to_remove = r->synced;

    /* the sentence for staff */
    size_t n = r->count;
    pm_msg m;
    const char *why = j->first_fail != PM_OK ? reason_of(j->first_fail) : "see the list";
    if (r->synced && r->ncomplete == n)
        pm_msg_set(&m, "Exported %zu intake%s to %s on the USB stick.%s You can remove the "
                       "stick now.",
                   n, n == 1 ? "" : "s", r->folder_name,
                   r->index.ok ? "" : " (The index page did not fit; the intakes' own files are "
                                      "complete.)");
    else if (r->synced)
        pm_msg_set(&m,
                   "%zu of %zu intakes were exported completely; %zu did not make it (%s) and "
                   "stay new, to be exported again. You can remove the stick now.",
                   r->ncomplete, n, n - r->ncomplete,
                   j->first_fail == PM_ERR_FULL
                       ? "the USB stick is full: use a bigger or emptier stick"
                       : why);
    else if (j->gone == GONE_REMOVED)
        pm_msg_set(&m, "The USB stick was removed or stopped answering before the export "
                       "finished. Nothing was marked exported. Insert it again and export again.");
    else if (j->gone == GONE_READONLY)
        pm_msg_set(&m, "The USB stick refuses writes (is its lock switch on?). Nothing was "
                       "marked exported. Remove it, unlock it or use another stick, and export "
                       "again.");
    else
        pm_msg_set(&m, "The USB stick did not confirm the copies (%s). Nothing was marked "
                       "exported. Remove it and export again, or use another stick.",
                   strerror(e));
    snprintf(r->summary, sizeof r->summary, "%s", m.text);
    if (mark_fail != PM_OK && r->synced) {
        size_t len = strlen(r->summary);
        snprintf(r->summary + len, sizeof r->summary - len,
                 " %zu intake%s could not be noted as exported on the kiosk and will be offered "
                 "again.",
                 r->ncomplete - r->nmarked, r->ncomplete - r->nmarked == 1 ? "" : "s");
    }

    pm_status result = r->synced && r->ncomplete == n ? PM_OK
                       : j->first_fail != PM_OK       ? j->first_fail
                                                      : PM_ERR_IO;
    if (result == PM_OK && mark_fail != PM_OK)
        result = mark_fail;
    *rep = *r;
    r->items = NULL; /* moved */
    r->count = 0;
    job_free(j);
    return result;
}

pm_status export_run(store *s, const pm_content *c, const export_opts *o,
                     const char *const *stems, size_t nstems, export_report *rep)
{
    memset(rep, 0, sizeof *rep);
    export_job *j = NULL;
    pm_msg msg;
    pm_status st = export_begin(s, c, o, stems, nstems, &j, &msg);
    if (st != PM_OK) {
        snprintf(rep->summary, sizeof rep->summary, "%s", msg.text);
        rep->safe_to_remove = true; /* nothing was written */
        return st;
    }
    while (export_step(j))
        ;
    return export_finish(j, rep);
}

void export_report_free(export_report *rep)
{
    if (!rep)
        return;
    if (rep->items)
        explicit_bzero(rep->items, rep->count * sizeof *rep->items);
    free(rep->items);
    rep->items = NULL;
    rep->count = 0;
}

pm_status export_report_lines(const export_report *rep, pm_msgs *out)
{
    pm_status st = PM_OK;
    if (rep->has_questionnaire)
        st = pm_msgs_add(out, "%s: %s", rep->questionnaire.name[0] ? rep->questionnaire.name
                                                                    : QUESTIONNAIRE_NAME,
                         rep->questionnaire.ok ? "ok" : rep->questionnaire.problem);
    /* by stem only: these lines go to the journal, which lives on the SD
     * card, and a client's name must not be readable there */
    for (size_t i = 0; st == PM_OK && i < rep->count; i++) {
        const export_item *it = &rep->items[i];
        for (size_t k = 0; st == PM_OK && k < it->nfiles; k++)
            st = pm_msgs_add(out, "%s: %s", it->files[k].name,
                             it->files[k].ok ? "ok" : it->files[k].problem);
        if (st == PM_OK)
            st = pm_msgs_add(out, "%s: %s", it->stem,
                             it->marked     ? "complete, marked exported"
                             : it->problem[0] ? it->problem
                                              : "not complete");
    }
    if (st == PM_OK)
        st = pm_msgs_add(out, "%s: %s", INDEX_NAME, rep->index.ok ? "ok" : rep->index.problem);
    return st;
}
