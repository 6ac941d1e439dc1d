#!/usr/bin/env python3
"""gen_content.py — builds data/ (what the kiosk reads) and the chart artwork
from content/ (what people edit) and the body model (tools/bodymap.py).

  content/*.json          structure: areas, muscles, pages, questions, screens
  content/text/<lang>/    every string, one folder per language
  tools/bodymap.py        the figure: region shapes and the artwork (code)
        │
        ▼
  data/regions.json muscles.json pages.json questions.json screens.json
  data/i18n/<lang>.json   data/GENERATED   assets/chart/front.svg back.svg

Every file it writes is generated whole: nothing in them is edited by hand,
and every string has one home in content/. The format of content/ is in
content/README.md; the format of data/ in data/README.md. Whether the result
is sound is for the one checker to say: `painmap --check-data data --stamp`
(run at the end when the program is built; when the data passes it writes
data/CHECKED, which lets the kiosk start without checking again). This script only stops at what it
cannot translate (an area, source or id that does not exist).

Usage:
  python3 tools/gen_content.py               regenerate data/ and assets/chart/
  python3 tools/gen_content.py --check [--out DIR]
        regenerate into DIR (default: a temporary folder) and compare with the
        committed files; exit 1 with the first difference and the fix
  python3 tools/gen_content.py --debug DIR   also write DIR/{front,back}_debug.svg

Python 3 standard library only; nothing here is needed at run time.
"""

import json
import os
import shutil
import subprocess
import sys
import tempfile

sys.dont_write_bytecode = True

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
sys.path.insert(0, HERE)

import bodymap as bm  # noqa: E402

CONTENT = os.path.join(ROOT, "content")
FIX = "python3 tools/gen_content.py"

# Files in data/ that people write by hand; everything else there is generated.
HAND_WRITTEN = {"data/README.md", "data/painmap.conf.example"}
# Written by the checker (`painmap --check-data data --stamp`, run below)
# when data/ passes every check: it lets the kiosk start without checking
# again (data/README.md). Not made from content/, so not compared.
CHECKER_WRITTEN = {"data/CHECKED"}

MARKER = """\
Everything in this folder except README.md and painmap.conf.example is generated
by tools/gen_content.py from content/ (and the body model in tools/bodymap.py).
Do not edit these files: edit content/ (see content/README.md), then run
    python3 tools/gen_content.py
The test gen_content_in_sync fails when they differ from what content/ makes.
"""


class ContentError(Exception):
    pass


def fail(where, what):
    raise ContentError("%s: %s" % (where, what))


def read_json(rel):
    path = os.path.join(CONTENT, rel)
    try:
        with open(path, encoding="utf-8") as f:
            return json.load(f)
    except FileNotFoundError:
        fail("content/" + rel, "file missing")
    except json.JSONDecodeError as e:
        fail("content/" + rel, "not valid JSON (line %d, column %d: %s)" % (e.lineno, e.colno, e.msg))


def json_text(obj):
    return json.dumps(obj, indent=1, ensure_ascii=False) + "\n"


# ------------------------------------------------------------------ regions

def build_regions(texts, no_pattern, groups, svgs, debug_dir):
    """Region polygons from the body model; names from each language's areas.json;
    each region's Learn group (areas.json learn_groups)."""
    regions = []
    bases = set()
    group_of = {}
    for g, members in groups.items():
        for base in members:
            if base in group_of:
                fail("content/areas.json: learn_groups.%s" % g,
                     "area '%s' is already in group '%s'" % (base, group_of[base]))
            group_of[base] = g
    for vn in ("front", "back"):
        v = bm.build_view(vn)
        svgs["assets/chart/%s.svg" % vn] = bm.svg_text(v)
        if debug_dir:
            bm.write_debug_svg(v, os.path.join(debug_dir, vn + "_debug.svg"))

        def key(rid):  # top to bottom, then viewer's left to right
            a = bm.anchor(v.regions[rid])
            return (round(a[1] / 10), a[0])
        for rid in sorted(v.regions, key=key):
            base, side = v.base[rid], v.side[rid]
            bases.add(base)
            for lang, t in texts.items():
                label, term = area_texts(lang, t, base, side)
                t["strings"]["region." + rid] = label
                t["strings"]["term." + rid] = term
            regions.append({"id": rid, "view": vn, "side": side, "label": "region." + rid,
                            "term": "term." + rid, "polygon": v.regions[rid],
                            "no_pattern": base in no_pattern, "group": group_of.get(base)})
    for base in no_pattern:
        if base not in bases:
            fail("content/areas.json: no_pattern", "no area '%s' on the chart" % base)
    for base in group_of:
        if base not in bases:
            fail("content/areas.json: learn_groups", "no area '%s' on the chart" % base)
    if groups:
        for base in sorted(bases):
            if base not in group_of:
                fail("content/areas.json: learn_groups", "area '%s' is in no group" % base)
    for lang, t in texts.items():
        for base in t["areas"].get("areas", {}):
            if base not in bases:
                fail("content/text/%s/areas.json: areas.%s" % (lang, base), "no such area on the chart")
    return regions, bases


def area_texts(lang, t, base, side):
    """(label, term) of one region: the area's words with the side filled in.
    A term starts with a capital letter."""
    where = "content/text/%s/areas.json: areas.%s" % (lang, base)
    entry = t["areas"].get("areas", {}).get(base)
    if not entry:
        if lang == "en":
            fail(where, "missing: every area on the chart needs a label and a term")
        return None, None
    label, term = entry.get("label"), entry.get("term")
    if side != "centre":
        words = t["areas"].get("sides", {}).get(side)
        if words is None:
            fail("content/text/%s/areas.json: sides" % lang, "no words for the %s side" % side)
        try:
            label, term = label.format(**words), term.format(**words)
        except (KeyError, AttributeError, IndexError, ValueError) as e:
            fail(where, "a {placeholder} that sides.%s does not define (%s)" % (side, e))
    return label, (term[:1].upper() + term[1:]) if term else term


def regions_json_text(regions, groups):
    out = ['{', ' "chart": { "width": %d, "height": %d },' % (bm.W, bm.H)]
    if groups:
        out.append(' "groups": [%s],' % ", ".join(
            '{ "id": "%s", "label": "learn.area.%s" }' % (g, g) for g in groups))
    out.append(' "regions": [')
    for i, r in enumerate(regions):
        poly = ", ".join("[%s, %s]" % (bm._fmt(x), bm._fmt(y)) for x, y in r["polygon"])
        out.append('  { "id": "%s", "view": "%s", "side": "%s", "label": "%s", "term": "%s",%s%s'
                   % (r["id"], r["view"], r["side"], r["label"], r["term"],
                      ' "no_pattern": true,' if r["no_pattern"] else "",
                      ' "group": "%s",' % r["group"] if r["group"] else ""))
        out.append('    "polygon": [%s] }%s' % (poly, "," if i < len(regions) - 1 else ""))
    out.append(' ]')
    out.append('}')
    return "\n".join(out) + "\n"


# ------------------------------------------------------------------ muscles

def expand(bases, chart_bases, where):
    """Area names → region ids: both sides, or the one centre region."""
    out = []
    for b in bases:
        if b not in chart_bases:
            fail(where, "no area '%s' on the chart" % b)
        out += [b] if b in bm.CENTRE else [b + "_l", b + "_r"]
    return out


def mirror(view, pt):
    """The client's left-side point and its mirror image on their right."""
    x, y = float(pt[0]), float(pt[1])
    return [{"view": view, "at": [round(x, 1), round(y, 1)]},
            {"view": view, "at": [round(bm.W - x, 1), round(y, 1)]}]


def build_muscles(texts, chart_bases):
    src = read_json("muscles.json")
    sections = src["sections"]
    sources = src["sources"]
    muscles = []
    for i, m in enumerate(src["muscles"]):
        mid = m["id"]
        where = "content/muscles.json: muscles[%d] (%s)" % (i, mid)
        tps = []
        for tp in m["trigger_points"]:
            tps += mirror(tp["view"], tp["left"])
        for k in m["sources"]:
            if k not in sources:
                fail(where + ".sources", "no source '%s' in the sources list" % k)
        page = [{"heading": "muscle.heading." + s, "text": "muscle.%s.%s" % (mid, s)} for s in sections]
        page.append({"heading": "muscle.heading.note", "text": "muscle.common.not_diagnosis"})
        out = {
            "id": mid,
            "name": "muscle.%s.name" % mid,
            "trigger_points": tps,
            "primary": expand(m["primary"], chart_bases, where + ".primary"),
            "spillover": expand(m["spillover"], chart_bases, where + ".spillover"),
        }
        if m.get("both_sides"):
            out["both_sides"] = True
        out.update({
            "mimics": ["mimic." + k for k in m["mimics"]],
            "page": page,
            "source": src["source_prefix"] + "; ".join(sources[k] for k in m["sources"]),
        })
        muscles.append(out)
    ids = {m["id"] for m in src["muscles"]}
    for lang, t in texts.items():
        mt = t["muscles"]
        s = t["strings"]
        for sec, text in mt.get("headings", {}).items():
            s["muscle.heading." + sec] = text
        if "note" in mt:
            s["muscle.common.not_diagnosis"] = mt["note"]
        for k, text in mt.get("mimics", {}).items():
            s["mimic." + k] = text
        for mid, d in mt.get("muscles", {}).items():
            if mid not in ids:
                fail("content/text/%s/muscles.json: muscles.%s" % (lang, mid),
                     "no muscle '%s' in content/muscles.json" % mid)
            for sec, text in d.items():
                s["muscle.%s.%s" % (mid, sec)] = text
    return muscles


# ------------------------------------------------------------------ pages

def build_pages(texts, chart_bases):
    src = read_json("pages.json")
    pages = []
    en = texts["en"]["pages"]
    for i, p in enumerate(src["pages"]):
        pid = p["id"]
        n = len(en.get(pid, {}).get("paragraphs", []))
        page = {"id": pid}
        if "topic" in p:
            page["topic"] = p["topic"]
        if "areas" in p:
            page["areas"] = expand(p["areas"], chart_bases,
                                   "content/pages.json: pages[%d] (%s).areas" % (i, pid))
        page.update({"title": "page.%s.title" % pid,
                     "paragraphs": ["page.%s.p%d" % (pid, k + 1) for k in range(max(n, 1))]})
        pages.append(page)
    ids = {p["id"] for p in src["pages"]}
    for lang, t in texts.items():
        for pid, d in t["pages"].items():
            if pid not in ids:
                fail("content/text/%s/pages.json: %s" % (lang, pid), "no page '%s' in content/pages.json" % pid)
            t["strings"]["page.%s.title" % pid] = d["title"]
            for i, para in enumerate(d.get("paragraphs", [])):
                t["strings"]["page.%s.p%d" % (pid, i + 1)] = para
    return {"pages": pages, "sequence": src["sequence"]}


# ------------------------------------------------------------------ questions

CHOICES = [("qualities", "quality."), ("durations", "duration."), ("pressures", "pressure."),
           ("avoid", "avoid.")]


def build_questions(texts, chart_bases):
    src = read_json("questions.json")
    en = texts["en"]["questions"]
    screening = []
    for i, q in enumerate(src["screening"]):
        qid = q["id"]
        where = "content/questions.json: screening[%d] (%s)" % (i, qid)
        words = en.get("screening", {}).get(qid, {})
        out = {"id": qid}
        if "part" in q:
            out["part"] = q["part"]
        out.update({"text": "q." + qid, "staff": "q.%s.staff" % qid})
        if "notice" in words:
            out["notice"] = "q.%s.notice" % qid
        if "show_if_regions" in q:
            out["show_if_regions"] = expand(q["show_if_regions"], chart_bases,
                                            where + ".show_if_regions")
        if "show_if_answer" in q:
            out["show_if_answer"] = q["show_if_answer"]
        answers = []
        for a in q["answers"]:
            ans = {"id": a["id"], "label": "answer." + a.get("label", a["id"])}
            if "flag" in a:
                ans["flag"] = a["flag"]
            if a.get("now"):
                ans["now"] = True
            if a.get("notice"):
                ans["notice"] = "q.%s.notice.%s" % (qid, a["id"])
            answers.append(ans)
        out["answers"] = answers
        screening.append(out)
    result = {"screening": screening}
    if src.get("checklist"):
        result["checklist"] = {"text": "q.checklist", "none": "answer.none_of_these"}
    for fld, pre in CHOICES:
        result[fld] = [{"id": c, "label": pre + c} for c in src[fld]]
    result["intensity"] = [{"min": b["min"], "max": b["max"], "label": "intensity." + b["id"],
                            "colour": b["colour"]} for b in src["intensity"]]
    qids = {q["id"] for q in src["screening"]}
    for lang, t in texts.items():
        qt = t["questions"]
        s = t["strings"]
        where = "content/text/%s/questions.json" % lang
        for a, text in qt.get("answers", {}).items():
            s["answer." + a] = text
        if "checklist" in qt:
            s["q.checklist"] = qt["checklist"]["text"]
            s["answer.none_of_these"] = qt["checklist"]["none"]
        for qid, d in qt.get("screening", {}).items():
            if qid not in qids:
                fail("%s: screening.%s" % (where, qid), "no question '%s' in content/questions.json" % qid)
            for part, text in d.items():
                if part == "notices":  # one answer's own notice
                    for aid, t in text.items():
                        s["q.%s.notice.%s" % (qid, aid)] = t
                else:
                    s["q.%s" % qid if part == "text" else "q.%s.%s" % (qid, part)] = text
        for fld, pre in CHOICES:
            for c, text in qt.get(fld, {}).items():
                s[pre + c] = text
        for b, text in qt.get("intensity", {}).items():
            s["intensity." + b] = text
    return result


# ------------------------------------------------------------------ strings

TEXT_FILES = ["areas", "muscles", "pages", "questions", "program"]


def load_texts():
    """{lang: {"areas": ..., ..., "strings": {}, "language": {...}}}, en first."""
    base = os.path.join(CONTENT, "text")
    langs = sorted(d for d in os.listdir(base) if os.path.isdir(os.path.join(base, d)))
    if "en" not in langs:
        fail("content/text/en", "missing: English is required and is the reference")
    langs.remove("en")
    texts = {}
    for lang in ["en"] + langs:
        t = {name: read_json("text/%s/%s.json" % (lang, name)) for name in TEXT_FILES}
        program = t["program"]
        t["language"] = program["language"]
        if t["language"].get("code") != lang:
            fail("content/text/%s/program.json: language.code" % lang, "must be '%s', the folder's name" % lang)
        t["strings"] = dict(program.get("strings", {}))
        texts[lang] = t
    return texts


def i18n_text(t):
    return json_text({"language": t["language"], "strings": dict(sorted(t["strings"].items()))})


# ------------------------------------------------------------------ the whole build

def build(debug_dir=None):
    """Everything generated, as {path relative to the repository: text}."""
    texts = load_texts()
    areas = read_json("areas.json")
    no_pattern = areas.get("no_pattern", {})
    groups = areas.get("learn_groups", {})
    out = {}
    regions, bases = build_regions(texts, no_pattern, groups, out, debug_dir)
    out["data/regions.json"] = regions_json_text(regions, groups)
    out["data/muscles.json"] = json_text({"muscles": build_muscles(texts, bases)})
    out["data/pages.json"] = json_text(build_pages(texts, bases))
    out["data/questions.json"] = json_text(build_questions(texts, bases))
    out["data/screens.json"] = json_text(read_json("screens.json"))
    for lang, t in texts.items():
        out["data/i18n/%s.json" % lang] = i18n_text(t)
    out["data/GENERATED"] = MARKER
    nf = sum(1 for r in regions if r["view"] == "front")
    summary = "generated: %d regions (%d front, %d back), languages: %s" % (
        len(regions), nf, len(regions) - nf, " ".join(texts))
    return out, summary


def write_all(out, root):
    for rel, text in out.items():
        path = os.path.join(root, rel)
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path + ".tmp", "w", encoding="utf-8") as f:
            f.write(text)
        os.replace(path + ".tmp", path)


def committed_files(root):
    """Generated-looking files present in the tree: data/ (but the hand-written
    ones) and the chart artwork."""
    found = set()
    for top in ("data", "assets/chart"):
        for d, _, names in os.walk(os.path.join(root, top)):
            for n in names:
                rel = os.path.relpath(os.path.join(d, n), root).replace(os.sep, "/")
                if rel not in HAND_WRITTEN and rel not in CHECKER_WRITTEN and not (top == "assets/chart" and not n.endswith(".svg")):
                    found.add(rel)
    return found


def first_difference(a, b):
    la, lb = a.splitlines(), b.splitlines()
    for i in range(max(len(la), len(lb))):
        x = la[i] if i < len(la) else "(end of file)"
        y = lb[i] if i < len(lb) else "(end of file)"
        if x != y:
            return i + 1, x, y
    return None


def check(out, outdir):
    """Compares the fresh build with the committed tree. Returns 0 or 1."""
    write_all(out, outdir)
    for rel in sorted(out):
        path = os.path.join(ROOT, rel)
        if not os.path.exists(path):
            print("%s: missing from the repository (content/ makes it)" % rel)
            print("fix: %s   (then commit %s)" % (FIX, rel))
            return 1
        with open(path, encoding="utf-8") as f:
            have = f.read()
        if have != out[rel]:
            line, x, y = first_difference(have, out[rel])
            short = lambda s: s if len(s) <= 160 else s[:157] + "..."
            print("%s:%d: differs from what content/ makes" % (rel, line))
            print("  committed: %s" % short(x))
            print("  generated: %s" % short(y))
            print("(the fresh copy is %s)" % os.path.join(outdir, rel))
            print("fix: edit content/ rather than %s, then run %s" % (rel, FIX))
            return 1
    extra = sorted(committed_files(ROOT) - set(out))
    if extra:
        print("%s: in the repository, but content/ does not make it" % extra[0])
        print("fix: remove it, or add what makes it to content/; then run %s" % FIX)
        return 1
    print("data/ and assets/chart/ are what content/ makes (%d files)" % len(out))
    return 0


def run_checker():
    exe = os.path.join(ROOT, "build", "painmap")
    if not os.access(exe, os.X_OK):
        print("now check it: cmake -S . -B build && cmake --build build -j2 && "
              "build/painmap --check-data data --stamp")
        return 0
    print("checking with %s --check-data data --stamp" % os.path.relpath(exe, ROOT))
    return subprocess.call([exe, "--check-data", os.path.join(ROOT, "data"), "--stamp"])


def main(argv):
    debug_dir = outdir = None
    checking = "--check" in argv
    if "--debug" in argv:
        debug_dir = argv[argv.index("--debug") + 1]
        os.makedirs(debug_dir, exist_ok=True)
    if "--out" in argv:
        outdir = argv[argv.index("--out") + 1]
    try:
        out, summary = build(debug_dir)
    except ContentError as e:
        print(e)
        print("content/ has a problem gen_content.py cannot translate; nothing was written")
        return 1
    if checking:
        tmp = None
        if not outdir:
            outdir = tmp = tempfile.mkdtemp(prefix="painmap-regen-")
        elif os.path.isdir(outdir):
            shutil.rmtree(outdir)
        try:
            return check(out, outdir)
        finally:
            if tmp:
                shutil.rmtree(tmp, ignore_errors=True)
    write_all(out, ROOT)
    for rel in sorted(committed_files(ROOT) - set(out)):
        print("note: %s is no longer made from content/; remove it (git rm %s)" % (rel, rel))
    print(summary)
    return run_checker()


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
