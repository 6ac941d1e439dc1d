/* config_lines.c — finding the lines that set one key in painmap.conf's
 * text, by the parser's own rules (config.c), so a tool that rewrites a
 * line in place (`painmap --seal-passphrase`) rewrites the line the kiosk
 * reads and leaves every other byte as it was. */
#include <ctype.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "config.h"

size_t config_find_lines(const char *text, const char *key, config_line *out, size_t max)
{
    size_t found = 0, klen = strlen(key);
    int lineno = 0;
    for (const char *p = text; p && *p;) {
        const char *eol = strchr(p, '\n');
        size_t n = eol ? (size_t)(eol - p) : strlen(p);
        const char *line = p;
        lineno++;
        size_t start = (size_t)(p - text);
        p = eol ? eol + 1 : p + n;
        if (lineno == 1 && n >= 3 && memcmp(line, "\xEF\xBB\xBF", 3) == 0) {
            line += 3;
            n -= 3;
            start += 3;
        }
        if (n > 0 && line[n - 1] == '\r')
            n--;
        size_t lead = 0;
        while (lead < n && (line[lead] == ' ' || line[lead] == '\t'))
            lead++;
        if (lead == n || line[lead] == '#' || line[lead] == ';' || line[lead] == '[')
            continue;
        /* the key ends at the first '=' or ':' (inih's split), blanks trimmed */
        size_t sep = lead;
        while (sep < n && line[sep] != '=' && line[sep] != ':')
            sep++;
        if (sep == n)
            continue;
        size_t kend = sep;
        while (kend > lead && (line[kend - 1] == ' ' || line[kend - 1] == '\t'))
            kend--;
        if (kend - lead != klen || strncasecmp(line + lead, key, klen) != 0)
            continue;
        if (found < max) {
            config_line *l = &out[found];
            size_t v = sep + 1, vend = n;
            while (v < n && (line[v] == ' ' || line[v] == '\t'))
                v++;
            while (vend > v && (line[vend - 1] == ' ' || line[vend - 1] == '\t'))
                vend--;
            l->start = start;
            l->end = start + n;
            l->line = lineno;
            snprintf(l->value, sizeof l->value, "%.*s", (int)(vend - v), line + v);
        }
        found++;
    }
    return found;
}
