#!/usr/bin/env python3
"""readability.py — how easy the words a client reads are, per language.

English: Flesch-Kincaid grade level
    0.39 * (words / sentences) + 11.8 * (syllables / words) - 15.59
Spanish: Fernández-Huerta reading ease (0-100, higher is easier)
    206.84 - 0.60 * P - 1.02 * F
    P = syllables per 100 words, F = words per sentence (the form tools
    such as textstat use; Fernández Huerta's paper printed "sentences per
    100 words", which rewards long sentences, a known slip)
    (80-90 "easy", about grade 5; 70-80 "fairly easy", about grade 6).

Every client-facing string of data/i18n/<lang>.json counts: everything but
the therapist's and staff's own words (term.*, staff.*, summary.*). Strings
are grouped by what they are (muscle pages, education pages, safety
questions...); a label without a full stop counts as one sentence. The
target is grade 6 or below: Flesch-Kincaid at most 6.0, Fernández-Huerta at
least 70. Syllables are counted by rule (vowel groups), which is what
readability tools do; expect a few tenths of difference from other tools.

Usage: python3 tools/readability.py [DATA_DIR]   (default: data/)
Prints a table and exits 1 when a group of 100 words or more misses the
target. Python 3 standard library only.
"""

import json
import os
import re
import sys

GROUPS = [  # (name, key prefixes)
    ("muscle pages", ("muscle.",)),
    ("education pages", ("page.",)),
    ("safety questions", ("q.", "answer.")),
    ("chart areas", ("region.",)),
    ("choices", ("quality.", "duration.", "pressure.", "avoid.", "intensity.", "mimic.")),
    ("screens", ("ui.", "hint.")),
]
STAFF_ONLY = ("term.", "staff.", "summary.")
EN_MAX_GRADE = 6.0
ES_MIN_EASE = 70.0
MIN_WORDS = 100

WORD = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*", re.UNICODE)
SENTENCE_END = re.compile(r"[.!?¿¡]*[.!?]+(?=\s|$|[»\"')])")


def en_syllables(word):
    w = word.lower().replace("’", "'")
    w = re.sub(r"[^a-z]", "", w)
    if not w:
        return 0
    if len(w) <= 3:
        return 1
    w = re.sub(r"(?:[^laeiouy]es|ed|[^laeiouy]e)$", "", w)  # silent endings
    w = re.sub(r"^y", "", w)
    n = len(re.findall(r"[aeiouy]{1,2}", w))
    return max(1, n)


def es_syllables(word):
    w = word.lower()
    w = re.sub(r"[^a-záéíóúüñ]", "", w)
    if not w:
        return 0
    w = re.sub(r"([qg])u([eiéí])", r"\1\2", w)  # the u of que, qui, gue, gui is silent
    strong, weak = set("aeoáéó"), set("iuü")
    accented_weak = set("íú")
    n, prev = 0, None
    for ch in w:
        if ch in strong or ch in weak or ch in accented_weak:
            if prev is None:
                n += 1
            elif ch in accented_weak or prev in accented_weak:
                n += 1  # an accent on i or u breaks the diphthong
            elif ch in strong and prev in strong:
                n += 1  # two strong vowels: two syllables
            prev = ch
        else:
            prev = None
    return max(1, n)


def measure(texts, syllables):
    words = sents = syl = 0
    for t in texts:
        t = re.sub(r"\{\d\}", "", t)
        ws = WORD.findall(t)
        if not ws:
            continue
        words += len(ws)
        syl += sum(syllables(w) for w in ws)
        sents += max(1, len(SENTENCE_END.findall(t.strip())))
    return words, sents, syl


def fk_grade(words, sents, syl):
    return 0.39 * words / sents + 11.8 * syl / words - 15.59


def fernandez_huerta(words, sents, syl):
    return 206.84 - 0.60 * (100.0 * syl / words) - 1.02 * (words / sents)


def load(data, code):
    with open(os.path.join(data, "i18n", code + ".json"), encoding="utf-8") as f:
        return json.load(f)["strings"]


def main(argv):
    data = argv[0] if argv else os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "data")
    ok = True
    langs = {"en": (en_syllables, fk_grade, "Flesch-Kincaid grade", lambda v: v <= EN_MAX_GRADE,
                    "<= %.1f" % EN_MAX_GRADE),
             "es": (es_syllables, fernandez_huerta, "Fernández-Huerta ease", lambda v: v >= ES_MIN_EASE,
                    ">= %.0f" % ES_MIN_EASE)}
    for code, (syl_fn, score_fn, what, good, target) in langs.items():
        strings = load(data, code)
        client = {k: v for k, v in strings.items() if not k.startswith(STAFF_ONLY)}
        print("%s: %s (target %s), %d client-facing strings" % (code, what, target, len(client)))
        rows = []
        for name, prefixes in GROUPS:
            rows.append((name, [v for k, v in client.items() if k.startswith(prefixes)]))
        grouped = {k for _, prefixes in GROUPS for k in client if k.startswith(prefixes)}
        rows.append(("other", [v for k, v in client.items() if k not in grouped]))
        rows.append(("all client-facing", list(client.values())))
        for name, texts in rows:
            words, sents, syl = measure(texts, syl_fn)
            if not words:
                continue
            score = score_fn(words, sents, syl)
            counted = words >= MIN_WORDS
            mark = "" if not counted else ("ok" if good(score) else "TOO HARD")
            ok = ok and (not counted or good(score))
            print("  %-20s %6.1f   %5d words %4d sentences %4d strings  %s"
                  % (name, score, words, sents, len(texts), mark))
        # for editors: the hardest muscle and education pages, one by one
        pages = {}
        for k, v in client.items():
            parts = k.split(".")
            if parts[0] in ("muscle", "page") and len(parts) >= 3:
                pages.setdefault(parts[0] + "." + parts[1], []).append(v)
        scored = []
        for page, texts in pages.items():
            words, sents, syl = measure(texts, syl_fn)
            if words >= 40:
                scored.append((score_fn(words, sents, syl), page))
        scored.sort(reverse=code == "en")
        print("  hardest pages: " + ", ".join("%s %.1f" % (p, v) for v, p in scored[:3]))
    print("readability ok" if ok else "readability: some text is harder than grade 6")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
