/* status.h — the one error vocabulary every core module speaks.
 *
 * Every fallible core function returns a pm_status: PM_OK (0) or a negative
 * code. A code says what kind of thing failed; the human sentence (what
 * failed, what to do) travels separately in a caller-supplied pm_msg buffer
 * or, for the content checker, a pm_msgs list. */
#ifndef PM_STATUS_H
#define PM_STATUS_H

#include <stddef.h>

typedef enum {
    PM_OK = 0,
    PM_ERR_NOMEM = -1,    /* an allocation failed */
    PM_ERR_IO = -2,       /* a read or write failed (not one of the below) */
    PM_ERR_INVALID = -3,  /* the input (content, JSON, argument) is wrong */
    PM_ERR_NOT_FOUND = -4,/* a file, folder or id does not exist */
    PM_ERR_FULL = -5,     /* no space left on the device */
    PM_ERR_READONLY = -6, /* the file system refuses writes */
    PM_ERR_STATE = -7,    /* the request does not fit the current state */
    PM_ERR_LIMIT = -8,    /* a fixed capacity would be exceeded */
    PM_ERR_REFUSED = -9,  /* not a plain file (a named pipe, a symbolic link, a
                           * device, a folder): never opened for its content */
    PM_ERR_SEALED = -10,  /* sealed at rest, and the key to open it is not at
                           * hand (staff mode is locked, or another key) */
} pm_status;

/* A short, stable name for a status ("io", "full"...), for logs and tests. */
const char *pm_status_name(pm_status s);

/* One message for the person who must act. Fixed size so it can live on the
 * stack and never fail to allocate. */
#define PM_MSG_MAX 512
typedef struct {
    char text[PM_MSG_MAX];
} pm_msg;

/* Formats into msg (truncating safely). msg may be NULL: then nothing happens. */
void pm_msg_set(pm_msg *msg, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

/* What a failed system call's errno means to a caller: ENOSPC, EDQUOT and
 * EFBIG PM_ERR_FULL; EROFS, EACCES and EPERM PM_ERR_READONLY; ENOENT and
 * ENOTDIR PM_ERR_NOT_FOUND; ENOMEM PM_ERR_NOMEM; anything else PM_ERR_IO. */
pm_status pm_status_of_errno(int e);

/* A growable list of messages (the content checker reports every problem,
 * not just the first). The list owns its strings. */
typedef struct {
    char **items;
    size_t count;
    size_t cap;
} pm_msgs;

void pm_msgs_init(pm_msgs *m);
/* Appends a formatted message. Returns PM_ERR_NOMEM if it could not. */
pm_status pm_msgs_add(pm_msgs *m, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
void pm_msgs_free(pm_msgs *m);

#endif
