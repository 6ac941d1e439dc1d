/* buildid.c — see buildid.h. The main program is the first object
 * dl_iterate_phdr reports; its PT_NOTE segments hold the build id. */
#include "platform/buildid.h"

#include <elf.h>
#include <link.h>
#include <stdio.h>
#include <string.h>

typedef struct {
    char *buf;
    size_t size;
    bool found;
} id_search;

/* The GNU build id among the notes of one PT_NOTE segment. */
static bool scan_notes(const unsigned char *p, size_t len, id_search *s)
{
    size_t at = 0;
    while (at + sizeof(ElfW(Nhdr)) <= len) {
        ElfW(Nhdr) n;
        memcpy(&n, p + at, sizeof n);
        size_t name = at + sizeof n;
        size_t desc = name + ((n.n_namesz + 3u) & ~3u);
        size_t next = desc + ((n.n_descsz + 3u) & ~3u);
        if (next > len || next <= at)
            return false;
        if (n.n_type == NT_GNU_BUILD_ID && n.n_namesz == 4 && memcmp(p + name, "GNU", 4) == 0) {
            if (n.n_descsz == 0 || 2 * (size_t)n.n_descsz + 1 > s->size)
                return false;
            for (size_t i = 0; i < n.n_descsz; i++)
                snprintf(s->buf + 2 * i, 3, "%02x", p[desc + i]);
            return true;
        }
        at = next;
    }
    return false;
}

static int first_object(struct dl_phdr_info *info, size_t size, void *arg)
{
    (void)size;
    id_search *s = arg;
    for (int i = 0; i < info->dlpi_phnum && !s->found; i++) {
        const ElfW(Phdr) *ph = &info->dlpi_phdr[i];
        if (ph->p_type == PT_NOTE)
            s->found = scan_notes((const unsigned char *)(info->dlpi_addr + ph->p_vaddr),
                                  ph->p_memsz, s);
    }
    return 1; /* the main program only */
}

bool build_id(char *buf, size_t size)
{
    if (size == 0)
        return false;
    buf[0] = '\0';
    id_search s = {buf, size, false};
    dl_iterate_phdr(first_object, &s);
    if (!s.found)
        buf[0] = '\0';
    return s.found;
}
