#!/usr/bin/env python3
"""gen_content.py — generate the Painmap content library and chart artwork.

Writes (relative to the repository root):
  data/regions.json  data/muscles.json  data/pages.json  data/questions.json
  data/screens.json  data/i18n/en.json  data/i18n/es.json (merged, see below)
  assets/chart/front.svg  assets/chart/back.svg
and then runs tools/check_data.py on data/.

Strings: the i18n files are shared with the program's own "ui.*" keys, which
other people add by hand. This script re-reads each file, replaces only the
keys it generates (removing keys it generated last time but no longer does,
listed in tools/generated_keys.txt) and keeps every other key untouched. The
files are written pretty-printed, one key per line, sorted by key.

Usage: python3 tools/gen_content.py [--debug DIR]   (DIR gets debug SVGs)
Python standard library only.
"""

import json
import os
import sys

sys.dont_write_bytecode = True

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
sys.path.insert(0, HERE)

import bodymap as bm  # noqa: E402
import region_text  # noqa: E402
import muscles_data  # noqa: E402
import text_en  # noqa: E402
import text_es  # noqa: E402

DATA = os.path.join(ROOT, "data")
ASSETS = os.path.join(ROOT, "assets", "chart")

SECTIONS = ["what", "refers", "notice", "mistaken", "overload", "therapist", "selfcare"]

SCREENING = [
    # dangerous look-alikes first: asked before any pattern is shown
    ("chest_exertion", "urgent"),
    ("chest_pain", "urgent"),
    ("calf_swollen", "urgent"),
    ("saddle_numbness", "urgent"),
    ("bladder_bowel", "urgent"),
    ("leg_weakness", "urgent"),
    # the therapist reads these first
    ("blood_clot", "attention"),
    ("recent_surgery", "attention"),
    ("recent_injury", "attention"),
    ("blood_thinners", "attention"),
    ("fever", "attention"),
    ("pregnancy", "attention"),
    ("cancer", "attention"),
    ("osteoporosis", "attention"),
    ("skin", "attention"),
    ("numbness", "attention"),
    ("heart_pressure", "attention"),
    ("night_weight", "attention"),
]

QUALITIES = ["aching", "sharp", "burning", "tingling", "numb", "throbbing", "stiff", "cramping",
             "dull", "shooting", "tender", "tight", "deep", "electric"]
DURATIONS = ["under_1_week", "1_to_6_weeks", "6_weeks_to_3_months", "3_to_12_months", "over_1_year"]
PRESSURES = ["light", "medium", "firm", "therapist"]
AVOID = ["face", "scalp", "neck", "chest", "belly", "buttocks", "inner_thighs", "feet", "hands"]
BANDS = [(0, 0, "none", "#2e7d32"), (1, 3, "mild", "#9a7b00"),
         (4, 6, "moderate", "#d35400"), (7, 10, "severe", "#c62828")]

PAGES = [
    ("what_is_tp", 4),
    ("referred_pain", 4),
    ("session", 4),
    ("aftercare", 4),
    ("not_diagnosis", 3),
]
PAGE_SEQUENCE = ["what_is_tp", "referred_pain", "@muscles", "session", "aftercare", "not_diagnosis"]

SCREENS = ["welcome", "about", "name", "chart", "details", "screening", "patterns", "education",
           "preferences", "consent", "review", "saving", "thanks"]

OWNED_PREFIXES = ("region.", "term.", "muscle.", "mimic.", "page.", "q.", "answer.", "quality.",
                  "duration.", "pressure.", "avoid.", "intensity.")


def write_json(path, obj):
    with open(path + ".tmp", "w", encoding="utf-8") as f:
        json.dump(obj, f, indent=1, ensure_ascii=False)
        f.write("\n")
    os.replace(path + ".tmp", path)


# ------------------------------------------------------------------ regions

def build_regions(en, es, debug_dir=None):
    regions = []
    views = {}
    for vn in ("front", "back"):
        v = bm.build_view(vn)
        views[vn] = v
        os.makedirs(ASSETS, exist_ok=True)
        bm.write_svg(v, os.path.join(ASSETS, vn + ".svg"))
        if debug_dir:
            bm.write_debug_svg(v, os.path.join(debug_dir, vn + "_debug.svg"))
        # order: top to bottom, then viewer's left to right (stable, readable)
        def key(rid):
            a = bm.anchor(v.regions[rid])
            return (round(a[1] / 10), a[0])
        for rid in sorted(v.regions, key=key):
            base, side = v.base[rid], v.side[rid]
            el, et, sl, st = region_text.texts(base, side)
            en["region." + rid], en["term." + rid] = el, et
            es["region." + rid], es["term." + rid] = sl, st
            regions.append({"id": rid, "view": vn, "side": side, "label": "region." + rid,
                            "term": "term." + rid, "polygon": v.regions[rid],
                            "no_pattern": base in NO_PATTERN})
    return regions, views


# Regions no muscle of the library refers pain to (Travell & Simons patterns
# reach them rarely or through muscles not in the library). They stay on the
# chart so clients can mark them; the pattern screen then has nothing to offer
# for them alone, which the data says openly instead of leaving it unclear.
NO_PATTERN = {"neck_front", "clavicle", "flank"}


def regions_json_text(regions):
    out = ['{', ' "chart": { "width": %d, "height": %d },' % (bm.W, bm.H), ' "regions": [']
    for i, r in enumerate(regions):
        poly = ", ".join("[%s, %s]" % (bm._fmt(x), bm._fmt(y)) for x, y in r["polygon"])
        out.append('  { "id": "%s", "view": "%s", "side": "%s", "label": "%s", "term": "%s",%s'
                   % (r["id"], r["view"], r["side"], r["label"], r["term"],
                      ' "no_pattern": true,' if r["no_pattern"] else ""))
        out.append('    "polygon": [%s] }%s' % (poly, "," if i < len(regions) - 1 else ""))
    out.append(' ]')
    out.append('}')
    return "\n".join(out) + "\n"


# ------------------------------------------------------------------ muscles

def expand(bases, view_regions):
    out = []
    for b in bases:
        if b in bm.CENTRE:
            cands = [b]
        else:
            cands = [b + "_l", b + "_r"]
        for c in cands:
            if c not in view_regions:
                raise SystemExit("muscles_data: no region %r" % c)
            out.append(c)
    return out


def tp_points(tps):
    pts = []
    for kind, view, a, b in tps:
        for side in ("left", "right"):
            if kind == "b":
                x, y = bm.to_chart(view, side, a, b)
            else:
                x, y = bm.arm_chart(view, side, a, b)
            pts.append({"view": view, "at": [x, y]})
    return pts


def source_text(keys):
    allsrc = dict(muscles_data.SOURCES)
    allsrc.update(muscles_data.EXTRA_SOURCES)
    parts = [allsrc[k] for k in keys]
    return "Travell & Simons referral pattern as summarised by " + "; ".join(parts)


def build_muscles(en, es, all_region_ids):
    muscles, skipped = [], []
    for m in muscles_data.MUSCLES:
        mid = m["id"]
        keys = ["muscle.%s.%s" % (mid, s) for s in ["name"] + SECTIONS]
        missing = [k for k in keys if k not in text_en.S or k not in text_es.S]
        if missing:
            skipped.append(mid)
            continue
        page = [{"heading": "muscle.heading." + s, "text": "muscle.%s.%s" % (mid, s)} for s in SECTIONS]
        page.append({"heading": "muscle.heading.note", "text": "muscle.common.not_diagnosis"})
        muscles.append({
            "id": mid,
            "name": "muscle.%s.name" % mid,
            "trigger_points": tp_points(m["tps"]),
            "primary": expand(m["primary"], all_region_ids),
            "spillover": expand(m["spill"], all_region_ids),
            "mimics": ["mimic." + k for k in m["mimics"]],
            "page": page,
            "source": source_text(m["src"]),
        })
    return muscles, skipped


# ------------------------------------------------------------------ the rest

def build_questions():
    screening = []
    for qid, flag in SCREENING:
        answers = [{"id": "yes", "label": "answer.yes", "flag": flag},
                   {"id": "no", "label": "answer.no"},
                   {"id": "unsure", "label": "answer.unsure", "flag": "attention"}]
        screening.append({"id": qid, "text": "q." + qid, "staff": "q.%s.staff" % qid,
                          "notice": "q.%s.notice" % qid, "answers": answers})
    return {
        "screening": screening,
        "qualities": [{"id": q, "label": "quality." + q} for q in QUALITIES],
        "durations": [{"id": d, "label": "duration." + d} for d in DURATIONS],
        "pressures": [{"id": p, "label": "pressure." + p} for p in PRESSURES],
        "avoid": [{"id": a, "label": "avoid." + a} for a in AVOID],
        "intensity": [{"min": a, "max": b, "label": "intensity." + k, "colour": c} for a, b, k, c in BANDS],
    }


def build_pages():
    pages = [{"id": pid, "title": "page.%s.title" % pid,
              "paragraphs": ["page.%s.p%d" % (pid, i + 1) for i in range(n)]} for pid, n in PAGES]
    return {"pages": pages, "sequence": PAGE_SEQUENCE}


def merge_strings(code, name, mine):
    path = os.path.join(DATA, "i18n", code + ".json")
    old = {}
    if os.path.exists(path):
        with open(path, encoding="utf-8") as f:
            old = json.load(f).get("strings", {})
    listing = os.path.join(HERE, "generated_keys.txt")
    previously = set()
    if os.path.exists(listing):
        with open(listing) as f:
            previously = {ln.strip() for ln in f if ln.strip()}
    strings = {k: v for k, v in old.items() if not (k in previously and k not in mine)}
    strings.update(mine)
    obj = {"language": {"code": code, "name": name}, "strings": dict(sorted(strings.items()))}
    os.makedirs(os.path.dirname(path), exist_ok=True)
    write_json(path, obj)


def main():
    debug_dir = None
    if "--debug" in sys.argv:
        debug_dir = sys.argv[sys.argv.index("--debug") + 1]
        os.makedirs(debug_dir, exist_ok=True)
    en, es = {}, {}
    regions, views = build_regions(en, es, debug_dir)
    ids = {r["id"] for r in regions}
    en.update(text_en.S)
    es.update(text_es.S)
    muscles, skipped = build_muscles(en, es, ids)
    # only the muscle texts of muscles that ship
    shipped = {m["id"] for m in muscles}
    for d in (en, es):
        for k in list(d):
            if k.startswith("muscle.") and k.split(".")[1] not in shipped | {"heading", "common"}:
                del d[k]
    missing_es = sorted(set(en) - set(es))
    missing_en = sorted(set(es) - set(en))
    if missing_es or missing_en:
        raise SystemExit("strings differ: missing in es %s; missing in en %s" % (missing_es[:20], missing_en[:20]))

    os.makedirs(DATA, exist_ok=True)
    with open(os.path.join(DATA, "regions.json"), "w", encoding="utf-8") as f:
        f.write(regions_json_text(regions))
    write_json(os.path.join(DATA, "muscles.json"), {"muscles": muscles})
    write_json(os.path.join(DATA, "pages.json"), build_pages())
    write_json(os.path.join(DATA, "questions.json"), build_questions())
    write_json(os.path.join(DATA, "screens.json"), {"sequence": SCREENS})
    merge_strings("en", "English", en)
    merge_strings("es", "Español", es)
    with open(os.path.join(HERE, "generated_keys.txt"), "w") as f:
        f.write("\n".join(sorted(en)) + "\n")

    nf = sum(1 for r in regions if r["view"] == "front")
    print("generated: %d regions (%d front, %d back), %d muscles, %d pages, %d questions"
          % (len(regions), nf, len(regions) - nf, len(muscles), len(PAGES), len(SCREENING)))
    if skipped:
        print("muscles without complete text (not shipped yet): " + ", ".join(skipped))

    import check_data
    return check_data.main([DATA])


if __name__ == "__main__":
    sys.exit(main())
