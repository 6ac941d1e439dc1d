#!/bin/sh
# check-units.sh — the unit checks of the normal test command.
#   check-units.sh verify DIR           systemd-analyze verify every unit in DIR
#   check-units.sh security UNIT MAX    exposure of UNIT must be <= MAX
# Exit 77 (ctest: skipped) only when systemd-analyze is missing.
set -u
mode=$1
if ! command -v systemd-analyze >/dev/null 2>&1; then
    echo "SKIPPED: systemd-analyze is not installed (Debian package systemd;" \
         "scripts/setup-deps installs it) - the unit checks did not run"
    exit 77
fi

# verify checks that ExecStart= binaries exist, so it runs against a scratch
# root holding this machine's own units, the units under test and stand-ins
# for the programs they start.
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT INT TERM

case "$mode" in
verify)
    dir=$2
    mkdir -p "$scratch/etc/systemd/system" "$scratch/usr/lib/systemd" "$scratch/usr/bin" \
             "$scratch/usr/sbin" "$scratch/usr/lib/painmap"
    cp -a /usr/lib/systemd/system "$scratch/usr/lib/systemd/"
    units=""
    for f in "$dir"/*.service "$dir"/*.mount "$dir"/*.automount "$dir"/*.timer \
             "$dir"/*.path "$dir"/*.socket "$dir"/*.target; do
        [ -f "$f" ] || continue
        cp "$f" "$scratch/etc/systemd/system/"
        units="$units $(basename "$f")"
        # Stand-ins for every absolute program path the unit runs.
        for p in $(sed -n 's/^Exec[A-Za-z]*=[-@:+!]*\(\/[^ ]*\).*/\1/p' "$f"); do
            [ -e "$scratch$p" ] && continue
            mkdir -p "$scratch$(dirname "$p")"
            if [ -x "$p" ]; then cp "$p" "$scratch$p"; else printf '#!/bin/sh\n' > "$scratch$p"; fi
            chmod 755 "$scratch$p"
        done
    done
    # Mounts that come from the image's /etc/fstab (through systemd's fstab
    # generator, e.g. var-lib-painmap.mount) get stand-in mount units.
    for m in $(sed -n 's/^\(Requires\|BindsTo\|Wants\)=//p' "$scratch"/etc/systemd/system/*.service 2>/dev/null |
               tr ' ' '\n' | grep '\.mount$' | sort -u); do
        [ -e "$scratch/etc/systemd/system/$m" ] || [ -e "$scratch/usr/lib/systemd/system/$m" ] && continue
        printf '[Mount]\nWhat=tmpfs\nWhere=%s\nType=tmpfs\n' "$(systemd-escape --unescape --path "${m%.mount}")" \
            > "$scratch/etc/systemd/system/$m"
    done
    # Drop-ins (painmap.service.d/*.conf) are verified with their unit.
    for d in "$dir"/*.d; do
        [ -d "$d" ] || continue
        mkdir -p "$scratch/etc/systemd/system/$(basename "$d")"
        cp "$d"/*.conf "$scratch/etc/systemd/system/$(basename "$d")/" 2>/dev/null || true
    done
    [ -n "$units" ] || { echo "no units in $dir"; exit 1; }
    echo "systemd-analyze verify$units"
    # shellcheck disable=SC2086
    out=$(cd "$scratch" && systemd-analyze verify --man=no --root="$scratch" $units 2>&1)
    rc=$?
    [ -n "$out" ] && printf '%s\n' "$out"
    if [ $rc -ne 0 ] || [ -n "$out" ]; then
        echo "FAIL: systemd-analyze verify reported problems (rc=$rc)"
        exit 1
    fi
    echo "ok: the units verify cleanly"
    ;;
security)
    unit=$2 max=$3
    out=$(cd "$scratch" && systemd-analyze security --offline=true --no-pager "$unit" 2>&1)
    rc=$?
    score=$(printf '%s\n' "$out" | sed -n 's/.*Overall exposure level for [^:]*: \([0-9.]*\).*/\1/p')
    printf '%s\n' "$out" | grep -v '^✓' 
    if [ -z "$score" ]; then
        echo "FAIL: no exposure score from systemd-analyze security (rc=$rc)"
        exit 1
    fi
    if awk -v s="$score" -v m="$max" 'BEGIN { exit !(s <= m) }'; then
        echo "ok: exposure $score <= $max"
    else
        echo "FAIL: exposure $score is above $max"
        exit 1
    fi
    ;;
*)
    echo "usage: check-units.sh verify DIR | security UNIT MAX"; exit 2 ;;
esac
