/* first_frame.c — an LD_PRELOAD shim for the start-up benchmark: notes the
 * moment the kiosk first presents a frame (SDL_RenderPresent), without any
 * change to the kiosk.
 *
 * PMBENCH_OUT=FILE   where "first_present_ns N cpu_ns C" is written: the
 *                    CLOCK_MONOTONIC instant and the process's CPU time
 * PMBENCH_EXIT=1     exit at once after the first present (the start-up
 *                    benchmark needs nothing more) */
#include <dlfcn.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

typedef struct SDL_Renderer SDL_Renderer;

void SDL_RenderPresent(SDL_Renderer *r);
void SDL_RenderPresent(SDL_Renderer *r)
{
    static void (*real)(SDL_Renderer *);
    static int done;
    if (!real)
        *(void **)&real = dlsym(RTLD_NEXT, "SDL_RenderPresent");
    if (real)
        real(r);
    if (done)
        return;
    done = 1;
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    const char *out = getenv("PMBENCH_OUT");
    if (out) {
        struct timespec cpu;
        clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &cpu);
        char line[128];
        int n = snprintf(line, sizeof line, "first_present_ns %lld cpu_ns %lld\n",
                         (long long)ts.tv_sec * 1000000000LL + ts.tv_nsec,
                         (long long)cpu.tv_sec * 1000000000LL + cpu.tv_nsec);
        int fd = open(out, O_WRONLY | O_CREAT | O_TRUNC, 0644);
        if (fd >= 0) {
            if (write(fd, line, (size_t)n) != n)
                perror(out);
            close(fd);
        }
    }
    const char *ex = getenv("PMBENCH_EXIT");
    if (ex && strcmp(ex, "1") == 0)
        _exit(0);
}
