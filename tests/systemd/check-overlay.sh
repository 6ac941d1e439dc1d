#!/bin/sh
# check-overlay.sh DTS — the image's device-tree overlay source compiles
# with dtc (as image-build/build.sh compiles it) and refers to exactly the
# labels of the Pi 4 family's mainline trees it is written for. Applying it
# to the kernel's own trees needs the kernel package, so build.sh does that
# (fdtoverlay) at image build time; this is the check that runs everywhere.
# Exit 77 (ctest: skipped) only when dtc is missing.
set -eu
dts=$1
if ! command -v dtc >/dev/null 2>&1; then
    echo "SKIPPED: dtc is not installed (Debian package device-tree-compiler;" \
         "scripts/setup-deps installs it) - the overlay was not compiled"
    exit 77
fi
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
dtc -@ -q -I dts -O dtb -o "$tmp/o.dtbo" "$dts"
dtc -q -I dtb -O dts "$tmp/o.dtbo" > "$tmp/o.dts"
labels=$(sed -n '/__fixups__ {/,/};/p' "$tmp/o.dts" | sed -n 's/^[[:space:]]*\([a-z0-9_]*\) = .*/\1/p' | sort | tr '\n' ' ')
echo "overlay $(basename "$dts"): refers to: $labels"
[ "$labels" = "dsi1 firmware i2c0_1 " ] || { echo "FAIL: expected the labels dsi1 firmware i2c0_1"; exit 1; }
grep -q 'compatible = "raspberrypi,7inch-touchscreen-panel"' "$tmp/o.dts" || { echo "FAIL: no panel node"; exit 1; }
grep -q 'compatible = "raspberrypi,firmware-ts"' "$tmp/o.dts" || { echo "FAIL: no touch node"; exit 1; }
echo "overlay: ok"
