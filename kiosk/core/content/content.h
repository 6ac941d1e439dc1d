/* content.h — the clinic's content: body regions, muscles and their referral
 * patterns, education pages, questions, the screen sequence and every string,
 * loaded from a data folder and validated before anything else may use it.
 *
 * Files (all JSON; the format is described in data/README.md):
 *   regions.json   screens.json   muscles.json   pages.json   questions.json
 *   i18n/<code>.json  (one per language; "en" is required and is the reference)
 *
 * Loading is all-or-nothing: content_load() either returns a complete,
 * checked pm_content or returns an error with every problem listed as
 * "file: JSON path: what is wrong". Nothing is half-loaded.
 *
 * Ownership: the pm_content owns every string and array reachable from it;
 * pointers returned by the accessors stay valid until content_free(). The
 * content is read-only after loading, so it may be shared freely. */
#ifndef PM_CONTENT_H
#define PM_CONTENT_H

#include <stdbool.h>
#include <stddef.h>
#include <sys/types.h>

#include "geometry.h"
#include "status.h"

/* Fixed upper bounds keep the intake record allocation-free. The checker
 * reports content that exceeds them. */
#define CONTENT_MAX_REGIONS 256
#define CONTENT_MAX_GROUPS 32        /* Learn's body areas (regions.json groups) */
#define CONTENT_MAX_MUSCLES 128
#define CONTENT_MAX_QUESTIONS 64
#define CONTENT_MAX_CHOICES 32 /* qualities, durations, pressures, avoid areas */
#define CONTENT_MAX_LANGS 8

/* Limits on what the loader reads at all, so a damaged or hostile content
 * folder is refused in well under a second with a message naming the
 * limit, instead of hanging start-up (the region checks are quadratic: one
 * region of 20 000 points took 9 s, of 1 000 000 points, hours). The
 * shipped content uses a small part of each (see data/README.md). */
#define CONTENT_FILE_MAX (4u * 1024u * 1024u) /* bytes of one file */
#define CONTENT_DEPTH_MAX 16        /* nesting of arrays and objects */
#define CONTENT_STRING_MAX 4096     /* bytes of one JSON string, as written */
#define CONTENT_TEXT_MAX 2000       /* bytes of one translated text */
#define CONTENT_NAME_MAX 200        /* bytes of an id, a text key, a code */
#define CONTENT_LIST_MAX 5000       /* members of one array or object */
#define CONTENT_POLY_MAX 1000       /* points of one region's polygon */
#define CONTENT_POINTS_MAX 30000    /* points of all regions together */

typedef enum { VIEW_FRONT = 0, VIEW_BACK = 1, VIEW_COUNT = 2 } pm_view;
typedef enum { SIDE_LEFT = 0, SIDE_RIGHT = 1, SIDE_CENTRE = 2 } pm_side;

const char *content_view_name(pm_view v);  /* "front", "back" */
const char *content_side_name(pm_side s);  /* "left", "right", "centre" */

typedef struct {
    const char *id;        /* stable id, e.g. "calf_l" */
    pm_view view;
    pm_side side;          /* the client's own side */
    const char *label_key; /* client words: "back of your left knee" */
    const char *term_key;  /* anatomical term for the therapist */
    const geo_point *poly; /* chart coordinates */
    size_t npoly;
    geo_bounds bounds;
    geo_point anchor;      /* a point well inside, for labels and replays */
    bool no_pattern;       /* no muscle of the library refers pain here, on purpose */
    int group;             /* the Learn area it belongs to (content_group), or -1 */
} pm_region;

/* A body area as Learn offers it: several regions ("head": forehead,
 * temples, crown... on both sides), regions.json "groups". */
typedef struct {
    const char *id;        /* "head" */
    const char *label_key; /* "learn.area.head" */
} pm_group;

typedef struct {
    pm_view view;
    geo_point at;
} pm_trigger_point;

typedef struct {
    const char *heading_key;
    const char *text_key;
} pm_section;

typedef struct {
    const char *id;
    const char *name_key;
    const pm_trigger_point *tps;
    size_t ntps;
    const int *primary; /* region indices */
    size_t nprimary;
    const int *spill;   /* region indices */
    size_t nspill;
    bool both_sides;    /* the pattern shows on both sides at once, whichever side
                           the trigger point is on (rectus abdominis' band) */
    const char *const *mimics_keys; /* conditions it is often mistaken for */
    size_t nmimics;
    const pm_section *sections;     /* the client-level education page */
    size_t nsections;
    const char *source;             /* where the referral facts come from */
} pm_muscle;

/* What a page is for: a step of the walk-through's education (in the
 * sequence), or a library page the kiosk offers by body area (a client's
 * question, or a complaint clients come with). */
typedef enum { PAGE_WALK = 0, PAGE_FAQ = 1, PAGE_COMPLAINT = 2 } pm_page_topic;

typedef struct {
    const char *id;
    const char *title_key;
    const char *const *paragraph_keys;
    size_t nparagraphs;
    pm_page_topic topic;
    const int *areas;   /* region indices the page is about (none: every area) */
    size_t nareas;
} pm_page;

typedef enum {
    FLAG_NONE = 0,
    FLAG_ATTENTION = 1, /* the therapist should read this before starting */
    FLAG_URGENT = 2,    /* tell the client to speak to staff now; red flag */
} pm_flag;

/* The parts of the safety screening, asked in this order: a gate everyone
 * answers, one "tick all that apply" checklist, and follow-ups shown only
 * when they apply (see screening.h in the intake room). */
typedef enum { PART_GATE = 0, PART_CHECKLIST = 1, PART_FOLLOWUP = 2 } pm_part;

typedef struct {
    const char *id;
    const char *text_key;      /* the question (a checklist item: its label) */
    const char *staff_key;     /* short label for the therapist's summary */
    const char *notice_key;    /* calm line shown to the client when flagged; may be NULL */
    size_t nanswers;
    const char *answer_ids[4]; /* e.g. "yes", "no", "unsure" */
    const char *answer_keys[4];
    pm_flag answer_flags[4];
    bool answer_now[4];        /* "tell the front desk now" (always FLAG_URGENT too) */
    const char *answer_notice_keys[4]; /* this answer's own notice; NULL: notice_key */
    pm_part part;
    /* Follow-ups: shown when one of these regions is marked, or when the
     * earlier question show_if_question got one of show_if_answers (bit i:
     * answer i). A follow-up has at least one of the two. */
    const int *show_if_regions;
    size_t nshow_if_regions;
    int show_if_question;      /* question index, or -1 */
    unsigned show_if_answers;
} pm_question;

typedef struct {
    const char *id;
    const char *label_key;
} pm_choice;

/* One band of the 0-10 intensity scale ("mild" for 1-3...). */
typedef struct {
    int min, max;
    const char *label_key;
    unsigned colour; /* 0xRRGGBB */
} pm_band;

/* The screens a client passes through, in the order screens.json gives. */
typedef enum {
    SCREEN_WELCOME,
    SCREEN_ABOUT,
    SCREEN_NAME,
    SCREEN_CHART,
    SCREEN_DETAILS,
    SCREEN_SCREENING,
    SCREEN_PATTERNS,
    SCREEN_EDUCATION,
    SCREEN_PREFERENCES,
    SCREEN_CONSENT,
    SCREEN_REVIEW,
    SCREEN_SAVING,
    SCREEN_THANKS,
    SCREEN_COUNT
} pm_screen;

const char *content_screen_name(pm_screen s); /* "welcome", "chart"... */
/* Returns -1 for an unknown name. */
int content_screen_from_name(const char *name);

typedef struct pm_content pm_content;

/* Loads and checks dir. On success *out owns the content (free with
 * content_free). On failure *out is NULL, every problem found is appended to
 * problems (which the caller initialised and frees), and the result is
 * PM_ERR_INVALID (or PM_ERR_NOT_FOUND / PM_ERR_NOMEM). */
pm_status content_load(const char *dir, pm_content **out, pm_msgs *problems);
void content_free(pm_content *c);

/* The checked-content stamp: DIR/CHECKED holds one line naming the exact
 * bytes of every file content_load read (a 64-bit FNV-1a hash, in load
 * order) and the version of the checks they passed. `painmap --check-data
 * DIR --stamp` writes it after a clean check. content_load() reads it: when
 * it names what was just read, the cross-file checks whose answer cannot
 * have changed (region shapes and overlaps, trigger points, translations)
 * are not run again; any changed byte, a missing or foreign stamp or a newer
 * checker makes it check everything. Bump CONTENT_CHECK_VERSION whenever a
 * check is added or changed. */
#define CONTENT_CHECK_VERSION 1
#define CONTENT_STAMP_FILE "CHECKED"

typedef enum {
    CONTENT_TRUST_STAMP, /* skip what a current stamp vouches for (start-up) */
    CONTENT_CHECK_ALL,   /* run every check whatever the stamp says (--check-data) */
} content_check_mode;

pm_status content_load_mode(const char *dir, content_check_mode mode, pm_content **out,
                            pm_msgs *problems);
/* Whether this load ran every check (false: a current stamp vouched). */
bool content_fully_checked(const pm_content *c);
/* The stamp line for what was loaded, without a newline:
 * "painmap-content-check 1 fnv1a64 0123456789abcdef". */
void content_stamp_line(const pm_content *c, char *buf, size_t size);
/* Whether dir/CHECKED holds exactly content_stamp_line(c). */
bool content_stamp_current(const pm_content *c, const char *dir);
/* Writes dir/CHECKED (a temporary file renamed into place). Only for
 * content that passed every check (content_fully_checked; the caller also
 * checked that its text fits); PM_ERR_INVALID otherwise, PM_ERR_IO with a
 * message in err when the file cannot be written. */
pm_status content_write_stamp(const pm_content *c, const char *dir, pm_msg *err);

/* ---- the content cache (content_cache.c) ----------------------------------
 * What a load produced, as one block of bytes that the next start reads back
 * without parsing JSON: start-up's shortcut, never a second validator. It
 * is used only when everything below holds, each checked (why names the
 * first that does not): it was written by the same build of the program
 * (program: its build id, which the caller finds), DIR/CHECKED still holds
 * the stamp line it was written under, the folder's files are the very
 * bytes it was made from (which hashed to that stamp: --check-data passed
 * them), and it is whole (length, checksum, every offset inside it). Otherwise the caller loads the JSON (content_load), which
 * also checks everything when the stamp is not current, and may write the
 * cache again.
 *
 * The kiosk keeps it in its state folder (the SD image's only writable
 * partition): it is written after a start that loaded the JSON under a
 * current stamp, and read at the next. */
#define CONTENT_CACHE_FILE "content.cache"
#define CONTENT_CACHE_FORMAT 1
#define CONTENT_PROGRAM_ID_MAX 72

/* The system calls content_cache_write makes (tests fail them). */
typedef struct {
    int (*open)(void *ctx, const char *path, int flags, mode_t mode);
    ssize_t (*write)(void *ctx, int fd, const void *buf, size_t n);
    int (*close)(void *ctx, int fd);
    int (*rename)(void *ctx, const char *oldpath, const char *newpath);
    int (*unlink)(void *ctx, const char *path);
    void *ctx;
} content_cache_io;
const content_cache_io *content_cache_io_posix(void);

/* Writes c, loaded from dir, to path (through path.tmp, renamed into
 * place; not fsync'ed: a torn cache fails its checksum). io NULL: the real
 * calls. PM_ERR_FULL, PM_ERR_READONLY, PM_ERR_NOT_FOUND (no such folder),
 * PM_ERR_IO or PM_ERR_NOMEM with err saying what failed; no temporary file
 * is left. PM_ERR_STATE when dir's files are no longer what c was loaded
 * from; PM_ERR_INVALID when program is empty or too long. */
pm_status content_cache_write(const pm_content *c, const char *dir, const char *path,
                              const char *program, const content_cache_io *io, pm_msg *err);
/* The content of dir from the cache at path, as content_load would give
 * it under a current stamp (content_fully_checked is false). PM_OK and
 * *out (content_free), or *out NULL and why says what stood in the way:
 * PM_ERR_NOT_FOUND (no cache yet), PM_ERR_STATE (the content changed or
 * was never stamped, the cache is for other content or another build),
 * PM_ERR_INVALID (damaged), PM_ERR_REFUSED (not a plain file), PM_ERR_IO,
 * PM_ERR_NOMEM. */
pm_status content_cache_read(const char *dir, const char *path, const char *program,
                             pm_content **out, pm_msg *why);

/* One line: "data ok: R regions (F front, B back), M muscles, P education
 * pages, Q screening questions, languages: en es". buf gets it. */
void content_summary_line(const pm_content *c, char *buf, size_t size);

/* Chart coordinate space shared by regions and the artwork in assets/chart. */
double content_chart_width(const pm_content *c);
double content_chart_height(const pm_content *c);

size_t content_region_count(const pm_content *c);
const pm_region *content_region(const pm_content *c, size_t i);
/* Learn's body areas, in the order they are offered (none: no Learn). */
size_t content_group_count(const pm_content *c);
const pm_group *content_group(const pm_content *c, size_t i);
int content_region_index(const pm_content *c, const char *id); /* -1 if none */

/* Hit-testing: the region of this view that contains p (edges count as
 * inside; where two regions share the edge, the one listed first wins).
 * When no region contains p, the nearest region whose edge is within
 * tolerance chart units (0 for an exact test). -1 when none. */
int content_region_at(const pm_content *c, pm_view view, geo_point p, double tolerance);

size_t content_muscle_count(const pm_content *c);
const pm_muscle *content_muscle(const pm_content *c, size_t i);
int content_muscle_index(const pm_content *c, const char *id);

size_t content_page_count(const pm_content *c);
const pm_page *content_page(const pm_content *c, size_t i);
/* The education sequence: page indices, with -1 marking where the pages of
 * the muscles the client chose are inserted. */
size_t content_education_count(const pm_content *c);
int content_education_item(const pm_content *c, size_t i);

size_t content_question_count(const pm_content *c);
const pm_question *content_question(const pm_content *c, size_t i);
int content_question_index(const pm_content *c, const char *id); /* -1 if none */
/* The checklist's prompt ("Do any of these apply to you?") and the label of
 * its "None of these" choice; NULL when the content has no checklist. */
const char *content_checklist_text_key(const pm_content *c);
const char *content_checklist_none_key(const pm_content *c);

size_t content_quality_count(const pm_content *c);
const pm_choice *content_quality(const pm_content *c, size_t i);
size_t content_duration_count(const pm_content *c);
const pm_choice *content_duration(const pm_content *c, size_t i);
size_t content_pressure_count(const pm_content *c);
const pm_choice *content_pressure(const pm_content *c, size_t i);
size_t content_avoid_count(const pm_content *c);
const pm_choice *content_avoid(const pm_content *c, size_t i);
size_t content_band_count(const pm_content *c);
const pm_band *content_band(const pm_content *c, size_t i);
/* The band an intensity 0-10 falls in (never NULL for 0-10). */
const pm_band *content_band_for(const pm_content *c, int intensity);

size_t content_screen_count(const pm_content *c);
pm_screen content_screen_at(const pm_content *c, size_t i);

/* Languages: index 0 is always "en". */
size_t content_lang_count(const pm_content *c);
const char *content_lang_code(const pm_content *c, size_t i);
const char *content_lang_name(const pm_content *c, size_t i); /* in its own language */
int content_lang_index(const pm_content *c, const char *code); /* -1 if none */

/* The string for key in language lang (index). The checker guarantees every
 * key used by content exists in every language; for a key that does not
 * exist at all (a programming error) the key itself is returned, so a
 * mistake shows as visible text rather than a crash. */
const char *content_text(const pm_content *c, int lang, const char *key);
bool content_has_text(const pm_content *c, int lang, const char *key);

/* Which strings of language lang make up text, for messages to translators
 * (the layout check names the key of a string that does not fit its box).
 * keys[0] gets the key whose string is text, or else a template's key
 * ("Sobre {1}") whose string matches text with its {1} and {2} filled in;
 * for a template filled with one other string, keys[1] gets that string's
 * key. Returns how many keys it found: 0 (text is no string of the
 * content, e.g. a typed name), 1 or 2. Keys point into the content. When
 * several keys have the same string, the first in key order is given. */
size_t content_keys_of_text(const pm_content *c, int lang, const char *text,
                            const char *keys[2]);
/* For a text put together from several strings (a review line): the key
 * of the longest string of language lang inside text (4 bytes or more),
 * or NULL. */
const char *content_key_inside_text(const pm_content *c, int lang, const char *text);

/* Texts the program itself shows (buttons, hints; see textkeys.h) must exist
 * in every language. Appends one problem per missing text and returns how
 * many there were. --check-data and start-up run this after content_load();
 * it is separate so test content need not carry every program text. */
size_t content_check_program_texts(const pm_content *c, const char *const *keys, size_t nkeys,
                                   pm_msgs *problems);

#endif
