#!/bin/sh
# check-preload.sh — the image's read-ahead (image-build/overlay/usr/lib/
# painmap/preload): it reads every plain file on its list, skips and names
# what is missing, never blocks on a FIFO planted under a listed name (it
# runs early in the boot: a blocked read would hold the boot), ignores
# comments and blank lines, and never fails the boot, even without a list.
set -eu
script=$1
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail() { echo "preload: FAIL: $*" >&2; exit 1; }

head -c 5000 /dev/zero > "$tmp/lib.so"
printf 'x' > "$tmp/font.ttf"
mkfifo "$tmp/content.cache"
cat > "$tmp/list" <<LIST
# a comment

$tmp/lib.so
$tmp/missing.so
$tmp/content.cache
$tmp/font.ttf
LIST
out=$(timeout 20 sh "$script" "$tmp/list") || fail "exited $? (blocked on the FIFO, or failed)"
echo "$out"
echo "$out" | grep -q "read 2 files (6 KiB) ahead of the kiosk; 2 skipped" || fail "wrong summary"
echo "$out" | grep -q "skipped $tmp/missing.so" || fail "the missing file is not named"
echo "$out" | grep -q "skipped $tmp/content.cache" || fail "the FIFO is not named as skipped"
out=$(sh "$script" "$tmp/no-such-list") || fail "no list made it fail"
echo "$out" | grep -q "no list at" || fail "no list is not said"
echo "preload: ok"
