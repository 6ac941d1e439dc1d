#!/usr/bin/env python3
"""check_data.py — an independent Python check of a Painmap data folder
(the rules of data/README.md) plus the referral-pattern ranking of
kiosk/core/content/ranking.h, re-implemented to check the library's required
outcomes. The program's own checker is `painmap --check-data DIR`; this one
exists so content can be checked without building the program.

Usage: python3 tools/check_data.py [DIR] [--rank region_id ...]
Standard library only.
"""

import json
import math
import os
import re
import sys

sys.dont_write_bytecode = True

ID_RE = re.compile(r"^[a-z0-9_]+$")
SCREEN_NAMES = ["welcome", "about", "name", "chart", "details", "screening", "patterns",
                "education", "preferences", "consent", "review", "saving", "thanks"]

# required ranking outcomes: (marked regions, muscle, must be within top N)
RANK_CASES = [
    (["temple_l", "neck_back_l"], "upper_trapezius", 3),
    (["heel_l"], "soleus", 3),
    (["hip_side_l", "thigh_side_l", "leg_side_l"], "gluteus_minimus", 3),
    (["temple_r", "neck_back_r"], "upper_trapezius", 3),
    (["heel_r"], "soleus", 3),
    (["hip_side_r", "thigh_side_r", "leg_side_r"], "gluteus_minimus", 3),
]


class Problems:
    def __init__(self):
        self.items = []

    def add(self, f, path, msg):
        self.items.append("%s: %s: %s" % (f, path, msg))


# ------------------------------------------------------------------ geometry

def _orient(a, b, c):
    v = (b[0] - a[0]) * (c[1] - a[1]) - (b[1] - a[1]) * (c[0] - a[0])
    return 0 if abs(v) < 1e-12 else (1 if v > 0 else -1)


def _on_seg(a, b, p):
    return (min(a[0], b[0]) - 1e-12 <= p[0] <= max(a[0], b[0]) + 1e-12 and
            min(a[1], b[1]) - 1e-12 <= p[1] <= max(a[1], b[1]) + 1e-12)


def seg_intersect(a, b, c, d):
    o1, o2, o3, o4 = _orient(a, b, c), _orient(a, b, d), _orient(c, d, a), _orient(c, d, b)
    if o1 != o2 and o3 != o4:
        return True
    if o1 == 0 and _on_seg(a, b, c):
        return True
    if o2 == 0 and _on_seg(a, b, d):
        return True
    if o3 == 0 and _on_seg(c, d, a):
        return True
    if o4 == 0 and _on_seg(c, d, b):
        return True
    return False


def seg_cross_proper(a, b, c, d):
    o1, o2, o3, o4 = _orient(a, b, c), _orient(a, b, d), _orient(c, d, a), _orient(c, d, b)
    return o1 * o2 < 0 and o3 * o4 < 0


def area(pts):
    s = 0.0
    for i in range(len(pts)):
        x1, y1 = pts[i]
        x2, y2 = pts[(i + 1) % len(pts)]
        s += x1 * y2 - x2 * y1
    return s / 2


def is_simple(pts):
    n = len(pts)
    segs = [(pts[i], pts[(i + 1) % n]) for i in range(n)]
    boxes = [(min(a[0], b[0]), max(a[0], b[0]), min(a[1], b[1]), max(a[1], b[1])) for a, b in segs]
    order = sorted(range(n), key=lambda i: boxes[i][0])
    for ii in range(n):
        i = order[ii]
        for jj in range(ii + 1, n):
            j = order[jj]
            if boxes[j][0] > boxes[i][1]:
                break
            if boxes[j][2] > boxes[i][3] or boxes[j][3] < boxes[i][2]:
                continue
            if abs(i - j) == 1 or abs(i - j) == n - 1:
                # adjacent: only a fold-back (collinear overlap) is a problem
                a, b = segs[i]
                c, d = segs[j]
                shared = b if j == (i + 1) % n else a
                other_i = a if shared == b else b
                other_j = d if shared == c else c
                if _orient(other_i, shared, other_j) == 0 and \
                        ((other_i[0] - shared[0]) * (other_j[0] - shared[0]) +
                         (other_i[1] - shared[1]) * (other_j[1] - shared[1])) > 0:
                    return False
                continue
            if seg_intersect(segs[i][0], segs[i][1], segs[j][0], segs[j][1]):
                return False
    return True


def point_in(p, pts):
    """1 inside, 0 on the boundary, -1 outside."""
    x, y = p
    n = len(pts)
    for i in range(n):
        a, b = pts[i], pts[(i + 1) % n]
        if _orient(a, b, p) == 0 and _on_seg(a, b, p):
            return 0
    inside = False
    for i in range(n):
        x1, y1 = pts[i]
        x2, y2 = pts[(i + 1) % n]
        if (y1 > y) != (y2 > y):
            xi = x1 + (y - y1) * (x2 - x1) / (y2 - y1)
            if x < xi:
                inside = not inside
    return 1 if inside else -1


def interior_point(pts):
    xs = [p[0] for p in pts]
    ys = [p[1] for p in pts]
    for k in range(1, 40):
        y = min(ys) + (max(ys) - min(ys)) * ((k * 0.618) % 1.0)
        xs_c = []
        n = len(pts)
        for i in range(n):
            x1, y1 = pts[i]
            x2, y2 = pts[(i + 1) % n]
            if (y1 > y) != (y2 > y):
                xs_c.append(x1 + (y - y1) * (x2 - x1) / (y2 - y1))
        xs_c.sort()
        if len(xs_c) >= 2 and xs_c[1] - xs_c[0] > 1e-6:
            return ((xs_c[0] + xs_c[1]) / 2, y)
    return None


def overlaps(p, q):
    """True if the interiors of simple polygons p and q overlap."""
    n, m = len(p), len(q)
    for i in range(n):
        a, b = p[i], p[(i + 1) % n]
        for j in range(m):
            c, d = q[j], q[(j + 1) % m]
            if max(a[0], b[0]) < min(c[0], d[0]) or max(c[0], d[0]) < min(a[0], b[0]):
                continue
            if max(a[1], b[1]) < min(c[1], d[1]) or max(c[1], d[1]) < min(a[1], b[1]):
                continue
            if seg_cross_proper(a, b, c, d):
                return True
    for v in p:
        if point_in(v, q) == 1:
            return True
    for v in q:
        if point_in(v, p) == 1:
            return True
    # edge midpoints (catches identical-vertex overlaps)
    for i in range(n):
        a, b = p[i], p[(i + 1) % n]
        if point_in(((a[0] + b[0]) / 2, (a[1] + b[1]) / 2), q) == 1:
            return True
    ip = interior_point(p)
    if ip and point_in(ip, q) == 1:
        return True
    return False


# ------------------------------------------------------------------ ranking

def score(muscle, marked):
    ph = sum(1 for r in muscle["primary"] if r in marked)
    sh = sum(1 for r in muscle["spillover"] if r in marked)
    pm = len(muscle["primary"]) - ph
    sm = len(muscle["spillover"]) - sh
    return 12 * ph + 4 * sh - 2 * pm - sm, ph, sh


def rank(muscles, marked):
    marked = set(marked)
    out = []
    for i, m in enumerate(muscles):
        s, ph, sh = score(m, marked)
        if ph + sh == 0:
            continue
        out.append((-s, -ph, i, m["id"], s))
    out.sort()
    return [(mid, s) for _, _, _, mid, s in out]


# ------------------------------------------------------------------ checks

def load(path, probs, name):
    try:
        with open(path, encoding="utf-8") as f:
            return json.load(f)
    except FileNotFoundError:
        probs.add(name, "$", "file missing")
    except json.JSONDecodeError as e:
        probs.add(name, "$", "not valid JSON (%s)" % e)
    return None


def check(d):
    P = Problems()
    used_keys = []  # (file, path, key)

    def key(f, path, k):
        if not isinstance(k, str) or not k:
            P.add(f, path, "missing string key")
        else:
            used_keys.append((f, path, k))

    reg = load(os.path.join(d, "regions.json"), P, "regions.json")
    mus = load(os.path.join(d, "muscles.json"), P, "muscles.json")
    pag = load(os.path.join(d, "pages.json"), P, "pages.json")
    que = load(os.path.join(d, "questions.json"), P, "questions.json")
    scr = load(os.path.join(d, "screens.json"), P, "screens.json")
    langs = {}
    i18n = os.path.join(d, "i18n")
    if os.path.isdir(i18n):
        for fn in sorted(os.listdir(i18n)):
            if fn.endswith(".json"):
                obj = load(os.path.join(i18n, fn), P, "i18n/" + fn)
                if obj:
                    code = obj.get("language", {}).get("code")
                    if code + ".json" != fn:
                        P.add("i18n/" + fn, "$.language.code", "does not match the file name")
                    langs[code] = obj.get("strings", {})
    if "en" not in langs:
        P.add("i18n/en.json", "$", "English strings are required")

    regions = {}
    by_view = {"front": [], "back": []}
    counts = {"front": 0, "back": 0}
    if reg:
        W, H = reg["chart"]["width"], reg["chart"]["height"]
        for i, r in enumerate(reg["regions"]):
            p = "$.regions[%d]" % i
            rid = r.get("id", "")
            if not ID_RE.match(rid):
                P.add("regions.json", p + ".id", "bad id %r" % rid)
            if rid in regions:
                P.add("regions.json", p + ".id", "duplicate id %r" % rid)
            if r.get("view") not in by_view:
                P.add("regions.json", p + ".view", "must be front or back")
                continue
            if r.get("side") not in ("left", "right", "centre"):
                P.add("regions.json", p + ".side", "must be left, right or centre")
            key("regions.json", p + ".label", r.get("label"))
            key("regions.json", p + ".term", r.get("term"))
            poly = [tuple(pt) for pt in r.get("polygon", [])]
            if len(poly) < 3:
                P.add("regions.json", p + ".polygon", "fewer than 3 points")
                continue
            if any(not (0 <= x <= W and 0 <= y <= H) for x, y in poly):
                P.add("regions.json", p + ".polygon", "point outside the chart")
            if abs(area(poly)) < 1e-6:
                P.add("regions.json", p + ".polygon", "zero area")
            if not is_simple(poly):
                P.add("regions.json", p + ".polygon", "%s: self-intersecting" % rid)
            regions[rid] = (r["view"], poly, r.get("side"))
            by_view[r["view"]].append((rid, poly))
            counts[r["view"]] += 1
        for vn, lst in by_view.items():
            boxes = [(min(x for x, _ in pl), max(x for x, _ in pl), min(y for _, y in pl), max(y for _, y in pl))
                     for _, pl in lst]
            for i in range(len(lst)):
                for j in range(i + 1, len(lst)):
                    a, b = boxes[i], boxes[j]
                    if a[1] < b[0] or b[1] < a[0] or a[3] < b[2] or b[3] < a[2]:
                        continue
                    if overlaps(lst[i][1], lst[j][1]):
                        P.add("regions.json", "$.regions", "%s and %s overlap (%s view)"
                              % (lst[i][0], lst[j][0], vn))

    nmus = 0
    if mus:
        seen = set()
        for i, m in enumerate(mus["muscles"]):
            p = "$.muscles[%d]" % i
            mid = m.get("id", "")
            if not ID_RE.match(mid) or mid in seen:
                P.add("muscles.json", p + ".id", "bad or duplicate id %r" % mid)
            seen.add(mid)
            key("muscles.json", p + ".name", m.get("name"))
            if not m.get("primary"):
                P.add("muscles.json", p + ".primary", "must not be empty")
            for fld in ("primary", "spillover"):
                for j, rid in enumerate(m.get(fld, [])):
                    if rid not in regions:
                        P.add("muscles.json", "%s.%s[%d]" % (p, fld, j), "no region %r" % rid)
            both = set(m.get("primary", [])) & set(m.get("spillover", []))
            if both:
                P.add("muscles.json", p, "regions both primary and spill-over: %s" % sorted(both))
            if len(set(m.get("primary", []))) != len(m.get("primary", [])):
                P.add("muscles.json", p + ".primary", "duplicate region")
            for j, tp in enumerate(m.get("trigger_points", [])):
                inside = [rid for rid, pl in by_view.get(tp["view"], []) if point_in(tuple(tp["at"]), pl) >= 0]
                if not inside:
                    P.add("muscles.json", "%s.trigger_points[%d]" % (p, j), "not inside any %s region" % tp["view"])
            if not m.get("trigger_points"):
                P.add("muscles.json", p + ".trigger_points", "empty")
            for j, k in enumerate(m.get("mimics", [])):
                key("muscles.json", "%s.mimics[%d]" % (p, j), k)
            for j, s in enumerate(m.get("page", [])):
                key("muscles.json", "%s.page[%d].heading" % (p, j), s.get("heading"))
                key("muscles.json", "%s.page[%d].text" % (p, j), s.get("text"))
            if not m.get("source"):
                P.add("muscles.json", p + ".source", "empty")
        nmus = len(mus["muscles"])

    npages = 0
    if pag:
        ids = []
        for i, pg in enumerate(pag["pages"]):
            p = "$.pages[%d]" % i
            ids.append(pg["id"])
            key("pages.json", p + ".title", pg.get("title"))
            for j, k in enumerate(pg.get("paragraphs", [])):
                key("pages.json", "%s.paragraphs[%d]" % (p, j), k)
        seq = pag.get("sequence", [])
        if seq.count("@muscles") > 1:
            P.add("pages.json", "$.sequence", "@muscles more than once")
        for pid in ids:
            if pid not in seq:
                P.add("pages.json", "$.sequence", "page %r not in the sequence" % pid)
        for s in seq:
            if s != "@muscles" and s not in ids:
                P.add("pages.json", "$.sequence", "unknown page %r" % s)
        if len(set(ids)) != len(ids):
            P.add("pages.json", "$.pages", "duplicate page id")
        npages = len(ids)

    nq = 0
    if que:
        qids = set()
        for i, q in enumerate(que["screening"]):
            p = "$.screening[%d]" % i
            if q["id"] in qids:
                P.add("questions.json", p + ".id", "duplicate")
            qids.add(q["id"])
            key("questions.json", p + ".text", q.get("text"))
            key("questions.json", p + ".staff", q.get("staff"))
            if q.get("notice"):
                key("questions.json", p + ".notice", q.get("notice"))
            ans = q.get("answers", [])
            if not 2 <= len(ans) <= 4:
                P.add("questions.json", p + ".answers", "needs 2 to 4 answers")
            for j, a in enumerate(ans):
                key("questions.json", "%s.answers[%d].label" % (p, j), a.get("label"))
                if a.get("flag") not in (None, "attention", "urgent"):
                    P.add("questions.json", "%s.answers[%d].flag" % (p, j), "bad flag")
                if a.get("flag") == "urgent" and not q.get("notice"):
                    P.add("questions.json", p + ".notice", "an urgent answer needs a notice")
        nq = len(que["screening"])
        for fld in ("qualities", "durations", "pressures", "avoid"):
            lst = que.get(fld, [])
            if len(lst) > 32:
                P.add("questions.json", "$." + fld, "more than 32")
            if len({c["id"] for c in lst}) != len(lst):
                P.add("questions.json", "$." + fld, "duplicate id")
            for j, c in enumerate(lst):
                key("questions.json", "$.%s[%d].label" % (fld, j), c.get("label"))
        nxt = 0
        for j, b in enumerate(que.get("intensity", [])):
            if b["min"] != nxt or b["max"] < b["min"]:
                P.add("questions.json", "$.intensity[%d]" % j, "bands must cover 0-10 in order")
            nxt = b["max"] + 1
            if not re.match(r"^#[0-9a-f]{6}$", b.get("colour", ""), re.I):
                P.add("questions.json", "$.intensity[%d].colour" % j, "bad colour")
            key("questions.json", "$.intensity[%d].label" % j, b.get("label"))
        if nxt != 11:
            P.add("questions.json", "$.intensity", "bands must end at 10")

    if scr:
        seq = scr.get("sequence", [])
        for s in seq:
            if s not in SCREEN_NAMES:
                P.add("screens.json", "$.sequence", "unknown screen %r" % s)
        for req in ("welcome", "chart", "details", "screening", "review", "saving", "thanks"):
            if req not in seq:
                P.add("screens.json", "$.sequence", "missing %r" % req)
        if seq[:1] != ["welcome"] or seq[-2:] != ["saving", "thanks"]:
            P.add("screens.json", "$.sequence", "welcome first, saving then thanks last")

        def before(a, b):
            if a in seq and b in seq and seq.index(a) > seq.index(b):
                P.add("screens.json", "$.sequence", "%s must come before %s" % (a, b))
        for a, b in (("screening", "patterns"), ("screening", "education"), ("chart", "details"),
                     ("chart", "patterns")):
            before(a, b)

    if "en" in langs:
        for f, path, k in used_keys:
            if k not in langs["en"]:
                P.add(f, path, "no string %r in en" % k)
        for code, strings in langs.items():
            for k in langs["en"]:
                if code != "en" and k not in strings:
                    P.add("i18n/%s.json" % code, "$.strings", "missing translation %r" % k)
            for k, v in strings.items():
                if not isinstance(v, str) or not v.strip():
                    P.add("i18n/%s.json" % code, "$.strings.%s" % k, "empty string")

    summary = ("data ok: %d regions (%d front, %d back), %d muscles, %d education pages, "
               "%d screening questions, languages: %s"
               % (len(regions), counts["front"], counts["back"], nmus, npages, nq,
                  " ".join(["en"] + sorted(c for c in langs if c != "en"))))
    return P, summary, (mus["muscles"] if mus else []), regions


def main(argv):
    d = argv[0] if argv and not argv[0].startswith("--") else os.path.join(
        os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "data")
    P, summary, muscles, regions = check(d)
    for it in P.items:
        print(it)
    if "--rank" in argv:
        marked = argv[argv.index("--rank") + 1:]
        for mid, s in rank(muscles, marked)[:10]:
            print("  %-24s %d" % (mid, s))
        return 0
    bad = 0
    if muscles:
        for marked, want, top in RANK_CASES:
            r = rank(muscles, marked)
            ids = [m for m, _ in r]
            pos = ids.index(want) + 1 if want in ids else None
            ok = pos is not None and pos <= top
            if not ok:
                bad += 1
            print("ranking %-48s → %s (%s at #%s)%s" % (
                "+".join(marked), ", ".join("%s %d" % (m, s) for m, s in r[:5]), want, pos,
                "" if ok else "  ** FAILS top %d **" % top))
    if P.items:
        print("%d problem(s)" % len(P.items))
        return 1
    print(summary)
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
