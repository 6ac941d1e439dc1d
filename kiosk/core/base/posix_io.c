/* posix_io.c — the real system calls behind the I/O seams (see posix_io.h). */
#include "posix_io.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <sys/stat.h>
#include <unistd.h>

int posix_io_open(void *ctx, const char *path, int flags, mode_t mode)
{
    (void)ctx;
    return open(path, flags, mode);
}

ssize_t posix_io_write(void *ctx, int fd, const void *buf, size_t n)
{
    (void)ctx;
    return write(fd, buf, n);
}

int posix_io_fsync(void *ctx, int fd)
{
    (void)ctx;
    return fsync(fd);
}

int posix_io_close(void *ctx, int fd)
{
    (void)ctx;
    return close(fd);
}

int posix_io_rename_noreplace(void *ctx, const char *oldpath, const char *newpath)
{
    (void)ctx;
    if (renameat2(AT_FDCWD, oldpath, AT_FDCWD, newpath, RENAME_NOREPLACE) == 0)
        return 0;
    if (errno != EINVAL && errno != ENOSYS && errno != EOPNOTSUPP)
        return -1;
    /* A file system without RENAME_NOREPLACE: link() refuses an existing
     * name just as atomically. If the unlink fails, the complete file has a
     * second, temporary name that store_clean_temp() removes later. */
    if (link(oldpath, newpath) != 0)
        return -1;
    (void)unlink(oldpath);
    return 0;
}

int posix_io_unlink(void *ctx, const char *path)
{
    (void)ctx;
    return unlink(path);
}

int posix_io_mkdir(void *ctx, const char *path, mode_t mode)
{
    (void)ctx;
    return mkdir(path, mode);
}

int posix_io_rename(void *ctx, const char *oldpath, const char *newpath)
{
    (void)ctx;
    return rename(oldpath, newpath);
}

ssize_t posix_io_read(void *ctx, int fd, void *buf, size_t n)
{
    (void)ctx;
    return read(fd, buf, n);
}
