#!/bin/sh
# Named pipes and a symbolic link in STATE/intakes (trust defect 2): the
# kiosk starts, lists them, exports without following the link, all within
# a time limit (a read of a pipe would block for ever).
#   refused.sh PAINMAP DATA REPLAY_DIR OUT
set -eu
painmap=$1 data=$2 replay=$3 out=$4
rm -rf "$out"
mkdir -p "$out/state/intakes" "$out/usb"
printf 'root:x:0:0:root:/root:/bin/bash\n' >"$out/passwd"   # stands for /etc/passwd
mkfifo "$out/state/intakes/20261126-080000-00.json"
mkfifo "$out/state/intakes/20261126-080100-00.html"
ln -s "$out/passwd" "$out/state/intakes/20261126-090000-00.json"
rc=0
timeout 120 "$painmap" --replay "$replay/refused.replay" --data "$data" \
    --config "$replay/staff.conf" --usb "$out/usb" --state "$out/state" \
    --shots "$out/shots" >"$out/log" 2>&1 || rc=$?
cat "$out/log"
if [ "$rc" = 124 ]; then
    echo "refused.sh: the kiosk hung (a named pipe was opened for reading?)" >&2
    exit 1
fi
[ "$rc" = 0 ] || { echo "refused.sh: painmap failed (exit $rc)" >&2; exit 1; }
if grep -rq 'root:x:0:0' "$out/usb"; then
    echo "refused.sh: what the symbolic link points at reached the stick" >&2
    exit 1
fi
for name in 20261126-080000-00.json 20261126-080100-00.html 20261126-090000-00.json; do
    grep -q "$name is a" "$out/log" || {
        echo "refused.sh: start-up did not log $name as refused" >&2
        exit 1
    }
done
if ls "$out/state/intakes/"*.exported >/dev/null 2>&1; then
    echo "refused.sh: a refused entry was marked exported" >&2
    exit 1
fi
echo "refused.sh: ok (nothing hung, nothing followed, all three logged)"
