#!/bin/sh
# check-libraries.sh PAINMAP SDL_PREFIX MAX — the libraries the kiosk loads
# from exec to its first frame and exit (dummy video driver, as headless runs
# and the bench start it), as the dynamic loader reports them (LD_DEBUG=files:
# linked and dlopen'ed alike):
#   - SDL2 and SDL2_image are the lean ones from SDL_PREFIX (scripts/lean-sdl),
#     not the system's;
#   - none of what Debian's SDL2 and SDL2_image drag in is loaded (audio,
#     X11, Wayland, D-Bus, TIFF, WebP, JPEG...): the start-up the bench
#     measures is the loader's work on these;
#   - at most MAX objects in all.
# Prints "libraries ok: N objects" when all hold.
set -eu
painmap=$1 prefix=$2 max=$3
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT INT TERM
printf 'quit\n' >"$tmp/quit.replay"
SDL_VIDEODRIVER=dummy LD_DEBUG=files LD_DEBUG_OUTPUT="$tmp/ld" \
    "$painmap" --replay "$tmp/quit.replay" --size 800x480 --state "$tmp/state" >"$tmp/out" 2>&1 || {
    echo "check-libraries: the kiosk did not start and quit:" >&2; cat "$tmp/out" >&2; exit 1; }
# every object the loader starts ("calling init: PATH"), linked or dlopen'ed
sed -n 's/.*calling init: \(\/.*\)$/\1/p' "$tmp"/ld.* | sort -u >"$tmp/loaded"
n=$(wc -l <"$tmp/loaded")
[ "$n" -gt 0 ] || { echo "check-libraries: the loader reported no objects" >&2; exit 1; }
fail=0
for lib in libSDL2-2.0.so.0 libSDL2_image-2.0.so.0; do
    got=$(grep "/$lib\$" "$tmp/loaded" || true)
    case "$got" in
    "$prefix"/*) ;;
    *) echo "check-libraries: $lib is not the lean one from $prefix/lib: ${got:-not loaded}" >&2; fail=1 ;;
    esac
done
for unwanted in libpulse libasound libX11 libxcb libwayland libdecor libdbus libsystemd \
                libtiff libwebp libjpeg libsndfile libgcrypt libstdc++; do
    if grep -q "/$unwanted[.-]" "$tmp/loaded"; then
        echo "check-libraries: the kiosk loads $(grep "/$unwanted[.-]" "$tmp/loaded" | head -n1)," \
             "which only Debian's full SDL2 or SDL2_image needs" >&2
        fail=1
    fi
done
if [ "$n" -gt "$max" ]; then
    echo "check-libraries: $n objects loaded, more than $max:" >&2
    cat "$tmp/loaded" >&2
    fail=1
fi
[ $fail = 0 ] || exit 1
echo "libraries ok: $n objects"
