/* textkeys.c — the list behind textkeys.h. Add a key here when code starts
 * showing it (ui.* for screens, summary.* for the therapist's page). */
#include "textkeys.h"

const char *const textkeys_program[] = {
    "ui.next",
    "ui.back",
};

const size_t textkeys_program_count = sizeof textkeys_program / sizeof textkeys_program[0];
