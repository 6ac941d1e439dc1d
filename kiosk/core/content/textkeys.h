/* textkeys.h — every string key the program itself (not the content files)
 * shows. The content checker requires each of these in every language, so a
 * missing button label is caught by --check-data, not by a client. */
#ifndef PM_TEXTKEYS_H
#define PM_TEXTKEYS_H

#include <stddef.h>

extern const char *const textkeys_program[];
extern const size_t textkeys_program_count;

#endif
