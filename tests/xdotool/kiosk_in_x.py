#!/usr/bin/env python3
"""Drives the kiosk in a real X window (Xvfb) with xdotool, as a client's
finger (a mouse, to X) does: real X pointer events through SDL's own event
path, the kiosk's real clock, no test kit inside the program.

  kiosk_in_x.py PAINMAP_BIN SOURCE_DIR [OUT_DIR]

What it checks, at 800x480 (the 7" panel), against the goldens of
tests/replay/golden/800x480 and against its own screenshots:
  - a press on Start that slides off before the finger lifts does nothing;
  - a double tap (90 ms apart) and a triple tap on Next move on once;
  - on the body chart, a touch on the whole figure opens a close-up; a tap
    there marks the region under the finger, a second tap in the same place
    (later) removes that same region (the picture is as before), and a quick
    double tap on a region marks it once (a bounce is not a second tap);
  - Escape from a keyboard: ignored on the fullscreen kiosk mid-intake; in
    a desktop window it asks "Start over?" with an intake open, and quits
    on welcome.
Exit 0: all passed; 1: a check failed (pictures left in OUT_DIR); 77: no
Xvfb or xdotool or xwd here (ctest SKIP_RETURN_CODE).
Coordinates are the 800x480 layout's (the goldens show them); a layout
change that moves Start, Next, a key or the figure needs them updated."""
import os
import shutil
import struct
import subprocess
import sys
import tempfile
import time
import zlib

W, H = 800, 480
# Where things are at 800x480 (tests/replay/golden/800x480/*.png).
START = (650, 410)          # welcome: Start (right of "Read about pain")
NEXT = (685, 440)           # name, chart: Next
KEYS = {"A": (47, 253), "N": (560, 312)}
SHOULDER = (447, 150)       # whole figure, front: the client's left shoulder
PANEL = (232, 50, 568, 470)  # the chart's figure panel: x0, y0, x1, y1
SETTLE = 0.7                # s: more than the 300 ms a new screen ignores touches


def fail(msg):
    print("kiosk_in_x: FAIL: " + msg)
    sys.exit(1)


class X:
    def __init__(self, out):
        self.out = out
        r, w = os.pipe()
        self.xvfb = subprocess.Popen(
            ["Xvfb", "-displayfd", str(w), "-screen", "0", "%dx%dx24" % (W, H), "-nolisten", "tcp"],
            pass_fds=(w,), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        os.close(w)
        num = b""
        while not num.endswith(b"\n"):
            c = os.read(r, 1)
            if not c:
                fail("Xvfb did not start")
            num += c
        os.close(r)
        self.env = dict(os.environ, DISPLAY=":" + num.decode().strip())
        for k in ("SDL_VIDEODRIVER", "SDL_AUDIODRIVER"):
            self.env.pop(k, None)
        self.env["SDL_AUDIODRIVER"] = "dummy"
        # SDL's software renderer, as the replays that made the goldens use:
        # a GL renderer smooths outlines differently (a few hundred pixels).
        # The events take the same path either way.
        self.env["SDL_RENDER_DRIVER"] = "software"
        self.app = None

    def start(self, bin_, src, state, fullscreen=True):
        self.log = open(os.path.join(self.out, "painmap.log"), "a")
        self.app = subprocess.Popen(
            [bin_] + (["--fullscreen"] if fullscreen else []) +
            ["--size", "%dx%d" % (W, H), "--data", os.path.join(src, "data"), "--state", state],
            env=self.env, stdout=self.log, stderr=subprocess.STDOUT)
        # up when its window shows a picture (not all black)
        for _ in range(150):
            time.sleep(0.1)
            if self.app.poll() is not None:
                fail("painmap exited at start (%s/painmap.log)" % self.out)
            rows, _ = self.shot("00-start")
            if any(r.strip(b"\0") for r in rows[::16]):
                time.sleep(0.5)
                return
        fail("no picture in the painmap window after 15 s")

    def xdo(self, *args):
        subprocess.run(["xdotool"] + [str(a) for a in args], env=self.env, check=True)

    # Each gesture is one xdotool run (its own `sleep` between steps), so
    # the times between down and up are the hand's, not process start-ups.
    def tap(self, p, hold=0.08):
        self.taps(p, 1, hold=hold)

    def taps(self, p, n, gap=0.09, hold=0.08):
        """n taps on p: down, hold s, up; gap s from one lift to the next."""
        cmd = ["mousemove", p[0], p[1], "sleep", 0.05]
        for i in range(n):
            cmd += ["mousedown", 1, "sleep", hold, "mouseup", 1]
            if i + 1 < n:
                cmd += ["sleep", gap]
        self.xdo(*cmd)

    def slide_off(self, p, dx, dy):
        """Down on p, then 8 moves 16 ms apart (as a finger's come) to p +
        (dx, dy), and up there."""
        cmd = ["mousemove", p[0], p[1], "sleep", 0.05, "mousedown", 1]
        for k in range(1, 9):
            cmd += ["sleep", 0.016, "mousemove", p[0] + dx * k // 8, p[1] + dy * k // 8]
        cmd += ["sleep", 0.05, "mouseup", 1]
        self.xdo(*cmd)

    def shot(self, name):
        """The screen now, as rows of RGB bytes; also NAME.png in out."""
        raw = subprocess.run(["xwd", "-root", "-silent"], env=self.env, check=True,
                             stdout=subprocess.PIPE).stdout
        hdr = struct.unpack(">25I", raw[:100])
        hsize, w, h, order, bpp, bpl, ncolors = hdr[0], hdr[4], hdr[5], hdr[7], hdr[11], hdr[12], hdr[19]
        if bpp != 32:
            fail("xwd: %d bits a pixel, expected 32" % bpp)
        data = raw[hsize + 12 * ncolors:]
        rows = []
        for y in range(h):
            line = data[y * bpl:y * bpl + 4 * w]
            if order == 0:  # LSBFirst: B G R x
                px = bytearray(3 * w)
                px[0::3], px[1::3], px[2::3] = line[2::4], line[1::4], line[0::4]
            else:  # MSBFirst: x R G B
                px = bytearray(3 * w)
                px[0::3], px[1::3], px[2::3] = line[1::4], line[2::4], line[3::4]
            rows.append(bytes(px))
        path = os.path.join(self.out, name + ".png")
        write_png(path, w, h, rows)
        return rows, path

    def stop_app(self):
        if self.app and self.app.poll() is None:
            self.app.terminate()
            try:
                self.app.wait(5)
            except subprocess.TimeoutExpired:
                self.app.kill()

    def stop(self):
        self.stop_app()
        self.xvfb.terminate()
        self.xvfb.wait(5)


def write_png(path, w, h, rows):
    def chunk(t, d):
        c = struct.pack(">I", len(d)) + t + d
        return c + struct.pack(">I", zlib.crc32(t + d) & 0xFFFFFFFF)
    body = zlib.compress(b"".join(b"\0" + r for r in rows), 6)
    with open(path, "wb") as f:
        f.write(b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", w, h, 8, 2, 0, 0, 0))
                + chunk(b"IDAT", body) + chunk(b"IEND", b""))


def crop(rows, box):
    x0, y0, x1, y1 = box
    return [r[3 * x0:3 * x1] for r in rows[y0:y1]]


def differing(a, b):
    """Pixels that differ by more than 8 in a channel."""
    n = 0
    for ra, rb in zip(a, b):
        if ra == rb:
            continue
        for i in range(0, len(ra), 3):
            if max(abs(ra[i] - rb[i]), abs(ra[i + 1] - rb[i + 1]), abs(ra[i + 2] - rb[i + 2])) > 8:
                n += 1
    return n


def main():
    if len(sys.argv) < 3:
        print(__doc__)
        return 2
    bin_, src = sys.argv[1], sys.argv[2]
    for tool in ("Xvfb", "xdotool", "xwd"):
        if not shutil.which(tool):
            print("kiosk_in_x: SKIP: %s is not installed (scripts/setup-deps installs it)" % tool)
            return 77
    out = sys.argv[3] if len(sys.argv) > 3 else tempfile.mkdtemp(prefix="kiosk_in_x.")
    os.makedirs(out, exist_ok=True)
    golden = os.path.join(src, "tests", "replay", "golden", "%dx%d" % (W, H))
    state = tempfile.mkdtemp(prefix="kiosk_in_x_state.")
    x = X(out)
    results = []

    def same_as_golden(name, golden_name):
        _, path = x.shot(name)
        r = subprocess.run([bin_, "--compare", path, os.path.join(golden, golden_name)],
                           stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
        return r.returncode == 0, r.stdout.strip()

    def check(what, ok, detail=""):
        results.append((what, ok))
        print("kiosk_in_x: %s: %s%s" % ("ok" if ok else "FAIL", what, (" (" + detail + ")") if detail else ""))
        sys.stdout.flush()

    try:
        x.start(bin_, src, state)
        ok, msg = same_as_golden("01-welcome", "welcome.png")
        check("the window shows the welcome screen as the golden does", ok, msg)
        if not ok:
            fail("the window does not match the goldens: cannot judge the rest (%s)" % out)

        x.slide_off(START, 0, -120)
        time.sleep(SETTLE)
        ok, msg = same_as_golden("02-after-slide-off", "welcome.png")
        check("a press on Start that slides 120 px off does nothing", ok, msg)

        # Start opens the name screen (there is no "how it works" page); a
        # double tap on Start moves on once: a second tap that got through
        # would land on the keyboard and type a letter, and Next would then
        # not show the empty name's hint
        x.taps(START, 2)
        time.sleep(SETTLE)
        x.tap(NEXT)
        time.sleep(SETTLE)
        ok, msg = same_as_golden("05-name-hint", "name-hint.png")
        check("a double tap on Start opens the name screen once, nothing typed: "
              "Next shows the hint", ok, msg)

        for k in ("A", "N", "A"):
            x.tap(KEYS[k])
            time.sleep(0.45)  # more than the 300 ms bounce window
        x.taps(NEXT, 3)
        time.sleep(SETTLE)
        ok, msg = same_as_golden("06-chart", "chart-empty.png")
        check("a triple tap on Next after typing ANA moves on once: the empty chart", ok, msg)

        before_rows, _ = x.shot("07-chart-whole")
        x.tap(SHOULDER)
        time.sleep(SETTLE)
        close_rows, _ = x.shot("08-close-up")
        n = differing(crop(before_rows, PANEL), crop(close_rows, PANEL))
        check("a touch on the whole figure opens a close-up (%d px of the panel changed)" % n, n > 5000)

        x.tap(SHOULDER)
        time.sleep(SETTLE)
        marked_rows, _ = x.shot("09-marked")
        n_mark = differing(crop(close_rows, PANEL), crop(marked_rows, PANEL))
        check("a tap in the close-up marks a region (%d px of the panel changed)" % n_mark, n_mark > 500)

        x.tap(SHOULDER)
        time.sleep(SETTLE)
        unmarked_rows, _ = x.shot("10-unmarked")
        n = differing(crop(close_rows, PANEL), crop(unmarked_rows, PANEL))
        check("a second tap in the same place removes that same region (%d px differ from before)" % n,
              n == 0)

        x.taps(SHOULDER, 2)
        time.sleep(SETTLE)
        twice_rows, _ = x.shot("11-double-tap-region")
        n = differing(crop(marked_rows, PANEL), crop(twice_rows, PANEL))
        check("a double tap on a region marks it once (%d px differ from one tap)" % n, n == 0)

        # Escape from a stray keyboard on the kiosk's fullscreen panel, mid
        # intake: nothing happens (no quit, no dialog, the marks stay)
        x.xdo("key", "Escape")
        time.sleep(SETTLE)
        esc_rows, _ = x.shot("12-after-escape")
        n = differing(twice_rows, esc_rows)
        check("Escape on the fullscreen kiosk mid-intake does nothing (%d px changed)" % n,
              x.app.poll() is None and n == 0)

        if x.app.poll() is not None:
            check("painmap still running", False, "exit %s" % x.app.returncode)

        # One tap on Next, and the figure's first tap under a second later:
        # the close-up opens. (The figure placed on the chart's first frame
        # counted as a new screen at that tap and cancelled it: a client's
        # first tap on the chart did nothing.)
        x.stop_app()
        x.start(bin_, src, state)
        x.tap(START)
        time.sleep(SETTLE)
        for k in ("A", "N", "A"):
            x.tap(KEYS[k])
            time.sleep(0.45)
        x.tap(NEXT)
        time.sleep(0.4)
        x.tap(SHOULDER)
        time.sleep(SETTLE)
        first_rows, _ = x.shot("12b-first-tap-on-chart")
        n = differing(crop(close_rows, PANEL), crop(first_rows, PANEL))
        check("one tap on Next, then the first tap on the figure opens the close-up "
              "(%d px differ from the close-up opened before)" % n, n == 0)

        # The same program in a desktop window (the window fills the 800x480
        # screen at 0,0): Escape with an intake open asks "Start over?"
        # instead of quitting; on welcome it quits.
        x.stop_app()
        x.start(bin_, src, state, fullscreen=False)
        x.tap(START)
        time.sleep(SETTLE)
        name_rows, _ = x.shot("13-window-name")
        x.xdo("key", "Escape")
        time.sleep(SETTLE)
        ask_rows, _ = x.shot("14-window-escape-asks")
        n = differing(name_rows, ask_rows)
        check("Escape in a window with an intake open asks first (%d px changed, still running)" % n,
              x.app.poll() is None and n > 50000)
        x.xdo("key", "Escape")
        time.sleep(SETTLE)
        check("a second Escape while it asks does not quit either", x.app.poll() is None)
        x.stop_app()
        x.start(bin_, src, state, fullscreen=False)
        x.xdo("mousemove", START[0], START[1], "key", "Escape")
        for _ in range(30):
            if x.app.poll() is not None:
                break
            time.sleep(0.1)
        check("Escape in a window on welcome quits", x.app.poll() == 0,
              "exit %s" % x.app.poll())
    finally:
        x.stop()
        shutil.rmtree(state, ignore_errors=True)
    bad = [w for w, ok in results if not ok]
    if bad:
        print("kiosk_in_x: %d of %d checks failed; screenshots in %s" % (len(bad), len(results), out))
        return 1
    print("kiosk_in_x: all %d checks passed" % len(results))
    return 0


if __name__ == "__main__":
    sys.exit(main())
