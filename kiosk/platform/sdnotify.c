/* sdnotify.c — the sd_notify(3) datagram protocol, see sdnotify.h.
 *
 * Why not libsystemd: the protocol is one sendto() on an AF_UNIX datagram
 * socket, documented as stable; linking libsystemd for it would pull a large
 * library into a small kiosk and into the build dependencies. */
#include "platform/sdnotify.h"

#include <errno.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

int sdnotify_send(const char *state)
{
    const char *path = getenv("NOTIFY_SOCKET");
    if (!path || !path[0])
        return 0;
    if (!state)
        return -EINVAL;

    struct sockaddr_un sa;
    memset(&sa, 0, sizeof sa);
    sa.sun_family = AF_UNIX;
    size_t len = strlen(path);
    /* Either an absolute path or '@' for the abstract namespace, where the
     * address starts with a NUL byte and has no terminating NUL. */
    if ((path[0] != '/' && path[0] != '@') || len < 2 || len > sizeof sa.sun_path)
        return -EINVAL;
    memcpy(sa.sun_path, path, len);
    if (path[0] == '@')
        sa.sun_path[0] = '\0';
    else if (len == sizeof sa.sun_path)
        return -EINVAL; /* no room for the terminating NUL */
    socklen_t salen = (socklen_t)(offsetof(struct sockaddr_un, sun_path) + len +
                                  (path[0] == '/' ? 1 : 0));

    int fd = socket(AF_UNIX, SOCK_DGRAM | SOCK_CLOEXEC, 0);
    if (fd < 0)
        return -errno;
    size_t n = strlen(state);
    ssize_t sent;
    do
        sent = sendto(fd, state, n, MSG_NOSIGNAL, (const struct sockaddr *)&sa, salen);
    while (sent < 0 && errno == EINTR);
    int err = sent < 0 ? -errno : (size_t)sent != n ? -EIO : 1;
    close(fd);
    return err;
}

int sdnotify_ready(void)
{
    return sdnotify_send("READY=1");
}

int sdnotify_stopping(void)
{
    return sdnotify_send("STOPPING=1");
}

int sdnotify_status(const char *text)
{
    char buf[7 + 200 + 1] = "STATUS=";
    size_t i = 0;
    while (text && text[i] && text[i] != '\n' && i < 200) {
        buf[7 + i] = text[i];
        i++;
    }
    buf[7 + i] = '\0';
    return sdnotify_send(buf);
}

static int parse_u64(const char *s, uint64_t *out)
{
    if (!s || !*s)
        return -1;
    char *end = NULL;
    errno = 0;
    unsigned long long v = strtoull(s, &end, 10);
    if (errno || *end || s[0] == '-')
        return -1;
    *out = v;
    return 0;
}

uint64_t sdnotify_watchdog_usec(void)
{
    uint64_t usec = 0, pid = 0;
    if (parse_u64(getenv("WATCHDOG_USEC"), &usec) != 0 || usec == 0)
        return 0;
    const char *p = getenv("WATCHDOG_PID");
    if (p && *p && (parse_u64(p, &pid) != 0 || pid != (uint64_t)getpid()))
        return 0; /* meant for another process (e.g. our parent) */
    return usec;
}

void sdnotify_watchdog_init(sdnotify_watchdog *w)
{
    memset(w, 0, sizeof *w);
    const char *sock = getenv("NOTIFY_SOCKET");
    uint64_t usec = sdnotify_watchdog_usec();
    if (!sock || !*sock || usec == 0)
        return;
    w->enabled = true;
    w->interval_ms = usec / 2000; /* half the timeout, in ms */
    if (w->interval_ms == 0)
        w->interval_ms = 1;
}

int sdnotify_watchdog_kick(sdnotify_watchdog *w, uint64_t now_ms)
{
    if (!w->enabled)
        return 0;
    if (w->sent_once && now_ms - w->last_ms < w->interval_ms)
        return 0;
    w->sent_once = true;
    w->last_ms = now_ms;
    return sdnotify_send("WATCHDOG=1");
}

uint64_t sdnotify_watchdog_due(const sdnotify_watchdog *w)
{
    if (!w->enabled)
        return UINT64_MAX;
    return w->sent_once ? w->last_ms + w->interval_ms : 0;
}
