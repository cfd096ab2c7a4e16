#!/usr/bin/env python3
"""Times `tickmark check` on pathological inputs at doubling sizes.

Usage: scripts/bench-hostile.py [path/to/tickmark] [--max-scale N]

For each shape, the input is generated at sizes n, 2n, 4n, 8n and the wall
time and peak memory of one run are printed. Linear cost shows as times
that double with the size. Figures for SECURITY.md come from this script.
"""
import os, subprocess, sys, tempfile, time, resource

BIN = next((a for a in sys.argv[1:] if not a.startswith("--")), "target/debug/tickmark")
STEPS = 4


def text_rows(n):
    lines = ["Statements of Operations", "(in thousands)", " " * 30 + "2026      2025"]
    lines += ["Item %-20d %9d %9d" % (i, i % 1000, (i * 7) % 1000) for i in range(n)]
    return "\n".join(lines) + "\n"


def html_rows(n):
    rows = ["<tr><td>Item %d</td><td>%d</td><td>%d</td></tr>" % (i, i % 1000, i * 7 % 1000) for i in range(n)]
    return "<html><body><table><tr><td></td><td>2026</td><td>2025</td></tr>" + "".join(rows) + "</table></body></html>"


def html_deep(n):
    return "<html><body>" + "<div>" * n + "<table><tr><td>Revenue</td><td>1</td></tr></table>" + "</div>" * n


def html_unclosed(n):
    return "<html><body>" + "<table><tr><td>" * n + "x"


def html_wide(n):
    head = "<tr><td></td>" + "".join("<td>%%</td>" for _ in range(n)) + "</tr>"
    row = lambda r: "<tr><td>Row %d</td>" % r + "".join("<td>%d</td>" % (r * c % 97) for c in range(n)) + "</tr>"
    return "<html><body><table>" + head + "".join(row(r) for r in range(20)) + "</table></body></html>"


def long_line(n):
    return "Revenue 1,234 " * n + "\n"


def trailing_labels(n):
    return "Revenue   1,234   1,111\n" + "Some label\n" * n


def many_statements(n):
    one = ("Condensed Consolidated Statements of Operations\n(in thousands)\n"
           "                         Three months ended March 31,\n                         2026      2025\n"
           "Revenue                  1,000     900\nNet income               %d       %d\n\n\n\n")
    return "".join(one % (t, t + 1) for t in range(n))


def prose_mentions(n):
    # One sentence (no full stop) quoting n figures, with non-ASCII words:
    # claim checks look at the sentence around each figure.
    one = "revenue totaled $%d.%d million, an increase of %d%% über the prior quarter – and "
    return "".join(one % (i % 90 + 10, i % 10, i % 40) for i in range(n)) + "\n"


SHAPES = [
    ("text table rows", text_rows, 25_000, ".txt"),
    ("HTML table rows", html_rows, 12_500, ".htm"),
    ("HTML nesting depth (div)", html_deep, 10_000, ".htm"),
    ("HTML unclosed tables", html_unclosed, 5_000, ".htm"),
    ("HTML table columns", html_wide, 250, ".htm"),
    ("one line, repetitions", long_line, 200_000, ".txt"),
    ("label lines after a table row", trailing_labels, 50_000, ".txt"),
    ("statements showing net income", many_statements, 500, ".txt"),
    ("figures quoted in one long sentence", prose_mentions, 500, ".txt"),
]


def run(path):
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    t = time.monotonic()
    p = subprocess.run([BIN, "check", "--format", "jsonl", path], capture_output=True, text=True)
    dt = time.monotonic() - t
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    kind = "failure" if '"kind":"failure"' in p.stdout else "document"
    return dt, after.ru_maxrss, kind, p.stdout


with tempfile.TemporaryDirectory() as d:
    print("| shape | size | bytes | seconds | result |")
    print("|---|---|---|---|---|")
    for name, gen, n0, ext in SHAPES:
        for k in range(STEPS):
            n = n0 * 2 ** k
            path = os.path.join(d, "in" + ext)
            with open(path, "w") as f:
                f.write(gen(n))
            dt, rss, kind, out = run(path)
            msg = "document" if kind == "document" else "failure: " + out.split('"message":"')[1][:40]
            print(f"| {name} | {n:,} | {os.path.getsize(path):,} | {dt:.2f} | {msg} |", flush=True)
