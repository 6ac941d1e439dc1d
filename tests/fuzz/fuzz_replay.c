/* fuzz_replay.c — the replay script parser (replay_parse and
 * replay_parse_line): the test interface reads scripts from files, and the
 * monkey writes them by the thousand. */
#include <stdlib.h>
#include <string.h>

#include "fuzz_util.h"
#include "replay.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    char *text = fz_cstr(data, size);
    replay_script s;
    int line = 0;
    pm_msg err = {{0}};
    if (replay_parse(text, &s, &line, &err) == PM_OK) {
        for (size_t i = 0; i < s.count; i++) {
            const replay_cmd *c = &s.cmds[i];
            if (!memchr(c->arg, 0, sizeof c->arg) || c->npoints < 0 ||
                c->npoints > REPLAY_MAX_POINTS)
                abort();
            replay_op_name(c->op);
        }
        replay_free(&s);
    } else if (!memchr(err.text, 0, sizeof err.text)) {
        abort();
    }
    /* line by line, as the demo walker does */
    char *save = NULL;
    int n = 0;
    for (char *l = strtok_r(text, "\n", &save); l; l = strtok_r(NULL, "\n", &save)) {
        replay_cmd c;
        int empty = 0;
        replay_parse_line(l, ++n, &c, &empty, &err);
    }
    free(text);
    return 0;
}
