/* testutil.h — helpers shared by the unit tests (not part of the kiosk). */
#ifndef PM_TESTUTIL_H
#define PM_TESTUTIL_H

#include "content.h"
#include "seal.h"
#include "flow.h"
#include "store.h"

/* The shipped data folder (PAINMAP_DATA_DIR, set by ctest). */
const char *tu_data_dir(void);
/* The small fixed content in tests/data-mini, or fails the test. */
pm_content *tu_load_mini(void);
/* A cmocka fixture: the shipped content and a store in a fresh temporary
 * folder, removed again by the teardown. */
typedef struct {
    pm_content *c;
    char *dir;
    store *s;
} tu_fixture;
int tu_fixture_setup(void **state);
int tu_fixture_teardown(void **state);
/* tests/ in the source tree (PAINMAP_TESTS_DIR). */
const char *tu_tests_dir(void);
/* Loads the shipped content or fails the test, printing every problem. */
pm_content *tu_load_shipped(void);
/* Loads the content folder dir, likewise. */
pm_content *tu_load_dir(const char *dir);
/* A fresh empty temporary folder (mkdtemp under $TMPDIR); caller frees the
 * string and may remove the tree with tu_rmtree. */
char *tu_tempdir(void);
void tu_rmtree(const char *path);
/* Reads a whole file into a malloc'd NUL-terminated string (NULL on error). */
char *tu_read_file(const char *path, size_t *len);
/* Copies every file of src (one level of subfolders) into dst. */
void tu_copy_tree(const char *src, const char *dst);
/* Writes a file (creating folders as needed); fails the test on error. */
void tu_write_file(const char *path, const char *text);

/* A test key: Argon2id at its lowest cost (the cost is not what the
 * tests test), passphrase TU_PASSPHRASE, the same every call. *sk (when
 * not NULL) gets it unlocked (seal_secret_free). */
#define TU_PASSPHRASE "kqvbz mxtra plhsw ednuc"
void tu_test_key(seal_public *pk, seal_keybox *kb, seal_secret **sk);
/* True when some file under dir (recursively, links not followed) holds
 * needle anywhere in its bytes. */
bool tu_tree_has(const char *dir, const char *needle);
/* Does what the current step of f needs to allow Next, the way a client
 * would, on the tests/data-mini content: the name "José", the head and the
 * left calf, strength 3 + step, "no" to every question, the first pattern,
 * consent and a two-point signature. Each event is sent at *now + 100 ms
 * (*now advances). */
void tu_satisfy(flow *f, const pm_content *mini, uint64_t *now);
/* tu_satisfy and Next until f shows target, or fails the test. */
void tu_walk_to(flow *f, const pm_content *mini, pm_screen target, uint64_t *now);

#endif
