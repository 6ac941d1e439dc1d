/* config.h — the clinic's one configuration file (painmap.conf).
 *
 * A plain "key = value" text file that a clinic manager edits on any
 * computer (it lives on the SD card's boot partition; data/painmap.conf.example
 * is the commented template). Parsed with inih. Lines starting with # or ;
 * are comments, and so is a " ;" note after a value, except in free text
 * (clinic_name), which is taken whole; Windows line endings and a UTF-8
 * byte-order mark are fine; [sections] are allowed and ignored. A PIN hash
 * is checked for its whole shape (cut short, unknown parameters).
 *
 * The kiosk never refuses to start because of this file: a missing file
 * gives every default, an unknown key or a bad value gives one message
 * naming the line ("painmap.conf:7: rotation = 45: must be 0, 90, 180 or
 * 270; using 0") and the safe default for that key. The safe default for
 * the staff PIN is "none": staff mode stays locked until a PIN is set, as
 * plain digits (staff_pin = 4821, which the SD image replaces on the card
 * by its hash at the next boot: config_pin_lines, pin_seal_config) or as
 * the hash line `painmap --hash-pin` prints; there is never a default PIN.
 *
 * Ownership: pm_config is a plain value (no pointers); the caller owns it
 * and the pm_msgs list it passes (initialised by the caller, freed by the
 * caller). No global state: inih's own settings are left untouched. */
#ifndef PM_CONFIG_H
#define PM_CONFIG_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "content.h"
#include "flow.h"
#include "status.h"

#define CONFIG_CLINIC_CHARS 60   /* characters of the clinic's name */
#define CONFIG_CLINIC_MAX 256    /* bytes, including the NUL */
#define CONFIG_MAX_LANGS CONTENT_MAX_LANGS
#define CONFIG_LANG_MAX 8        /* a language code, including the NUL */
#define CONFIG_HASH_MAX 160      /* a yescrypt hash line's value */
#define CONFIG_SOURCE_MAX 256    /* the file name messages use */
#define CONFIG_KEY_MAX 64        /* intake_public_key's value (seal.h SEAL_PUBLIC_TEXT_MAX) */
#define CONFIG_KEYBOX_MAX 256    /* intake_secret_key's value (seal.h SEAL_KEYBOX_TEXT_MAX) */
#define CONFIG_UNSET (-1)
#define CONFIG_PIN_MIN_DIGITS 4  /* a plain staff_pin (pin.h checks these match) */
#define CONFIG_PIN_MAX_DIGITS 8

/* The display the SD image sets up at boot (painmap-bootconf, before the
 * kiosk starts); the kiosk itself draws on whichever one the system has. */
typedef enum {
    CONFIG_DISPLAY_HDMI, /* an HDMI panel with USB touch: the default */
    CONFIG_DISPLAY_DSI7, /* the official Raspberry Pi 7" DSI touch display */
} config_display;

/* Export formats (bits of pm_config.export_formats). */
#define CONFIG_EXPORT_HTML 1u
#define CONFIG_EXPORT_JSON 2u
#define CONFIG_EXPORT_FHIR 4u
#define CONFIG_EXPORT_ALL (CONFIG_EXPORT_HTML | CONFIG_EXPORT_JSON | CONFIG_EXPORT_FHIR)

/* Ranges (inclusive) and defaults. */
#define CONFIG_IDLE_MIN 20
#define CONFIG_IDLE_MAX 900
#define CONFIG_IDLE_DEFAULT 90
#define CONFIG_STAFF_IDLE_MIN 15
#define CONFIG_STAFF_IDLE_MAX 900
#define CONFIG_STAFF_IDLE_DEFAULT 60
#define CONFIG_RETENTION_MIN 1
#define CONFIG_RETENTION_MAX 3650
#define CONFIG_RETENTION_DEFAULT 30
#define CONFIG_AFTER_EXPORT_MAX 3650

typedef struct {
    char clinic_name[CONFIG_CLINIC_MAX]; /* UTF-8; "" = not set (the UI shows its own title) */
    /* Languages offered on the welcome screen, in this order. Empty after
     * parsing means "every language the content has"; config_check_languages()
     * resolves it to the exact list. */
    char languages[CONFIG_MAX_LANGS][CONFIG_LANG_MAX];
    size_t nlanguages;
    char default_language[CONFIG_LANG_MAX]; /* default "en" */
    uint32_t idle_timeout_s;        /* client idle before "are you still there?" */
    int rotation;                   /* 0, 90, 180 or 270 degrees */
    char staff_pin_hash[CONFIG_HASH_MAX]; /* "$y$..."; "" = no PIN: staff mode locked */
    /* A PIN written in plain digits (staff_pin = 4821); "" = none. It wins
     * over staff_pin_hash (it is the newer choice: the image replaces it by
     * its hash at boot). The kiosk hashes it in memory and wipes this. */
    char staff_pin_plain[CONFIG_PIN_MAX_DIGITS + 1];
    config_display display;         /* display = hdmi | dsi7 */
    uint32_t staff_idle_timeout_s;  /* staff mode closes itself after this */
    uint32_t retention_days;        /* copied intakes older than this are deleted */
    int32_t delete_after_export_days; /* exported intakes go after this; CONFIG_UNSET: never sooner */
    bool delete_uncopied;           /* retention_days count for never-copied intakes too */
    /* Intakes sealed at rest (records/seal.h): the clinic's key, as the
     * set-up wrote it ("pmpk1...." and "pmsk1...."); both "" when there is
     * none (intakes are then saved as plain files, and a message says so).
     * Only their shape is checked here; seal_public_parse and
     * seal_keybox_parse read them. A plain staff_passphrase line is never
     * kept: its line number says one is waiting for the set-up. */
    char intake_public_key[CONFIG_KEY_MAX];
    char intake_secret_key[CONFIG_KEYBOX_MAX];
    int staff_passphrase_line;
    unsigned export_formats;        /* CONFIG_EXPORT_* bits, never 0 */

    /* Where the values came from, for later messages. */
    char source[CONFIG_SOURCE_MAX];  /* the name messages use ("painmap.conf") */
    int languages_line;              /* 0 = not in the file */
    int default_language_line;
} pm_config;

/* Every key at its default. source may be NULL. */
void config_defaults(pm_config *cfg, const char *source);

/* Parses text (the whole file). name is what messages call the file. cfg is
 * reset to the defaults first; every problem is appended to msgs, and the
 * affected key keeps its default. Returns PM_OK, or PM_ERR_NOMEM when a
 * message could not be recorded (cfg is still complete and usable). */
pm_status config_parse_string(const char *text, const char *name, pm_config *cfg,
                              pm_msgs *msgs);

/* Reads and parses the file at path (at most 64 KiB). A missing or
 * unreadable file gives all defaults and one message; the status then says
 * why (PM_ERR_NOT_FOUND, PM_ERR_IO, PM_ERR_LIMIT) but cfg is always complete
 * and the kiosk should go on. Messages name the file by its base name. */
pm_status config_load(const char *path, pm_config *cfg, pm_msgs *msgs);

/* Resolves the languages against the loaded content: codes the content does
 * not have are dropped (one message each); an empty list becomes every
 * content language; a default that is not offered becomes the first one
 * offered (with a message). Returns how many messages were added. */
size_t config_check_languages(pm_config *cfg, const pm_content *c, pm_msgs *msgs);

/* The flow's timing with this config's idle timeout. */
flow_timing config_flow_timing(const pm_config *cfg);

/* True when the clinic's key is configured (intakes are sealed). */
bool config_seals(const pm_config *cfg);

/* One "key = value" line of painmap.conf as the parser reads it (comments,
 * a byte-order mark, CRLF and leading blanks as config_parse_string takes
 * them): where it starts and ends in the text (its line ending not
 * included), its number, and its value (blanks trimmed; quotes kept). */
typedef struct {
    size_t start, end;
    int line;
    char value[CONFIG_KEYBOX_MAX + 64];
} config_line;

/* Every line setting key (case folded), in order: how many there are (at
 * most max are filled). For the set-up tools that rewrite a line in place
 * (`painmap --seal-passphrase`). */
size_t config_find_lines(const char *text, const char *key, config_line *out, size_t max);

/* True when a staff PIN (hash or plain digits) is configured (staff mode can
 * be opened). */
bool config_staff_enabled(const pm_config *cfg);

/* Writes the effective settings as "key = value" lines (no PIN hash, only
 * whether one is set), for the log at start-up. */
void config_describe(const pm_config *cfg, char *buf, size_t size);

/* The name of a display setting ("hdmi", "dsi7"). */
const char *config_display_name(config_display d);

/* One line of painmap.conf text that sets the staff PIN, as the parser
 * reads it (comments, sections, a byte-order mark, "\r\n" and quotes
 * alike): [start, end) are the line's bytes without its line ending. */
typedef struct {
    size_t start, end;
    int line;                                /* 1-based */
    bool plain;                              /* staff_pin (else staff_pin_hash) */
    bool valid;                              /* plain: 4 to 8 digits */
    char pin[CONFIG_PIN_MAX_DIGITS + 1];     /* plain and valid: the digits */
} config_pin_line;

/* Finds every staff_pin and staff_pin_hash line of text, in order, up to
 * max of them in out (callers wipe out's PINs after use). Returns how many
 * there are (which may be more than max). */
size_t config_pin_lines(const char *text, config_pin_line *out, size_t max);

#endif
