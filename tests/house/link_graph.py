#!/usr/bin/env python3
"""link_graph.py — fails when the kiosk's object files call each other in a
cycle, or when a room calls into a room it must not know.

Why: include_graph.py sees headers, but a cycle can hide behind one-way
includes (a screen calling T() defined in app.c while app.c calls the
screens made 21 UI files one knot, with no header cycle at all). The
linker's view cannot be fooled: for every object file of the kiosk's
libraries, `nm` says which global symbols it defines and which it uses;
file A depends on file B when A uses a symbol B defines. That graph must
have no cycle (Tarjan's strongly connected components), and every edge
must go to a room the file's room may use:

    base < content < intake < config < records < staff    (the core)
    platform                                               (OS glue, no core)
    testkit (the replay parser: base only)
    ui (core, platform) < testkit_sdl (ui, testkit) < main (all)

Usage: link_graph.py OBJECT.o...   (ctest passes the objects of the kiosk's
targets, tests/house/tests.cmake), or link_graph.py BUILD_DIR (every
CMakeFiles/painmap*.dir object there: may include stale ones after files
moved). The room of a file is its CMake target (painmap_ui.dir -> ui).
Prints every problem and exits 1, or prints a one-line summary.
"""
import collections
import glob
import os
import subprocess
import sys

CORE = ["base", "content", "intake", "config", "records", "staff"]
ALLOWED = {room: set(CORE[:i]) for i, room in enumerate(CORE)}
ALLOWED.update({
    "platform": set(),
    "testkit": {"base"},
    "ui": set(CORE) | {"platform"},
    "testkit_sdl": set(CORE) | {"platform", "ui", "testkit"},
    "main": set(CORE) | {"platform", "ui", "testkit", "testkit_sdl"},
})
DEFINED = set("TDBRCGSVW")  # text, data, bss, read-only, common, small, weak


def room_of(obj):
    """The room of an object from its CMake target folder (painmap_ui.dir)."""
    for part in obj.split(os.sep):
        if part.endswith(".dir") and part.startswith("painmap"):
            name = part[:-4]
            return "main" if name == "painmap" else name[len("painmap_"):]
    return None


def read_symbols(objs):
    out = subprocess.run(["nm", "-A", "--no-sort"] + objs, capture_output=True,
                         text=True, check=True).stdout
    defs, uses = {}, collections.defaultdict(set)
    for line in out.splitlines():
        path, _, rest = line.partition(":")
        fields = rest.split()
        if len(fields) == 2 and fields[0] == "U":
            uses[path].add(fields[1])
        elif len(fields) == 3 and fields[1] in DEFINED:
            defs.setdefault(fields[2], path)
    return defs, uses


def components(graph, nodes):
    """Strongly connected components with more than one file (iterative)."""
    index, low, on, stack, found, counter = {}, {}, set(), [], [], [0]
    for root in nodes:
        if root in index:
            continue
        work = [(root, iter(sorted(graph[root])))]
        index[root] = low[root] = counter[0]
        counter[0] += 1
        stack.append(root)
        on.add(root)
        while work:
            node, it = work[-1]
            nxt = next(it, None)
            if nxt is not None:
                if nxt not in index:
                    index[nxt] = low[nxt] = counter[0]
                    counter[0] += 1
                    stack.append(nxt)
                    on.add(nxt)
                    work.append((nxt, iter(sorted(graph[nxt]))))
                elif nxt in on:
                    low[node] = min(low[node], index[nxt])
                continue
            work.pop()
            if work:
                low[work[-1][0]] = min(low[work[-1][0]], low[node])
            if low[node] == index[node]:
                comp = []
                while True:
                    w = stack.pop()
                    on.discard(w)
                    comp.append(w)
                    if w == node:
                        break
                if len(comp) > 1:
                    found.append(sorted(comp))
    return found


def main():
    if len(sys.argv) < 2:
        print("usage: link_graph.py OBJECT.o... | BUILD_DIR")
        return 2
    if len(sys.argv) == 2 and os.path.isdir(sys.argv[1]):
        build = os.path.abspath(sys.argv[1])
        found = glob.glob(os.path.join(build, "CMakeFiles", "painmap*.dir", "**", "*.o"),
                          recursive=True)
    else:
        found = [os.path.abspath(p) for p in sys.argv[1:]]
    missing = [p for p in found if not os.path.isfile(p)]
    if missing:
        print(f"link graph: {len(missing)} object files missing (build first): {missing[0]}")
        return 1
    objs = sorted(o for o in found if room_of(o) in ALLOWED)
    if not objs:
        print("link graph: no object files of the kiosk given (build it first)")
        return 1
    defs, uses = read_symbols(objs)
    graph = {o: set() for o in objs}
    why = {}
    problems = []
    for obj in objs:
        for sym in sorted(uses[obj]):
            target = defs.get(sym)
            if target is None or target == obj:
                continue  # the C library, SDL, cJSON...; or itself
            graph[obj].add(target)
            why.setdefault((obj, target), sym)
            a, b = room_of(obj), room_of(target)
            if a != b and b not in ALLOWED[a]:
                problems.append(f"{short(obj)} ({a}) uses {sym} of {short(target)} ({b}): "
                                f"{a} may use only {', '.join(sorted(ALLOWED[a])) or 'nothing'}")
    for comp in components(graph, objs):
        steps = []
        for f in comp:
            for g in sorted(graph[f]):
                if g in comp:
                    steps.append(f"{short(f)} -> {short(g)} ({why[(f, g)]})")
        problems.append(f"link cycle among {len(comp)} files: " + "; ".join(steps))
    for p in problems:
        print(p)
    if problems:
        return 1
    links = sum(len(v) for v in graph.values())
    rooms = sorted({room_of(o) for o in objs})
    print(f"link graph ok: {len(objs)} object files in {len(rooms)} rooms, {links} links "
          f"between files, no cycle, every link to a room below")
    return 0


def short(path):
    """kiosk/ui/app.c from .../painmap_ui.dir/kiosk/ui/app.c.o"""
    rel = path.split(".dir" + os.sep, 1)[-1]
    return rel[:-2] if rel.endswith(".o") else rel


if __name__ == "__main__":
    sys.exit(main())
