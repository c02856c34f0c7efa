#!/usr/bin/env bash
# Builds the seed corpus into a temporary store and scores it against the
# hand-made gold with the project's own scorer (../shared/eval/score.py).
# Fails when overall F1 drops below MIN_OVERALL or any family below MIN_FAMILY.
# Usage: scripts/seed-score.sh [SHARED_DIR] [MIN_OVERALL] [MIN_FAMILY]
set -euo pipefail
shared=${1:-../shared}
min_overall=${2:-0.90}
min_family=${3:-0.80}
if [ ! -f "$shared/eval/score.py" ]; then
  echo "seed-score: $shared/eval/score.py not found: pass the shared folder (make test SHARED=...)" >&2
  exit 1
fi
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
./target/release/newsgraph build corpus --store "$tmp/store" --out "$tmp" >/dev/null
python3 "$shared/eval/score.py" "$tmp/graph.nq" "$shared/eval/gold"
python3 "$shared/eval/score.py" "$tmp/graph.nq" "$shared/eval/gold" --json > "$tmp/score.json"
python3 - "$tmp/score.json" "$min_overall" "$min_family" <<'PY'
import json, sys
report = json.load(open(sys.argv[1]))["report"]
min_overall, min_family = float(sys.argv[2]), float(sys.argv[3])
failed = []
if report["overall"][2] < min_overall:
    failed.append(f"overall F1 {report['overall'][2]:.3f} < {min_overall}")
for family in ["entities", "roles", "quotes", "exports", "statistics"]:
    if report[family][2] < min_family:
        failed.append(f"{family} F1 {report[family][2]:.3f} < {min_family}")
for f in failed:
    print("seed score below floor:", f)
print(f"seed score: {0 if failed else 1} passed, {1 if failed else 0} failed")
sys.exit(1 if failed else 0)
PY
