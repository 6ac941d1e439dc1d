#!/bin/sh
# check-clock-floor.sh — the image's clock keeper (image-build/overlay/usr/
# lib/painmap/clock-floor): save writes the time, never lowers the floor;
# restore sets the clock forward only, and only from a readable floor;
# neither follows a symlink.
# `date -s` is caught by a stand-in `date` first in PATH, so the machine's
# clock is never touched.
set -eu
script=$1
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
mkdir "$tmp/bin"
cat > "$tmp/bin/date" <<'SHIM'
#!/bin/sh
for a in "$@"; do
    case "$a" in -s) echo "$*" >> "$SETLOG"; exit 0 ;; esac
done
exec /bin/date "$@"
SHIM
chmod +x "$tmp/bin/date"
export PATH="$tmp/bin:$PATH" SETLOG="$tmp/set.log" PAINMAP_CLOCK_FLOOR="$tmp/floor"
fail() { echo "clock-floor: FAIL: $*" >&2; exit 1; }

sh "$script" restore                       # no floor yet: nothing to do
[ ! -e "$SETLOG" ] || fail "restore without a floor set the clock"
sh "$script" save
now=$(/bin/date +%s)
saved=$(cat "$tmp/floor")
[ "$saved" -le "$now" ] && [ "$saved" -ge $((now - 5)) ] || fail "save wrote '$saved', now is $now"
sh "$script" restore                       # floor in the past: leave the clock
[ ! -e "$SETLOG" ] || fail "restore moved the clock back or sideways"
echo $((now + 86400)) > "$tmp/floor"       # the clock lost a day: set it forward
out=$(sh "$script" restore)
grep -q -- "-s @$((now + 86400))" "$SETLOG" || fail "restore did not set the clock forward ($(cat "$SETLOG"))"
echo "$out" | grep -q "set forward" || fail "restore did not say what it did"
sh "$script" save                          # a lower time never lowers the floor
[ "$(cat "$tmp/floor")" = $((now + 86400)) ] || fail "save lowered the floor"
echo "garbage" > "$tmp/floor"; : > "$SETLOG"
sh "$script" restore
[ ! -s "$SETLOG" ] || fail "restore trusted an unreadable floor"
# Symlinks in the folder are never followed: a floor that is a symlink is
# not read, and save replaces the link itself, leaving its target alone.
echo $((now + 86400)) > "$tmp/target"; rm -f "$tmp/floor"
ln -s "$tmp/target" "$tmp/floor"; : > "$SETLOG"
sh "$script" restore 2>/dev/null
[ ! -s "$SETLOG" ] || fail "restore followed a symlinked floor"
sh "$script" save
[ ! -L "$tmp/floor" ] && [ -f "$tmp/floor" ] || fail "save left the symlink in place"
[ "$(cat "$tmp/target")" = $((now + 86400)) ] || fail "save wrote through a symlink"
mkdir "$tmp/dir"; rm -f "$tmp/floor"; ln -s "$tmp/dir" "$tmp/floor"
sh "$script" save
[ -z "$(ls "$tmp/dir")" ] && [ -f "$tmp/floor" ] || fail "save moved its file into a symlinked folder"
echo "clock-floor: ok"
