/* fuzz_util.h — small helpers the fuzz targets share (not part of the kiosk).
 *
 * Each target is one file defining LLVMFuzzerTestOneInput (and, when it
 * needs set-up, LLVMFuzzerInitialize). The same file builds two ways:
 * with clang and libFuzzer (tests/fuzz/CMakeLists.txt) to search for
 * crashes, and with the project's compiler and standalone.c to replay the
 * saved inputs in tests/fuzz/regressions and corpus (tests.cmake). */
#ifndef PM_FUZZ_UTIL_H
#define PM_FUZZ_UTIL_H

#include <stddef.h>
#include <stdint.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerInitialize(int *argc, char ***argv);

/* A NUL-terminated malloc'd copy of data (never NULL: aborts on OOM). */
char *fz_cstr(const uint8_t *data, size_t size);

/* A fresh private folder for this process, on tmpfs when there is one
 * (/dev/shm), removed at exit. */
const char *fz_tempdir(void);

/* Writes a whole file (aborts when it cannot: the harness is broken). */
void fz_write(const char *path, const void *data, size_t size);

/* Reads a whole file into a malloc'd buffer (NULL when it cannot). */
char *fz_read(const char *path, size_t *size);

/* Where the sources are: $PAINMAP_SOURCE_DIR, else the folder this was
 * built from (PAINMAP_FUZZ_SOURCE_DIR). */
const char *fz_source_dir(void);

/* Removes every file in dir (not folders below it). */
void fz_empty_dir(const char *dir);

#endif
