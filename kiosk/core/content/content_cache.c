/* content_cache.c — the content as one block of bytes, so that a start
 * whose content the stamp vouches for reads it back without parsing JSON
 * (content.h, "The content cache").
 *
 * Why a copy of the structures and not a format of its own: the kiosk reads
 * what it wrote itself, with the same build (the program id is in the
 * header, so another build never reads it), and the structures are what it
 * needs in memory anyway. The block is the pm_content followed by every
 * string and array it points to; each pointer is stored as its offset in
 * the block (plus one, so NULL stays 0), and put back as an address when the
 * block is read. One walk over the pointer fields (walk_content) does both:
 * when writing, a field still holds the source's pointer, whose bytes are
 * appended and replaced by their offset; when reading, the offset is
 * checked against the block and replaced by the address. So the pointers
 * are listed once, and a structure that gains one fails the size checks
 * below until the walk knows it.
 *
 * What makes a cache usable (content_cache_read), each checked, the first
 * failure named in the message: it was written by the same program build;
 * data/CHECKED still holds the stamp line it was written under; the
 * content folder's files are the bytes it was made from (their checksum,
 * taken when it was written from a load whose files hashed to that stamp;
 * a word-at-a-time sum, ~0.4 M instructions for the 600 KB where the
 * stamp's byte-by-byte hash is ~4 M); its length and checksum match (a
 * torn or damaged file); and every offset, string and count lies inside
 * it. So a cache is used only for the very bytes --check-data passed. It
 * is only a shortcut: whatever is wrong with it, the caller loads the
 * JSON instead (which checks everything when the stamp is not current). */
#include <errno.h>
#include <fcntl.h>
#include <stdalign.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include "content_private.h"
#include "posix_io.h"

/* The walk knows every pointer of these structures. A structure that
 * changes size has likely gained or lost one: look at walk_content (and
 * bump CONTENT_CACHE_FORMAT), then update the size here. */
_Static_assert(sizeof(void *) == 8, "the content cache assumes 64-bit pointers");
_Static_assert(sizeof(pm_region) == 104, "pm_region changed: update walk_content");
_Static_assert(sizeof(pm_group) == 16, "pm_group changed: update walk_content");
_Static_assert(sizeof(pm_muscle) == 112, "pm_muscle changed: update walk_content");
_Static_assert(sizeof(pm_page) == 56, "pm_page changed: update walk_content");
_Static_assert(sizeof(pm_question) == 192, "pm_question changed: update walk_content");
_Static_assert(sizeof(pm_section) == 16, "pm_section changed: update walk_content");
_Static_assert(sizeof(pm_choice) == 16, "pm_choice changed: update walk_content");
_Static_assert(sizeof(pm_band) == 24, "pm_band changed: update walk_content");
_Static_assert(sizeof(lang_table) == 32, "lang_table changed: update walk_content");
_Static_assert(sizeof(text_entry) == 16, "text_entry changed: update walk_content");

#define CACHE_MAGIC "PMCACHE\n"
#define CACHE_BODY_MAX (64u * 1024u * 1024u)

typedef struct {
    char magic[8];
    uint32_t format;        /* CONTENT_CACHE_FORMAT */
    uint32_t content_size;  /* sizeof(pm_content) */
    uint64_t body_len;      /* bytes after this header */
    uint64_t body_sum;      /* content_cache_sum of them */
    uint64_t files_sum;     /* content_files_hash's sum of the content's files */
    char program[CONTENT_PROGRAM_ID_MAX]; /* who wrote it, NUL-terminated */
    char stamp[96];         /* the stamp line of the content, NUL-terminated */
    uint64_t files_stat;    /* content_files_stat's digest of the files it was made
                               from, while they were hashed; 0: none (a cache of an
                               earlier build, or the files changed meanwhile) */
    char pad[40];           /* to 256 bytes: the body is aligned in a mapping */
} cache_header;
_Static_assert(sizeof(cache_header) == 256, "the cache header is 256 bytes");

/* ---- the walk ------------------------------------------------------------ */

typedef struct {
    bool writing;
    unsigned char *buf; /* the block: its start is the pm_content */
    size_t len, cap;
    bool bad;           /* reading: out of bounds; writing: out of memory */
} walker;

#define NONE SIZE_MAX

static size_t get_size(const walker *w, size_t off)
{
    size_t v;
    memcpy(&v, w->buf + off, sizeof v);
    return v;
}

/* Writing: appends n bytes (aligned to align), returns their offset. */
static size_t append(walker *w, const void *src, size_t n, size_t align)
{
    size_t at = (w->len + align - 1) & ~(align - 1);
    if (at + n > w->cap) {
        size_t cap = w->cap ? w->cap : 65536;
        while (cap < at + n)
            cap *= 2;
        unsigned char *b = realloc(w->buf, cap);
        if (!b) {
            w->bad = true;
            return NONE;
        }
        w->buf = b;
        w->cap = cap;
    }
    memset(w->buf + w->len, 0, at - w->len);
    if (n)
        memcpy(w->buf + at, src, n);
    w->len = at + n;
    return at;
}

/* The pointer field at offset off of the block, to count elements of size
 * elem (a string when elem is 0). Writing: the field holds the source's
 * pointer; its bytes are appended and the field gets their offset + 1.
 * Reading: the field holds that offset; it gets the address, once the
 * bytes are known to lie inside the block. Returns the bytes' offset, or
 * NONE for NULL (or a failure, with w->bad set). */
static size_t field(walker *w, size_t off, size_t count, size_t elem)
{
    if (w->bad)
        return NONE;
    uintptr_t v;
    memcpy(&v, w->buf + off, sizeof v);
    if (v == 0)
        return NONE;
    size_t at;
    if (w->writing) {
        const void *src = (const void *)v;
        size_t n = elem ? count * elem : strlen(src) + 1;
        at = append(w, src, n, elem ? 8 : 1);
        if (at == NONE)
            return NONE;
        v = (uintptr_t)at + 1;
    } else {
        at = (size_t)v - 1;
        if (at > w->len) {
            w->bad = true;
            return NONE;
        }
        if (elem) {
            if ((at & 7) != 0 || (count && elem > (w->len - at) / count)) {
                w->bad = true;
                return NONE;
            }
        } else if (!memchr(w->buf + at, '\0', w->len - at)) {
            w->bad = true;
            return NONE;
        }
        v = (uintptr_t)(w->buf + at);
    }
    memcpy(w->buf + off, &v, sizeof v);
    return at;
}

static void string_at(walker *w, size_t off)
{
    field(w, off, 1, 0);
}

/* An array of count pointers to strings. */
static void strings_at(walker *w, size_t off, size_t count)
{
    size_t at = field(w, off, count, sizeof(char *));
    for (size_t i = 0; at != NONE && i < count; i++)
        string_at(w, at + i * sizeof(char *));
}

/* A count of a fixed array of the pm_content, which must not exceed it. */
static size_t count_of(walker *w, size_t off, size_t max)
{
    size_t n = get_size(w, off);
    if (n > max) {
        w->bad = true;
        return 0;
    }
    return n;
}

#define AT(type, base, member) ((base) + offsetof(type, member))
#define ARRAY(type, member, i) (offsetof(pm_content, member) + (i) * sizeof(type))

static void walk_regions(walker *w)
{
    size_t n = count_of(w, offsetof(pm_content, nregions), CONTENT_MAX_REGIONS);
    for (size_t i = 0; i < n && !w->bad; i++) {
        size_t r = ARRAY(pm_region, regions, i);
        string_at(w, AT(pm_region, r, id));
        string_at(w, AT(pm_region, r, label_key));
        string_at(w, AT(pm_region, r, term_key));
        field(w, AT(pm_region, r, poly), get_size(w, AT(pm_region, r, npoly)), sizeof(geo_point));
    }
    n = count_of(w, offsetof(pm_content, ngroups), CONTENT_MAX_GROUPS);
    for (size_t i = 0; i < n && !w->bad; i++) {
        size_t g = ARRAY(pm_group, groups, i);
        string_at(w, AT(pm_group, g, id));
        string_at(w, AT(pm_group, g, label_key));
    }
}

static void walk_muscles(walker *w)
{
    size_t n = count_of(w, offsetof(pm_content, nmuscles), CONTENT_MAX_MUSCLES);
    for (size_t i = 0; i < n && !w->bad; i++) {
        size_t m = ARRAY(pm_muscle, muscles, i);
        string_at(w, AT(pm_muscle, m, id));
        string_at(w, AT(pm_muscle, m, name_key));
        string_at(w, AT(pm_muscle, m, source));
        field(w, AT(pm_muscle, m, tps), get_size(w, AT(pm_muscle, m, ntps)),
              sizeof(pm_trigger_point));
        field(w, AT(pm_muscle, m, primary), get_size(w, AT(pm_muscle, m, nprimary)), sizeof(int));
        field(w, AT(pm_muscle, m, spill), get_size(w, AT(pm_muscle, m, nspill)), sizeof(int));
        strings_at(w, AT(pm_muscle, m, mimics_keys), get_size(w, AT(pm_muscle, m, nmimics)));
        size_t ns = get_size(w, AT(pm_muscle, m, nsections));
        size_t s = field(w, AT(pm_muscle, m, sections), ns, sizeof(pm_section));
        for (size_t k = 0; s != NONE && k < ns; k++) {
            string_at(w, AT(pm_section, s + k * sizeof(pm_section), heading_key));
            string_at(w, AT(pm_section, s + k * sizeof(pm_section), text_key));
        }
    }
}

static void walk_pages(walker *w)
{
    size_t n = get_size(w, offsetof(pm_content, npages));
    size_t pages = field(w, offsetof(pm_content, pages), n, sizeof(pm_page));
    for (size_t i = 0; pages != NONE && i < n && !w->bad; i++) {
        size_t p = pages + i * sizeof(pm_page);
        string_at(w, AT(pm_page, p, id));
        string_at(w, AT(pm_page, p, title_key));
        strings_at(w, AT(pm_page, p, paragraph_keys), get_size(w, AT(pm_page, p, nparagraphs)));
        field(w, AT(pm_page, p, areas), get_size(w, AT(pm_page, p, nareas)), sizeof(int));
    }
    field(w, offsetof(pm_content, education), get_size(w, offsetof(pm_content, neducation)),
          sizeof(int));
}

static void walk_questions(walker *w)
{
    size_t n = count_of(w, offsetof(pm_content, nquestions), CONTENT_MAX_QUESTIONS);
    for (size_t i = 0; i < n && !w->bad; i++) {
        size_t q = ARRAY(pm_question, questions, i);
        string_at(w, AT(pm_question, q, id));
        string_at(w, AT(pm_question, q, text_key));
        string_at(w, AT(pm_question, q, staff_key));
        string_at(w, AT(pm_question, q, notice_key));
        for (size_t k = 0; k < 4; k++) {
            string_at(w, AT(pm_question, q, answer_ids) + k * sizeof(char *));
            string_at(w, AT(pm_question, q, answer_keys) + k * sizeof(char *));
            string_at(w, AT(pm_question, q, answer_notice_keys) + k * sizeof(char *));
        }
        field(w, AT(pm_question, q, show_if_regions),
              get_size(w, AT(pm_question, q, nshow_if_regions)), sizeof(int));
    }
    string_at(w, offsetof(pm_content, checklist_text_key));
    string_at(w, offsetof(pm_content, checklist_none_key));
}

static void walk_choices(walker *w, size_t array, size_t count)
{
    size_t n = count_of(w, count, CONTENT_MAX_CHOICES);
    for (size_t i = 0; i < n && !w->bad; i++) {
        string_at(w, AT(pm_choice, array + i * sizeof(pm_choice), id));
        string_at(w, AT(pm_choice, array + i * sizeof(pm_choice), label_key));
    }
}

static void walk_content(walker *w)
{
    walk_regions(w);
    walk_muscles(w);
    walk_pages(w);
    walk_questions(w);
    walk_choices(w, offsetof(pm_content, qualities), offsetof(pm_content, nqualities));
    walk_choices(w, offsetof(pm_content, durations), offsetof(pm_content, ndurations));
    walk_choices(w, offsetof(pm_content, pressures), offsetof(pm_content, npressures));
    walk_choices(w, offsetof(pm_content, avoid), offsetof(pm_content, navoid));
    size_t n = count_of(w, offsetof(pm_content, nbands), 11);
    for (size_t i = 0; i < n && !w->bad; i++)
        string_at(w, AT(pm_band, ARRAY(pm_band, bands, i), label_key));
    count_of(w, offsetof(pm_content, nscreens), SCREEN_COUNT);
    n = count_of(w, offsetof(pm_content, nlangs), CONTENT_MAX_LANGS);
    for (size_t i = 0; i < n && !w->bad; i++) {
        size_t l = ARRAY(lang_table, langs, i);
        string_at(w, AT(lang_table, l, code));
        string_at(w, AT(lang_table, l, name));
        size_t nt = get_size(w, AT(lang_table, l, ntexts));
        size_t t = field(w, AT(lang_table, l, texts), nt, sizeof(text_entry));
        for (size_t k = 0; t != NONE && k < nt; k++) {
            string_at(w, AT(text_entry, t + k * sizeof(text_entry), key));
            string_at(w, AT(text_entry, t + k * sizeof(text_entry), value));
        }
    }
}

/* ---- writing ------------------------------------------------------------- */

const content_cache_io *content_cache_io_posix(void)
{
    static const content_cache_io io = {posix_io_open, posix_io_write, posix_io_close,
                                        posix_io_rename, posix_io_unlink, NULL};
    return &io;
}

static bool write_all(const content_cache_io *io, int fd, const void *p, size_t n)
{
    const unsigned char *b = p;
    while (n > 0) {
        ssize_t k = io->write(io->ctx, fd, b, n);
        if (k < 0 && errno == EINTR)
            continue;
        if (k <= 0) {
            if (k == 0)
                errno = EIO;
            return false;
        }
        b += k;
        n -= (size_t)k;
    }
    return true;
}

pm_status content_cache_write(const pm_content *c, const char *dir, const char *path,
                              const char *program, const content_cache_io *io, pm_msg *err)
{
    if (!io)
        io = content_cache_io_posix();
    if (!program || !*program || strlen(program) >= CONTENT_PROGRAM_ID_MAX) {
        pm_msg_set(err, "%s: not written: the program has no build id to name it by", path);
        return PM_ERR_INVALID;
    }
    /* the files as they are now, which must be what c was loaded from;
     * their stat digest taken before and after, kept when it held */
    uint64_t stamp = 0, files = 0, before = 0, after = 0;
    int64_t newest = 0;
    bool stat_held = content_files_stat(dir, &before, &newest);
    if (!content_files_hash(dir, &stamp, &files) || stamp != c->hash) {
        pm_msg_set(err, "%s: not written: the content in %s changed while it was loaded",
                   path, dir);
        return PM_ERR_STATE;
    }
    walker w = {.writing = true};
    size_t at = append(&w, c, sizeof *c, 16);
    if (at != NONE) {
        pm_content *copy = (pm_content *)(void *)w.buf; /* what the reader gets back */
        copy->arena = NULL;
        copy->refs = NULL;
        copy->nrefs = copy->caprefs = 0;
        copy->map = NULL;
        copy->map_len = 0;
        walk_content(&w);
    }
    if (w.bad) {
        free(w.buf);
        pm_msg_set(err, "%s: not written: out of memory", path);
        return PM_ERR_NOMEM;
    }
    cache_header h = {.format = CONTENT_CACHE_FORMAT, .content_size = sizeof(pm_content),
                      .body_len = w.len, .body_sum = content_cache_sum(0, w.buf, w.len),
                      .files_sum = files};
    if (stat_held && content_files_stat(dir, &after, &newest) && after == before)
        h.files_stat = after;
    memcpy(h.magic, CACHE_MAGIC, sizeof h.magic);
    snprintf(h.program, sizeof h.program, "%s", program);
    stamp_line_of(c->hash, h.stamp, sizeof h.stamp);

    char tmp[1100];
    snprintf(tmp, sizeof tmp, "%s.tmp", path);
    pm_status st = PM_OK;
    int fd = io->open(io->ctx, tmp, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0640);
    if (fd < 0) {
        st = pm_status_of_errno(errno);
        pm_msg_set(err, "%s: cannot write the content cache (%s)", tmp, strerror(errno));
    } else {
        bool ok = write_all(io, fd, &h, sizeof h) && write_all(io, fd, w.buf, w.len);
        int e = errno;
        if (io->close(io->ctx, fd) != 0 && ok) {
            ok = false;
            e = errno;
        }
        /* No fsync: a cache cut short by a power cut fails its checksum
         * and is written again; the intakes' discipline is not needed. */
        if (ok && io->rename(io->ctx, tmp, path) != 0) {
            ok = false;
            e = errno;
        }
        if (!ok) {
            st = pm_status_of_errno(e);
            pm_msg_set(err, "%s: cannot write the content cache (%s)", path, strerror(e));
            io->unlink(io->ctx, tmp);
        }
    }
    free(w.buf);
    return st;
}

/* ---- reading ------------------------------------------------------------- */

/* Are the content's files the ones the cache was made from? When their
 * sizes, inodes and change times are what they were when they were hashed,
 * and every one of those changes is more than two seconds older than the
 * cache itself, yes, without reading them (a start no longer reads and
 * sums the content's ~450 KB). Otherwise their bytes are summed and
 * compared, as git does with its index: a file changed again within the
 * same tick of the file system's clock (two seconds on the FAT boot
 * partition) keeps its times, so times that close to the cache's own are
 * not trusted; a file replaced, or changed and its times set back, has a
 * new inode or ctime. */
static bool files_as_made(const char *dir, const cache_header *h, const struct stat *cache)
{
    uint64_t digest = 0, files = 0;
    int64_t newest = 0;
    int64_t made = (int64_t)cache->st_mtim.tv_sec * 1000000000 + cache->st_mtim.tv_nsec;
    if (h->files_stat && content_files_stat(dir, &digest, &newest) && digest == h->files_stat &&
        newest < made - 2000000000)
        return true;
    return content_files_hash(dir, NULL, &files) && files == h->files_sum;
}

pm_status content_cache_read(const char *dir, const char *path, const char *program,
                             pm_content **out, pm_msg *why)
{
    *out = NULL;

    /* Mapped privately, not read: its pages come straight from the page
     * cache, and only those the pointers are put back into become the
     * kiosk's own (the strings, most of it, stay shared and clean). The
     * kiosk never changes a cache in place (it writes a new one and renames
     * it over), so the mapping cannot shrink under it. */
    int fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK);
    if (fd < 0) {
        pm_status st = pm_status_of_errno(errno);
        pm_msg_set(why, st == PM_ERR_NOT_FOUND ? "%s: no content cache yet"
                                               : "%s: cannot open the content cache (%s)",
                   path, strerror(errno));
        return st;
    }
    struct stat sb;
    if (fstat(fd, &sb) != 0 || !S_ISREG(sb.st_mode)) {
        close(fd);
        pm_msg_set(why, "%s: not a plain file", path);
        return PM_ERR_REFUSED;
    }
    size_t size = (size_t)sb.st_size;
    if (size < sizeof(cache_header) + sizeof(pm_content) ||
        size > sizeof(cache_header) + CACHE_BODY_MAX) {
        close(fd);
        pm_msg_set(why, "%s: not a content cache (damaged, or cut short)", path);
        return PM_ERR_INVALID;
    }
    unsigned char *map = mmap(NULL, size, PROT_READ | PROT_WRITE, MAP_PRIVATE, fd, 0);
    int e = errno;
    close(fd);
    if (map == MAP_FAILED) {
        pm_msg_set(why, "%s: cannot map the content cache (%s)", path, strerror(e));
        return e == ENOMEM ? PM_ERR_NOMEM : PM_ERR_IO;
    }
    cache_header h;
    memcpy(&h, map, sizeof h);
    pm_status st = PM_OK;
    if (memcmp(h.magic, CACHE_MAGIC, sizeof h.magic) != 0) {
        pm_msg_set(why, "%s: not a content cache (damaged, or cut short)", path);
        st = PM_ERR_INVALID;
    } else if (h.format != CONTENT_CACHE_FORMAT || h.content_size != sizeof(pm_content) ||
               memchr(h.program, '\0', sizeof h.program) == NULL ||
               strcmp(h.program, program ? program : "") != 0) {
        pm_msg_set(why, "%s: written by another build of the program", path);
        st = PM_ERR_STATE;
    } else if (memchr(h.stamp, '\0', sizeof h.stamp) == NULL) {
        pm_msg_set(why, "%s: not a content cache (damaged)", path);
        st = PM_ERR_INVALID;
    } else if (!stamp_file_says(dir, h.stamp)) {
        /* the stamp names other bytes now (content changed and stamped
         * again), or none (removed, or a folder never stamped) */
        pm_msg_set(why, "%s: made from other content than %s/%s names now", path, dir,
                   CONTENT_STAMP_FILE);
        st = PM_ERR_STATE;
    } else if (!files_as_made(dir, &h, &sb)) {
        /* the files are not the ones the stamp and the cache were made
         * from: changed since (the JSON load then checks them in full) */
        pm_msg_set(why, "the content in %s changed since %s was made from it", dir, path);
        st = PM_ERR_STATE;
    } else if (h.body_len != size - sizeof h) {
        pm_msg_set(why, "%s: damaged (its length is not what its header says)", path);
        st = PM_ERR_INVALID;
    }
    walker w = {.writing = false, .buf = map + sizeof h, .len = size - sizeof h};
    if (st == PM_OK) {
        if (content_cache_sum(0, w.buf, w.len) == h.body_sum)
            walk_content(&w);
        else
            w.bad = true;
        if (w.bad) {
            pm_msg_set(why, "%s: damaged (its checksum or an offset in it is wrong)", path);
            st = PM_ERR_INVALID;
        }
    }
    pm_content *c = st == PM_OK ? calloc(1, sizeof *c) : NULL;
    if (st == PM_OK && !c) {
        pm_msg_set(why, "%s: out of memory", path);
        st = PM_ERR_NOMEM;
    }
    if (st != PM_OK) {
        munmap(map, size);
        return st;
    }
    memcpy(c, w.buf, sizeof *c);
    c->arena = NULL;
    c->map = map;
    c->map_len = size;
    c->fully_checked = false; /* c->hash came with the block: the stamp's */
    *out = c;
    return PM_OK;
}
