/* content_private.h — the inside of pm_content, shared by the loader
 * (content_load.c), the checker (content_check.c) and the accessors
 * (content.c), and content_problem.c. Nothing else includes this. */
#ifndef PM_CONTENT_PRIVATE_H
#define PM_CONTENT_PRIVATE_H

#include <stdint.h>

#include "content.h"

/* A bump allocator: content is loaded once and freed all at once. */
typedef struct arena_chunk {
    struct arena_chunk *next;
    size_t used, size;
    _Alignas(max_align_t) unsigned char data[];
} arena_chunk;

typedef struct {
    const char *key;
    const char *value;
} text_entry;

typedef struct {
    const char *code;
    const char *name;
    text_entry *texts; /* sorted by key */
    size_t ntexts;
} lang_table;

/* A string key some content refers to, and where (for messages). */
typedef struct {
    const char *key;
    const char *where; /* "muscles.json: $.muscles[3].name" */
} key_ref;

struct pm_content {
    arena_chunk *arena;
    double chart_w, chart_h;
    pm_region regions[CONTENT_MAX_REGIONS];
    size_t nregions;
    pm_group groups[CONTENT_MAX_GROUPS];
    size_t ngroups;
    pm_muscle muscles[CONTENT_MAX_MUSCLES];
    size_t nmuscles;
    pm_page *pages;
    size_t npages;
    int *education;
    size_t neducation;
    pm_question questions[CONTENT_MAX_QUESTIONS];
    size_t nquestions;
    const char *checklist_text_key, *checklist_none_key;
    pm_choice qualities[CONTENT_MAX_CHOICES], durations[CONTENT_MAX_CHOICES],
        pressures[CONTENT_MAX_CHOICES], avoid[CONTENT_MAX_CHOICES];
    size_t nqualities, ndurations, npressures, navoid;
    pm_band bands[11];
    size_t nbands;
    pm_screen screens[SCREEN_COUNT];
    size_t nscreens;
    lang_table langs[CONTENT_MAX_LANGS];
    size_t nlangs;
    /* collected while loading, checked once the languages are in */
    key_ref *refs;
    size_t nrefs, caprefs;
    /* what was read (content_stamp_line) and whether every check ran */
    uint64_t hash;
    bool fully_checked;
    /* read from the content cache: its file, mapped (content_free unmaps
     * it); everything above points into it */
    void *map;
    size_t map_len;
};

void *arena_alloc(pm_content *c, size_t size);
char *arena_strdup(pm_content *c, const char *s);
char *arena_printf(pm_content *c, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/* Loader context: the content being filled and where problems go. */
typedef struct {
    pm_content *c;
    pm_msgs *problems;
    const char *dir;
    bool nomem;
    size_t points;     /* polygon points taken so far (CONTENT_POINTS_MAX) */
    uint64_t hash;     /* FNV-1a of every file read, in order (the stamp) */
} loader;

/* FNV-1a's offset basis: the stamp's hash before any file. */
#define CONTENT_HASH_SEED 0xcbf29ce484222325ULL
/* At most this many string tables are read from i18n/. */
#define CONTENT_LANG_FILES_MAX 64

/* The files content_load would read in dir, in its order, read without
 * parsing them (content_load.c): *stamp (when not NULL) gets the stamp's
 * hash of them, the same as the load's; *sum (when not NULL) the content
 * cache's checksum of them (names and bytes), which is several times
 * cheaper than the stamp's byte-by-byte hash. False when the folder or a
 * file cannot be read. */
bool content_files_hash(const char *dir, uint64_t *stamp, uint64_t *sum);
/* The same files' sizes, inodes and change times, as one digest (never
 * 0), and the latest time any of them changed (ns since the epoch, the
 * later of each file's mtime and ctime). false when one cannot be stat'ed
 * or the folder of string tables cannot be read. Reads no file: the
 * content cache's quick check that its files are the ones it was made
 * from (content_cache.c says when it may be trusted). */
bool content_files_stat(const char *dir, uint64_t *digest, int64_t *newest_ns);
/* The stamp line for a hash ("painmap-content-check 1 fnv1a64 ..."). */
void stamp_line_of(uint64_t hash, char *buf, size_t size);
/* Whether dir/CHECKED holds exactly the line want. */
bool stamp_file_says(const char *dir, const char *want);

/* The content cache's checksum of n bytes, chained from seed (0 to begin;
 * content_cache.c). Tests use it to make a damaged cache whose checksum
 * still matches. */
uint64_t content_cache_sum(uint64_t seed, const void *p, size_t n);

/* Appends one problem to ld->problems (content_problem.c). */
void problem(loader *ld, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void refer_key(loader *ld, const char *key, const char *where);

/* Cross-file checks once every file is parsed (content_check.c). */
void check_regions_geometry(loader *ld);
/* Only what loading needs of the geometry (each region's anchor), for
 * content whose stamp says it passed every check already. */
void place_region_anchors(loader *ld);
void check_texts(loader *ld);
void check_muscle_points(loader *ld);

#endif
