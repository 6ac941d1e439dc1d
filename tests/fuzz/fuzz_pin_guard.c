/* fuzz_pin_guard.c — the staff PIN lock-out read back from the state folder
 * (pin_guard_decode): a damaged or tampered file must never unlock. */
#include <stdlib.h>

#include "fuzz_util.h"
#include "pin.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    char *text = fz_cstr(data, size);
    pin_guard g;
    const uint64_t now = 123456789;
    if (pin_guard_decode(text, now, &g) != PM_OK) {
        /* unreadable: locked, and after the lock-out one try at a time */
        if (!pin_guard_locked(&g, now) || pin_guard_tries_left(&g) > 1)
            abort();
    }
    pin_guard_seconds_left(&g, now);
    char buf[64];
    pin_guard_encode(&g, now, buf, sizeof buf);
    pin_guard again;
    if (pin_guard_decode(buf, now, &again) != PM_OK)
        abort(); /* what we write we must read */
    if (pin_guard_locked(&g, now) != pin_guard_locked(&again, now))
        abort();
    free(text);
    return 0;
}
