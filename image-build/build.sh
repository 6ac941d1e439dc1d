#!/bin/sh
# build.sh — builds the Painmap Raspberry Pi SD image (arm64, Debian 13).
#
#   image-build/build.sh            -> image-build/out/painmap-<version>-arm64.img.xz
#                                      + .sha256, and the uncompressed .img
#
# Runs on an ordinary Debian 12 x86-64 machine as root (or through sudo). It
# needs no loop devices and no privileged container: the root file system is
# built by mmdebstrap in a plain directory (arm64 binaries run through
# qemu-user binfmt), the partitions are built as files (mkfs.vfat + mcopy,
# mkfs.ext4 -d) and stitched into the image with sfdisk and dd conv=notrunc.
#
# Stages (each one's result lives under $WORK, default /var/tmp/painmap-image,
# outside the repository):
#   1. rootfs-base/  mmdebstrap: systemd, kernel, raspi-firmware, SDL2 runtime
#   2. kiosk/        painmap_<version>_arm64.deb: the kiosk cross-compiled
#                    for arm64 (the host's gcc-aarch64-linux-gnu) against a
#                    throw-away copy of the root file system with the -dev
#                    packages unpacked into it, packed by cpack; its Depends
#                    from dpkg-shlibdeps against that tree; no build tool
#                    enters the image
#   3. rootfs/       base + the .deb installed by apt + image-build/overlay
#                    (the image's own units) + fstab, masks, initrd
#   4. the image     boot (FAT32) + root (ext4, read-only) + data (ext4, grown
#                    on first boot) partitions
#
# Environment:
#   WORK=DIR          where the intermediate trees go (default /var/tmp/painmap-image)
#   OUT=DIR           where the image goes (default image-build/out)
#   REUSE_BASE=1      keep an existing $WORK/rootfs-base (skip stage 1)
#   REUSE_KIOSK=1     keep an existing $WORK/kiosk/painmap_<version>_arm64.deb (skip stage 2)
#   PAINMAP_SRC=DIR   build the kiosk from DIR instead of this checkout
#   MIRROR=URL        Debian mirror (default http://deb.debian.org/debian)
#   XZ_LEVEL=N        xz preset (default 6; 1-3 are several times faster)
#   NO_XZ=1           stop at the uncompressed .img (enough for boot-test.sh)
set -eu
export LC_ALL=C

here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/.." && pwd)
WORK=${WORK:-/var/tmp/painmap-image}
OUT=${OUT:-$here/out}
SRC=${PAINMAP_SRC:-$repo}
MIRROR=${MIRROR:-http://deb.debian.org/debian}
SECURITY=${SECURITY:-http://deb.debian.org/debian-security}
NICE=${NICE:-nice -n 10}

version=$(sed -n 's/^project(painmap VERSION \([0-9.]*\).*/\1/p' "$repo/CMakeLists.txt")
[ -n "$version" ] || { echo "build.sh: cannot read the version from CMakeLists.txt" >&2; exit 1; }
name="painmap-$version-arm64"

# Partition sizes (MiB). The data partition starts small and is grown to fill
# the card on first boot (painmap-growdata.service).
BOOT_MIB=${BOOT_MIB:-256}
DATA_MIB=${DATA_MIB:-64}

log() { printf '%s build.sh: %s\n' "$(date +%H:%M:%S)" "$*" >&2; }
t0=$(date +%s)

# --- dependencies: stated here, installed through the set-up script ---------
"$repo/scripts/setup-deps" mmdebstrap qemu-user-static binfmt-support arch-test \
    dosfstools mtools e2fsprogs fdisk xz-utils file device-tree-compiler
if ! arch-test arm64 >/dev/null 2>&1; then
    update-binfmts --enable qemu-aarch64 2>/dev/null || true
    arch-test arm64 >/dev/null || { echo "build.sh: this machine cannot run arm64 binaries (qemu-user binfmt)" >&2; exit 1; }
fi

mkdir -p "$WORK" "$OUT"

# Never delete a tree something is still mounted in (an interrupted chroot
# would otherwise take the host's /dev with it).
safe_rm() {
    for d in "$@"; do
        if findmnt -rno TARGET | grep -q "^$d/"; then
            echo "build.sh: something is still mounted under $d; unmount it first:" >&2
            findmnt -rno TARGET | grep "^$d/" >&2
            exit 1
        fi
        rm -rf "$d"
    done
}

# chroot helpers: mount /proc, /sys, /dev for a command inside a tree.
in_root() {
    root=$1; shift
    mount -t proc proc "$root/proc"
    mount --rbind /sys "$root/sys"; mount --make-rslave "$root/sys"
    mount --rbind /dev "$root/dev"; mount --make-rslave "$root/dev"
    rc=0
    chroot "$root" /usr/bin/env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin HOME=/root \
        LC_ALL=C.UTF-8 DEBIAN_FRONTEND=noninteractive "$@" || rc=$?
    umount -R "$root/dev" "$root/sys" "$root/proc"
    return $rc
}

# --- stage 1: the base root file system ---------------------------------------
# Debian 13 (trixie). Runtime packages only; the kiosk's build dependencies
# never enter the image. The kernel alone comes from trixie-backports (7.x):
# trixie's own 6.12 has no SD card driver for the Pi 5 (sdhci-brcmstb) and no
# RP1 drivers (the Pi 5's USB, GPIO and I2C chip), and ships no
# bcm2712-d-rpi-5-b.dtb for the newer D0 boards. A pin (below) takes only the
# kernel packages from backports; everything else is trixie.
RUNTIME_PKGS="systemd,systemd-sysv,udev,kmod,e2fsprogs,cloud-guest-utils,fdisk,\
initramfs-tools,linux-image-arm64,raspi-firmware,mtools,dosfstools,\
libsdl2-2.0-0,libsdl2-ttf-2.0-0,libsdl2-image-2.0-0,libcjson1,libinih1,libsodium23,\
libgbm1,libegl1,libegl-mesa0,libgles2,libgl1-mesa-dri,libdrm2,\
fonts-dejavu-core"
SUITE=trixie
KERNEL_SUITE=${KERNEL_SUITE:-trixie-backports}
# Which packages come from $KERNEL_SUITE: the kernel and the linux-base
# helper it needs (>= 4.17, trixie has 4.12).

if [ "${REUSE_BASE:-0}" = 1 ] && [ -x "$WORK/rootfs-base/usr/bin/systemctl" ]; then
    log "stage 1: reusing $WORK/rootfs-base"
else
    log "stage 1: mmdebstrap $SUITE (arm64 through qemu-user; ~15-25 min)"
    safe_rm "$WORK/rootfs-base"
    printf '%s\n' "Package: linux-image-arm64 linux-image-*-arm64 linux-base linux-base-*-arm64 linux-base-arm64 linux-binary-*-arm64 linux-modules-*-arm64 linux-modules-arm64" \
        "Pin: release n=$KERNEL_SUITE" "Pin-Priority: 990" > "$WORK/painmap-kernel.pref"
    # update-initramfs is diverted while packages go in (every kernel,
    # firmware and udev trigger would rebuild the initrd) and run once later.
    $NICE mmdebstrap --mode=root --architectures=arm64 --variant=minbase \
        --components=main,non-free-firmware \
        --include="$RUNTIME_PKGS" \
        --aptopt='Apt::Install-Recommends "false"' \
        --dpkgopt='path-exclude=/usr/share/man/*' \
        --dpkgopt='path-exclude=/usr/share/info/*' \
        --dpkgopt='path-exclude=/usr/share/doc/*' \
        --dpkgopt='path-include=/usr/share/doc/*/copyright' \
        --dpkgopt='path-exclude=/usr/share/locale/*' \
        --dpkgopt='path-include=/usr/share/locale/locale.alias' \
        --setup-hook='mkdir -p "$1/etc/apt/preferences.d"' \
        --setup-hook="copy-in $WORK/painmap-kernel.pref /etc/apt/preferences.d" \
        --essential-hook='chroot "$1" dpkg-divert --quiet --local --rename --add /usr/sbin/update-initramfs' \
        --essential-hook='printf "#!/bin/sh\necho update-initramfs: diverted during the image build\n" > "$1/usr/sbin/update-initramfs"; chmod 755 "$1/usr/sbin/update-initramfs"' \
        "$SUITE" "$WORK/rootfs-base" \
        "deb $MIRROR $SUITE main non-free-firmware" \
        "deb $MIRROR $SUITE-updates main non-free-firmware" \
        "deb $SECURITY $SUITE-security main non-free-firmware" \
        "deb $MIRROR $KERNEL_SUITE main non-free-firmware"
    log "stage 1 done after $(( $(date +%s) - t0 )) s"
fi
[ "${STOP_AFTER:-}" = 1 ] && exit 0

# --- stage 2: the kiosk's .deb, cross-compiled against the image's libraries -
# Measured here: gcc under qemu-user is ~10x slower than the host's cross gcc,
# and installing the -dev tree (libsdl2-dev pulls X11, Wayland, GL, Pulse
# headers) through dpkg under qemu costs minutes more. So: the host's
# gcc-aarch64-linux-gnu, a sysroot = copy of rootfs-base plus the -dev
# packages *unpacked* (dpkg -x: no scripts, nothing run under qemu), and
# cpack makes the same painmap_<version>_arm64.deb any packager gets
# (cmake/PainmapInstall.cmake), which stage 3 installs with apt.
#
# The kiosk's run-time libraries: in the base already (RUNTIME_PKGS), and
# installed into the sysroot here when a base made before one was added
# lacks it, so dpkg-shlibdeps finds each library's package in the
# sysroot's dpkg database.
KIOSK_LIBS="libc6 libcrypt1 libsdl2-2.0-0 libsdl2-ttf-2.0-0 libsdl2-image-2.0-0 libcjson1 \
libinih1 libsodium23"
DEV_PKGS="libc6-dev linux-libc-dev libcrypt-dev libsdl2-dev libsdl2-ttf-dev \
libsdl2-image-dev libcjson-dev libinih-dev libsodium-dev \
libdrm-dev libgbm-dev libegl-dev libudev-dev libpng-dev zlib1g-dev"
# (libdrm, gbm, egl, udev, png, zlib: the headers the lean SDL2 and SDL2_image
#  are built against, scripts/lean-sdl)
t2=$(date +%s)
debdir="$WORK/kiosk"
if [ "${REUSE_KIOSK:-0}" = 1 ] && ls "$debdir"/painmap_"$version"_arm64.deb >/dev/null 2>&1; then
    log "stage 2: reusing $(ls "$debdir"/painmap_"$version"_arm64.deb)"
else
    log "stage 2: cross-compiling the kiosk from $SRC and packing its .deb"
    "$repo/scripts/setup-deps" gcc-aarch64-linux-gnu cmake pkg-config dpkg-dev
    sysroot="$WORK/sysroot"
    safe_rm "$sysroot" "$debdir" "$WORK/kiosk-build"
    cp -a "$WORK/rootfs-base" "$sysroot"
    mkdir -p "$sysroot/tmp/debs"
    # apt inside the arm64 tree resolves the exact arm64 versions; for the
    # -dev packages it only downloads. Only the named packages are
    # unpacked: their own -dev dependencies are not needed for these link
    # lines.
    in_root "$sysroot" sh -c "apt-get -qq -o APT::Sandbox::User=root update &&
        apt-get -qq -y -o APT::Sandbox::User=root --no-install-recommends --no-upgrade install $KIOSK_LIBS &&
        cd /tmp/debs && apt-get -qq -o APT::Sandbox::User=root download $DEV_PKGS"
    for d in "$sysroot"/tmp/debs/*.deb; do dpkg -x "$d" "$sysroot"; done
    export PKG_CONFIG_SYSROOT_DIR="$sysroot"
    export PKG_CONFIG_LIBDIR="$sysroot/usr/lib/aarch64-linux-gnu/pkgconfig:$sysroot/usr/share/pkgconfig:$WORK/pc-stubs"
    # The .pc files name their private dependencies (harfbuzz, libpng...),
    # which only a static link uses; empty stand-ins keep pkg-config happy
    # without unpacking their whole -dev trees.
    rm -rf "$WORK/pc-stubs"; mkdir -p "$WORK/pc-stubs"
    for _ in 1 2 3 4 5 6 7 8 9 10; do
        missing=$(pkg-config --print-errors --exists sdl2 SDL2_ttf SDL2_image libcjson inih libcrypt libsodium \
                  libdrm gbm egl 2>&1 |
                  sed -n "s/^Package '\([^']*\)', required by.*/\1/p" | sort -u)
        [ -n "$missing" ] || break
        for m in $missing; do
            printf 'Name: %s\nDescription: stand-in for a shared link\nVersion: 999\n' "$m" > "$WORK/pc-stubs/$m.pc"
        done
    done
    # The kiosk's own SDL2 and SDL2_image (scripts/lean-sdl): Debian's
    # sources of the versions in the sysroot, cross-compiled with only what
    # the kiosk uses (KMS/DRM, no X11, Wayland, audio or D-Bus), so the
    # kiosk loads 20 libraries instead of 74. The .deb carries them in
    # /usr/lib/painmap/sdl (cmake/PainmapInstall.cmake).
    lean=/usr/lib/painmap/sdl-build
    LEAN_SDL_WORK="$WORK/lean-sdl-src" NICE="$NICE" \
        "$repo/scripts/lean-sdl" "$lean" --sysroot "$sysroot" --toolchain "$here/aarch64-toolchain.cmake"
    kb="$WORK/kiosk-build"
    PAINMAP_SYSROOT="$sysroot" \
        cmake -S "$SRC" -B "$kb" -DCMAKE_BUILD_TYPE=Release \
            -DCMAKE_TOOLCHAIN_FILE="$here/aarch64-toolchain.cmake" \
            -DPAINMAP_SDL_PREFIX="$sysroot$lean" \
            -DCMAKE_INSTALL_PREFIX=/usr -DBUILD_TESTING=OFF >/dev/null
    $NICE cmake --build "$kb" -j2
    # Depends: what dpkg-shlibdeps finds the program needs on trixie arm64
    # (names and minimum versions from the sysroot's own symbols files),
    # not the list named for Debian 12 and 13 on amd64 (cmake/PainmapInstall.cmake).
    shlibs=$("$here/sysroot-shlibdeps" "$sysroot" "$kb/painmap")
    log "stage 2: dpkg-shlibdeps against the trixie arm64 sysroot: $shlibs"
    PAINMAP_SYSROOT="$sysroot" cmake -B "$kb" -DPAINMAP_DEB_LIB_DEPENDS="$shlibs" >/dev/null
    (cd "$kb" && cpack -G DEB >/dev/null)
    mkdir -p "$debdir"
    mv "$kb"/painmap_"$version"_arm64.deb "$debdir/" ||
        { echo "build.sh: cpack made no painmap_${version}_arm64.deb:" "$kb"/*.deb >&2; exit 1; }
    safe_rm "$sysroot"
    log "stage 2 done after $(( $(date +%s) - t2 )) s"
fi
deb=$(ls "$debdir"/painmap_"$version"_arm64.deb)
# The package as apt will see it: for arm64, and the program in it an arm64
# one (stripped by cpack: no debug info, no build paths).
[ "$(dpkg-deb -f "$deb" Architecture)" = arm64 ] ||
    { echo "build.sh: $deb is for $(dpkg-deb -f "$deb" Architecture), not arm64" >&2; exit 1; }
dpkg-deb --fsys-tarfile "$deb" | tar -xO ./usr/bin/painmap > "$WORK/painmap.bin"
what=$(file -b "$WORK/painmap.bin")
log "$(basename "$deb"): /usr/bin/painmap: $what"
case "$what" in
*"ARM aarch64"*", stripped"*) ;;
*) echo "build.sh: /usr/bin/painmap in $deb is not a stripped arm64 program" >&2; exit 1 ;;
esac
rm -f "$WORK/painmap.bin"
log "$(basename "$deb"): Depends: $(dpkg-deb -f "$deb" Depends)"

# --- stage 3: the image's root file system -------------------------------------
t3=$(date +%s)
log "stage 3: assembling the root file system"
root="$WORK/rootfs"
safe_rm "$root"
cp -a "$WORK/rootfs-base" "$root"
# The kiosk as any Debian machine gets it: apt installs the .deb (and any
# dependency the base lacks) under qemu-user, and its postinst makes the
# painmap user and the USB stick's mount point. Its units land in
# /usr/lib/systemd/system, its udev rule in /usr/lib/udev/rules.d. The
# package's Recommends (the KMSDRM drawing libraries) are installed too.
mkdir -p "$root/tmp/painmap-deb"
cp "$deb" "$root/tmp/painmap-deb/"
in_root "$root" sh -eu -c "
    apt-get -qq -o APT::Sandbox::User=root update
    apt-get -q -y -o APT::Sandbox::User=root -o APT::Install-Recommends=true -o Dpkg::Use-Pty=0 \
        install /tmp/painmap-deb/$(basename "$deb")
    apt-get clean
" >&2
rm -rf "$root/tmp/painmap-deb"
# What only the SD image has stays in the image (overlay/): the units that
# work on its own partitions (painmap-growdata, painmap-bootconf) and its
# missing battery clock (painmap-clock*). In a .deb they would grow the
# last partition or rewrite the boot partition of whatever machine
# installed it.
cp -a "$here/overlay/." "$root/"

# Smoke test of the installed program, run under qemu-user in the target
# tree: headless (SDL's dummy driver) it loads every content file from
# /usr/share/painmap as the kiosk does, with its fonts and libraries, draws
# the welcome screen and quits (~5 s). The full content check
# (--check-data, with its text-fit pass at every size) is the test suite's:
# under qemu-user it took about 11 of stage 3's 17.5 minutes (2026-12-05).
printf 'expect welcome\nquit\n' > "$root/tmp/smoke.replay"
in_root "$root" env SDL_VIDEODRIVER=dummy SDL_AUDIODRIVER=dummy \
    /usr/bin/painmap --replay /tmp/smoke.replay --state /tmp/smoke-state
# That start parsed the content and wrote its content cache: the very
# program and content of this image, so the kiosk's first start on the card
# maps it instead of parsing JSON (0.6 s on the emulated Pi). It goes onto
# the intake partition (stage 4); the kiosk checks it as it would its own.
datafs="$WORK/datafs"
rm -rf "$datafs"; mkdir -p "$datafs"; chmod 0700 "$datafs"
[ -s "$root/tmp/smoke-state/content.cache" ] ||
    { echo "build.sh: the smoke test wrote no content cache (tmp/smoke-state/content.cache)" >&2; exit 1; }
cp "$root/tmp/smoke-state/content.cache" "$datafs/content.cache"
chmod 0600 "$datafs/content.cache"
rm -rf "$root/tmp/smoke.replay" "$root/tmp/smoke-state"
# What painmap-preload.service reads ahead at boot: the program, every
# shared library it links (as the target's own loader resolves them), its
# fonts, its content and the content cache.
in_root "$root" sh -eu -c '
    {
        echo "# Written by image-build/build.sh: the files the kiosk reads as it starts."
        echo /usr/bin/painmap
        ldd /usr/bin/painmap | sed -n "s|.*=> \(/[^ ]*\) (0x.*|\1|p; s|^[[:space:]]*\(/[^ ]*\) (0x.*|\1|p"
        echo /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf
        echo /usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf
        find /usr/share/painmap -type f ! -name README.md | sort
        echo /var/lib/painmap/content.cache
    } > /usr/lib/painmap/preload.list
    n=$(grep -c "\.so" /usr/lib/painmap/preload.list)
    [ "$n" -gt 10 ] || { echo "build.sh: ldd found only $n libraries for the preload list" >&2; exit 1; }
'
log "stage 3: preload list of $(grep -vc '^#' "$root/usr/lib/painmap/preload.list") files"

# Partition UUIDs: the MBR disk id is chosen now so fstab and cmdline.txt
# can name the partitions (PARTUUID=<id>-01/02/03); the same names hold on
# the SD card and in the emulator.
diskid=${DISKID:-$(od -An -N4 -tx4 /dev/urandom | tr -d ' ')}
cat > "$root/etc/fstab" <<FSTAB
# Root is read-only in normal use: a power cut cannot corrupt it.
PARTUUID=$diskid-02  /                 ext4  ro,noatime,errors=remount-ro  0 1
# The boot partition (config.txt, painmap.conf): read-only too; take the
# card out to edit painmap.conf on another computer.
PARTUUID=$diskid-01  /boot/firmware    vfat  ro,nodev,nosuid,noexec,umask=0022,nofail  0 2
# Intakes: journalled data, committed every second, checked at boot.
PARTUUID=$diskid-03  /var/lib/painmap  ext4  rw,noatime,nodev,nosuid,noexec,data=journal,commit=1,errors=remount-ro  0 2
tmpfs  /tmp      tmpfs  nodev,nosuid,mode=1777,size=64M  0 0
tmpfs  /var/tmp  tmpfs  nodev,nosuid,mode=1777,size=16M  0 0
tmpfs  /var/log  tmpfs  nodev,nosuid,noexec,mode=0755,size=16M  0 0
FSTAB

# painmap-bootconf.service works on the boot partition by its partition
# UUID: after its device appears and fsck.vfat has checked it.
bootdev=/dev/disk/by-partuuid/$diskid-01
bootdev_unit=$(systemd-escape --path "$bootdev")
mkdir -p "$root/etc/systemd/system/painmap-bootconf.service.d"
cat > "$root/etc/systemd/system/painmap-bootconf.service.d/device.conf" <<DROPIN
# Written by image-build/build.sh: this image's boot partition.
[Unit]
BindsTo=$bootdev_unit.device
After=$bootdev_unit.device systemd-fsck@$bootdev_unit.service
[Service]
Environment=PAINMAP_BOOT_DEV=$bootdev
DROPIN

kver=$(ls "$root/lib/modules" | sort -V | tail -n1)
in_root "$root" sh -eu -c "
    # The package's postinst made the painmap user; the kiosk gets the
    # display and input groups from its unit (SupplementaryGroups=).
    getent passwd painmap >/dev/null
    usermod -p '*' root                         # no password login at all
    systemctl enable painmap.service painmap-growdata.service painmap-clock.service \
        painmap-clock-save.timer painmap-bootconf.service painmap-preload.service
    systemctl set-default multi-user.target
    # No login prompt anywhere: not on the display, not on the serial port.
    systemctl mask getty@tty1.service serial-getty@.service console-getty.service \
        getty-static.service
    # Read-only root: nothing to save a random seed or utmp records to.
    systemctl mask systemd-random-seed.service systemd-update-utmp.service \
        systemd-update-utmp-runlevel.service
    # No network stack to configure, nothing to fetch.
    systemctl mask systemd-networkd.service systemd-timesyncd.service 2>/dev/null || true
    systemctl mask apt-daily.timer apt-daily-upgrade.timer 2>/dev/null || true
    # Timers that cannot work on a read-only root, or need none: the dpkg
    # database backup writes /var/backups, fstrim and e2scrub (with its boot
    # clean-up) work on the root's LVM/ext4 snapshots and discards.
    systemctl mask dpkg-db-backup.timer dpkg-db-backup.service fstrim.timer fstrim.service \
        e2scrub_all.timer e2scrub_all.service e2scrub_reap.service
    : > /etc/machine-id
    rm -f /var/lib/dbus/machine-id
    # The real update-initramfs back, run once for the one kernel.
    rm -f /usr/sbin/update-initramfs
    dpkg-divert --quiet --local --rename --remove /usr/sbin/update-initramfs
    update-initramfs -c -k $kver
"
# Only the root's directory skeleton for the intake partition's mount point.
mkdir -p "$root/var/lib/painmap" "$root/boot/firmware"
chmod 0700 "$root/var/lib/painmap"
log "stage 3 done after $(( $(date +%s) - t3 )) s"

# --- stage 4: boot partition, partitions, image --------------------------------
t4=$(date +%s)
log "stage 4: partitions and image"
boot="$WORK/bootfs"
rm -rf "$boot"; mkdir -p "$boot"
# raspi-firmware's kernel/initramfs hooks fill /boot/firmware in the tree;
# whatever they did or did not do, the boot partition gets exactly this:
cp -a "$root/usr/lib/raspi-firmware/." "$boot/"
# The kernel: /boot/vmlinuz-VER (trixie's 6.12 layout) or, from 7.x,
# /usr/lib/modules/VER/vmlinuz (an uncompressed Image, which every Pi's
# firmware and qemu load as it is).
if [ -f "$root/boot/vmlinuz-$kver" ]; then
    cp "$root/boot/vmlinuz-$kver" "$boot/vmlinuz"
else
    cp "$root/usr/lib/modules/$kver/vmlinuz" "$boot/vmlinuz"
fi
cp "$root/boot/initrd.img-$kver" "$boot/initrd.img"
dtbdir="$root/usr/lib/modules/$kver/dtb/broadcom"
[ -d "$dtbdir" ] || dtbdir="$root/usr/lib/linux-image-$kver/broadcom"
# Every Broadcom device tree of the kernel; the firmware picks the one for
# its board, by the Raspberry Pi names when it does not find the mainline
# ones (with upstream_kernel=1 it tries those first). So each tree is also
# there under the firmware's own name, the Pi 5 D0 one above all: the
# firmware picks bcm2712d0-rpi-5-b.dtb by the board's revision.
for dtb in "$dtbdir"/bcm*.dtb; do
    [ -f "$dtb" ] && cp "$dtb" "$boot/"
done
for pair in bcm2837-rpi-3-b:bcm2710-rpi-3-b bcm2837-rpi-3-b-plus:bcm2710-rpi-3-b-plus \
            bcm2711-rpi-cm4-io:bcm2711-rpi-cm4 bcm2712-d-rpi-5-b:bcm2712d0-rpi-5-b; do
    src=${pair%%:*} dst=${pair#*:}
    [ -f "$boot/$src.dtb" ] || { echo "build.sh: the kernel has no $src.dtb" >&2; exit 1; }
    cp "$boot/$src.dtb" "$boot/$dst.dtb"
done
for need in bcm2711-rpi-4-b bcm2711-rpi-400 bcm2712-rpi-5-b bcm2712d0-rpi-5-b; do
    [ -f "$boot/$need.dtb" ] || { echo "build.sh: no $need.dtb for the boot partition" >&2; exit 1; }
done
if [ -d "$root/usr/lib/linux-image-$kver/overlays" ]; then
    cp -a "$root/usr/lib/linux-image-$kver/overlays" "$boot/"
fi
# Our device-tree overlays, compiled from source now (Debian ships none for
# the displays), and checked: each must apply to the trees of the boards it
# is for (the firmware would otherwise skip it at boot without a word).
mkdir -p "$boot/overlays"
for dts in "$here"/boot/overlays/*.dts; do
    o=$(basename "$dts" .dts)
    dtc -@ -q -I dts -O dtb -o "$boot/overlays/$o.dtbo" "$dts"
done
for b in bcm2711-rpi-4-b bcm2711-rpi-400 bcm2711-rpi-cm4-io; do
    fdtoverlay -i "$boot/$b.dtb" -o "$WORK/check.dtb" "$boot/overlays/painmap-dsi7.dtbo" ||
        { echo "build.sh: overlays/painmap-dsi7.dtbo does not apply to $b.dtb" >&2; exit 1; }
done
rm -f "$WORK/check.dtb"
# The display file config.txt includes: HDMI until painmap.conf says
# otherwise (painmap-bootconf writes it at boot; the same text, so a first
# boot with "display = hdmi" rewrites nothing).
printf '%s\n' "# Written by the kiosk at boot from painmap.conf (display = hdmi)." \
    '# Do not edit: change "display" in painmap.conf instead.' > "$boot/painmap-display.txt"
sed "s/@DISKID@/$diskid/g" "$here/boot/cmdline.txt" | tr -s '\n' ' ' | sed 's/ *$//' > "$boot/cmdline.txt"
echo >> "$boot/cmdline.txt"
# The Pi 3's vc4 needs a bigger CMA pool; on a Pi 4 the same setting stops
# it booting (raspi-firmware's own hook says so), so Pi 3 boards read
# their own command line (config.txt: [pi3] cmdline=cmdline-pi3.txt).
printf '%s cma=64M\n' "$(cat "$boot/cmdline.txt")" > "$boot/cmdline-pi3.txt"
# The Pi 5's serial console is its 3-pin debug UART (serial10: ttyAMA10).
sed 's/console=ttyS1,/console=ttyAMA10,/' "$boot/cmdline.txt" > "$boot/cmdline-pi5.txt"
cp "$here/boot/config.txt" "$boot/config.txt"
if [ -f "$repo/data/painmap.conf.example" ]; then
    # CRLF so Notepad on any Windows shows it as lines.
    sed 's/$/\r/' "$repo/data/painmap.conf.example" > "$boot/painmap.conf"
else
    printf '# Painmap settings: see the Painmap README.\r\n' > "$boot/painmap.conf"
fi
cp "$here/boot/README.txt" "$boot/README.txt"
# The tree keeps an empty mount point; the kernel and initrd live on FAT only.
# The kernel image and device trees live on the boot partition only.
rm -rf "$root/usr/lib/modules/$kver/vmlinuz" "$root/usr/lib/modules/$kver/dtb"
rm -rf "$root/boot/firmware"/* "$root/boot/initrd.img-$kver" "$root/boot/initrd.img" \
       "$root/var/cache/apt"/*.bin "$root/var/lib/apt/lists"/* 2>/dev/null || true

img="$OUT/$name.img"
bootimg="$WORK/boot.img"; rootimg="$WORK/root.img"; dataimg="$WORK/data.img"
rm -f "$bootimg" "$rootimg" "$dataimg" "$img" "$img.xz" "$img.xz.sha256"

truncate -s "${BOOT_MIB}M" "$bootimg"
mkfs.vfat -F 32 -n PAINMAPBOOT -i "$diskid" "$bootimg" >/dev/null
mcopy -s -i "$bootimg" "$boot"/* ::/

# Root: the tree's size plus 15% and 64 MiB of slack, in whole MiB.
used_kib=$(du -sk --apparent-size "$root" | cut -f1)
ROOT_MIB=$(( (used_kib * 115 / 100) / 1024 + 64 ))
mkfs.ext4 -q -F -L painmap-root -d "$root" -m 0 -E root_owner=0:0 \
    "$rootimg" "${ROOT_MIB}M"
# 4 KiB blocks and room in the group descriptor table to grow online to
# 512 GiB (a small file system would otherwise get 1 KiB blocks).
# It starts with the content cache (stage 3), owned by the kiosk's user.
owner=$(awk -F: '$1 == "painmap" { print $3 ":" $4 }' "$root/etc/passwd")
[ -n "$owner" ] || { echo "build.sh: no painmap user in the image" >&2; exit 1; }
chown -R "$owner" "$datafs"
mkfs.ext4 -q -F -L painmap-data -m 0 -b 4096 -E "resize=134217728,root_owner=$owner" -J size=8 \
    -d "$datafs" "$dataimg" "${DATA_MIB}M"
rm -rf "$datafs"

# MBR (the Pi 3's boot ROM reads only MBR), 4 MiB aligned.
s=2048   # sectors per MiB
boot_start=$(( 4 * s )); root_start=$(( boot_start + BOOT_MIB * s ))
data_start=$(( root_start + ROOT_MIB * s )); end=$(( data_start + DATA_MIB * s ))
truncate -s $(( end * 512 )) "$img"
sfdisk --quiet "$img" <<SFDISK
label: dos
label-id: 0x$diskid
unit: sectors
start=$boot_start, size=$(( BOOT_MIB * s )), type=c, bootable
start=$root_start, size=$(( ROOT_MIB * s )), type=83
start=$data_start, size=$(( DATA_MIB * s )), type=83
SFDISK
dd if="$bootimg" of="$img" bs=1M seek=$(( boot_start / s )) conv=notrunc,sparse status=none
dd if="$rootimg" of="$img" bs=1M seek=$(( root_start / s )) conv=notrunc,sparse status=none
dd if="$dataimg" of="$img" bs=1M seek=$(( data_start / s )) conv=notrunc,sparse status=none
rm -f "$bootimg" "$rootimg" "$dataimg"
log "stage 4 (partitions, image) done after $(( $(date +%s) - t4 )) s"
if [ "${NO_XZ:-0}" = 1 ]; then
    log "done after $(( $(date +%s) - t0 )) s: $img ($(( end / s )) MiB; NO_XZ=1: not compressed)"
    exit 0
fi
log "stage 4: image $(( end / s )) MiB; compressing"
t5=$(date +%s)
$NICE xz -T2 "-${XZ_LEVEL:-6}" -k -f "$img"
log "xz -${XZ_LEVEL:-6} done after $(( $(date +%s) - t5 )) s"
(cd "$OUT" && sha256sum "$name.img.xz" > "$name.img.xz.sha256")
log "done after $(( $(date +%s) - t0 )) s: $OUT/$name.img.xz ($(du -h "$img.xz" | cut -f1)," \
    "uncompressed $(( end / s )) MiB), sha256 in $name.img.xz.sha256"
