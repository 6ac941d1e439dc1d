/* replay.h — the replay script language: the kiosk's test interface.
 *
 * A replay script drives the kiosk headless, one command per line:
 *   tap X Y            a touch at logical pixel X, Y of the current screen
 *   press ID           a touch at the centre of the widget or region ID
 *   type TEXT          TEXT typed on the on-screen keyboard (rest of the line)
 *   wait MS            advance the kiosk's clock by MS milliseconds
 *   shot FILE.png      save the frame as the client sees it
 *   expect SCREEN      fail unless SCREEN (or "still_there") is showing
 *   drag X Y X Y ...   one finger stroke through 2..REPLAY_MAX_POINTS points
 *                      (an extension for the signature pad)
 *   hold ID MS         a finger held still on widget ID for MS milliseconds,
 *                      then lifted (the staff gesture: hold clinic_name 3000)
 *   forgotten HEX      fail if the bytes HEX (hex, so the script itself never
 *                      holds them) are still anywhere in the kiosk's memory:
 *                      client data must be wiped before it is freed
 *   quit               stop here
 * A line whose first non-blank character is '#' is a comment; blank lines
 * are skipped. On every command but `type`, a " #" starts a trailing
 * comment (type keeps the whole rest of the line, so a name may hold '#').
 *
 * This module only parses text: it never opens files (the caller reads the
 * script and prefixes errors with the file name: "FILE:LINE: what").
 *
 * Ownership: replay_parse fills a replay_script whose command array the
 * caller frees with replay_free. */
#ifndef PM_REPLAY_H
#define PM_REPLAY_H

#include <stddef.h>
#include <stdint.h>

#include "status.h"

#define REPLAY_ARG_MAX 256
#define REPLAY_MAX_POINTS 32

typedef enum {
    RP_TAP,
    RP_PRESS,
    RP_TYPE,
    RP_WAIT,
    RP_SHOT,
    RP_EXPECT,
    RP_DRAG,
    RP_HOLD,
    RP_FORGOTTEN,
    RP_QUIT,
} replay_op;

typedef struct {
    replay_op op;
    int line;                  /* 1-based line in the script */
    int x, y;                  /* tap */
    uint32_t ms;               /* wait, hold */
    char arg[REPLAY_ARG_MAX];  /* press/hold id, type text, shot file, expect screen */
    int npoints;               /* drag */
    int px[REPLAY_MAX_POINTS], py[REPLAY_MAX_POINTS];
} replay_cmd;

typedef struct {
    replay_cmd *cmds;
    size_t count;
} replay_script;

/* The name of an op as written in scripts ("tap"...). */
const char *replay_op_name(replay_op op);

/* Parses one line (without its newline; a trailing '\r' is ignored).
 * Returns PM_OK with *empty set for a blank or comment line, PM_OK with *out
 * filled for a command, PM_ERR_INVALID with err explaining (without the line
 * number) otherwise. */
pm_status replay_parse_line(const char *line, int lineno, replay_cmd *out, int *empty,
                            pm_msg *err);

/* Parses a whole script. On failure *err_line gets the offending line and
 * err the reason; out is left empty. */
pm_status replay_parse(const char *text, replay_script *out, int *err_line, pm_msg *err);
void replay_free(replay_script *s);

#endif
