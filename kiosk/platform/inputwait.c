/* inputwait.c — sleep until input or a deadline, see inputwait.h. */
#include "platform/inputwait.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <stdio.h>
#include <string.h>
#include <sys/inotify.h>
#include <unistd.h>

static bool watched(const inputwait *w, const char *name)
{
    for (int i = 0; i < w->n; i++)
        if (strcmp(w->name[i], name) == 0)
            return true;
    return false;
}

static void drop(inputwait *w, int i)
{
    close(w->fd[i]);
    w->n--;
    w->fd[i] = w->fd[w->n];
    memcpy(w->name[i], w->name[w->n], sizeof w->name[i]);
}

/* Opens the event devices not watched yet (at the start and whenever the
 * folder changes: plug-in, or udev granting access after creating it). */
static void scan(inputwait *w)
{
    DIR *d = opendir(w->dir);
    if (!d)
        return;
    struct dirent *e;
    while ((e = readdir(d)) != NULL && w->n < INPUTWAIT_MAX_DEVICES) {
        if (strncmp(e->d_name, "event", 5) != 0 || strlen(e->d_name) >= sizeof w->name[0] ||
            watched(w, e->d_name))
            continue;
        char path[sizeof w->dir + sizeof w->name[0] + 1];
        if (snprintf(path, sizeof path, "%s/%s", w->dir, e->d_name) >= (int)sizeof path)
            continue;
        int fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC);
        if (fd < 0)
            continue;
        w->fd[w->n] = fd;
        memcpy(w->name[w->n], e->d_name, strlen(e->d_name) + 1); /* fits: checked above */
        w->n++;
    }
    closedir(d);
}

bool inputwait_open(inputwait *w, const char *dir)
{
    memset(w, 0, sizeof *w);
    w->notify = -1;
    if (!dir)
        return true;
    if (strlen(dir) >= sizeof w->dir)
        return false;
    memcpy(w->dir, dir, strlen(dir) + 1); /* fits: checked above */
    w->notify = inotify_init1(IN_NONBLOCK | IN_CLOEXEC);
    if (w->notify < 0)
        return false;
    if (inotify_add_watch(w->notify, dir, IN_CREATE | IN_ATTRIB | IN_MOVED_TO) < 0) {
        close(w->notify);
        w->notify = -1;
        return false;
    }
    scan(w);
    return true;
}

/* Reads fd empty. Returns false when the device is gone. */
static bool drain(int fd)
{
    char buf[1024];
    for (;;) {
        ssize_t n = read(fd, buf, sizeof buf);
        if (n > 0)
            continue;
        if (n < 0 && errno == EINTR)
            continue;
        return n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK);
    }
}

int inputwait_wait(inputwait *w, int timeout_ms)
{
    struct pollfd p[INPUTWAIT_MAX_DEVICES + 1];
    int n = 0;
    for (int i = 0; i < w->n; i++)
        p[n++] = (struct pollfd){.fd = w->fd[i], .events = POLLIN};
    if (w->notify >= 0)
        p[n++] = (struct pollfd){.fd = w->notify, .events = POLLIN};
    int r = poll(n ? p : NULL, (nfds_t)n, timeout_ms < 0 ? -1 : timeout_ms);
    if (r <= 0)
        return r < 0 ? -1 : 0;
    /* Devices first, from the end, so that dropping one leaves the indexes
     * of those not yet looked at alone. */
    for (int i = w->n - 1; i >= 0; i--) {
        if (!p[i].revents)
            continue;
        if ((p[i].revents & (POLLERR | POLLHUP | POLLNVAL)) || !drain(w->fd[i]))
            drop(w, i);
    }
    if (w->notify >= 0 && p[n - 1].revents) {
        drain(w->notify);
        scan(w);
    }
    return 1;
}

int inputwait_devices(const inputwait *w)
{
    return w->n;
}

void inputwait_close(inputwait *w)
{
    while (w->n > 0)
        drop(w, w->n - 1);
    if (w->notify >= 0)
        close(w->notify);
    w->notify = -1;
}
