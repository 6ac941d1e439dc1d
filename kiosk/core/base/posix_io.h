/* posix_io.h — the real system calls, in the shape the I/O seams of store.h
 * and export.h expect (a context pointer first, which they ignore). One
 * copy, so the store and the export fill their tables from the same place
 * and tests swap in fault-injecting versions of the same calls. Each returns
 * what the POSIX call returns and sets errno the same way. */
#ifndef PM_POSIX_IO_H
#define PM_POSIX_IO_H

#include <stddef.h>
#include <sys/types.h>

int posix_io_open(void *ctx, const char *path, int flags, mode_t mode);
ssize_t posix_io_write(void *ctx, int fd, const void *buf, size_t n);
ssize_t posix_io_read(void *ctx, int fd, void *buf, size_t n);
int posix_io_fsync(void *ctx, int fd);
int posix_io_close(void *ctx, int fd);
int posix_io_mkdir(void *ctx, const char *path, mode_t mode);
int posix_io_unlink(void *ctx, const char *path);
int posix_io_rename(void *ctx, const char *oldpath, const char *newpath);
/* rename that fails with EEXIST rather than replace newpath. */
int posix_io_rename_noreplace(void *ctx, const char *oldpath, const char *newpath);

#endif
