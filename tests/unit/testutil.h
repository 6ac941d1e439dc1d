/* testutil.h — helpers shared by the unit tests (not part of the kiosk). */
#ifndef PM_TESTUTIL_H
#define PM_TESTUTIL_H

#include "content.h"

/* The shipped data folder (PAINMAP_DATA_DIR, set by ctest). */
const char *tu_data_dir(void);
/* tests/ in the source tree (PAINMAP_TESTS_DIR). */
const char *tu_tests_dir(void);
/* Loads the shipped content or fails the test, printing every problem. */
pm_content *tu_load_shipped(void);
/* A fresh empty temporary folder (mkdtemp under $TMPDIR); caller frees the
 * string and may remove the tree with tu_rmtree. */
char *tu_tempdir(void);
void tu_rmtree(const char *path);
/* Reads a whole file into a malloc'd NUL-terminated string (NULL on error). */
char *tu_read_file(const char *path, size_t *len);
/* Writes a file (creating folders as needed); fails the test on error. */
void tu_write_file(const char *path, const char *text);

#endif
