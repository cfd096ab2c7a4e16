#!/usr/bin/env bash
# Whole-process figures over ../shared/corpus: wall time and peak RSS on 1
# and 2 threads, the `rg -c '[0-9]'` reading floor (grep -c when rg is
# absent), and the corpus repeated 1x, 4x and 16x (symbolic links to the
# same files, so the page cache serves them; cost is parsing and checking).
# Usage: [ROUNDS=N] benches/corpus.sh [path/to/tickmark]
#        (default target/release/tickmark; ROUNDS interleaved rounds, default 10)
set -euo pipefail
cd "$(dirname "$0")/.."
BIN=${1:-${CARGO_TARGET_DIR:-target}/release/tickmark}
CORPUS=${CORPUS:-../shared/corpus}
[ -d "$CORPUS" ] || { echo "no corpus at $CORPUS" >&2; exit 0; }
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT

files() { find "$1" -type f \( -name '*.htm' -o -name '*.html' -o -name '*.txt' -o -name '*.md' \); }
bytes=$(files "$CORPUS" | xargs cat | wc -c)
docs=$(files "$CORPUS" | wc -l)
echo "corpus: $docs documents, $bytes bytes"

# run LABEL CMD...: best wall time of 3 runs, and peak RSS of the best run.
run() {
    local label=$1; shift
    local best="" rss=""
    for _ in 1 2 3; do
        /usr/bin/time -f '%e %M' -o "$WORK/t" "$@" >/dev/null 2>&1 || true
        read -r t m < <(tail -n 1 "$WORK/t")
        if [ -z "$best" ] || awk "BEGIN{exit !($t < $best)}"; then best=$t; rss=$m; fi
    done
    echo "$label: ${best}s wall, peak RSS $((rss / 1024)) MB"
}

if command -v rg >/dev/null; then
    run "floor: rg -c '[0-9]'" rg -c '[0-9]' "$CORPUS"
else
    run "floor: grep -rc '[0-9]' (rg absent)" grep -rc '[0-9]' "$CORPUS"
fi
run "tickmark --jobs 1" "$BIN" check --quiet --format jsonl --jobs 1 "$CORPUS"
run "tickmark --jobs 2" "$BIN" check --quiet --format jsonl --jobs 2 "$CORPUS"

for n in 1 4 16; do
    mkdir -p "$WORK/x$n"
    for i in $(seq 1 "$n"); do ln -s "$(realpath "$CORPUS")" "$WORK/x$n/copy$i"; done
    run "tickmark --jobs 2, corpus x$n" "$BIN" check --quiet --format jsonl --jobs 2 "$WORK/x$n"
done

# The wall time of this virtual machine drifts by half from one minute to
# the next, so the ratios are taken within a round: the floor, 2 threads and
# 1 thread back to back, ROUNDS rounds, medians of the per-round ratios.
if command -v rg >/dev/null && command -v python3 >/dev/null; then
    python3 - "$BIN" "$CORPUS" "${ROUNDS:-10}" <<'PY'
import statistics as st, subprocess, sys, time
bin_, corpus, n = sys.argv[1], sys.argv[2], int(sys.argv[3])
def wall(cmd):
    t = time.perf_counter()
    subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return time.perf_counter() - t
rounds = []
for _ in range(n):
    rg = wall(["rg", "-c", "[0-9]", corpus])
    j2 = wall([bin_, "check", "--quiet", "--format", "jsonl", "--jobs", "2", corpus])
    j1 = wall([bin_, "check", "--quiet", "--format", "jsonl", "--jobs", "1", corpus])
    rounds.append((rg, j2, j1))
floor = [j2 / rg for rg, j2, _ in rounds]
speedup = [j1 / j2 for _, j2, j1 in rounds]
print(f"interleaved, {n} rounds: --jobs 2 / floor median {st.median(floor):.1f}x "
      f"(range {min(floor):.1f}-{max(floor):.1f}); --jobs 1 / --jobs 2 median "
      f"{st.median(speedup):.2f}x (range {min(speedup):.2f}-{max(speedup):.2f})")
PY
fi
