/* config.c — painmap.conf, read with inih (see config.h).
 *
 * Why it is built this way:
 * - inih splits lines into key and value and knows comments; the Debian
 *   build does not pass line numbers to the handler, so the text is fed to
 *   ini_parse_stream() one line at a time through our own reader, which
 *   counts lines. The reader also removes a UTF-8 byte-order mark and the
 *   Windows "\r", and strips leading blanks so an indented line is never
 *   taken as the continuation of the previous value (inih's multi-line
 *   values would turn "  rotation = 90" into part of the clinic's name).
 * - Every key is checked on its own; a bad value leaves that key at its
 *   default with one message, so a typo never stops the kiosk.
 * - Messages are for a clinic manager: the file and line, what is wrong,
 *   what the kiosk does instead. A PIN written in plain text is never
 *   repeated in a message.
 * - A plain-digit PIN (staff_pin = 4821) is accepted, so a clinic can set
 *   one from any computer; the SD image replaces that line on the card by
 *   its hash at boot. config_pin_lines() finds those lines by the same
 *   rules the parser uses, so the replacement touches exactly the line the
 *   kiosk reads. Buffers that held a plain PIN are wiped. */
#include "config.h"

#include <crypt.h>
#include <ctype.h>
#include <errno.h>
#include <ini.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "intake.h" /* utf8_count */

#define CONFIG_FILE_MAX (64 * 1024)
#define SHOWN_MAX 60 /* characters of a bad value repeated in a message */

enum {
    K_CLINIC,
    K_LANGUAGES,
    K_DEFAULT_LANGUAGE,
    K_IDLE,
    K_ROTATION,
    K_PIN_HASH,
    K_STAFF_IDLE,
    K_RETENTION,
    K_AFTER_EXPORT,
    K_FORMATS,
    K_DELETE_UNCOPIED,
    K_PUBLIC_KEY,
    K_SECRET_KEY,
    K_PASSPHRASE,
    K_OLD_PASSPHRASE,
    K_PIN_PLAIN,
    K_DISPLAY,
    K_COUNT
};

static const char *const key_names[K_COUNT] = {
    "clinic_name",   "languages",          "default_language", "idle_timeout",
    "rotation",      "staff_pin_hash",     "staff_idle_timeout", "retention_days",
    "delete_after_export_days", "export_formats", "delete_uncopied",
    "intake_public_key", "intake_secret_key", "staff_passphrase", "old_staff_passphrase",
    "staff_pin", "display",
};

typedef struct {
    pm_config *cfg;
    pm_msgs *msgs;
    const char *name;
    const char *p;     /* the rest of the text */
    int lineno;        /* the line the reader handed out last */
    char line[512];    /* that line as written (inih cuts a " ;" from values) */
    int seen[K_COUNT]; /* line each key was set on, 0 = not yet */
    bool pin_reported; /* a message about the PIN was given already */
    bool oom;
} parse_ctx;

#define MSG(ctx, ...)                                       \
    do {                                                    \
        if (pm_msgs_add((ctx)->msgs, __VA_ARGS__) != PM_OK) \
            (ctx)->oom = true;                              \
    } while (0)

/* ------------------------------------------------------------------------ */
/* Small helpers                                                             */

/* A value as it may be repeated in a message: at most SHOWN_MAX bytes,
 * control characters replaced. */
static void shown(const char *v, char *out, size_t size)
{
    size_t n = 0;
    for (; *v && n + 4 < size && n < SHOWN_MAX; v++)
        out[n++] = (unsigned char)*v < 0x20 ? '?' : *v;
    if (*v && n + 4 < size) {
        memcpy(out + n, "...", 3);
        n += 3;
    }
    out[n] = '\0';
}

/* Whole number in [lo, hi]; false when the text is anything else. */
static bool parse_uint(const char *v, long lo, long hi, long *out)
{
    if (!*v)
        return false;
    for (const char *q = v; *q; q++)
        if (!isdigit((unsigned char)*q))
            return false;
    if (strlen(v) > 9)
        return false;
    long n = strtol(v, NULL, 10);
    if (n < lo || n > hi)
        return false;
    *out = n;
    return true;
}

/* A language code: 2-3 lower-case letters, optionally "-" and up to 3 more
 * letters or digits ("en", "pt-br"). Upper case is folded. */
static bool lang_code(const char *v, size_t n, char out[CONFIG_LANG_MAX])
{
    if (n < 2 || n >= CONFIG_LANG_MAX)
        return false;
    size_t letters = 0;
    while (letters < n && isalpha((unsigned char)v[letters]))
        letters++;
    if (letters < 2 || letters > 3)
        return false;
    if (letters < n) {
        if (v[letters] != '-' || n - letters < 2)
            return false;
        for (size_t i = letters + 1; i < n; i++)
            if (!isalnum((unsigned char)v[i]))
                return false;
    }
    for (size_t i = 0; i < n; i++)
        out[i] = (char)tolower((unsigned char)v[i]);
    out[n] = '\0';
    return true;
}

/* Levenshtein distance of two short keys (for "did you mean"). */
static size_t distance(const char *a, const char *b)
{
    size_t la = strlen(a), lb = strlen(b);
    if (la > 40 || lb > 40)
        return 99;
    size_t row[41];
    for (size_t j = 0; j <= lb; j++)
        row[j] = j;
    for (size_t i = 1; i <= la; i++) {
        size_t prev = row[0];
        row[0] = i;
        for (size_t j = 1; j <= lb; j++) {
            size_t cur = row[j];
            size_t sub = prev + (tolower((unsigned char)a[i - 1]) != tolower((unsigned char)b[j - 1]));
            size_t best = row[j] + 1 < row[j - 1] + 1 ? row[j] + 1 : row[j - 1] + 1;
            row[j] = sub < best ? sub : best;
            prev = cur;
        }
    }
    return row[lb];
}

/* The list separators: commas, blanks. */
static bool is_sep(char ch)
{
    return ch == ',' || ch == ' ' || ch == '\t';
}

/* ------------------------------------------------------------------------ */
/* One key each                                                              */

static void set_clinic(parse_ctx *x, const char *v)
{
    pm_config *cfg = x->cfg;
    size_t n = strlen(v);
    long chars = utf8_count(v, n);
    if (chars < 0) {
        MSG(x,
            "%s:%d: clinic_name is not valid UTF-8 text: save the file as UTF-8 "
            "(in Notepad: Save as, Encoding UTF-8); using no name",
            x->name, x->lineno);
        return;
    }
    for (size_t i = 0; i < n; i++)
        if ((unsigned char)v[i] < 0x20) {
            MSG(x, "%s:%d: clinic_name contains a control character; using no name", x->name,
                x->lineno);
            return;
        }
    if (chars > CONFIG_CLINIC_CHARS) {
        /* keep whole characters only */
        size_t keep = 0;
        long count = 0;
        while (keep < n && count < CONFIG_CLINIC_CHARS) {
            keep++;
            while (keep < n && ((unsigned char)v[keep] & 0xC0) == 0x80)
                keep++;
            count++;
        }
        MSG(x, "%s:%d: clinic_name is %ld characters long, more than %d fit; using the first %d",
            x->name, x->lineno, chars, CONFIG_CLINIC_CHARS, CONFIG_CLINIC_CHARS);
        n = keep;
    }
    if (n >= sizeof cfg->clinic_name)
        n = sizeof cfg->clinic_name - 1; /* cannot happen: 60 characters fit */
    memcpy(cfg->clinic_name, v, n);
    cfg->clinic_name[n] = '\0';
}

static void set_languages(parse_ctx *x, const char *v)
{
    pm_config *cfg = x->cfg;
    char s[64];
    cfg->nlanguages = 0;
    cfg->languages_line = x->lineno;
    for (const char *q = v; *q;) {
        while (*q && is_sep(*q))
            q++;
        const char *start = q;
        while (*q && !is_sep(*q))
            q++;
        size_t n = (size_t)(q - start);
        if (n == 0)
            break;
        char code[CONFIG_LANG_MAX];
        if (!lang_code(start, n, code)) {
            char word[64];
            snprintf(word, sizeof word, "%.*s", (int)(n < 40 ? n : 40), start);
            shown(word, s, sizeof s);
            MSG(x,
                "%s:%d: languages: '%s' is not a language code (codes look like en, es, "
                "pt-br); it is left out",
                x->name, x->lineno, s);
            continue;
        }
        bool dup = false;
        for (size_t i = 0; i < cfg->nlanguages; i++)
            dup = dup || strcmp(cfg->languages[i], code) == 0;
        if (dup) {
            MSG(x, "%s:%d: languages: '%s' is listed twice; it is offered once", x->name,
                x->lineno, code);
            continue;
        }
        if (cfg->nlanguages == CONFIG_MAX_LANGS) {
            MSG(x, "%s:%d: languages: at most %d languages can be offered; '%s' is left out",
                x->name, x->lineno, CONFIG_MAX_LANGS, code);
            continue;
        }
        memcpy(cfg->languages[cfg->nlanguages++], code, CONFIG_LANG_MAX);
    }
    if (cfg->nlanguages == 0)
        MSG(x, "%s:%d: languages: no usable language code; every language the kiosk has is "
               "offered",
            x->name, x->lineno);
}

static void set_default_language(parse_ctx *x, const char *v)
{
    char code[CONFIG_LANG_MAX], s[64];
    if (!lang_code(v, strlen(v), code)) {
        shown(v, s, sizeof s);
        MSG(x,
            "%s:%d: default_language = %s: must be one language code such as en or es; "
            "using en",
            x->name, x->lineno, s);
        return;
    }
    memcpy(x->cfg->default_language, code, CONFIG_LANG_MAX);
    x->cfg->default_language_line = x->lineno;
}

static void set_number(parse_ctx *x, const char *key, const char *v, long lo, long hi,
                       const char *unit, uint32_t *field)
{
    long n;
    char s[64];
    if (parse_uint(v, lo, hi, &n)) {
        *field = (uint32_t)n;
        return;
    }
    shown(v, s, sizeof s);
    MSG(x, "%s:%d: %s = %s: must be a whole number of %s from %ld to %ld; using %lu", x->name,
        x->lineno, key, s, unit, lo, hi, (unsigned long)*field);
}

static void set_rotation(parse_ctx *x, const char *v)
{
    long n;
    char s[64];
    if (parse_uint(v, 0, 270, &n) && n % 90 == 0) {
        x->cfg->rotation = (int)n;
        return;
    }
    shown(v, s, sizeof s);
    MSG(x, "%s:%d: rotation = %s: must be 0, 90, 180 or 270; using 0", x->name, x->lineno, s);
}

static void set_delete_uncopied(parse_ctx *x, const char *v)
{
    char s[64];
    if (strcasecmp(v, "yes") == 0 || strcasecmp(v, "no") == 0) {
        x->cfg->delete_uncopied = strcasecmp(v, "yes") == 0;
        return;
    }
    shown(v, s, sizeof s);
    MSG(x,
        "%s:%d: delete_uncopied = %s: must be yes or no; using no (intakes never copied to a "
        "USB stick are kept until staff copy or delete them)",
        x->name, x->lineno, s);
}

/* The crypt alphabet ("./0-9A-Za-z"). */
static bool crypt64(char ch)
{
    return isalnum((unsigned char)ch) || ch == '.' || ch == '/';
}

/* What is wrong with a yescrypt hash line's value, or NULL when it is one
 * the kiosk can check PINs against. libxcrypt takes a hash cut short, or
 * with parameters it does not know, without complaint, and then every PIN
 * is "wrong" (a truncated hash is silently re-computed in full; unknown
 * parameters make crypt fail): so the shape is checked here, where the
 * clinic can be told. The parameters must be ones libxcrypt itself makes
 * (costs 1 to 11); the salt crypt64; the hash exactly 43 crypt64
 * characters (256 bits). */
#define YESCRYPT_HASH_CHARS 43
static const char *hash_problem(const char *v, char *why, size_t size)
{
    size_t n = strlen(v);
    if (n >= CONFIG_HASH_MAX || strncmp(v, "$y$", 3) != 0)
        return "does not start with $y$ (a yescrypt hash)";
    const char *params = v + 3;
    const char *salt = strchr(params, '$');
    const char *hash = salt ? strchr(salt + 1, '$') : NULL;
    if (!salt || !hash)
        return "is cut short: it has fewer than four $ signs ($y$params$salt$hash)";
    salt++;
    hash++;
    if (strchr(hash, '$'))
        return "has more than four $ signs";
    size_t np = (size_t)(salt - 1 - params), ns = (size_t)(hash - 1 - salt), nh = strlen(hash);
    for (const char *q = params; q < v + n; q++)
        if (*q != '$' && !crypt64(*q))
            return "has a character that is not in a yescrypt hash (a space or a quote?)";
    if (ns == 0)
        return "has no salt";
    if (nh != YESCRYPT_HASH_CHARS) {
        snprintf(why, size, "is cut short or too long: its last part has %zu characters, a "
                            "yescrypt hash has %d", nh, YESCRYPT_HASH_CHARS);
        return why;
    }
    /* the parameters libxcrypt makes, one per cost */
    static const char rnd[16] = "painmap-config!";
    for (unsigned long cost = 1; cost <= 11; cost++) {
        char setting[CRYPT_GENSALT_OUTPUT_SIZE];
        if (!crypt_gensalt_rn("$y$", cost, rnd, (int)sizeof rnd, setting, (int)sizeof setting))
            continue;
        const char *end = strchr(setting + 3, '$');
        if (end && (size_t)(end - (setting + 3)) == np && strncmp(setting + 3, params, np) == 0)
            return NULL;
    }
    snprintf(why, size, "has parameters (%.*s) that yescrypt does not make, so no PIN could "
                        "ever match it", (int)(np < 16 ? np : 16), params);
    return why;
}

static void set_pin_hash(parse_ctx *x, const char *v)
{
    char why[160];
    const char *problem = hash_problem(v, why, sizeof why);
    if (!problem) {
        snprintf(x->cfg->staff_pin_hash, sizeof x->cfg->staff_pin_hash, "%s", v);
        return;
    }
    x->pin_reported = true;
    MSG(x,
        "%s:%d: staff_pin_hash %s; staff mode stays locked until the whole line printed by "
        "`painmap --hash-pin` is pasted in",
        x->name, x->lineno, problem);
}

/* 4 to 8 ASCII digits. */
static bool plain_pin_ok(const char *v)
{
    size_t n = strlen(v);
    if (n < CONFIG_PIN_MIN_DIGITS || n > CONFIG_PIN_MAX_DIGITS)
        return false;
    for (const char *q = v; *q; q++)
        if (*q < '0' || *q > '9')
            return false;
    return true;
}

static void set_pin_plain(parse_ctx *x, const char *v)
{
    if (plain_pin_ok(v)) {
        snprintf(x->cfg->staff_pin_plain, sizeof x->cfg->staff_pin_plain, "%s", v);
        return;
    }
    x->pin_reported = true;
    MSG(x,
        "%s:%d: staff_pin must be %d to %d digits (0-9) and nothing else; this line is "
        "ignored (staff mode uses a staff_pin_hash line if there is one, else stays locked)",
        x->name, x->lineno, CONFIG_PIN_MIN_DIGITS, CONFIG_PIN_MAX_DIGITS);
}

static void set_display(parse_ctx *x, const char *v)
{
    char s[64];
    if (strcasecmp(v, "hdmi") == 0 || strcasecmp(v, "dsi7") == 0) {
        x->cfg->display = strcasecmp(v, "dsi7") == 0 ? CONFIG_DISPLAY_DSI7 : CONFIG_DISPLAY_HDMI;
        return;
    }
    shown(v, s, sizeof s);
    MSG(x,
        "%s:%d: display = %s: must be hdmi (an HDMI screen with USB touch) or dsi7 (the "
        "official Raspberry Pi 7-inch touch display); using hdmi",
        x->name, x->lineno, s);
}

static void set_after_export(parse_ctx *x, const char *v)
{
    long n;
    char s[64];
    if (strcasecmp(v, "never") == 0 || strcasecmp(v, "off") == 0 || strcasecmp(v, "no") == 0) {
        x->cfg->delete_after_export_days = CONFIG_UNSET;
        return;
    }
    if (parse_uint(v, 0, CONFIG_AFTER_EXPORT_MAX, &n)) {
        x->cfg->delete_after_export_days = (int32_t)n;
        return;
    }
    shown(v, s, sizeof s);
    MSG(x,
        "%s:%d: delete_after_export_days = %s: must be a whole number of days from 0 to %d, "
        "or never; using never (exported intakes are kept for retention_days)",
        x->name, x->lineno, s, CONFIG_AFTER_EXPORT_MAX);
}

static void set_formats(parse_ctx *x, const char *v)
{
    unsigned bits = 0;
    char s[64];
    for (const char *q = v; *q;) {
        while (*q && is_sep(*q))
            q++;
        const char *start = q;
        while (*q && !is_sep(*q))
            q++;
        size_t n = (size_t)(q - start);
        if (n == 0)
            break;
        if (n == 4 && strncasecmp(start, "html", 4) == 0)
            bits |= CONFIG_EXPORT_HTML;
        else if (n == 4 && strncasecmp(start, "json", 4) == 0)
            bits |= CONFIG_EXPORT_JSON;
        else if (n == 4 && strncasecmp(start, "fhir", 4) == 0)
            bits |= CONFIG_EXPORT_FHIR;
        else {
            char word[64];
            snprintf(word, sizeof word, "%.*s", (int)(n < 40 ? n : 40), start);
            shown(word, s, sizeof s);
            MSG(x, "%s:%d: export_formats: '%s' is not one of html, json, fhir; it is left out",
                x->name, x->lineno, s);
        }
    }
    if (bits == 0) {
        MSG(x, "%s:%d: export_formats names no format; using html, json, fhir", x->name,
            x->lineno);
        bits = CONFIG_EXPORT_ALL;
    }
    x->cfg->export_formats = bits;
}

/* The clinic's key lines: their shape only (seal.h reads them). */
static void set_key_line(parse_ctx *x, int k, const char *v)
{
    bool pub = k == K_PUBLIC_KEY;
    const char *prefix = pub ? "pmpk1." : "pmsk1.";
    size_t max = pub ? CONFIG_KEY_MAX : CONFIG_KEYBOX_MAX, n = strlen(v);
    bool ok = n < max && strncmp(v, prefix, 6) == 0;
    for (size_t i = 6; ok && i < n; i++)
        ok = isalnum((unsigned char)v[i]) || v[i] == '-' || v[i] == '_' || v[i] == '.';
    if (!ok) {
        MSG(x, "%s:%d: %s is not a line the passphrase set-up wrote (it starts with %s and has "
               "no blanks); intakes cannot be sealed with it",
            x->name, x->lineno, key_names[k], prefix);
        return;
    }
    snprintf(pub ? x->cfg->intake_public_key : x->cfg->intake_secret_key, max, "%s", v);
}

/* ------------------------------------------------------------------------ */
/* inih glue                                                                 */

static void unknown_key(parse_ctx *x, const char *key)
{
    const char *best = NULL;
    size_t best_d = 3; /* suggest only close matches */
    for (int k = 0; k < K_COUNT; k++) {
        size_t d = distance(key, key_names[k]);
        if (d < best_d) {
            best_d = d;
            best = key_names[k];
        }
    }
    char s[64];
    shown(key, s, sizeof s);
    if (best)
        MSG(x, "%s:%d: unknown setting '%s' (did you mean %s?); this line is ignored", x->name,
            x->lineno, s, best);
    else
        MSG(x, "%s:%d: unknown setting '%s'; this line is ignored (the settings are: "
               "clinic_name, languages, default_language, idle_timeout, rotation, display, "
               "staff_pin, staff_pin_hash, staff_idle_timeout, retention_days, "
               "delete_after_export_days, delete_uncopied, export_formats, staff_passphrase)",
            x->name, x->lineno, s);
}

/* The value of the current line as written: everything after the first
 * '=' or ':' (inih's own split), blanks trimmed. inih takes " ;" inside a
 * value as the start of a comment, so "Smith ; Jones" would become
 * "Smith"; a free-text value is taken whole from here instead. */
static const char *raw_value(parse_ctx *x, char *out, size_t size)
{
    const char *v = x->line + strcspn(x->line, "=:");
    if (*v)
        v++;
    while (*v == ' ' || *v == '\t')
        v++;
    size_t n = strlen(v);
    while (n > 0 && (v[n - 1] == ' ' || v[n - 1] == '\t'))
        n--;
    if (n >= size)
        n = size - 1;
    memcpy(out, v, n);
    out[n] = '\0';
    return out;
}

static int on_pair(void *user, const char *section, const char *key, const char *value)
{
    parse_ctx *x = user;
    (void)section; /* sections are allowed and ignored */
    char v[512], whole[512];
    if (strcasecmp(key, key_names[K_CLINIC]) == 0 || strcasecmp(key, key_names[K_PASSPHRASE]) == 0
        || strcasecmp(key, key_names[K_OLD_PASSPHRASE]) == 0)
        value = raw_value(x, whole, sizeof whole); /* free text may hold " ;" */
    size_t n = strlen(value);
    /* "My Clinic" and 'My Clinic' are taken without their quotes */
    if (n >= 2 && (value[0] == '"' || value[0] == '\'') && value[n - 1] == value[0]) {
        value++;
        n -= 2;
    }
    if (n >= sizeof v)
        n = sizeof v - 1;
    memcpy(v, value, n);
    v[n] = '\0';

    int k = 0;
    while (k < K_COUNT && strcasecmp(key, key_names[k]) != 0)
        k++;
    if (k == K_COUNT) {
        unknown_key(x, key);
        return 1;
    }
    if (x->seen[k])
        MSG(x, "%s:%d: %s is set twice (also on line %d); this line wins", x->name, x->lineno,
            key_names[k], x->seen[k]);
    x->seen[k] = x->lineno;
    if (v[0] == '\0' && (k == K_PUBLIC_KEY || k == K_SECRET_KEY || k == K_PASSPHRASE
                         || k == K_OLD_PASSPHRASE))
        return 1; /* an empty line of the template: nothing set */
    if (v[0] == '\0' && k != K_CLINIC && k != K_PIN_HASH && k != K_PIN_PLAIN) {
        pm_config d;
        config_defaults(&d, NULL);
        MSG(x, "%s:%d: %s has no value; using the default", x->name, x->lineno, key_names[k]);
        switch (k) {
        case K_LANGUAGES:
            x->cfg->nlanguages = 0;
            break;
        case K_DEFAULT_LANGUAGE:
            memcpy(x->cfg->default_language, d.default_language, CONFIG_LANG_MAX);
            break;
        case K_IDLE: x->cfg->idle_timeout_s = d.idle_timeout_s; break;
        case K_ROTATION: x->cfg->rotation = d.rotation; break;
        case K_STAFF_IDLE: x->cfg->staff_idle_timeout_s = d.staff_idle_timeout_s; break;
        case K_RETENTION: x->cfg->retention_days = d.retention_days; break;
        case K_AFTER_EXPORT: x->cfg->delete_after_export_days = CONFIG_UNSET; break;
        case K_FORMATS: x->cfg->export_formats = d.export_formats; break;
        case K_DELETE_UNCOPIED: x->cfg->delete_uncopied = false; break;
        case K_DISPLAY: x->cfg->display = CONFIG_DISPLAY_HDMI; break;
        default: break;
        }
        return 1;
    }
    /* a repeated key starts again from its default */
    pm_config d;
    config_defaults(&d, NULL);
    switch (k) {
    case K_CLINIC:
        x->cfg->clinic_name[0] = '\0';
        set_clinic(x, v);
        break;
    case K_LANGUAGES: set_languages(x, v); break;
    case K_DEFAULT_LANGUAGE:
        memcpy(x->cfg->default_language, d.default_language, CONFIG_LANG_MAX);
        set_default_language(x, v);
        break;
    case K_IDLE:
        x->cfg->idle_timeout_s = d.idle_timeout_s;
        set_number(x, "idle_timeout", v, CONFIG_IDLE_MIN, CONFIG_IDLE_MAX, "seconds",
                   &x->cfg->idle_timeout_s);
        break;
    case K_ROTATION:
        x->cfg->rotation = 0;
        set_rotation(x, v);
        break;
    case K_PIN_HASH:
        x->cfg->staff_pin_hash[0] = '\0';
        if (v[0])
            set_pin_hash(x, v);
        break;
    case K_STAFF_IDLE:
        x->cfg->staff_idle_timeout_s = d.staff_idle_timeout_s;
        set_number(x, "staff_idle_timeout", v, CONFIG_STAFF_IDLE_MIN, CONFIG_STAFF_IDLE_MAX,
                   "seconds", &x->cfg->staff_idle_timeout_s);
        break;
    case K_RETENTION:
        x->cfg->retention_days = d.retention_days;
        set_number(x, "retention_days", v, CONFIG_RETENTION_MIN, CONFIG_RETENTION_MAX, "days",
                   &x->cfg->retention_days);
        break;
    case K_AFTER_EXPORT:
        x->cfg->delete_after_export_days = CONFIG_UNSET;
        set_after_export(x, v);
        break;
    case K_FORMATS: set_formats(x, v); break;
    case K_DELETE_UNCOPIED:
        x->cfg->delete_uncopied = false;
        set_delete_uncopied(x, v);
        break;
    case K_PUBLIC_KEY:
    case K_SECRET_KEY:
        set_key_line(x, k, v);
        break;
    case K_PASSPHRASE:
        /* never kept, never repeated: the set-up turns it into the key */
        x->cfg->staff_passphrase_line = x->lineno;
        explicit_bzero(v, sizeof v);
        explicit_bzero(whole, sizeof whole);
        break;
    case K_OLD_PASSPHRASE:
        explicit_bzero(v, sizeof v);
        explicit_bzero(whole, sizeof whole);
        break;
    case K_PIN_PLAIN:
        explicit_bzero(x->cfg->staff_pin_plain, sizeof x->cfg->staff_pin_plain);
        if (v[0])
            set_pin_plain(x, v);
        break;
    case K_DISPLAY:
        x->cfg->display = CONFIG_DISPLAY_HDMI;
        set_display(x, v);
        break;
    default: break;
    }
    explicit_bzero(v, sizeof v); /* it may have held a plain PIN */
    return 1;
}

/* Hands inih one line at a time (as fgets would), counting lines. */
static char *read_line(char *str, int num, void *stream)
{
    parse_ctx *x = stream;
    if (!*x->p || num < 4)
        return NULL;
    const char *line = x->p;
    const char *eol = strchr(line, '\n');
    size_t n = eol ? (size_t)(eol - line) : strlen(line);
    x->p = eol ? eol + 1 : line + n;
    x->lineno++;
    if (x->lineno == 1 && n >= 3 && memcmp(line, "\xEF\xBB\xBF", 3) == 0) {
        line += 3; /* the byte-order mark Windows editors put first */
        n -= 3;
    }
    if (n > 0 && line[n - 1] == '\r')
        n--;
    while (n > 0 && (*line == ' ' || *line == '\t')) {
        line++;
        n--;
    }
    if (n + 2 > (size_t)num) {
        MSG(x, "%s:%d: this line is longer than %d characters; it is ignored", x->name,
            x->lineno, num - 2);
        n = 0;
    } else if (n > 0 && line[0] != '#' && line[0] != ';' && line[0] != '['
               && !memchr(line, '=', n) && !memchr(line, ':', n)) {
        char text[64], s[64];
        snprintf(text, sizeof text, "%.*s", (int)(n < 40 ? n : 40), line);
        shown(text, s, sizeof s);
        MSG(x,
            "%s:%d: '%s' is not a setting (settings look like: key = value; comments start "
            "with #); this line is ignored",
            x->name, x->lineno, s);
        n = 0;
    }
    memcpy(str, line, n);
    str[n] = '\n';
    str[n + 1] = '\0';
    snprintf(x->line, sizeof x->line, "%.*s", (int)n, line);
    return str;
}

/* ------------------------------------------------------------------------ */
/* Public                                                                    */

void config_defaults(pm_config *cfg, const char *source)
{
    memset(cfg, 0, sizeof *cfg);
    snprintf(cfg->default_language, sizeof cfg->default_language, "en");
    cfg->idle_timeout_s = CONFIG_IDLE_DEFAULT;
    cfg->rotation = 0;
    cfg->staff_idle_timeout_s = CONFIG_STAFF_IDLE_DEFAULT;
    cfg->retention_days = CONFIG_RETENTION_DEFAULT;
    cfg->delete_after_export_days = CONFIG_UNSET;
    cfg->export_formats = CONFIG_EXPORT_ALL;
    snprintf(cfg->source, sizeof cfg->source, "%s", source ? source : "painmap.conf");
}

pm_status config_parse_string(const char *text, const char *name, pm_config *cfg,
                              pm_msgs *msgs)
{
    config_defaults(cfg, name);
    parse_ctx x = { .cfg = cfg, .msgs = msgs, .name = cfg->source, .p = text ? text : "" };
    /* inih's result (the first line it could not split) is not needed: the
     * reader has already reported every such line by its number. */
    (void)ini_parse_stream(read_line, &x, on_pair, &x);
    explicit_bzero(x.line, sizeof x.line); /* it may have held a passphrase or a PIN */
    if (!cfg->staff_pin_hash[0] && !cfg->staff_pin_plain[0] && !x.pin_reported)
        MSG(&x,
            "%s: no staff PIN is set, so staff mode (the queue and USB export) cannot be "
            "opened; write one line such as staff_pin = 4821 (4 to 8 digits of your own)",
            x.name);
    /* the key comes as a pair; one without the other seals nothing */
    if (!cfg->intake_public_key[0] != !cfg->intake_secret_key[0]) {
        MSG(&x, "%s: intake_public_key and intake_secret_key come as a pair, and only one is "
                "set; intakes are saved unsealed until both lines the set-up wrote are back",
            x.name);
        cfg->intake_public_key[0] = cfg->intake_secret_key[0] = '\0';
    }
    if (cfg->staff_passphrase_line)
        MSG(&x,
            "%s:%d: staff_passphrase is waiting to be turned into the intake key (the image does "
            "it at boot; elsewhere run `painmap --seal-passphrase %s`); the line stays secret "
            "until then, so do it soon",
            x.name, cfg->staff_passphrase_line, x.name);
    return x.oom ? PM_ERR_NOMEM : PM_OK;
}

pm_status config_load(const char *path, pm_config *cfg, pm_msgs *msgs)
{
    const char *base = path ? strrchr(path, '/') : NULL;
    base = base ? base + 1 : (path ? path : "painmap.conf");
    config_defaults(cfg, base);
    FILE *f = path ? fopen(path, "rb") : NULL;
    if (!f) {
        int e = path ? errno : ENOENT;
        pm_status st = e == ENOENT ? PM_ERR_NOT_FOUND : PM_ERR_IO;
        pm_status add = pm_msgs_add(
            msgs,
            "%s: cannot read the configuration (%s); using the built-in settings (no clinic "
            "name, English, no staff PIN so staff mode is locked, intakes kept %d days). "
            "Copy painmap.conf.example to %s and edit it",
            path ? path : "(no file given)", strerror(e), CONFIG_RETENTION_DEFAULT,
            path ? path : "the boot partition");
        return add != PM_OK ? add : st;
    }
    char *text = malloc(CONFIG_FILE_MAX + 1);
    size_t n = text ? fread(text, 1, CONFIG_FILE_MAX + 1, f) : 0;
    bool err = ferror(f) != 0;
    fclose(f);
    if (!text)
        return PM_ERR_NOMEM;
    if (err || n > CONFIG_FILE_MAX) {
        free(text);
        pm_status add = pm_msgs_add(
            msgs, "%s: %s; using the built-in settings (staff mode is locked)", path,
            err ? "the file could not be read" : "the file is larger than 64 KiB");
        return add != PM_OK ? add : (err ? PM_ERR_IO : PM_ERR_LIMIT);
    }
    text[n] = '\0';
    if (memchr(text, '\0', n)) {
        free(text);
        pm_status add = pm_msgs_add(
            msgs,
            "%s: this is not a plain text file (save it as UTF-8 text); using the built-in "
            "settings (staff mode is locked)",
            path);
        return add != PM_OK ? add : PM_ERR_INVALID;
    }
    pm_status st = config_parse_string(text, base, cfg, msgs);
    explicit_bzero(text, n); /* it may hold a plain PIN or a passphrase waiting for the set-up */
    free(text);
    return st;
}

size_t config_check_languages(pm_config *cfg, const pm_content *c, pm_msgs *msgs)
{
    size_t added = 0;
    char have[CONTENT_MAX_LANGS * (CONFIG_LANG_MAX + 1) + 1] = "";
    for (size_t i = 0; i < content_lang_count(c); i++) {
        strncat(have, " ", sizeof have - strlen(have) - 1);
        strncat(have, content_lang_code(c, i), sizeof have - strlen(have) - 1);
    }
    size_t keep = 0;
    for (size_t i = 0; i < cfg->nlanguages; i++) {
        if (content_lang_index(c, cfg->languages[i]) < 0) {
            added += pm_msgs_add(msgs,
                                 "%s:%d: languages: the kiosk has no texts in '%s' (it has:%s); "
                                 "it is not offered",
                                 cfg->source, cfg->languages_line, cfg->languages[i], have)
                     == PM_OK;
            continue;
        }
        if (keep != i)
            memcpy(cfg->languages[keep], cfg->languages[i], CONFIG_LANG_MAX);
        keep++;
    }
    cfg->nlanguages = keep;
    if (cfg->nlanguages == 0) {
        for (size_t i = 0; i < content_lang_count(c) && i < CONFIG_MAX_LANGS; i++)
            snprintf(cfg->languages[cfg->nlanguages++], CONFIG_LANG_MAX, "%s",
                     content_lang_code(c, i));
    }
    bool offered = false;
    for (size_t i = 0; i < cfg->nlanguages; i++)
        offered = offered || strcmp(cfg->languages[i], cfg->default_language) == 0;
    if (!offered && cfg->nlanguages > 0) {
        if (cfg->default_language_line > 0)
            added += pm_msgs_add(msgs,
                                 "%s:%d: default_language = %s: it is not one of the languages "
                                 "offered; using %s",
                                 cfg->source, cfg->default_language_line, cfg->default_language,
                                 cfg->languages[0])
                     == PM_OK;
        else
            added += pm_msgs_add(msgs,
                                 "%s: default_language is not set and en is not offered; using "
                                 "%s",
                                 cfg->source, cfg->languages[0])
                     == PM_OK;
        memcpy(cfg->default_language, cfg->languages[0], CONFIG_LANG_MAX);
    }
    return added;
}

flow_timing config_flow_timing(const pm_config *cfg)
{
    flow_timing t = flow_default_timing();
    t.idle_ms = cfg->idle_timeout_s * 1000u;
    return t;
}

bool config_seals(const pm_config *cfg)
{
    return cfg->intake_public_key[0] && cfg->intake_secret_key[0];
}

bool config_staff_enabled(const pm_config *cfg)
{
    return cfg->staff_pin_hash[0] != '\0' || cfg->staff_pin_plain[0] != '\0';
}

void config_describe(const pm_config *cfg, char *buf, size_t size)
{
    char langs[CONFIG_MAX_LANGS * CONFIG_LANG_MAX + 8] = "";
    for (size_t i = 0; i < cfg->nlanguages; i++) {
        if (i)
            strncat(langs, ", ", sizeof langs - strlen(langs) - 1);
        strncat(langs, cfg->languages[i], sizeof langs - strlen(langs) - 1);
    }
    char after[32];
    if (cfg->delete_after_export_days == CONFIG_UNSET)
        snprintf(after, sizeof after, "never");
    else
        snprintf(after, sizeof after, "%ld", (long)cfg->delete_after_export_days);
    snprintf(buf, size,
             "clinic_name = %s\nlanguages = %s\ndefault_language = %s\nidle_timeout = %lu\n"
             "rotation = %d\ndisplay = %s\nstaff_pin_hash = %s\nstaff_idle_timeout = %lu\n"
             "retention_days = %lu\ndelete_after_export_days = %s\ndelete_uncopied = %s\n"
             "export_formats = %s%s%s\n",
             cfg->clinic_name, cfg->nlanguages ? langs : "(all)", cfg->default_language,
             (unsigned long)cfg->idle_timeout_s, cfg->rotation, config_display_name(cfg->display),
             cfg->staff_pin_plain[0] ? "(a plain staff_pin is set)"
             : cfg->staff_pin_hash[0] ? "(set)" : "(not set: staff mode locked)",
             (unsigned long)cfg->staff_idle_timeout_s, (unsigned long)cfg->retention_days, after,
             cfg->delete_uncopied ? "yes" : "no", cfg->export_formats & CONFIG_EXPORT_HTML ? "html " : "",
             cfg->export_formats & CONFIG_EXPORT_JSON ? "json " : "",
             cfg->export_formats & CONFIG_EXPORT_FHIR ? "fhir" : "");
}

const char *config_display_name(config_display d)
{
    return d == CONFIG_DISPLAY_DSI7 ? "dsi7" : "hdmi";
}

/* ------------------------------------------------------------------------ */
/* The PIN lines, for replacing a plain PIN by its hash on the card          */

/* Is [k, k+n) the key `name` (any case)? */
static bool key_is(const char *k, size_t n, const char *name)
{
    return n == strlen(name) && strncasecmp(k, name, n) == 0;
}

size_t config_pin_lines(const char *text, config_pin_line *out, size_t max)
{
    size_t found = 0;
    const char *p = text ? text : "";
    for (int lineno = 1; *p; lineno++) {
        const char *eol = strchr(p, '\n');
        size_t len = eol ? (size_t)(eol - p) : strlen(p);
        const char *q = p, *end = p + len;
        if (lineno == 1 && len >= 3 && memcmp(q, "\xEF\xBB\xBF", 3) == 0)
            q += 3;
        if (end > q && end[-1] == '\r')
            end--;
        while (q < end && (*q == ' ' || *q == '\t'))
            q++;
        /* The parser's rules: comments and sections are not settings; the
         * key ends at the first '=' or ':'. */
        const char *sep = q;
        while (sep < end && *sep != '=' && *sep != ':')
            sep++;
        if (q < end && *q != '#' && *q != ';' && *q != '[' && sep < end) {
            const char *ke = sep;
            while (ke > q && (ke[-1] == ' ' || ke[-1] == '\t'))
                ke--;
            bool plain = key_is(q, (size_t)(ke - q), "staff_pin");
            if (plain || key_is(q, (size_t)(ke - q), "staff_pin_hash")) {
                if (found < max) {
                    config_pin_line *l = &out[found];
                    memset(l, 0, sizeof *l);
                    l->start = (size_t)(p - text);
                    l->end = (size_t)(p - text) + len - (p + len > end ? 1 : 0);
                    l->line = lineno;
                    l->plain = plain;
                    /* the value: blanks, an inline " ;" comment and quotes off */
                    const char *v = sep + 1, *ve = end;
                    while (v < ve && (*v == ' ' || *v == '\t'))
                        v++;
                    for (const char *c = v; c < ve; c++)
                        if (*c == ';' && c > v && (c[-1] == ' ' || c[-1] == '\t')) {
                            ve = c;
                            break;
                        }
                    while (ve > v && (ve[-1] == ' ' || ve[-1] == '\t'))
                        ve--;
                    if (ve - v >= 2 && (*v == '"' || *v == '\'') && ve[-1] == *v) {
                        v++;
                        ve--;
                    }
                    size_t vn = (size_t)(ve - v);
                    if (plain && vn <= CONFIG_PIN_MAX_DIGITS) {
                        memcpy(l->pin, v, vn);
                        l->pin[vn] = '\0';
                        l->valid = plain_pin_ok(l->pin);
                        if (!l->valid)
                            explicit_bzero(l->pin, sizeof l->pin);
                    }
                }
                found++;
            }
        }
        p = eol ? eol + 1 : p + len;
    }
    return found;
}
