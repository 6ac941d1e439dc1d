/* buildid.h — the running program's build id (the linker's
 * NT_GNU_BUILD_ID note, a hash of the linked binary), as hex: what the
 * content cache is keyed by, so that a cache written by one build is never
 * read by another whose structures may differ (core/content/content.h).
 * Platform glue: reads the program's own headers in memory. No state. */
#ifndef PM_BUILDID_H
#define PM_BUILDID_H

#include <stdbool.h>
#include <stddef.h>

/* The id as lower-case hex into buf ("" and false when the binary has no
 * build id, or buf is too small). */
bool build_id(char *buf, size_t size);

#endif
