#!/usr/bin/env bash
# Builds the seed corpus into a temporary store and scores it against the
# hand-made gold with the project's scorer; fails below the agreed floor.
# Usage: scripts/seed-score.sh [SHARED_DIR] [MIN_OVERALL_F1]
set -euo pipefail
shared=${1:-../shared}
floor=${2:-0.80}
if [ ! -f "$shared/eval/score.py" ]; then
  echo "seed-score: $shared/eval/score.py not found: pass the shared folder (make test SHARED=...)" >&2
  exit 1
fi
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
./target/release/newsgraph build corpus --store "$tmp/store" --out "$tmp" >/dev/null
python3 "$shared/eval/score.py" "$tmp/graph.nq" "$shared/eval/gold" | tee "$tmp/score.txt"
overall=$(awk '/^overall F1/ {print $3}' "$tmp/score.txt")
if awk -v o="$overall" -v f="$floor" 'BEGIN { exit !(o + 0 >= f + 0) }'; then
  echo "seed score: 1 passed, 0 failed (overall F1 $overall >= $floor)"
else
  echo "seed score: 0 passed, 1 failed (overall F1 $overall < $floor)"
  exit 1
fi
