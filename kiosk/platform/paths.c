/* paths.c — the kiosk's content and artwork folders found from the
 * executable's own place (paths.h says the order and why). */
#include "platform/paths.h"

#include <limits.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

void paths_exe_dir(char *buf, size_t size)
{
    if (!size)
        return;
    buf[0] = '\0';
    char exe[PATH_MAX];
    ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);
    if (n <= 0)
        return;
    exe[n] = '\0';
    char *slash = strrchr(exe, '/');
    if (!slash)
        return;
    *slash = '\0';
    snprintf(buf, size, "%s", exe[0] ? exe : "/");
}

/* dir/a/b when it is a folder: its canonical name (no "bin/.." in what the
 * kiosk logs) into buf. */
static bool found(const char *dir, const char *a, const char *b, char *buf, size_t size)
{
    char p[PATH_MAX], real[PATH_MAX];
    struct stat st;
    int n = snprintf(p, sizeof p, "%s/%s/%s", dir, a, b);
    if (n < 0 || (size_t)n >= sizeof p || stat(p, &st) != 0 || !S_ISDIR(st.st_mode))
        return false;
    n = snprintf(buf, size, "%s", realpath(p, real) ? real : p);
    return n >= 0 && (size_t)n < size;
}

const char *paths_default_dir(const char *exe_dir, const char *sub, const char *rel,
                              const char *installed, char *buf, size_t size)
{
    if (exe_dir && exe_dir[0] &&
        (found(exe_dir, "share/painmap", sub, buf, size) || found(exe_dir, rel, sub, buf, size)))
        return buf;
    snprintf(buf, size, "%s", installed);
    return buf;
}
