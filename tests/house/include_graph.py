#!/usr/bin/env python3
"""include_graph.py — fails when kiosk/'s include graph has a cycle, when a
core room includes a header of a room above it, or when a door of the shell
is used from the wrong side.

Why: the core is built as one library per room (CMakeLists.txt), each seeing
only the headers of the rooms below it, so a wrong-way include already fails
to compile; this check says so in words, covers the shell (ui/, platform/,
testkit/) too, and catches header cycles, which the compiler's include
guards hide. The shell's doors (DOORS below): the app's public header is
for main.c, the test kit and the app's own inside; its private header for
the app's own files only; screens see screen.h, never the app; nothing in
the kiosk includes the test kit.

Usage: include_graph.py [KIOSK_DIR]   (default: kiosk/ beside this script's
tests/). Prints every problem and exits 1, or prints a one-line summary.
"""
import os
import re
import sys

CORE_ORDER = ["base", "content", "intake", "config", "records", "staff"]
INCLUDE = re.compile(r'^\s*#\s*include\s+"([^"]+)"', re.M)

# header (relative to kiosk/) -> who may include it (regular expressions on
# the includer's path relative to kiosk/)
APP_INSIDE = r"ui/(app|dispatch|redraw|loop)\.c|ui/app_private\.h"
DOORS = {
    "ui/app.h": [APP_INSIDE, r"main\.c", r"testkit/sdl/.*"],
    "ui/app_private.h": [APP_INSIDE],
    "testkit/replay.h": [r"testkit/.*", r"main\.c"],
    "testkit/sdl/driver.h": [r"testkit/sdl/.*", r"main\.c"],
    "testkit/sdl/hands.h": [r"testkit/sdl/.*"],
    "testkit/sdl/png.h": [r"testkit/sdl/.*", r"main\.c"],
}


def files_under(root):
    for d, _, names in os.walk(root):
        for n in names:
            if n.endswith((".c", ".h")):
                yield os.path.join(d, n)


def search_dirs(root):
    """Where a quoted include is looked for, as the build's include paths."""
    dirs = [root]
    core = os.path.join(root, "core")
    dirs += [os.path.join(core, r) for r in CORE_ORDER]
    dirs += [os.path.join(root, "testkit"), os.path.join(root, "testkit", "sdl")]
    return dirs


def resolve(src, name, dirs):
    for d in [os.path.dirname(src)] + dirs:
        p = os.path.normpath(os.path.join(d, name))
        if os.path.isfile(p):
            return p
    return None


def room_of(root, path):
    rel = os.path.relpath(path, root).split(os.sep)
    if rel[0] == "core" and len(rel) > 2:
        return "core/" + rel[1]
    return rel[0] if len(rel) > 1 else "main"


def find_cycle(graph):
    """One cycle as a list of nodes, or None (iterative three-colour DFS)."""
    colour = {n: 0 for n in graph}
    for start in sorted(graph):
        if colour[start]:
            continue
        stack = [(start, iter(sorted(graph[start])))]
        path = [start]
        colour[start] = 1
        while stack:
            node, it = stack[-1]
            nxt = next(it, None)
            if nxt is None:
                colour[node] = 2
                stack.pop()
                path.pop()
            elif colour.get(nxt, 0) == 1:
                return path[path.index(nxt):] + [nxt]
            elif colour.get(nxt, 0) == 0:
                colour[nxt] = 1
                stack.append((nxt, iter(sorted(graph.get(nxt, ())))))
                path.append(nxt)
    return None


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    root = os.path.abspath(sys.argv[1] if len(sys.argv) > 1 else
                           os.path.join(here, "..", "..", "kiosk"))
    dirs = search_dirs(root)
    graph, problems, edges = {}, [], 0
    for f in sorted(files_under(root)):
        graph.setdefault(f, set())
        with open(f, encoding="utf-8") as fh:
            for name in INCLUDE.findall(fh.read()):
                target = resolve(f, name, dirs)
                if target is None:
                    continue  # a system or third-party header
                graph[f].add(target)
                edges += 1
                a, b = room_of(root, f), room_of(root, target)
                if a.startswith("core/") and not b.startswith("core/"):
                    problems.append(f"{os.path.relpath(f, root)}: includes "
                                    f"{name}, outside the core")
                if a.startswith("core/") and b.startswith("core/"):
                    ra, rb = CORE_ORDER.index(a[5:]), CORE_ORDER.index(b[5:])
                    if rb > ra:
                        problems.append(
                            f"{os.path.relpath(f, root)}: includes {name} of "
                            f"{b}, a room above {a} (order: "
                            f"{' < '.join(CORE_ORDER)})")
    for f in sorted(graph):
        for target in sorted(graph[f]):
            allowed = DOORS.get(os.path.relpath(target, root))
            who = os.path.relpath(f, root)
            if allowed is not None and not any(re.fullmatch(p, who) for p in allowed):
                problems.append(f"{who}: includes {os.path.relpath(target, root)}, a door "
                                f"only {', '.join(allowed)} may use")
    cycle = find_cycle(graph)
    if cycle:
        problems.append("include cycle: " +
                        " -> ".join(os.path.relpath(p, root) for p in cycle))
    for p in problems:
        print(p)
    if problems:
        return 1
    print(f"include graph ok: {len(graph)} files, {edges} includes, no cycle, "
          f"core rooms in order {' < '.join(CORE_ORDER)}, {len(DOORS)} doors kept")
    return 0


if __name__ == "__main__":
    sys.exit(main())
