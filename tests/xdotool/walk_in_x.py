#!/usr/bin/env python3
"""walk_in_x.py — the golden walk played by a mouse in a real window.

The replay driver presses, types and signs by pushing SDL finger events;
the kiosk on a panel gets them from its own event loop, with its own clock
and its own frames between them (a real window found a first tap on the
chart that the replays never lost). So: the walk replay
(tests/replay/walk.replay, 800x480) runs headless once with
PAINMAP_KIT_TRACE set, which writes where its finger went (down, move, up
at the panel's pixels) and where it took each shot; then the kiosk runs
fullscreen in Xvfb and xdotool does the same with the mouse, at a hand's
pace (each touch 0.6 s after the last: well over the 300 ms a new screen
ignores touches), and each shot of the window is compared with the same
golden picture the replay matched. At the end the intake must be saved.

usage: walk_in_x.py PAINMAP SOURCE_DIR OUT_DIR [WxH]
WxH: the screen and the goldens' size (800x480, the 7" panel, by default;
1280x800 and 720x1280 have goldens too). Exit 77 (skipped) when Xvfb, xdotool or xwd is missing.
"""
import os
import shutil
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import kiosk_in_x as kx  # noqa: E402  (the X window, its shots, the PNG writer)

# s from one lift to the next touch: KIT_REACH_MS is 400 ms; more here, so
# a kiosk slowed by a busy machine or AddressSanitizer still sees each touch
# well after the 300 ms a new screen ignores touches
REACH = 0.6
HOLD = 0.08    # s a tap's finger stays down (KIT_TAP_MS)
MOVE = 0.016   # s between a moving finger's reports (KIT_MOVE_MS)


def record(bin_, src, out, size):
    """The walk headless, its finger's path written to OUT/walk.trace."""
    trace = os.path.join(out, "walk.trace")
    if os.path.exists(trace):
        os.remove(trace)
    state = tempfile.mkdtemp(prefix="walk-headless-")
    env = dict(os.environ, PAINMAP_KIT_TRACE=trace, SDL_VIDEODRIVER="dummy",
               SDL_AUDIODRIVER="dummy")
    r = subprocess.run([bin_, "--replay", os.path.join(src, "tests/replay/walk.replay"),
                        "--data", os.path.join(src, "data"), "--size", size,
                        "--shots", os.path.join(out, "headless"), "--state", state,
                        "--golden", os.path.join(src, "tests/replay/golden", size)],
                       env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    shutil.rmtree(state, ignore_errors=True)
    if r.returncode != 0:
        kx.fail("the headless walk failed (exit %d):\n%s" % (r.returncode, r.stdout))
    with open(trace) as f:
        return [line.split() for line in f if line.strip()]


def gestures(steps):
    """The trace as gestures: ("touch", [(kind, x, y), ...]) from a down to
    its up, ("shot", name), ("wait", ms)."""
    out, touch = [], None
    for s in steps:
        if s[0] in ("down", "move", "up"):
            if s[0] == "down":
                touch = []
            if touch is not None:
                touch.append((s[0], int(s[1]), int(s[2])))
            if s[0] == "up" and touch is not None:
                out.append(("touch", touch))
                touch = None
        elif s[0] == "shot":
            out.append(("shot", s[1]))
        elif s[0] == "wait":
            out.append(("wait", int(s[1])))
    return out


def play(x, touch):
    """One finger from down to up as one xdotool run (its own sleeps, so
    the times are the hand's, not process start-ups)."""
    _, x0, y0 = touch[0]
    cmd = ["sleep", REACH, "mousemove", x0, y0, "sleep", 0.05, "mousedown", 1]
    for kind, px, py in touch[1:]:
        if kind == "move":
            cmd += ["sleep", MOVE, "mousemove", px, py]
        else:
            if (px, py) != (x0, y0) and len(touch) == 2:
                cmd += ["mousemove", px, py]
            cmd += ["sleep", HOLD if len(touch) == 2 else MOVE, "mouseup", 1]
    x.xdo(*cmd)


def main():
    if len(sys.argv) not in (4, 5):
        print(__doc__)
        return 2
    bin_, src, out = (os.path.abspath(a) for a in sys.argv[1:4])
    size = sys.argv[4] if len(sys.argv) == 5 else "800x480"
    kx.W, kx.H = (int(v) for v in size.split("x"))
    for tool in ("Xvfb", "xdotool", "xwd"):
        if shutil.which(tool) is None:
            print("walk_in_x: skipped: %s is not installed (scripts/setup-deps)" % tool)
            return 77
    os.makedirs(out, exist_ok=True)
    walk = gestures(record(bin_, src, out, size))
    golden = os.path.join(src, "tests/replay/golden", size)
    touches = sum(1 for g in walk if g[0] == "touch")
    bad = []
    state = tempfile.mkdtemp(prefix="walk-in-x-")
    x = kx.X(out)
    try:
        x.start(bin_, src, state)
        for kind, what in walk:
            if x.app.poll() is not None:
                kx.fail("painmap ended mid-walk (exit %s; %s/painmap.log)" % (x.app.returncode, out))
            if kind == "touch":
                play(x, what)
            elif kind == "wait":
                time.sleep(what / 1000.0)
            else:
                time.sleep(kx.SETTLE)
                _, path = x.shot(what[:-4] if what.endswith(".png") else what)
                r = subprocess.run([bin_, "--compare", path, os.path.join(golden, what)],
                                   stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
                ok = r.returncode == 0
                print("walk_in_x: %s: %s (%s)" % ("ok" if ok else "FAIL", what, r.stdout.strip()))
                sys.stdout.flush()
                if not ok:
                    bad.append(what)
        time.sleep(kx.SETTLE)
        saved = [n for n in os.listdir(os.path.join(state, "intakes"))
                 if n.endswith(".json")] if os.path.isdir(os.path.join(state, "intakes")) else []
    finally:
        x.stop()
        shutil.rmtree(state, ignore_errors=True)
    shots = sum(1 for g in walk if g[0] == "shot")
    print("walk_in_x: %s: %d touches by the mouse, %d of %d shots as the goldens, %d intake%s saved" %
          (size, touches, shots - len(bad), shots, len(saved), "" if len(saved) == 1 else "s"))
    if bad or len(saved) != 1:
        print("walk_in_x: FAIL: %s; the window's shots are in %s" %
              (", ".join(bad) if bad else "no intake saved", out))
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
