/* seal_setup.c — staff_passphrase in painmap.conf turned into the clinic's
 * key lines (see seal_setup.h).
 *
 * Why it is built this way: the clinic must be able to set the passphrase
 * from any computer (a line in a text file on the card), and the card must
 * not keep it. The lines are found by the parser's own rules
 * (config_find_lines), so the line replaced is the one the kiosk read; the
 * rest of the file is copied byte for byte (comments, CRLF, order), like
 * the PIN's set-up. Everything that held the passphrase is wiped. */
#include "seal_setup.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "config.h"

_Static_assert(SEAL_PUBLIC_TEXT_MAX <= CONFIG_KEY_MAX, "painmap.conf holds the public key");
_Static_assert(SEAL_KEYBOX_TEXT_MAX <= CONFIG_KEYBOX_MAX, "painmap.conf holds the secret key");

#define SETUP_MAX_LINES 16

/* One change to the text: bytes [start, end) become with (NULL: removed,
 * with their line ending). */
typedef struct {
    size_t start, end;
    const char *with;
} edit;

typedef struct {
    config_line pass[SETUP_MAX_LINES], old[SETUP_MAX_LINES], pub[SETUP_MAX_LINES],
        sec[SETUP_MAX_LINES];
    size_t npass, nold, npub, nsec;
} found_lines;

static size_t clamp(size_t n)
{
    return n > SETUP_MAX_LINES ? SETUP_MAX_LINES : n;
}

/* The end of a line's bytes with its line ending. */
static size_t with_newline(const char *text, size_t end)
{
    while (text[end] && text[end] != '\n')
        end++;
    return text[end] == '\n' ? end + 1 : end;
}

/* The value without the quotes a clinic may have put around it. */
static const char *unquoted(char *v)
{
    size_t n = strlen(v);
    if (n >= 2 && (v[0] == '"' || v[0] == '\'') && v[n - 1] == v[0]) {
        v[n - 1] = '\0';
        return v + 1;
    }
    return v;
}

static int cmp_edit(const void *a, const void *b)
{
    const edit *x = a, *y = b;
    return x->start < y->start ? -1 : x->start > y->start;
}

/* text with the edits made (the replaced lines keep their own line ending). */
static char *apply(const char *text, edit *e, size_t n)
{
    size_t len = strlen(text), extra = 0;
    for (size_t i = 0; i < n; i++)
        extra += e[i].with ? strlen(e[i].with) + 2 : 0;
    char *out = malloc(len + extra + 1);
    if (!out)
        return NULL;
    qsort(e, n, sizeof *e, cmp_edit);
    size_t w = 0, from = 0;
    for (size_t i = 0; i < n; i++) {
        if (e[i].start < from)
            continue; /* cannot happen: one edit per line */
        memcpy(out + w, text + from, e[i].start - from);
        w += e[i].start - from;
        if (e[i].with) {
            size_t k = strlen(e[i].with);
            memcpy(out + w, e[i].with, k);
            w += k;
            from = e[i].end; /* its line ending stays */
        } else {
            from = with_newline(text, e[i].end);
        }
    }
    memcpy(out + w, text + from, len - from);
    w += len - from;
    out[w] = '\0';
    return out;
}

/* The line ending the file uses, for lines added after a replaced one. */
static const char *eol_of(const char *text)
{
    const char *nl = strchr(text, '\n');
    return nl && nl > text && nl[-1] == '\r' ? "\r\n" : "\n";
}

pm_status seal_setup_config(const char *text, const seal_setup_random *rnd, uint32_t ops,
                            uint32_t mem_kib, char **out, seal_setup_result *result,
                            pm_msg *msg)
{
    *out = NULL;
    *result = SEAL_SETUP_NOTHING;
    pm_msg_set(msg, "no staff_passphrase line: nothing to do");
    found_lines *f = calloc(1, sizeof *f);
    if (!f) {
        pm_msg_set(msg, "out of memory");
        return PM_ERR_NOMEM;
    }
    f->npass = clamp(config_find_lines(text, "staff_passphrase", f->pass, SETUP_MAX_LINES));
    f->nold = clamp(config_find_lines(text, "old_staff_passphrase", f->old, SETUP_MAX_LINES));
    f->npub = clamp(config_find_lines(text, "intake_public_key", f->pub, SETUP_MAX_LINES));
    f->nsec = clamp(config_find_lines(text, "intake_secret_key", f->sec, SETUP_MAX_LINES));
    /* an empty staff_passphrase line (the template's) sets nothing */
    const config_line *use = NULL;
    for (size_t i = 0; i < f->npass; i++)
        if (f->pass[i].value[0])
            use = &f->pass[i];
    if (!use) {
        explicit_bzero(f, sizeof *f);
        free(f);
        return PM_OK;
    }
    char pass[SEAL_PASS_MAX], oldpass[SEAL_PASS_MAX] = "";
    snprintf(pass, sizeof pass, "%s", unquoted(((config_line *)use)->value));
    for (size_t i = 0; i < f->nold; i++)
        if (f->old[i].value[0])
            snprintf(oldpass, sizeof oldpass, "%s", unquoted(f->old[i].value));

    const char *nl = eol_of(text);
    char pubtext[SEAL_PUBLIC_TEXT_MAX], boxtext[SEAL_KEYBOX_TEXT_MAX];
    char lines[2 * SEAL_KEYBOX_TEXT_MAX + 256], comment[PM_MSG_MAX + 128], keep[3 * SEAL_KEYBOX_TEXT_MAX];
    lines[0] = comment[0] = keep[0] = '\0';
    edit e[4 * SETUP_MAX_LINES + 4];
    size_t ne = 0;
    pm_status st = PM_OK;
    pm_msg why = {{0}};

    /* the existing key, when both its lines are there and whole */
    seal_public pk;
    seal_keybox kb;
    bool have_key = f->npub && f->nsec
                    && seal_public_parse(f->pub[f->npub - 1].value, &pk, NULL) == PM_OK
                    && seal_keybox_parse(f->sec[f->nsec - 1].value, &kb, NULL) == PM_OK;
    seal_secret *sk = NULL;

    if (seal_passphrase_check(pass, &why) != PM_OK) {
        snprintf(comment, sizeof comment,
                 "# staff_passphrase was refused and removed: %s. Nothing else changed.",
                 why.text);
        *result = SEAL_SETUP_REFUSED;
        pm_msg_set(msg, "staff_passphrase (line %d) refused: %s; the line was removed and a "
                        "comment says why", use->line, why.text);
    } else if (have_key && seal_unlock(&kb, &pk, pass, &sk, NULL) == PM_OK) {
        *result = SEAL_SETUP_SAME;
        pm_msg_set(msg, "staff_passphrase (line %d) is the key's own: the line was removed",
                   use->line);
    } else if (have_key && oldpass[0] && seal_unlock(&kb, &pk, oldpass, &sk, NULL) == PM_OK) {
        seal_keybox again;
        st = seal_rewrap(sk, pass, rnd->salt, rnd->nonce, ops, mem_kib, &again, msg);
        if (st == PM_OK) {
            seal_keybox_text(&again, boxtext);
            snprintf(lines, sizeof lines, "intake_secret_key = %s", boxtext);
            e[ne++] = (edit){f->sec[f->nsec - 1].start, f->sec[f->nsec - 1].end, lines};
            *result = SEAL_SETUP_CHANGED;
            pm_msg_set(msg, "the intake key now opens with the new staff_passphrase (line %d); "
                            "intakes saved before stay readable",
                       use->line);
        }
    } else {
        seal_public npk;
        seal_keybox nkb;
        st = seal_make(pass, rnd->seed, rnd->salt, rnd->nonce, ops, mem_kib, &npk, &nkb, msg);
        if (st == PM_OK) {
            seal_public_text(&npk, pubtext);
            seal_keybox_text(&nkb, boxtext);
            snprintf(lines, sizeof lines, "intake_public_key = %s%sintake_secret_key = %s",
                     pubtext, nl, boxtext);
            *result = have_key || f->npub || f->nsec ? SEAL_SETUP_REPLACED : SEAL_SETUP_MADE;
            if (*result == SEAL_SETUP_REPLACED && have_key) {
                char opk[SEAL_PUBLIC_TEXT_MAX], okb[SEAL_KEYBOX_TEXT_MAX];
                seal_public_text(&pk, opk);
                seal_keybox_text(&kb, okb);
                snprintf(keep, sizeof keep,
                         "# The previous intake key (replaced: the new staff_passphrase did not "
                         "open it, and no old_staff_passphrase did). Intakes sealed with it open "
                         "only with its own passphrase, with these two lines put back:%s"
                         "# intake_public_key = %s%s# intake_secret_key = %s",
                         nl, opk, nl, okb);
            }
            pm_msg_set(msg, *result == SEAL_SETUP_MADE
                                ? "the intake key was made from staff_passphrase (line %d), "
                                  "which was removed"
                                : "a new intake key was made from staff_passphrase (line %d); "
                                  "the previous one is kept as comments",
                       use->line);
        }
    }

    if (st == PM_OK) {
        /* the passphrase line becomes the new key lines (or the comment);
         * every other passphrase line, and replaced key lines, go */
        const char *in_place = lines[0] && *result != SEAL_SETUP_CHANGED ? lines
                               : comment[0]                             ? comment
                                                                        : NULL;
        e[ne++] = (edit){use->start, use->end, in_place};
        for (size_t i = 0; i < f->npass; i++)
            if (&f->pass[i] != use)
                e[ne++] = (edit){f->pass[i].start, f->pass[i].end, NULL};
        for (size_t i = 0; i < f->nold; i++)
            e[ne++] = (edit){f->old[i].start, f->old[i].end, NULL};
        if (*result == SEAL_SETUP_MADE || *result == SEAL_SETUP_REPLACED) {
            for (size_t i = 0; i < f->npub; i++)
                e[ne++] = (edit){f->pub[i].start, f->pub[i].end, i == 0 && keep[0] ? keep : NULL};
            for (size_t i = 0; i < f->nsec; i++)
                e[ne++] = (edit){f->sec[i].start, f->sec[i].end, NULL};
        }
        *out = apply(text, e, ne);
        if (!*out) {
            pm_msg_set(msg, "out of memory");
            st = PM_ERR_NOMEM;
        }
    }
    seal_secret_free(sk);
    explicit_bzero(pass, sizeof pass);
    explicit_bzero(oldpass, sizeof oldpass);
    explicit_bzero(f, sizeof *f);
    explicit_bzero(e, sizeof e);
    free(f);
    return st;
}
