/* test_paths.c — where the kiosk looks for data/ and assets/ when no
 * --data or --assets is given (kiosk/platform/paths.c), in a temporary
 * folder laid out as a build folder and as installed trees. */
#include <limits.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cmocka.h>

#include "platform/paths.h"

static char dir[256]; /* canonical (/tmp may be a link), so names compare */

static void mkdirs(const char *sub)
{
    char cmd[1024];
    snprintf(cmd, sizeof cmd, "mkdir -p '%s/%s'", dir, sub);
    assert_int_equal(system(cmd), 0);
}

static const char *at(const char *sub)
{
    static char p[1024];
    snprintf(p, sizeof p, "%s/%s", dir, sub);
    return p;
}

static int setup(void **state)
{
    (void)state;
    char tmpl[] = "/tmp/pm-paths-XXXXXX", real[PATH_MAX];
    if (!mkdtemp(tmpl) || !realpath(tmpl, real) || strlen(real) >= sizeof dir)
        return -1;
    memcpy(dir, real, strlen(real) + 1);
    return 0;
}

static int teardown(void **state)
{
    (void)state;
    char cmd[1024];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
    return system(cmd) == 0 ? 0 : -1;
}

static void test_installed_under_any_prefix(void **state)
{
    (void)state;
    mkdirs("opt/bin");
    mkdirs("opt/share/painmap/data");
    char buf[1024], want[1024];
    snprintf(want, sizeof want, "%s", at("opt/share/painmap/data"));
    /* canonical: no "bin/.." in what the kiosk logs */
    assert_string_equal(paths_default_dir(at("opt/bin"), "data", "../share/painmap",
                                          "/usr/share/painmap/data", buf, sizeof buf),
                        want);
}

static void test_build_folder_first(void **state)
{
    (void)state;
    mkdirs("build/share/painmap/assets");
    mkdirs("share/painmap/assets"); /* what ../share/painmap would find */
    char buf[1024], want[1024];
    snprintf(want, sizeof want, "%s", at("build/share/painmap/assets"));
    assert_string_equal(paths_default_dir(at("build"), "assets", "../share/painmap",
                                          "/usr/share/painmap/assets", buf, sizeof buf),
                        want);
}

static void test_else_the_configured_folder(void **state)
{
    (void)state;
    mkdirs("elsewhere");
    char buf[1024];
    /* a copied binary, or no /proc: the install path, named even if missing */
    assert_string_equal(paths_default_dir(at("elsewhere"), "data", "../share/painmap",
                                          "/nonexistent/share/painmap/data", buf, sizeof buf),
                        "/nonexistent/share/painmap/data");
    assert_string_equal(paths_default_dir("", "data", "../share/painmap",
                                          "/nonexistent/share/painmap/data", buf, sizeof buf),
                        "/nonexistent/share/painmap/data");
}

static void test_exe_dir_is_this_program(void **state)
{
    (void)state;
    char buf[PATH_MAX], cwd[PATH_MAX];
    paths_exe_dir(buf, sizeof buf);
    assert_non_null(getcwd(cwd, sizeof cwd));
    /* ctest runs this from its own folder, where the program is */
    struct stat a, b;
    assert_int_equal(stat(buf, &a), 0);
    assert_int_equal(stat(cwd, &b), 0);
    assert_true(a.st_ino == b.st_ino && a.st_dev == b.st_dev);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_installed_under_any_prefix),
        cmocka_unit_test(test_build_folder_first),
        cmocka_unit_test(test_else_the_configured_folder),
        cmocka_unit_test(test_exe_dir_is_this_program),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
