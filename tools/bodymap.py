"""bodymap.py — one geometric model of the adult figure, from which both the
chart artwork (assets/chart/front.svg, back.svg) and the tappable regions
(data/regions.json) are generated, so the two always match exactly.

Python standard library only. Used by tools/gen_content.py; see tools/README.md.

How the model works
-------------------
The figure is symmetric. Everything is described for the half of the figure on
the viewer's LEFT (distance d from the centre line x = CX), then mirrored.

* The "body tube" runs from the top of the head to the soles: at every height y
  it spans from an inner edge I(y) (0 above the crotch, the inner leg below) to
  the outline O(y). It is cut into horizontal bands; inside a band, lines
  d = g(y) split it into strips, and each strip belongs to a region.
* The arm is a tube along a smoothly bent axis (shoulder → elbow → wrist →
  fingertips), with u the signed distance across it (u > 0 the outer, thumb
  side). It is cut the same way, in bands of arc length s.
* The shoulder cap (deltoid) joins the arm tube to the trunk.

Every band yields thin polygons ("cells") that share their vertices exactly with
their neighbours. A conformity pass inserts any vertex lying on a neighbour's
edge into that edge, so shared borders are identical vertex sequences (no
T-junctions, no slivers). A region is the union of its cells (shared edges
cancel); the outline of the figure is the union of all cells.
"""

import math

W, H = 600, 1000  # chart space per view
CX = W / 2.0

# --------------------------------------------------------------------------
# small numeric helpers


def pchip(knots):
    """Monotone cubic (Fritsch-Carlson) interpolation through (x, y) knots.
    Returns f(x); constant beyond the ends."""
    xs = [k[0] for k in knots]
    ys = [k[1] for k in knots]
    n = len(xs)
    h = [xs[i + 1] - xs[i] for i in range(n - 1)]
    dl = [(ys[i + 1] - ys[i]) / h[i] for i in range(n - 1)]
    m = [0.0] * n
    m[0], m[-1] = dl[0], dl[-1]
    for i in range(1, n - 1):
        if dl[i - 1] * dl[i] <= 0:
            m[i] = 0.0
        else:
            w1 = 2 * h[i] + h[i - 1]
            w2 = h[i] + 2 * h[i - 1]
            m[i] = (w1 + w2) / (w1 / dl[i - 1] + w2 / dl[i])

    def f(x):
        if x <= xs[0]:
            return ys[0]
        if x >= xs[-1]:
            return ys[-1]
        lo, hi = 0, n - 1
        while hi - lo > 1:
            mid = (lo + hi) // 2
            if xs[mid] <= x:
                lo = mid
            else:
                hi = mid
        i = lo
        t = (x - xs[i]) / h[i]
        t2, t3 = t * t, t * t * t
        return ((2 * t3 - 3 * t2 + 1) * ys[i] + (t3 - 2 * t2 + t) * h[i] * m[i]
                + (-2 * t3 + 3 * t2) * ys[i + 1] + (t3 - t2) * h[i] * m[i + 1])
    return f


def smoothstep(a, b, x):
    if x <= a:
        return 0.0
    if x >= b:
        return 1.0
    t = (x - a) / (b - a)
    return t * t * (3 - 2 * t)


def bezier(p0, p1, p2, p3, n):
    pts = []
    for i in range(n + 1):
        t = i / n
        mt = 1 - t
        pts.append((mt ** 3 * p0[0] + 3 * mt * mt * t * p1[0] + 3 * mt * t * t * p2[0] + t ** 3 * p3[0],
                    mt ** 3 * p0[1] + 3 * mt * mt * t * p1[1] + 3 * mt * t * t * p2[1] + t ** 3 * p3[1]))
    return pts


# --------------------------------------------------------------------------
# the body tube: outline O(y) and inner edge I(y), in (d, y)

HEAD_TOP, HEAD_CY, HEAD_A, HEAD_B = 16.0, 79.0, 63.0, 47.0
EAR_Y0, EAR_Y1, EAR_OUT = 70.0, 114.0, 14.0
JAW_Y, CHIN_Y = 124.0, 142.0
NECK_Y1 = 162.0             # base of the neck, start of the trapezius slope
ACR = (100.0, 196.0)        # acromion, the point of the shoulder
AXILLA = (90.0, 258.0)      # armpit
CROTCH_Y = 500.0
ANKLE_Y = 940.0


def head_d(y):
    t = (y - HEAD_CY) / HEAD_A
    if abs(t) >= 1:
        return 0.0
    return HEAD_B * math.sqrt(1 - t * t) * (1 - 0.15 * max(0.0, t))


def ear_d(y):
    if y <= EAR_Y0 or y >= EAR_Y1:
        return head_d(y)
    t = (y - EAR_Y0) / (EAR_Y1 - EAR_Y0)
    # fuller at the top of the ear, tapering to the lobe
    bump = EAR_OUT * math.sin(math.pi * t) ** 0.6 * (1.0 - 0.25 * t)
    return head_d(y) + bump


_neck = pchip([(JAW_Y, head_d(JAW_Y)), (140, 30.5), (NECK_Y1, 33.0)])
_trunk = pchip([(AXILLA[1], AXILLA[0]), (275, 89.5), (300, 86.5), (340, 80), (372, 77.5),
                (410, 84), (440, 92), (465, 96), (490, 96), (CROTCH_Y, 95)])
_leg_out = pchip([(CROTCH_Y, 95), (540, 93.5), (600, 86), (660, 77), (700, 71.5), (720, 70.5),
                  (745, 72), (790, 76), (830, 73), (880, 66), (925, 63), (ANKLE_Y, 64)])
_leg_in = pchip([(CROTCH_Y, 0), (503, 3), (512, 5.5), (530, 7.5), (600, 11), (660, 15),
                 (700, 18), (720, 19), (745, 18), (790, 16), (840, 22), (900, 32), (ANKLE_Y, 36)])

# feet: centre line c(y) and half-width h(y); tip rounded
FOOT = {
    "front": dict(c=pchip([(ANKLE_Y, 50), (960, 53.5), (992, 61)]),
                  h=pchip([(ANKLE_Y, 14), (955, 17.5), (975, 21.5), (992, 21.5)]),
                  end=992.0, r=15.0),
    "back": dict(c=pchip([(ANKLE_Y, 50), (998, 55)]),
                 h=pchip([(ANKLE_Y, 14), (952, 16.5), (966, 15), (984, 19.5), (998, 19.5)]),
                 end=998.0, r=13.0),
}


def foot_h(view, y):
    f = FOOT[view]
    h = f["h"](y)
    y0 = f["end"] - f["r"]
    if y > y0:
        t = min(1.0, (y - y0) / f["r"])
        h *= math.sqrt(max(0.0, 1 - t * t))
    return h


def outline(view):
    def O(y):
        if y < EAR_Y0:
            return head_d(y)
        if y < EAR_Y1:
            return ear_d(y)
        if y < JAW_Y:
            return head_d(y)
        if y < NECK_Y1:
            return _neck(y)
        if y < ACR[1]:
            t = (y - NECK_Y1) / (ACR[1] - NECK_Y1)
            return 33.0 + (ACR[0] - 33.0) * t ** 2.2
        if y < AXILLA[1]:  # internal edge: the line where the arm joins the trunk
            t = (y - ACR[1]) / (AXILLA[1] - ACR[1])
            return ACR[0] + (AXILLA[0] - ACR[0]) * t
        if y < CROTCH_Y:
            return _trunk(y)
        if y < ANKLE_Y:
            return _leg_out(y)
        return FOOT[view]["c"](y) + foot_h(view, y)
    return O


def inner(view):
    def I(y):
        if y <= CROTCH_Y:
            return 0.0
        if y < ANKLE_Y:
            return _leg_in(y)
        return FOOT[view]["c"](y) - foot_h(view, y)
    return I


# --------------------------------------------------------------------------
# the arm tube: axis, normal, widths, in (s, u)

ARM_THETA0, ARM_THETA1 = math.radians(19.0), math.radians(24.0)
ARM_END = 384.0
_wl = pchip([(0, 26), (25, 24), (70, 21), (120, 19), (140, 18.5), (165, 21), (210, 18), (255, 14),
             (268, 14), (282, 17), (292, 22), (305, 29), (325, 30.5), (336, 27.5), (342, 20),
             (350, 19), (ARM_END, 16.5)])
_wm = pchip([(0, 22), (25, 20), (70, 19), (120, 17), (140, 17), (165, 19), (210, 16), (255, 13),
             (268, 13), (282, 16), (300, 21), (330, 21), (355, 18.5), (ARM_END, 16.5)])
TIP_R = 13.0


def arm_theta(s):
    return ARM_THETA0 + (ARM_THETA1 - ARM_THETA0) * smoothstep(110, 160, s)


def _tipf(s):
    s0 = ARM_END - TIP_R
    if s <= s0:
        return 1.0
    t = min(1.0, (s - s0) / TIP_R)
    return math.sqrt(max(0.0, 1 - t * t))


def wl(s):
    return _wl(s) * _tipf(s)


def wm(s):
    return _wm(s) * _tipf(s)


# axis: integrate direction; Q0 is placed so that the medial edge at s=0 is the armpit
_n0 = (math.cos(ARM_THETA0), -math.sin(ARM_THETA0))
_Q0 = (AXILLA[0] + _wm(0) * _n0[0], AXILLA[1] + _wm(0) * _n0[1])
_AXIS_STEP = 0.25
_axis_pts = [_Q0]
_s = 0.0
while _s < ARM_END + 1:
    th = arm_theta(_s + _AXIS_STEP / 2)
    p = _axis_pts[-1]
    _axis_pts.append((p[0] + math.sin(th) * _AXIS_STEP, p[1] + math.cos(th) * _AXIS_STEP))
    _s += _AXIS_STEP


def arm_point(s, u):
    """(s, u) on the arm → (d, y) on the viewer's-left half."""
    k = s / _AXIS_STEP
    i = min(int(k), len(_axis_pts) - 2)
    f = k - i
    a, b = _axis_pts[i], _axis_pts[i + 1]
    px, py = a[0] + (b[0] - a[0]) * f, a[1] + (b[1] - a[1]) * f
    th = arm_theta(s)
    return (px + u * math.cos(th), py - u * math.sin(th))


# --------------------------------------------------------------------------
# band → cells

def sample_params(t0, t1, fns, step=2.2):
    """Section positions in [t0, t1]: dense where any line moves fast."""
    fine = 0.25
    n = max(1, int(math.ceil((t1 - t0) / fine)))
    ts = [t0 + (t1 - t0) * i / n for i in range(n + 1)]
    out = [ts[0]]
    prev = [f(ts[0]) for f in fns]
    acc = 0.0
    for i in range(1, len(ts)):
        cur = [f(ts[i]) for f in fns]
        move = max(math.hypot(c - p, ts[i] - ts[i - 1]) for c, p in zip(cur, prev))
        acc += move
        prev = cur
        if acc >= step or i == len(ts) - 1:
            out.append(ts[i])
            acc = 0.0
    return out


class Cell:
    __slots__ = ("name", "pts")

    def __init__(self, name, pts):
        self.name = name
        self.pts = pts


def band_cells(t0, t1, lines, names, mapper, step=2.2):
    """lines: functions of t (len = len(names)+1), ordered across the band.
    mapper(t, v) → (d, y). Returns [(name, [(d, y), ...])]."""
    ts = sample_params(t0, t1, lines, step)
    cells = []
    for j, name in enumerate(names):
        if name is None:
            continue
        a, b = lines[j], lines[j + 1]
        pts = [mapper(t, a(t)) for t in ts] + [mapper(t, b(t)) for t in reversed(ts)]
        cells.append((name, pts))
    return cells


def frac(a, b, f):
    return lambda t: a(t) + f * (b(t) - a(t))


def const(v):
    return lambda t: v


def body_bands(view):
    O, I = outline(view), inner(view)
    z = const(0.0)
    hd = head_d

    def L(f):  # fraction across the leg / trunk
        return frac(I, O, f)

    def kd(f):
        return lambda y: f * hd(y)

    def minO(v):
        return lambda y: min(O(y), v)

    jaw_a = head_d(JAW_Y)

    def jawline(y):  # lower border of the jaw, jaw angle → chin
        t = (y - JAW_Y) / (CHIN_Y - JAW_Y)
        return jaw_a * (1 - t * t)

    def chinline(y):
        t = (y - JAW_Y) / (CHIN_Y - JAW_Y)
        return 0.5 * jaw_a * (1 - t) * (1 - 0.3 * t)

    sac_top, sac_y0 = 27.0, 440.0

    def sac(y):
        return sac_top * (CROTCH_Y - y) / (CROTCH_Y - sac_y0)

    fold_y0, fold_y1, fold_d = 525.0, 548.0, 50.0
    i0, o0 = I(fold_y0), O(fold_y0)

    def fold_in(y):
        t = (y - fold_y0) / (fold_y1 - fold_y0)
        return fold_d - (fold_d - i0) * math.sqrt(max(0.0, 1 - t))

    def fold_out(y):
        t = (y - fold_y0) / (fold_y1 - fold_y0)
        return fold_d + (o0 - fold_d) * math.sqrt(max(0.0, 1 - t))

    ear0 = EAR_Y0
    if view == "front":
        return [
            (HEAD_TOP, 40, [z, O], ["forehead"]),
            (40, 66, [z, kd(.62), O], ["forehead", "temple"]),
            (66, ear0, [z, kd(.62), O], ["eye_cheek", "temple"]),
            (ear0, 92, [z, kd(.62), kd(.9), O], ["eye_cheek", "temple", "ear"]),
            (92, EAR_Y1, [z, kd(.55), kd(.9), O], ["eye_cheek", "jaw", "ear"]),
            (EAR_Y1, JAW_Y, [z, kd(.5), O], ["mouth_chin", "jaw"]),
            (JAW_Y, CHIN_Y, [z, chinline, jawline, O], ["mouth_chin", "jaw", "neck_front"]),
            (CHIN_Y, 170, [z, const(11), O], ["throat", "neck_front"]),
            (170, 180, [z, const(11), minO(36), O], ["throat", "neck_front", "clavicle"]),
            (180, ACR[1], [z, const(13), O], ["breastbone", "clavicle"]),
            (ACR[1], 212, [z, const(13), O], ["breastbone", "clavicle"]),
            (212, AXILLA[1], [z, const(13), O], ["breastbone", "chest"]),
            (AXILLA[1], 292, [z, const(13), frac(z, O, .76), O], ["breastbone", "chest", "armpit"]),
            (292, 330, [z, const(13), frac(z, O, .76), O], ["breastbone", "chest", "side_chest"]),
            (330, 345, [z, frac(z, O, .76), O], ["upper_abdomen", "side_chest"]),
            (345, 398, [z, frac(z, O, .8), O], ["upper_abdomen", "flank"]),
            (398, 445, [z, frac(z, O, .8), O], ["lower_abdomen", "flank"]),
            (445, CROTCH_Y, [z, frac(z, O, .42), frac(z, O, .8), O], ["groin", "hip_front", "hip_side"]),
            (CROTCH_Y, 535, [I, L(.38), L(.8), O], ["groin", "hip_front", "hip_side"]),
            (535, 552, [I, L(.38), L(.8), O], ["thigh_inner", "thigh_front", "hip_side"]),
            (552, 690, [I, L(.3), L(.76), O], ["thigh_inner", "thigh_front", "thigh_side"]),
            (690, 748, [I, L(.3), L(.7), O], ["knee_inner", "knee_front", "knee_outer"]),
            (748, 912, [I, L(.6), O], ["shin", "leg_side"]),
            (912, 953, [I, L(.34), L(.66), O], ["ankle_inner", "ankle", "ankle_outer"]),
            (953, 975, [I, O], ["foot_top"]),
            (975, FOOT["front"]["end"], [I, O], ["toes"]),
        ]
    return [
        (HEAD_TOP, 52, [z, O], ["crown"]),
        (52, ear0, [z, O], ["head_back"]),
        (ear0, JAW_Y, [z, kd(.7), O], ["head_back", "behind_ear"]),
        (JAW_Y, 170, [z, O], ["neck_back"]),
        (170, 178, [z, minO(36), O], ["neck_back", "shoulder_top"]),
        (178, ACR[1], [z, const(14), O], ["upper_back", "shoulder_top"]),
        (ACR[1], 212, [z, const(14), O], ["upper_back", "shoulder_top"]),
        (212, AXILLA[1], [z, const(34), O], ["upper_back", "shoulder_blade"]),
        (AXILLA[1], 300, [z, const(34), O], ["upper_back", "shoulder_blade"]),
        (300, 390, [z, O], ["mid_back"]),
        (390, sac_y0, [z, O], ["lower_back"]),
        (sac_y0, 478, [z, sac, lambda y: sac(y) + 18, O], ["sacrum", "si_joint", "buttock_upper"]),
        (478, CROTCH_Y, [z, sac, O], ["sacrum", "buttock"]),
        (CROTCH_Y, fold_y0, [I, O], ["buttock"]),
        (fold_y0, fold_y1, [I, fold_in, fold_out, O], ["thigh_back", "buttock", "thigh_back"]),
        (fold_y1, 690, [I, O], ["thigh_back"]),
        (690, 750, [I, O], ["knee_back"]),
        (750, 875, [I, O], ["calf"]),
        (875, ANKLE_Y, [I, O], ["achilles"]),
        (ANKLE_Y, 964, [I, O], ["heel"]),
        (964, FOOT["back"]["end"], [I, O], ["sole"]),
    ]


THUMB_U = 14.0


def arm_bands(view):
    lo = lambda s: -wm(s)
    hi = wl

    def across(f):
        return lambda s: -wm(s) + f * (wl(s) + wm(s))
    tu = const(THUMB_U)
    if view == "front":
        return [
            (0, 28, [lo, hi], ["shoulder_front"]),
            (28, 130, [lo, across(.38), hi], ["arm_inner", "arm_front"]),
            (130, 170, [lo, across(.42), hi], ["elbow_inner", "elbow_front"]),
            (170, 258, [lo, hi], ["forearm_front"]),
            (258, 280, [lo, hi], ["wrist_front"]),
            (280, 285, [lo, hi], ["palm"]),
            (285, 330, [lo, tu, hi], ["palm", "thumb"]),
            (330, 342, [lo, tu, hi], ["fingers", "thumb"]),
            (342, ARM_END, [lo, hi], ["fingers"]),
        ]
    return [
        (0, 28, [lo, hi], ["shoulder_back"]),
        (28, 130, [lo, hi], ["arm_back"]),
        (130, 170, [lo, across(.55), hi], ["elbow_back", "elbow_outer"]),
        (170, 258, [lo, hi], ["forearm_back"]),
        (258, 280, [lo, hi], ["wrist_back"]),
        (280, 330, [lo, hi], ["hand_back"]),
        (330, 342, [lo, tu, hi], ["fingers_back", "hand_back"]),
        (342, ARM_END, [lo, hi], ["fingers_back"]),
    ]


def shoulder_cap():
    """The deltoid cap: acromion → round shoulder → outer arm edge at s=0 →
    armpit → straight back up to the acromion (shared with the trunk)."""
    d_out = arm_point(0, wl(0))
    th = ARM_THETA0
    p1 = (ACR[0] + 18, ACR[1] + 2.7)
    p2 = (d_out[0] - 20 * math.sin(th), d_out[1] - 20 * math.cos(th))
    curve = bezier(ACR, p1, p2, d_out, 24)
    return curve + [AXILLA]


def half_cells(view):
    """All cells of the viewer's-left half, in (d, y)."""
    cells = []
    for (t0, t1, lines, names) in body_bands(view):
        cells += band_cells(t0, t1, lines, names, lambda t, v: (v, t))
    for (t0, t1, lines, names) in arm_bands(view):
        cells += band_cells(t0, t1, lines, names, arm_point)
    cells.append(("shoulder_front" if view == "front" else "shoulder_back", shoulder_cap()))
    return cells


# --------------------------------------------------------------------------
# geometry: cleaning, conformity, union

def rnd(p):
    return (round(p[0], 2), round(p[1], 2))


def clean(pts):
    out = []
    for p in pts:
        if not out or out[-1] != p:
            out.append(p)
    while len(out) > 1 and out[0] == out[-1]:
        out.pop()
    # remove spikes a, b, a
    changed = True
    while changed and len(out) >= 3:
        changed = False
        n = len(out)
        for i in range(n):
            if out[(i - 1) % n] == out[(i + 1) % n]:
                j = i
                k = (i + 1) % n
                for idx in sorted([j, k], reverse=True):
                    del out[idx]
                changed = True
                break
        # drop new duplicates
        dd = []
        for p in out:
            if not dd or dd[-1] != p:
                dd.append(p)
        while len(dd) > 1 and dd[0] == dd[-1]:
            dd.pop()
        out = dd
    return out


def signed_area(pts):
    a = 0.0
    n = len(pts)
    for i in range(n):
        x1, y1 = pts[i]
        x2, y2 = pts[(i + 1) % n]
        a += x1 * y2 - x2 * y1
    return a / 2


def conform(cells, eps=0.02):
    """Insert every vertex that lies on another cell's edge into that edge."""
    grid = {}
    G = 4.0
    for c in cells:
        for p in c.pts:
            grid.setdefault((int(p[0] // G), int(p[1] // G)), set()).add(p)
    for c in cells:
        pts = c.pts
        out = []
        n = len(pts)
        for i in range(n):
            a, b = pts[i], pts[(i + 1) % n]
            out.append(a)
            dx, dy = b[0] - a[0], b[1] - a[1]
            L2 = dx * dx + dy * dy
            if L2 == 0:
                continue
            x0, x1 = min(a[0], b[0]) - eps, max(a[0], b[0]) + eps
            y0, y1 = min(a[1], b[1]) - eps, max(a[1], b[1]) + eps
            found = []
            for gx in range(int(x0 // G), int(x1 // G) + 1):
                for gy in range(int(y0 // G), int(y1 // G) + 1):
                    for v in grid.get((gx, gy), ()):
                        if v == a or v == b:
                            continue
                        if not (x0 <= v[0] <= x1 and y0 <= v[1] <= y1):
                            continue
                        t = ((v[0] - a[0]) * dx + (v[1] - a[1]) * dy) / L2
                        if t <= 0 or t >= 1:
                            continue
                        px, py = a[0] + t * dx, a[1] + t * dy
                        if math.hypot(v[0] - px, v[1] - py) < eps:
                            found.append((t, v))
            found.sort()
            for _, v in found:
                if v != out[-1]:
                    out.append(v)
        c.pts = clean(out)


def union_loops(polys):
    """Boundary loops of the union of edge-sharing polygons (all CCW)."""
    edges = {}
    for pts in polys:
        n = len(pts)
        for i in range(n):
            a, b = pts[i], pts[(i + 1) % n]
            if (b, a) in edges:
                edges[(b, a)] -= 1
                if edges[(b, a)] == 0:
                    del edges[(b, a)]
            else:
                edges[(a, b)] = edges.get((a, b), 0) + 1
    nxt = {}
    for (a, b), k in edges.items():
        if k != 1:
            raise ValueError("edge used twice in one direction: %r" % ((a, b),))
        if a in nxt:
            raise ValueError("pinch point at %r" % (a,))
        nxt[a] = b
    loops = []
    while nxt:
        start = next(iter(nxt))
        loop = [start]
        cur = nxt.pop(start)
        while cur != start:
            loop.append(cur)
            cur = nxt.pop(cur)
        loops.append(clean(loop))
    return loops


def drop_collinear(pts, tol=1e-9):
    """Not used for regions (it would break shared borders); for the SVG."""
    out = []
    n = len(pts)
    for i in range(n):
        a, b, c = pts[i - 1], pts[i], pts[(i + 1) % n]
        cr = (b[0] - a[0]) * (c[1] - b[1]) - (b[1] - a[1]) * (c[0] - b[0])
        if abs(cr) > tol:
            out.append(b)
    return out


# --------------------------------------------------------------------------
# the public model

class View:
    def __init__(self, name):
        self.name = name
        self.regions = {}   # id -> polygon [(x, y)] CCW in screen coordinates
        self.side = {}      # id -> left/right/centre
        self.base = {}      # id -> base name
        self.outline = []   # loops
        self.cells = []


CENTRE = {"mouth_chin", "throat", "breastbone", "sacrum"}


def client_side(view, viewer_half):
    """viewer_half: 'L' for x < CX. Front view: client's left is on the viewer's right."""
    if view == "front":
        return "right" if viewer_half == "L" else "left"
    return "left" if viewer_half == "L" else "right"


def region_id(base, side):
    if base in CENTRE:
        return base
    return base + ("_l" if side == "left" else "_r")


def build_view(view):
    v = View(view)
    cells = []
    for name, pts in half_cells(view):
        for half in ("L", "R"):
            sgn = -1 if half == "L" else 1
            side = "centre" if name in CENTRE else client_side(view, half)
            rid = region_id(name, side)
            xy = [rnd((CX + sgn * d, y)) for (d, y) in pts]
            xy = clean(xy)
            if len(xy) < 3 or abs(signed_area(xy)) < 1e-6:
                continue
            if signed_area(xy) < 0:
                xy.reverse()
            cells.append(Cell(rid, xy))
            v.side[rid] = side
            v.base[rid] = name
    conform(cells)
    v.cells = cells
    by = {}
    for c in cells:
        by.setdefault(c.name, []).append(c.pts)
    for rid, polys in by.items():
        loops = union_loops(polys)
        if len(loops) != 1:
            raise ValueError("%s/%s: %d loops" % (view, rid, len(loops)))
        v.regions[rid] = loops[0]
    v.outline = union_loops([c.pts for c in cells])
    return v


def to_chart(view, side, d, y):
    """Model point (d from the centre, y) on the client's `side` → chart (x, y)."""
    if view == "front":
        sgn = 1 if side == "left" else -1
    else:
        sgn = -1 if side == "left" else 1
    return (round(CX + sgn * d, 1), round(float(y), 1))


def arm_chart(view, side, s, u):
    d, y = arm_point(s, u)
    return to_chart(view, side, d, y)


# --------------------------------------------------------------------------
# SVG

def _fmt(v):
    s = ("%.2f" % v).rstrip("0").rstrip(".")
    return s if s != "-0" else "0"


def svg_path_loops(loops):
    parts = []
    for lp in loops:
        lp = drop_collinear(lp, 1e-6)
        parts.append("M" + " L".join("%s %s" % (_fmt(x), _fmt(y)) for x, y in lp) + " Z")
    return " ".join(parts)


def internal_borders(v):
    """Polylines of the borders between different regions."""
    owner = {}
    for rid, pts in v.regions.items():
        n = len(pts)
        for i in range(n):
            a, b = pts[i], pts[(i + 1) % n]
            owner[(a, b)] = rid
    segs = set()
    for (a, b), rid in owner.items():
        if (b, a) in owner and owner[(b, a)] != rid and (b, a) not in segs:
            segs.add((a, b))
    # chain
    adj = {}
    for a, b in segs:
        adj.setdefault(a, []).append(b)
        adj.setdefault(b, []).append(a)
    used = set()
    lines = []
    for a, b in sorted(segs):
        if (a, b) in used or (b, a) in used:
            continue
        used.add((a, b))
        line = [a, b]
        # extend forward
        while True:
            end = line[-1]
            nb = [q for q in adj.get(end, []) if (end, q) not in used and (q, end) not in used]
            if len(adj.get(end, [])) != 2 or not nb:
                break
            used.add((end, nb[0]))
            line.append(nb[0])
        while True:
            st = line[0]
            nb = [q for q in adj.get(st, []) if (st, q) not in used and (q, st) not in used]
            if len(adj.get(st, [])) != 2 or not nb:
                break
            used.add((nb[0], st))
            line.insert(0, nb[0])
        lines.append(line)
    return lines


def finger_lines(view):
    """Faint decorative lines between the fingers (not region borders)."""
    out = []
    for side in ("left", "right"):
        for f in (0.27, 0.52, 0.76):
            pts = []
            for k in range(9):
                s = ARM_END - 2.5 - k * 4.5
                lo, hi = -wm(s), wl(s)
                u = lo + f * (hi - lo) if s > 344 else None
                if u is None:
                    break
                pts.append(arm_chart(view, side, s, u))
            if len(pts) >= 2:
                out.append(pts)
    return out


def svg_text(v):
    """The chart artwork of one view (front.svg or back.svg), as text."""
    outline = svg_path_loops(v.outline)
    borders = internal_borders(v)
    bpath = " ".join("M" + " L".join("%s %s" % (_fmt(x), _fmt(y)) for x, y in ln) for ln in borders)
    fpath = " ".join("M" + " L".join("%s %s" % (_fmt(x), _fmt(y)) for x, y in ln) for ln in finger_lines(v.name))
    title = "Body chart, %s view" % v.name
    svg = f"""<?xml version="1.0" encoding="UTF-8"?>
<!-- Generated by tools/gen_content.py from tools/bodymap.py — do not edit by hand.
     The region polygons in data/regions.json come from the same model. -->
<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {W} {H}" width="{W}" height="{H}">
  <title>{title}</title>
  <g id="figure">
    <path id="silhouette" d="{outline}" fill="#f3efe9" stroke="none"/>
  </g>
  <g id="region-borders" fill="none" stroke="#c4bcb1" stroke-width="1" stroke-linejoin="round" stroke-linecap="round">
    <path d="{bpath}"/>
  </g>
  <g id="details" fill="none" stroke="#c4bcb1" stroke-width="0.8" stroke-linecap="round">
    <path d="{fpath}"/>
  </g>
  <g id="outline" fill="none" stroke="#5b5650" stroke-width="2.2" stroke-linejoin="round">
    <path d="{outline}"/>
  </g>
</svg>
"""
    return svg


def write_svg(v, path):
    with open(path, "w", encoding="utf-8") as f:
        f.write(svg_text(v))


def write_debug_svg(v, path, labels=True):
    """Every region in its own colour with its id (for looking, not shipped)."""
    import colorsys
    parts = []
    ids = sorted(v.regions)
    for i, rid in enumerate(ids):
        h = (i * 0.61803) % 1.0
        r, g, b = colorsys.hls_to_rgb(h, 0.72, 0.6)
        col = "#%02x%02x%02x" % (int(r * 255), int(g * 255), int(b * 255))
        pts = v.regions[rid]
        d = "M" + " L".join("%s %s" % (_fmt(x), _fmt(y)) for x, y in pts) + " Z"
        parts.append(f'<path d="{d}" fill="{col}" stroke="#333" stroke-width="0.4"/>')
    if labels:
        for rid in ids:
            ax, ay = anchor(v.regions[rid])
            parts.append(f'<text x="{_fmt(ax)}" y="{_fmt(ay)}" font-size="6.5" text-anchor="middle" '
                         f'font-family="sans-serif">{rid}</text>')
    svg = (f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {W} {H}" width="{W*2}" height="{H*2}">'
           f'<rect width="{W}" height="{H}" fill="white"/>' + "".join(parts) + "</svg>")
    with open(path, "w") as f:
        f.write(svg)


# --------------------------------------------------------------------------
# point tests (used to check trigger points and to find anchors)

def point_in_poly(p, pts):
    x, y = p
    inside = False
    n = len(pts)
    for i in range(n):
        x1, y1 = pts[i]
        x2, y2 = pts[(i + 1) % n]
        if (y1 > y) != (y2 > y):
            xi = x1 + (y - y1) * (x2 - x1) / (y2 - y1)
            if x < xi:
                inside = not inside
    return inside


def dist_to_boundary(p, pts):
    best = 1e18
    n = len(pts)
    for i in range(n):
        a, b = pts[i], pts[(i + 1) % n]
        dx, dy = b[0] - a[0], b[1] - a[1]
        L2 = dx * dx + dy * dy
        t = 0 if L2 == 0 else max(0, min(1, ((p[0] - a[0]) * dx + (p[1] - a[1]) * dy) / L2))
        best = min(best, math.hypot(p[0] - a[0] - t * dx, p[1] - a[1] - t * dy))
    return best


def anchor(pts):
    """A point well inside: the grid point farthest from the boundary."""
    xs = [p[0] for p in pts]
    ys = [p[1] for p in pts]
    x0, x1, y0, y1 = min(xs), max(xs), min(ys), max(ys)
    best, bp = -1, None
    for i in range(1, 16):
        for j in range(1, 16):
            p = (x0 + (x1 - x0) * i / 16, y0 + (y1 - y0) * j / 16)
            if point_in_poly(p, pts):
                dd = dist_to_boundary(p, pts)
                if dd > best:
                    best, bp = dd, p
    if bp is None:
        bp = pts[0]
    return bp
