/* main.c — arguments → config → content → app; nothing else.
 *
 * Modes:
 *   painmap --check-data DIR   validate a content folder, list every problem
 *   painmap [options]          run the kiosk (see --help)
 */
#include <stdio.h>
#include <string.h>

#include "core/content.h"
#include "core/textkeys.h"

static int check_data(const char *dir)
{
    pm_content *c = NULL;
    pm_msgs problems;
    pm_msgs_init(&problems);
    pm_status st = content_load(dir, &c, &problems);
    if (st == PM_OK &&
        content_check_program_texts(c, textkeys_program, textkeys_program_count, &problems)) {
        content_free(c);
        c = NULL;
        st = PM_ERR_INVALID;
    }
    for (size_t i = 0; i < problems.count; i++)
        printf("%s\n", problems.items[i]);
    if (st == PM_OK) {
        char line[256];
        content_summary_line(c, line, sizeof line);
        printf("%s\n", line);
        content_free(c);
    } else {
        printf("data has %zu problem%s: %s is not usable until they are fixed\n",
               problems.count, problems.count == 1 ? "" : "s", dir);
    }
    pm_msgs_free(&problems);
    return st == PM_OK ? 0 : 1;
}

static void usage(FILE *to)
{
    fprintf(to,
            "usage: painmap --check-data DIR\n"
            "  --check-data DIR   check a content folder and list every problem\n");
}

int main(int argc, char **argv)
{
    if (argc == 3 && strcmp(argv[1], "--check-data") == 0)
        return check_data(argv[2]);
    if (argc == 2 && (strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0)) {
        usage(stdout);
        return 0;
    }
    usage(stderr);
    return 2;
}
