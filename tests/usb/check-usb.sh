#!/bin/sh
# check-usb.sh — checks the USB export's system pieces agree with each other
# and keep their safety guards (see systemd/README.md).
#   check-usb.sh SOURCE_DIR
set -u
src=$1
rule="$src/systemd/90-painmap-usb.rules"
dropin="$src/systemd/painmap.service.d/50-usb-export.conf"
fail=0
need() { # file, fixed string, why
    if ! grep -qF -- "$2" "$1"; then
        echo "FAIL: $(basename "$1") lacks '$2' ($3)"
        fail=1
    fi
}
[ -f "$rule" ] || { echo "FAIL: $rule is missing"; exit 1; }
need "$rule" 'ENV{ID_BUS}!="usb", GOTO="painmap_usb_end"' "only USB devices, never the SD card"
need "$rule" 'KERNEL!="sd*"' "only SCSI-disk devices (USB sticks)"
need "$rule" 'ACTION!="add"' "act on plugging in only"
need "$rule" 'ENV{ID_FS_TYPE}=="vfat"' "FAT sticks"
need "$rule" 'ENV{ID_FS_TYPE}=="exfat"' "exFAT sticks"
need "$rule" 'LABEL="painmap_usb_end"' "the end label the GOTOs jump to"
# every mount line: the same path, systemd-mount, the owner, no exec/suid/dev
lines=$(grep -c 'RUN+=' "$rule")
[ "$lines" -eq 2 ] || { echo "FAIL: expected 2 mount lines, found $lines"; fail=1; }
for want in '/usr/bin/systemd-mount --no-block' '--owner=painmap' 'noexec' 'nosuid' \
            'nodev' 'umask=0077' '$devnode /media/painmap-usb"' '--fsck=no'; do
    n=$(grep 'RUN+=' "$rule" | grep -cF -- "$want")
    [ "$n" -eq 2 ] || { echo "FAIL: not every mount line has '$want'"; fail=1; }
done
# no plain mount(8) from udev: its mount namespace is private
if grep 'RUN+=' "$rule" | grep -q '/bin/mount '; then
    echo "FAIL: the rule calls mount(8); use systemd-mount"; fail=1
fi
# the kiosk looks where the rule mounts
need "$src/kiosk/core/records/export.h" '#define EXPORT_MOUNT_DEFAULT "/media/painmap-usb"' \
     "the kiosk's default must match the rule's mount point"
# the service may write there
need "$dropin" 'ReadWritePaths=-/media' "the kiosk's namespace must not make the stick read-only"
if command -v systemd-analyze >/dev/null 2>&1; then
    # the drop-in must be a valid [Service] fragment: verify a scratch unit with it
    scratch=$(mktemp -d)
    trap 'rm -rf "$scratch"' EXIT INT TERM
    mkdir -p "$scratch/etc/systemd/system/t.service.d"
    printf '[Service]\nExecStart=/bin/true\n' > "$scratch/etc/systemd/system/t.service"
    cp "$dropin" "$scratch/etc/systemd/system/t.service.d/"
    out=$(cd "$scratch" && systemd-analyze verify --man=no "$scratch/etc/systemd/system/t.service" 2>&1)
    if [ -n "$out" ]; then
        printf '%s\n' "$out"
        echo "FAIL: the drop-in does not verify"; fail=1
    fi
fi
[ $fail -eq 0 ] && echo "ok: the USB rule, the drop-in and the kiosk agree"
exit $fail
