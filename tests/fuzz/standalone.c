/* standalone.c — replays saved fuzz inputs through a target without
 * libFuzzer, so the regressions run in every normal and sanitizer build:
 *
 *   fuzz_regress_TARGET FILE_OR_FOLDER...
 *
 * Each file is one input; a folder means every file in it. Prints how many
 * inputs ran. A crash or a sanitizer report is the failure (the target
 * itself never fails on purpose). */
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "fuzz_util.h"

int LLVMFuzzerInitialize(int *argc, char ***argv) __attribute__((weak));

static int run_file(const char *path)
{
    size_t n = 0;
    char *data = fz_read(path, &n);
    if (!data) {
        fprintf(stderr, "fuzz: cannot read %s\n", path);
        return -1;
    }
    LLVMFuzzerTestOneInput((const uint8_t *)data, n);
    free(data);
    return 1;
}

static int cmp(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

int main(int argc, char **argv)
{
    if (LLVMFuzzerInitialize)
        LLVMFuzzerInitialize(&argc, &argv);
    int ran = 0, bad = 0;
    for (int i = 1; i < argc; i++) {
        struct stat st;
        if (stat(argv[i], &st) != 0) {
            continue; /* an empty regressions folder need not exist */
        }
        if (!S_ISDIR(st.st_mode)) {
            int r = run_file(argv[i]);
            ran += r > 0;
            bad += r < 0;
            continue;
        }
        DIR *d = opendir(argv[i]);
        if (!d)
            continue;
        char **names = NULL;
        size_t n = 0;
        struct dirent *e;
        while ((e = readdir(d))) {
            if (e->d_name[0] == '.' || strcmp(e->d_name, "README.md") == 0)
                continue;
            names = realloc(names, (n + 1) * sizeof *names);
            if (!names)
                abort();
            names[n] = malloc(strlen(argv[i]) + strlen(e->d_name) + 2);
            if (!names[n])
                abort();
            sprintf(names[n], "%s/%s", argv[i], e->d_name);
            n++;
        }
        closedir(d);
        if (n)
            qsort(names, n, sizeof *names, cmp);
        for (size_t k = 0; k < n; k++) {
            struct stat fs;
            if (stat(names[k], &fs) == 0 && S_ISREG(fs.st_mode)) {
                int r = run_file(names[k]);
                ran += r > 0;
                bad += r < 0;
            }
            free(names[k]);
        }
        free(names);
    }
    printf("fuzz regressions: %d input%s replayed without a crash\n", ran, ran == 1 ? "" : "s");
    return bad ? 1 : 0;
}
