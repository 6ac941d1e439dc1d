#!/bin/sh
# boot-test.sh — boots the built SD image under qemu-system-aarch64 twice
# over: on the generic -M virt machine (cortex-a72, software emulation) and
# on -M raspi4b, an emulated Raspberry Pi 4 (the Pi's own device tree from
# the image, the SD card controller, the Pi's UART).
#
# virt: checks, from the serial console:
#   1. systemd reached painmap.service and the kiosk started (READY=1 seen:
#      the service is "active"), and the watchdog is armed;
#   2. the config on the boot partition was read (a deliberately unknown
#      setting in painmap.conf shows up as a warning in the kiosk's journal);
#   3. an intake saved by a replay script survives a hard power-off: qemu is
#      killed (SIGKILL, no shutdown, no sync) the moment the replay returns,
#      the VM boots again, and the intake is there, intact, valid JSON;
#   4. the data partition grew to fill the (enlarged) disk on first boot;
#   5. a hung kiosk (SIGSTOP) is killed by the watchdog and restarted;
#   6. log lines carry journal priorities; the clock keeper (painmap-clock)
#      ran, and the time it saved survives the power cut;
#   7. the boot partition, read back after the run: the plain staff_pin the
#      test wrote into painmap.conf was replaced by its hash, and
#      painmap-problems.txt lists the test's unknown setting.
# raspi4b (see "The Pi-shaped boot" below): the kernel finds the SD card on
#   the Pi's own controller, root mounts from it, the kiosk reaches READY=1;
#   display = dsi7 makes the image switch config.txt to the 7" DSI overlay
#   and reboot; booted with that overlay applied (as the firmware would),
#   the panel's driver loads, finds no panel (qemu has none), and the image
#   falls back to HDMI, says so in painmap-problems.txt, and reboots into a
#   working kiosk.
#
#   image-build/boot-test.sh [IMAGE(.img or .img.xz)]   default: the newest in image-build/out
#   BOOT_MACHINES="virt raspi4b" (default) chooses which runs happen; add
#   raspi3b for an emulated Pi 3 Model B as well (one boot, display = hdmi).
#
# What differs from a Pi: the kernel, initrd and command line are handed to
# qemu directly (the Pi firmware would read them from the same FAT partition),
# the console is ttyAMA0, and a drop-in makes the kiosk use SDL's dummy video
# driver (the VM has no KMS display). painmap.service itself is the shipped one.
# A test-only unit, painmap-boottest.service, is added to the root file
# system (with debugfs: no loop devices, no mounting) to run the replay and
# print results on the serial console.
set -eu
export LC_ALL=C
here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/.." && pwd)
WORK=${WORK:-/var/tmp/painmap-image}/boottest
TIMEOUT=${BOOT_TIMEOUT:-900}   # seconds per boot
MACHINES=${BOOT_MACHINES:-virt raspi4b}
"$repo/scripts/setup-deps" mtools e2fsprogs fdisk xz-utils python3 device-tree-compiler >/dev/null
# qemu 10 (raspi4b, with its SD controller) is in bookworm-backports on a
# Debian 12 machine: installed from there when the machine's is older.
qemu_major=$(qemu-system-aarch64 --version 2>/dev/null | sed -n 's/^QEMU emulator version \([0-9]*\).*/\1/p')
if [ "${qemu_major:-0}" -lt 10 ]; then
    if [ "$(id -u)" != 0 ]; then
        echo "boot-test: needs qemu-system-arm 10 (bookworm-backports); run as root to install it" >&2
        exit 2
    fi
    if ! grep -rqs "bookworm-backports" /etc/apt/sources.list /etc/apt/sources.list.d/; then
        printf 'Types: deb\nURIs: %s\nSuites: bookworm-backports\nComponents: main\nSigned-By: /usr/share/keyrings/debian-archive-keyring.gpg\n' \
            "${MIRROR:-http://deb.debian.org/debian}" > /etc/apt/sources.list.d/bookworm-backports.sources
    fi
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq \
        --no-install-recommends -t bookworm-backports qemu-system-arm >/dev/null
fi

img=${1:-$(ls -t "$here"/out/painmap-*-arm64.img.xz "$here"/out/painmap-*-arm64.img 2>/dev/null | head -n1)}
[ -n "$img" ] && [ -f "$img" ] || { echo "boot-test: no image; run image-build/build.sh first" >&2; exit 2; }
log() { printf '%s boot-test: %s\n' "$(date +%H:%M:%S)" "$*" >&2; }
fail=0
check() { # check NAME CONDITION-RESULT(0/1) DETAIL
    if [ "$2" = 0 ]; then echo "PASS  $1"; else echo "FAIL  $1${3:+: $3}"; fail=1; fi
}

rm -rf "$WORK"; mkdir -p "$WORK"
disk="$WORK/disk.img"
log "image: $img"
case "$img" in
*.xz) xz -dc "$img" > "$disk" ;;
*) cp --sparse=always "$img" "$disk" ;;
esac

# Partition offsets from the image's own table.
part_start() { sfdisk -d "$disk" | sed -n "s/^[^ ]*$1 : start= *\([0-9]*\),.*/\1/p"; }
part_size() { sfdisk -d "$disk" | sed -n "s/^[^ ]*$1 : start= *[0-9]*, size= *\([0-9]*\),.*/\1/p"; }
bs=$(part_start 1); rs=$(part_start 2); rsz=$(part_size 2)

# Kernel, initrd and command line from the boot partition.
mcopy -n -i "$disk@@$((bs * 512))" ::vmlinuz ::initrd.img ::cmdline.txt ::painmap.conf "$WORK/"
# The test's config: the shipped file plus one setting the kiosk cannot
# know, which it must report (proof that it read this very file).
# And a PIN in plain digits, which the image must replace by its hash.
{ cat "$WORK/painmap.conf"; printf 'clinic_name = Boot Test Clinic\r\nboottest_marker = 1\r\nstaff_pin = 2580\r\n'; } > "$WORK/painmap.test.conf"
mcopy -o -i "$disk@@$((bs * 512))" "$WORK/painmap.test.conf" ::painmap.conf

# Test-only files into the root file system, written with debugfs.
t="$WORK/files"; mkdir -p "$t"
cat > "$t/dummy.conf" <<'DROPIN'
# boot test only: the VM has no KMS display
[Service]
Environment=SDL_VIDEODRIVER=dummy SDL_AUDIODRIVER=dummy
DROPIN
cat > "$t/painmap-boottest.service" <<'UNIT'
[Unit]
Description=Painmap boot test
After=painmap.service painmap-growdata.service
Wants=painmap.service
[Service]
Type=oneshot
# The console (the serial port on both machines): on the Pi 4's tree the
# PL011 belongs to the Bluetooth chip (serdev), so no /dev/ttyAMA0 exists.
ExecStart=/usr/lib/painmap/boottest
StandardOutput=tty
StandardError=tty
TTYPath=/dev/console
[Install]
WantedBy=multi-user.target
UNIT
cat > "$t/boottest" <<'SCRIPT'
#!/bin/sh
# Runs inside the VM; every line it prints goes to the serial console.
say() { echo "BOOTTEST: $*"; }
mode=$(sed -n 's/.*painmap\.boottest=\([a-z]*\).*/\1/p' /proc/cmdline)
# The kiosk is Type=notify: painmap-boottest starts after its start job ends.
for i in $(seq 1 60); do
    st=$(systemctl is-active painmap.service)
    [ "$st" = active ] && break
    sleep 2
done
say "painmap.service $st"
systemctl show painmap.service -p Type -p WatchdogUSec -p NRestarts -p StatusText \
    -p ExecMainStartTimestampMonotonic -p ActiveEnterTimestampMonotonic \
    -p User -p MainPID -p FragmentPath | sed 's/^/BOOTTEST: prop /'
say "uptime $(cut -d' ' -f1 /proc/uptime)"
# The kiosk came from its .deb (image-build/build.sh, stage 3).
say "package $(dpkg-query -W -f '${Status} ${Version} ${Architecture}' painmap 2>&1)"
# Where the boot's time went, in microseconds since the kernel started
# (CLOCK_MONOTONIC, as the kiosk's timestamps above; systemd-analyze
# critical-chain answers only once the boot is over, and this unit is part
# of it): the switch from the initrd, then each step before the kiosk (its
# start and its end), then the kiosk's own lines with their times.
say "boot initrd-to-root $(systemctl show -p UserspaceTimestampMonotonic --value)"
for u in painmap-preload.service painmap-bootconf.service local-fs.target painmap-growdata.service \
         painmap-clock.service sysinit.target basic.target painmap.service; do
    say "step $u $(systemctl show -p InactiveExitTimestampMonotonic --value $u) $(systemctl show -p ActiveEnterTimestampMonotonic --value $u)"
done
journalctl -b -u painmap.service -o short-monotonic --no-pager | head -n 40 | sed 's/^/BOOTTEST-TIMELINE: /'
systemctl --failed --no-legend --plain | sed 's/^/BOOTTEST: failed-unit /'
findmnt -no TARGET,OPTIONS / | sed 's/^/BOOTTEST: mount /'
findmnt -no TARGET,OPTIONS /var/lib/painmap | sed 's/^/BOOTTEST: mount /'
say "data-size-mib $(df -BM --output=size /var/lib/painmap | tail -n1 | tr -dc 0-9)"
pid=$(systemctl show -p MainPID --value painmap.service)
[ "${pid:-0}" -gt 0 ] && say "proc $(stat -c %U /proc/$pid) $(cat /proc/$pid/comm)"
journalctl -b -u painmap.service -o cat --no-pager | sed 's/^/BOOTTEST-JOURNAL: /'
journalctl -b -u painmap-growdata.service -o cat --no-pager | sed 's/^/BOOTTEST-GROW: /'
journalctl -b -u painmap-preload.service -o cat --no-pager | sed 's/^/BOOTTEST-PRELOAD: /'
# Priorities reach the journal: the config warning is at "warning" or worse.
journalctl -b -u painmap.service -p warning -o cat --no-pager | sed 's/^/BOOTTEST-WARN: /'
say "clock-service $(systemctl is-active painmap-clock.service) timer $(systemctl is-enabled painmap-clock-save.timer)"
if [ "$mode" = save ]; then
    systemctl start painmap-clock-save.service
    say "clock-floor saved $(cat /var/lib/painmap/clock-floor 2>/dev/null)"
    rm -rf /tmp/shots; mkdir -p /tmp/shots; chown painmap /tmp/shots
    cd /tmp/shots
    if runuser -u painmap -- /usr/bin/painmap --replay /usr/share/painmap/boottest/intake.replay \
            --state /var/lib/painmap --shots /tmp/shots > /tmp/replay.log 2>&1; then
        sed 's/^/BOOTTEST-REPLAY: /' /tmp/replay.log
        # No sync here on purpose: the host pulls the plug now.
        say "SAVED $(find /var/lib/painmap -type f -name '*.json' -printf '%f ')"
    else
        sed 's/^/BOOTTEST-REPLAY: /' /tmp/replay.log
        say "REPLAY-FAILED"
    fi
    sleep 3600
elif [ "$mode" = pi ]; then
    # The Pi-shaped boot: what the kernel saw of the Pi.
    say "model $(tr -d '\0' < /proc/device-tree/model)"
    say "root-source $(findmnt -no SOURCE /)"
    # The kiosk's program started again by hand, outside systemd's sandbox
    # and with its files in the page cache: what exec and the loader cost
    # (--help prints and exits), and a whole headless start to its first
    # frame and out (a copy of the content cache: nothing of the kiosk's
    # folder is touched).
    t0=$(date +%s.%N); /usr/bin/painmap --help >/dev/null 2>&1; t1=$(date +%s.%N)
    mkdir -p /tmp/pst; cp /var/lib/painmap/content.cache /tmp/pst/ 2>/dev/null
    printf 'expect welcome\nquit\n' > /tmp/pst.replay
    t2=$(date +%s.%N)
    SDL_VIDEODRIVER=dummy SDL_AUDIODRIVER=dummy /usr/bin/painmap --replay /tmp/pst.replay --state /tmp/pst >/dev/null 2>&1
    t3=$(date +%s.%N)
    # And what systemd's sandbox costs before the program's exec: the
    # kiosk's own unit with /bin/true as its program, against a bare unit
    # (the same user), and with each group of its hardening taken out.
    mkunit() { # mkunit NAME SED-SCRIPT
        sed -e 's/^Type=notify/Type=oneshot/' -e 's|^ExecStart=.*|ExecStart=/bin/true|' \
            -e '/^WatchdogSec=/d' -e '/^NotifyAccess=/d' -e '/^Restart=/d' -e '/^RestartSec=/d' \
            -e '/^\[Install\]/,$d' -e "$2" /usr/lib/systemd/system/painmap.service > "/run/systemd/system/$1.service"
    }
    printf '[Service]\nType=oneshot\nUser=painmap\nExecStart=/bin/true\n' > /run/systemd/system/pm-bare.service
    mkunit pm-sandbox ''
    mkunit pm-no-seccomp '/^\(SystemCall\|Restrict\|LockPersonality\|MemoryDenyWriteExecute\)/d'
    mkunit pm-no-netns '/^\(PrivateNetwork\|IPAddressDeny\|PrivateIPC\)=/d'
    mkunit pm-no-mountns '/^\(Protect\|PrivateMounts\|PrivateTmp\|ProcSubset\)/d'
    systemctl daemon-reload
    for u in pm-bare pm-sandbox pm-no-seccomp pm-no-netns pm-no-mountns pm-bare pm-sandbox; do
        a=$(date +%s.%N); systemctl start "$u.service"; b=$(date +%s.%N)
        say "unit-start $u $(awk -v a="$a" -v b="$b" 'BEGIN { printf "%.2f", b - a }')"
    done
    say "by-hand help $(awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.2f", b - a }') start-to-exit $(awk -v a="$t2" -v b="$t3" 'BEGIN { printf "%.2f", b - a }')"
    dmesg | grep -E "mmc[0-9]|mmcblk" | head -n 20 | sed 's/^/BOOTTEST-MMC: /'
    journalctl -b -u painmap-bootconf.service -o cat --no-pager | sed 's/^/BOOTTEST-BOOTCONF: /'
    systemctl poweroff
else
    say "clock-floor at boot 2 $(cat /var/lib/painmap/clock-floor 2>/dev/null) now $(date +%s)"
    for f in $(find /var/lib/painmap -type f -name '*.json' | sort); do
        echo "BOOTTEST-FILE: $f $(base64 -w0 "$f")"
    done
    say "CHECKED"
    # A hung kiosk: stop it dead and let the watchdog (WatchdogSec=30) act.
    pid=$(systemctl show -p MainPID --value painmap.service)
    before=$(systemctl show -p NRestarts --value painmap.service)
    kill -STOP "$pid"
    say "hung the kiosk (SIGSTOP to $pid)"
    n=$before; i=0
    while [ $i -lt 45 ] && [ "$n" -le "$before" ]; do
        sleep 2; i=$((i + 1)); n=$(systemctl show -p NRestarts --value painmap.service)
    done
    journalctl -b -u painmap.service -o cat --no-pager | grep -i watchdog | sed 's/^/BOOTTEST-WD: /'
    say "WATCHDOG restarts $before -> $n after ~$((i * 2)) s"
    systemctl poweroff
fi
SCRIPT
# The intake replay: the shipped walk-through, without its screenshots.
# (From the tree the image was built from: PAINMAP_SRC, as for build.sh.)
grep -v '^shot ' "${PAINMAP_SRC:-$repo}/tests/replay/walk.replay" > "$t/intake.replay"

dd if="$disk" of="$WORK/root.img" bs=512 skip="$rs" count="$rsz" status=none
debugfs -w "$WORK/root.img" >/dev/null 2>"$WORK/debugfs.err" <<DEBUGFS
mkdir /etc/systemd/system/painmap.service.d
write $t/dummy.conf /etc/systemd/system/painmap.service.d/boottest-dummy-video.conf
write $t/painmap-boottest.service /etc/systemd/system/painmap-boottest.service
symlink /etc/systemd/system/multi-user.target.wants/painmap-boottest.service /etc/systemd/system/painmap-boottest.service
write $t/boottest /usr/lib/painmap/boottest
sif /usr/lib/painmap/boottest mode 0100755
mkdir /usr/share/painmap/boottest
write $t/intake.replay /usr/share/painmap/boottest/intake.replay
DEBUGFS
if grep -qi "error\|not found\|cannot\|couldn" "$WORK/debugfs.err"; then cat "$WORK/debugfs.err" >&2; exit 1; fi
dd if="$WORK/root.img" of="$disk" bs=512 seek="$rs" conv=notrunc status=none
rm -f "$WORK/root.img"
# The raspi4b run starts from this same prepared card (see below).
cp --sparse=always "$disk" "$WORK/disk-pi.img"
case " $MACHINES " in *" raspi3b "*) cp --sparse=always "$disk" "$WORK/disk-pi3.img" ;; esac
# A bigger "card" than the image: the data partition must grow into it.
truncate -s +512M "$disk"

cmdline=$(tr -d '\r\n' < "$WORK/cmdline.txt" | sed 's/console=[^ ]*//g')
# Emulated on a busy machine, udev can take longer than systemd's 90 s to
# announce a partition; the intake partition's mount would then time out
# and drop the boot into emergency mode. The test gives devices 10 minutes.
slow="systemd.default_device_timeout_sec=600"
boot() { # boot MODE LOG: runs qemu in the background, sets $qpid
    qemu-system-aarch64 -M virt -cpu cortex-a72 -smp 2 -m 1024 \
        -kernel "$WORK/vmlinuz" -initrd "$WORK/initrd.img" \
        -append "console=ttyAMA0 $cmdline $slow painmap.boottest=$1" \
        -drive if=none,file="$disk",format=raw,id=sd,cache=writeback \
        -device virtio-blk-device,drive=sd \
        -nic none -display none -monitor none -serial file:"$2" -no-reboot &
    qpid=$!
}
wait_for() { # wait_for LOG PATTERN -> 0 when seen, 1 on timeout or qemu exit
    n=0
    while [ $n -lt "$TIMEOUT" ]; do
        grep -aq "$2" "$1" 2>/dev/null && return 0
        kill -0 "$qpid" 2>/dev/null || { grep -aq "$2" "$1" 2>/dev/null; return $?; }
        sleep 1; n=$((n + 1))
    done
    return 1
}

# pi_qemu MACHINE DTB CMDLINE DISK NAME: one boot of an emulated Pi, its
# serial console (carriage returns dropped) in $WORK/NAME when it is over.
pi_qemu() {
    : > "$WORK/serial-$5.log"
    qemu-system-aarch64 -M "$1" -kernel "$WORK/vmlinuz" -initrd "$WORK/initrd.img" \
        -dtb "$2" -append "console=ttyAMA0 $3 $slow modprobe.blacklist=bcm2835_wdt painmap.boottest=pi" \
        -drive file="$4",if=sd,format=raw,cache=writeback \
        -display none -monitor none -serial file:"$WORK/serial-$5.log" -no-reboot &
    qpid=$!
    wait_for "$WORK/serial-$5.log" "BOOTTEST: painmap.service\|reboot: Restarting\|reboot: Power down\|Kernel panic" || true
    # A boot that reached the kiosk goes on to power off by itself.
    # (qemu's Pis cannot power off: the kernel halts instead.)
    wait_for "$WORK/serial-$5.log" "reboot: Restarting\|reboot: Power down\|System halted\|Kernel panic" || true
    kill -9 "$qpid" 2>/dev/null; wait "$qpid" 2>/dev/null
    tr -d '\r' < "$WORK/serial-$5.log" > "$WORK/$5"
}

set +e   # from here on every check runs and reports, pass or fail

# steps LOG: the boot's steps in seconds since the kernel started, one line.
steps() {
    sed -n 's/^BOOTTEST: boot initrd-to-root \([0-9]*\)$/root-switch \1 \1/p; s/^BOOTTEST: step \([^ ]*\) \([0-9]*\) \([0-9]*\)$/\1 \2 \3/p' "$1" |
        awk '{ printf "%s%s %.1f-%.1f", (NR > 1 ? ", " : ""), $1, $2 / 1e6, $3 / 1e6 }'
}

# boot_checks DISK NAME: what painmap-bootconf left on the boot partition.
boot_checks() {
    o=$(sfdisk -d "$1" | sed -n "s/^[^ ]*1 : start= *\([0-9]*\),.*/\1/p")
    rm -f "$WORK/back-conf" "$WORK/back-problems"
    mcopy -n -i "$1@@$((o * 512))" ::painmap.conf "$WORK/back-conf" 2>/dev/null
    mcopy -n -i "$1@@$((o * 512))" ::painmap-problems.txt "$WORK/back-problems" 2>/dev/null
    grep -q '^staff_pin_hash = [$]y[$]' "$WORK/back-conf" && ! grep -q '2580' "$WORK/back-conf"
    check "$2: the plain staff_pin in painmap.conf was replaced by its hash on the card" $? \
        "$(grep -a 'staff_pin' "$WORK/back-conf" | head -n 3)"
    grep -q 'boottest_marker' "$WORK/back-problems" 2>/dev/null
    check "$2: painmap-problems.txt on the card lists the unknown setting" $? \
        "$(head -c 600 "$WORK/back-problems" 2>/dev/null)"
}

if case " $MACHINES " in *" virt "*) true ;; *) false ;; esac; then
# --- boot 1: start, check, save an intake, pull the plug -----------------------
log "boot 1 (first boot, then a replay saves an intake)"
log1="$WORK/serial-1.log"; : > "$log1"
t0=$(date +%s)
boot save "$log1"
if wait_for "$log1" "BOOTTEST: painmap.service"; then
    log "kiosk service reported after $(( $(date +%s) - t0 )) s (wall clock, emulated)"
fi
wait_for "$log1" "BOOTTEST: SAVED\|BOOTTEST: REPLAY-FAILED" || true
kill -9 "$qpid" 2>/dev/null || true; wait "$qpid" 2>/dev/null || true
t1=$(date +%s)
log "boot 1 over after $(( t1 - t0 )) s; qemu killed (hard power-off)"

tr -d '\r' < "$log1" > "$WORK/s1"
grep -q "BOOTTEST: painmap.service active" "$WORK/s1"; check "systemd started painmap.service and it reported READY=1 (active)" $? "$(grep -a 'BOOTTEST: painmap.service' "$WORK/s1")"
grep -q "BOOTTEST: prop Type=notify" "$WORK/s1"; check "the unit is Type=notify" $?
grep -q "BOOTTEST: prop WatchdogUSec=30s" "$WORK/s1"; check "the watchdog is armed (WatchdogSec=30)" $?
grep -q "BOOTTEST: proc painmap painmap" "$WORK/s1"; check "the kiosk runs as user painmap" $?
grep -q "BOOTTEST: package install ok installed .* arm64" "$WORK/s1" &&
    grep -q "BOOTTEST: prop FragmentPath=/usr/lib/systemd/system/painmap.service" "$WORK/s1"
check "the kiosk is its .deb, installed (dpkg), its unit from /usr/lib/systemd/system" $? \
    "$(grep -a 'BOOTTEST: package\|FragmentPath' "$WORK/s1")"
grep -q "BOOTTEST-JOURNAL: painmap: " "$WORK/s1"; check "the kiosk logs 'painmap: ...' lines to the journal" $?
grep -q "BOOTTEST-JOURNAL: .*as checked, from /var/lib/painmap/content.cache" "$WORK/s1"
check "the kiosk's first start on the card used the content cache made at build time (no JSON parsed)" $? \
    "$(grep -a 'BOOTTEST-JOURNAL: .*content' "$WORK/s1" | head -n 3)"
grep -q "BOOTTEST-PRELOAD: preload: read [0-9]* files .*; 0 skipped" "$WORK/s1"
check "painmap-preload read the kiosk's files ahead, none missing" $? "$(grep -a 'BOOTTEST-PRELOAD' "$WORK/s1" | head -n 5)"
grep -q "boottest_marker" "$WORK/s1"; check "the kiosk read painmap.conf from the boot partition" $? "no warning about boottest_marker in the kiosk's journal"
grep -q "BOOTTEST-WARN: .*boottest_marker" "$WORK/s1"; check "log lines carry priorities (the config warning shows under journalctl -p warning)" $?
grep -q "BOOTTEST: clock-service active timer enabled" "$WORK/s1"; check "the clock keeper ran at boot and its save timer is enabled" $? "$(grep -a 'BOOTTEST: clock-service' "$WORK/s1")"
grep -q "BOOTTEST: clock-floor saved [0-9]" "$WORK/s1"; check "the clock floor is saved on the intake partition" $?
grep -q "BOOTTEST: mount / .*\bro\b" "$WORK/s1"; check "the root file system is mounted read-only" $?
grep -q "BOOTTEST: mount /var/lib/painmap .*data=journal" "$WORK/s1"; check "the intake partition is mounted rw with data=journal" $?
size=$(sed -n 's/^BOOTTEST: data-size-mib \([0-9]*\).*/\1/p' "$WORK/s1" | head -n1)
[ "${size:-0}" -gt 400 ]; check "the intake partition grew to fill the disk (${size:-?} MiB)" $?
if grep -q "BOOTTEST: failed-unit" "$WORK/s1"; then
    echo "note: failed units on boot 1:"; grep "BOOTTEST: failed-unit" "$WORK/s1"
fi
grep -q "BOOTTEST: SAVED .*json" "$WORK/s1"; check "the replay completed and saved an intake" $? "$(grep -a 'BOOTTEST-REPLAY\|REPLAY-FAILED' "$WORK/s1" | tail -n5)"
saved=$(sed -n 's/^BOOTTEST: SAVED //p' "$WORK/s1")
ready_us=$(sed -n 's/^BOOTTEST: prop ActiveEnterTimestampMonotonic=//p' "$WORK/s1")
start_us=$(sed -n 's/^BOOTTEST: prop ExecMainStartTimestampMonotonic=//p' "$WORK/s1")

# --- boot 2: after the power cut -----------------------------------------------
log "boot 2 (after the power cut)"
log2="$WORK/serial-2.log"; : > "$log2"
t2=$(date +%s)
boot check "$log2"
wait_for "$log2" "BOOTTEST: WATCHDOG" || true
kill -9 "$qpid" 2>/dev/null || true; wait "$qpid" 2>/dev/null || true
log "boot 2 over after $(( $(date +%s) - t2 )) s"
tr -d '\r' < "$log2" > "$WORK/s2"
grep -q "BOOTTEST: painmap.service active" "$WORK/s2"; check "the kiosk starts again after the power cut" $?
floor1=$(sed -n 's/^BOOTTEST: clock-floor saved \([0-9]*\).*/\1/p' "$WORK/s1" | head -n1)
floor2=$(sed -n 's/^BOOTTEST: clock-floor at boot 2 \([0-9]*\) now \([0-9]*\).*/\1 \2/p' "$WORK/s2" | head -n1)
[ -n "$floor1" ] && [ "${floor2%% *}" -ge "$floor1" ] && [ "${floor2##* }" -ge "$floor1" ]
check "the clock floor survived the power cut and the clock is not behind it" $? "boot 1 saved '${floor1:-}', boot 2 read '${floor2:-}'"
python3 - "$WORK/s2" "$saved" <<'PY'
import base64, json, sys
lines = open(sys.argv[1], encoding="utf-8", errors="replace").read().splitlines()
saved = [n for n in sys.argv[2].split() if n.endswith(".json")]
files = {}
for l in lines:
    if l.startswith("BOOTTEST-FILE: "):
        parts = l.split(" ")
        if len(parts) >= 3:
            files[parts[1].rsplit("/", 1)[-1]] = parts[2]
ok = bool(saved)
for n in saved:
    if n not in files:
        print("FAIL  intake %s is gone after the power cut" % n); ok = False; continue
    try:
        doc = json.loads(base64.b64decode(files[n]).decode("utf-8"))
        print("PASS  intake %s survived the power cut: valid JSON, %d top-level keys" % (n, len(doc)))
    except Exception as e:
        print("FAIL  intake %s is damaged after the power cut: %s" % (n, e)); ok = False
sys.exit(0 if ok else 1)
PY
[ $? = 0 ] || fail=1
grep -q "BOOTTEST-WD: .*[Ww]atchdog timeout" "$WORK/s2" && grep -q "BOOTTEST: WATCHDOG restarts 0 -> [1-9]" "$WORK/s2"
check "a hung kiosk (SIGSTOP) is killed by the watchdog and restarted" $? "$(grep -a 'BOOTTEST: WATCHDOG\|BOOTTEST-WD' "$WORK/s2")"


# --- the boot partition, read back after both boots ---------------------------
boot_checks "$disk" virt

virt_steps=$(steps "$WORK/s1")
if [ -n "$ready_us" ] && [ -n "$start_us" ]; then
    virt_ready=$(awk -v r="$ready_us" -v s="$start_us" 'BEGIN { printf "kernel start to kiosk READY=1 (first frame): %.1f s (kiosk exec to READY: %.2f s), -M virt", r/1e6, (r-s)/1e6 }')
fi
virt_wall=$(( t1 - t0 ))
fi

# --- The Pi-shaped boot: qemu -M raspi4b -----------------------------------
# What the Pi's firmware does is done here by hand, from the card's own
# files: the kernel, initrd and command line from the boot partition, the
# Pi 4's device tree (bcm2711-rpi-4-b.dtb, the kernel's) with the overlays
# painmap-display.txt names applied (fdtoverlay, as the firmware applies
# dtoverlay= lines). qemu's raspi4b lacks some of the Pi 4's devices, and a
# driver that touches one stops the kernel (a synchronous external abort),
# so exactly those nodes are switched off in the test's copy of the tree:
QEMU_MISSING="/soc/interrupt-controller@7ef00100 /soc/clock@7ef00000
/soc/hdmi@7ef00700 /soc/hdmi@7ef05700 /soc/i2c@7ef04500 /soc/i2c@7ef09500
/scb-bus@fc000000/pcie@7d500000 /scb-bus@fc000000/ethernet@7d580000"
# (HDMI and its interrupt and clock blocks, PCIe with the USB controller
# behind it, Ethernet.) And the SD card: qemu's raspi4b wires its card to
# the SoC's Arasan SDHCI (mmc@7e300000, which on a real Pi 4 runs the WiFi
# chip) rather than to EMMC2, so that node becomes a plain SD slot (its WiFi
# child, power sequence and non-removable flag dropped; the power sequence
# waits on GPIO-expander calls qemu's firmware does not answer). Both
# controllers are driven by sdhci-iproc, the module the image's initrd
# carries for the Pi 4's card. The kiosk runs on SDL's dummy driver, as on
# virt. One more: qemu's model of the Pi's watchdog resets the machine the
# moment Linux starts it (it takes the start for a reset request), so these
# boots keep the watchdog driver out (modprobe.blacklist=bcm2835_wdt); the
# virt boots test the kiosk's own watchdog, the SoC's is not tested here.
if case " $MACHINES " in *" raspi4b "*) true ;; *) false ;; esac; then
pdisk="$WORK/disk-pi.img"
pbs=$bs
pboot="$pdisk@@$((pbs * 512))"
# qemu's SD card must be a power of two in size: 2 GiB, bigger than the
# image, so the data partition grows here too.
truncate -s 2G "$pdisk"
# And a staff passphrase, which the image must turn into the intake key
# lines on the card (painmap --seal-passphrase, Argon2id measured on the
# emulated Pi) so that the passphrase leaves the card.
passphrase=kqvbzmxtraplhswednuc
{ tr -d '\r' < "$WORK/painmap.test.conf"; echo "display = dsi7"; echo "staff_passphrase = $passphrase"; } |
    sed 's/$/\r/' > "$WORK/painmap.pi.conf"
mcopy -o -i "$pboot" "$WORK/painmap.pi.conf" ::painmap.conf
mcopy -n -i "$pboot" ::bcm2711-rpi-4-b.dtb ::overlays/painmap-dsi7.dtbo "$WORK/"
pcmdline=$(tr -d '\r\n' < "$WORK/cmdline.txt" | sed 's/console=[^ ]*//g')
pi_boot() { # pi_boot N: one boot with the tree the card's files call for
    rm -f "$WORK/display-$1.txt"
    mcopy -n -i "$pboot" ::painmap-display.txt "$WORK/display-$1.txt" 2>/dev/null || : > "$WORK/display-$1.txt"
    cp "$WORK/bcm2711-rpi-4-b.dtb" "$WORK/pi-$1.dtb"
    if tr -d '\r' < "$WORK/display-$1.txt" | sed -n '/^\[pi4\]/,/^\[/p' | grep -q '^dtoverlay=painmap-dsi7$'; then
        fdtoverlay -i "$WORK/bcm2711-rpi-4-b.dtb" -o "$WORK/pi-$1.dtb" "$WORK/painmap-dsi7.dtbo"
        log "raspi4b boot $1: painmap-display.txt asks for painmap-dsi7: applied to the tree"
    fi
    for n in $QEMU_MISSING; do fdtput -t s "$WORK/pi-$1.dtb" "$n" status disabled; done
    fdtput -d "$WORK/pi-$1.dtb" /soc/mmc@7e300000 mmc-pwrseq
    fdtput -d "$WORK/pi-$1.dtb" /soc/mmc@7e300000 non-removable
    fdtput -r "$WORK/pi-$1.dtb" /soc/mmc@7e300000/wifi@1
    pi_qemu raspi4b "$WORK/pi-$1.dtb" "$pcmdline" "$pdisk" "p$1"
}
log "raspi4b boot 1 (display = dsi7 in painmap.conf: the image switches config.txt and restarts)"
tp0=$(date +%s)
pi_boot 1
log "raspi4b boot 1 over after $(( $(date +%s) - tp0 )) s"
grep -q "bootconf: wrote painmap-display.txt" "$WORK/p1" && grep -q "bootconf: the display setting changed; restarting" "$WORK/p1"
check "raspi4b: display = dsi7 made the image write painmap-display.txt and restart" $? "$(grep -a 'bootconf' "$WORK/p1" | head -n 5)"
mcopy -n -i "$pboot" ::painmap-display.txt "$WORK/display-after-1.txt" 2>/dev/null
grep -q '^dtoverlay=painmap-dsi7' "$WORK/display-after-1.txt" 2>/dev/null
check "raspi4b: painmap-display.txt now loads the painmap-dsi7 overlay under [pi4]" $? "$(cat "$WORK/display-after-1.txt" 2>/dev/null)"

log "raspi4b boot 2 (the DSI overlay applied; qemu has no panel)"
tp0=$(date +%s)
pi_boot 2
log "raspi4b boot 2 over after $(( $(date +%s) - tp0 )) s"
grep -q "bootconf: .*panel driver loaded: yes" "$WORK/p2"
check "raspi4b: with the overlay, the 7\" panel's driver (panel-raspberrypi-touchscreen) was loaded" $? "$(grep -a 'bootconf' "$WORK/p2" | head -n 5)"
grep -q "bootconf: display = dsi7, but no 7-inch panel answered" "$WORK/p2" && grep -q "bootconf: the display setting changed; restarting" "$WORK/p2"
check "raspi4b: no panel answered, so the image fell back to HDMI and restarted" $? "$(grep -a 'bootconf' "$WORK/p2" | head -n 8)"

log "raspi4b boot 3 (HDMI fallback: the kiosk starts)"
tp0=$(date +%s)
pi_boot 3
tp1=$(date +%s)
log "raspi4b boot 3 over after $(( tp1 - tp0 )) s"
grep -q "BOOTTEST: model Raspberry Pi 4 Model B" "$WORK/p3"
check "raspi4b: the kernel booted on the Pi 4's own device tree (model: Raspberry Pi 4 Model B)" $? "$(grep -a 'BOOTTEST: model' "$WORK/p3")"
grep -q "BOOTTEST-MMC: .*mmcblk0: mmc0" "$WORK/p3"
check "raspi4b: the kernel found the SD card (mmcblk0 on the Pi's controller)" $? "$(grep -a 'BOOTTEST-MMC' "$WORK/p3" | head -n 5)"
grep -q "BOOTTEST: root-source /dev/mmcblk0p2" "$WORK/p3" && grep -q "BOOTTEST: mount / .*\bro\b" "$WORK/p3"
check "raspi4b: root is mounted read-only from the SD card (mmcblk0p2)" $? "$(grep -a 'BOOTTEST: root-source\|BOOTTEST: mount /' "$WORK/p3")"
grep -q "BOOTTEST: painmap.service active" "$WORK/p3" && grep -q "BOOTTEST: proc painmap painmap" "$WORK/p3"
check "raspi4b: the kiosk reached READY=1 (painmap.service active, as painmap)" $? "$(grep -a 'BOOTTEST: painmap.service\|failed-unit' "$WORK/p3")"
size=$(sed -n 's/^BOOTTEST: data-size-mib \([0-9]*\).*/\1/p' "$WORK/p3" | head -n1)
[ "${size:-0}" -gt 400 ]; check "raspi4b: the intake partition grew to fill the card (${size:-?} MiB)" $?
grep -q "BOOTTEST: clock-service active timer enabled" "$WORK/p3"
check "raspi4b: the clock keeper ran" $? "$(grep -a 'BOOTTEST: clock-service' "$WORK/p3")"
if grep -q "BOOTTEST: failed-unit" "$WORK/p3"; then
    echo "note: failed units on raspi4b boot 3:"; grep "BOOTTEST: failed-unit" "$WORK/p3"
fi
boot_checks "$pdisk" raspi4b
grep -q 'no 7-inch display answered on the DSI connector; using hdmi' "$WORK/back-problems" 2>/dev/null
check "raspi4b: painmap-problems.txt says no 7\" display answered and HDMI is used" $?
tr -d '\r' < "$WORK/back-conf" | grep -q '^intake_public_key = pmpk1[.][A-Za-z0-9_-]\{20,\}' &&
    tr -d '\r' < "$WORK/back-conf" | grep -q '^intake_secret_key = pmsk1[.][^ ]\{40,\}' &&
    ! grep -q "$passphrase" "$WORK/back-conf" && ! grep -aq "staff_passphrase is waiting" "$WORK/p3"
check "raspi4b: staff_passphrase became the intake key lines on the card, and the passphrase left it" $? \
    "$(tr -d '\r' < "$WORK/back-conf" | grep -a 'intake_\|passphrase' | cut -c1-60; grep -a 'bootconf\|Argon2id\|passphrase' "$WORK/p1" | head -n 6)"
pi_steps=$(steps "$WORK/p3")
pready=$(sed -n 's/^BOOTTEST: prop ActiveEnterTimestampMonotonic=//p' "$WORK/p3")
pstart=$(sed -n 's/^BOOTTEST: prop ExecMainStartTimestampMonotonic=//p' "$WORK/p3")
if [ -n "$pready" ] && [ -n "$pstart" ]; then
    pi_ready=$(awk -v r="$pready" -v s="$pstart" 'BEGIN { printf "kernel start to kiosk READY=1 (first frame): %.1f s (kiosk exec to READY: %.2f s), -M raspi4b", r/1e6, (r-s)/1e6 }')
    awk -v r="$pready" -v s="$pstart" 'BEGIN { exit !((r - s) < 1e6) }'
    check "raspi4b: the kiosk's own start to READY=1 is under 1 s" $? "$pi_ready"
fi
fi

# --- The Pi 3: qemu -M raspi3b (BOOT_MACHINES="... raspi3b") ---------------------
# The same card on an emulated Raspberry Pi 3 Model B (4 x Cortex-A53, 1 GiB):
# the Pi 3's own device tree (bcm2837-rpi-3-b.dtb) and its own command line
# (cmdline-pi3.txt, with the bigger CMA pool its vc4 needs), both read from
# the card, as the firmware's [pi3] section would; display = hdmi (the
# test's config). The card sits on the Pi 3's SD host controller (sdhost,
# the initrd's bcm2835 module). Checked: the kernel finds the card, root
# mounts read-only from it, the kiosk reaches READY=1 (dummy video, as
# everywhere here).
if case " $MACHINES " in *" raspi3b "*) true ;; *) false ;; esac; then
p3disk="$WORK/disk-pi3.img"
truncate -s 2G "$p3disk"
p3boot="$p3disk@@$((bs * 512))"
mcopy -n -i "$p3boot" ::bcm2837-rpi-3-b.dtb ::cmdline-pi3.txt "$WORK/"
p3cmdline=$(tr -d '\r\n' < "$WORK/cmdline-pi3.txt" | sed 's/console=[^ ]*//g')
log "raspi3b boot (display = hdmi)"
tp0=$(date +%s)
pi_qemu raspi3b "$WORK/bcm2837-rpi-3-b.dtb" "$p3cmdline" "$p3disk" q3
log "raspi3b boot over after $(( $(date +%s) - tp0 )) s"
grep -q "BOOTTEST: model Raspberry Pi 3 Model B" "$WORK/q3"
check "raspi3b: the kernel booted on the Pi 3's own device tree (model: Raspberry Pi 3 Model B)" $? "$(grep -a 'BOOTTEST: model\|Kernel panic' "$WORK/q3" | head -n 3)"
grep -q "BOOTTEST-MMC: .*mmcblk0: mmc0" "$WORK/q3" && grep -q "BOOTTEST: root-source /dev/mmcblk0p2" "$WORK/q3" &&
    grep -q "BOOTTEST: mount / .*\bro\b" "$WORK/q3"
check "raspi3b: root is mounted read-only from the SD card (mmcblk0p2)" $? "$(grep -a 'BOOTTEST-MMC\|BOOTTEST: root-source\|BOOTTEST: mount /' "$WORK/q3" | head -n 6)"
grep -q "BOOTTEST: painmap.service active" "$WORK/q3" && grep -q "BOOTTEST: proc painmap painmap" "$WORK/q3"
check "raspi3b: the kiosk reached READY=1 (painmap.service active, as painmap)" $? "$(grep -a 'BOOTTEST: painmap.service\|failed-unit' "$WORK/q3")"
if grep -q "BOOTTEST: failed-unit" "$WORK/q3"; then
    echo "note: failed units on the raspi3b boot:"; grep "BOOTTEST: failed-unit" "$WORK/q3"
fi
pi3_steps=$(steps "$WORK/q3")
p3ready=$(sed -n 's/^BOOTTEST: prop ActiveEnterTimestampMonotonic=//p' "$WORK/q3")
p3start=$(sed -n 's/^BOOTTEST: prop ExecMainStartTimestampMonotonic=//p' "$WORK/q3")
[ -n "$p3ready" ] && [ -n "$p3start" ] &&
    pi3_ready=$(awk -v r="$p3ready" -v s="$p3start" 'BEGIN { printf "kernel start to kiosk READY=1 (first frame): %.1f s (kiosk exec to READY: %.2f s), -M raspi3b", r/1e6, (r-s)/1e6 }')
fi

echo "--- figures"
[ -n "${virt_wall:-}" ] && echo "virt boot 1 wall clock (qemu start to intake saved): $virt_wall s"
[ -n "${virt_ready:-}" ] && echo "$virt_ready"
[ -n "${virt_steps:-}" ] && echo "virt boot 1 steps (s since kernel start, start-end): $virt_steps"
startline() { sed -n 's/^BOOTTEST-JOURNAL: painmap: \(first frame .* after the process started.*\)/\1/p' "$1" 2>/dev/null | head -n1; }
[ -f "$WORK/s1" ] && echo "virt boot 1, the kiosk's own account: $(startline "$WORK/s1")"
pi_figures() { # pi_figures LOG NAME: what a Pi boot measured of the kiosk's start
    [ -f "$1" ] || return 0
    echo "$2, the kiosk's own account: $(startline "$1")"
    echo "$2, systemctl start of a unit running /bin/true (s): $(sed -n 's/^BOOTTEST: unit-start \([^ ]*\) \([0-9.]*\)/\1 \2/p' "$1" | tr '\n' ',' | sed 's/,$//; s/,/, /g')"
    sed -n "s/^BOOTTEST: by-hand help \([0-9.]*\) start-to-exit \([0-9.]*\)/$2, the program run again by hand outside the sandbox, files cached: --help \1 s, a headless start to the first frame and exit \2 s/p" "$1"
}
[ -n "${pi_ready:-}" ] && echo "$pi_ready"
[ -n "${pi_steps:-}" ] && echo "raspi4b boot 3 steps (s since kernel start, start-end): $pi_steps"
pi_figures "$WORK/p3" "raspi4b boot 3"
[ -n "${pi3_ready:-}" ] && echo "$pi3_ready"
[ -n "${pi3_steps:-}" ] && echo "raspi3b boot steps (s since kernel start, start-end): $pi3_steps"
pi_figures "$WORK/q3" "raspi3b boot"
echo "load average at the end: $(cut -d' ' -f1-3 /proc/loadavg) ($(nproc) CPUs)"
echo "serial logs: $WORK/serial-*.log"
[ $fail = 0 ] && echo "boot test: all checks passed" || echo "boot test: FAILED"
exit $fail
