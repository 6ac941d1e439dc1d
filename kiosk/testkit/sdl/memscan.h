/* memscan.h — is a text still anywhere in this process's memory? The test
 * of "client data is wiped before it is freed or reused" (replay command
 * `forgotten`): after the idle reset, the saved client's name must not be
 * found in the heap, the stack, or any other writable mapping.
 *
 * Reads /proc/self/maps and every private writable mapping of at most
 * MEMSCAN_REGION_MAX bytes (larger ones are a sanitizer's shadow, never
 * client data), byte by byte, without the sanitizer's checks (freed memory
 * is what is being looked at). Linux only: a test tool, not the kiosk's. */
#ifndef PM_MEMSCAN_H
#define PM_MEMSCAN_H

#include <stddef.h>

#define MEMSCAN_REGION_MAX ((size_t)512 * 1024 * 1024)

/* How many times needle (n bytes) occurs outside [skip, skip + n); where
 * gets "heap at 0x...; [stack] at 0x..." for the first few. -1 when the
 * maps cannot be read. */
long memscan(const void *needle, size_t n, const void *skip, char *where, size_t wsize);

#endif
