#!/usr/bin/env python3
"""Group the narrative mutations a scoreboard run missed by why tickmark did
not check the figure (the reason `tickmark inspect` gives for it).

Usage:
  ../shared/tools/scoreboard --bin target/release/tickmark --verbose --seed 1 > sb1.txt
  scripts/narrative-misses.py sb1.txt [sb2.txt ...]          # counts by reason
  DUMP=1 scripts/narrative-misses.py sb1.txt                 # and every miss, tab-separated

BIN (default target/release/tickmark) is the binary whose `inspect` is asked;
it prints each narrative figure's byte span when TICKMARK_DEBUG_BYTES is set.
A miss whose bytes no narrative figure covers is "NOT LEXED" (often a table
line the scoreboard took for prose).
"""
import collections, functools, os, re, subprocess, sys

BIN = os.environ.get("BIN", "target/release/tickmark")


@functools.lru_cache(None)
def mentions(path):
    env = dict(os.environ, TICKMARK_DEBUG_BYTES="1")
    out = subprocess.run([BIN, "inspect", path], capture_output=True, env=env).stdout
    res, on = [], False
    for line in out.decode("utf-8", "replace").splitlines():
        if line.startswith("Narrative figures"):
            on = True
        elif on:
            m = re.search(r" @(\d+)-(\d+)$", line)
            if m:
                res.append((int(m.group(1)), int(m.group(2)), line[: -len(m.group(0))]))
    return res


def reason_of(status):
    cut = max(status.find(k) for k in ("  ✓", "  ·", "  ✗"))
    r = status[cut + 2:] if cut >= 0 else status
    r = re.sub(r"\d[\d,.]*", "N", r)
    return re.sub(r"figure of .*? for", "figure of X for", r)


rows = []
for f in sys.argv[1:]:
    for line in open(f, encoding="utf-8", errors="replace"):
        m = re.match(r"missed narrative: (\S+) @(\d+): (.*)", line)
        if not m:
            continue
        src, s, ctx = m.group(1), int(m.group(2)), m.group(3)
        hit = [x for x in mentions(src) if x[0] <= s < x[1]]
        reason = reason_of(hit[0][2]) if hit else "NOT LEXED"
        rows.append((reason, os.path.normpath(src), s, ctx))
for k, v in collections.Counter(r[0] for r in rows).most_common():
    print(f"{v:5d}  {k}")
if os.environ.get("DUMP"):
    for r in sorted(rows):
        print("\t".join(map(str, r)))
