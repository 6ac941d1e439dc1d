/* fuzz_content.c — the content loader and checker (content_load) on any
 * bytes: the clinic's data folder is outside input (edited by hand, copied
 * from a stick).
 *
 * The input's first byte chooses which file of a small valid content set
 * (tests/data-mini) it replaces; the rest is that file's new text. The set
 * is copied once into a private folder (on tmpfs), and the replaced file
 * is put back after each input. content_load must return an error or a
 * complete content, never crash, leak or read out of bounds. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "content.h"
#include "fuzz_util.h"
#include "textkeys.h"

static const char *const files[] = {
    "regions.json", "screens.json", "muscles.json", "pages.json",
    "questions.json", "i18n/en.json", "i18n/es.json",
};
#define NFILES (sizeof files / sizeof files[0])

static char dir[512];
static char *original[NFILES];
static size_t original_len[NFILES];

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc;
    (void)argv;
    snprintf(dir, sizeof dir, "%s/data", fz_tempdir());
    char sub[600];
    snprintf(sub, sizeof sub, "%s/i18n", dir);
    mkdir(dir, 0700);
    mkdir(sub, 0700);
    for (size_t i = 0; i < NFILES; i++) {
        char from[1024], to[1024];
        snprintf(from, sizeof from, "%s/tests/data-mini/%s", fz_source_dir(), files[i]);
        snprintf(to, sizeof to, "%s/%s", dir, files[i]);
        original[i] = fz_read(from, &original_len[i]);
        if (!original[i]) {
            fprintf(stderr, "fuzz_content: cannot read %s (set PAINMAP_SOURCE_DIR)\n", from);
            abort();
        }
        fz_write(to, original[i], original_len[i]);
    }
    return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 1)
        return 0;
    size_t which = data[0] % NFILES;
    char path[1024];
    snprintf(path, sizeof path, "%s/%s", dir, files[which]);
    fz_write(path, data + 1, size - 1);
    pm_content *c = NULL;
    pm_msgs problems;
    pm_msgs_init(&problems);
    if (content_load(dir, &c, &problems) == PM_OK) {
        /* what start-up does next with a loaded content */
        content_check_program_texts(c, textkeys_program, textkeys_program_count, &problems);
        char line[256];
        content_summary_line(c, line, sizeof line);
        for (size_t i = 0; i < content_region_count(c); i++) {
            const pm_region *r = content_region(c, i);
            content_region_at(c, r->view, r->anchor, 5);
        }
        content_free(c);
    } else if (c) {
        abort(); /* half-loaded: the contract says never */
    }
    pm_msgs_free(&problems);
    fz_write(path, original[which], original_len[which]);
    return 0;
}
