#!/usr/bin/env bash
# Measures extraction quality on real news, as the issues ask for it:
#   seeds     score.py against ../shared/eval/gold (the five seed articles)
#   realdev   score.py against ../shared/eval/realdev/gold (24 real articles)
#   polnear   polnear.py (quotes) and statements.py (quotes and reported speech)
#             on PolNeAR dev (84 real articles); pass train to look at train.
# Usage: scripts/quality.sh [SHARED_DIR] [seeds|realdev|polnear|polnear-train ...]
# (default: all but polnear-train). Builds each set into a temporary store
# with target/release/newsgraph; prints the scorers' own tables.
set -euo pipefail
cd "$(dirname "$0")/.."
shared=${1:-../shared}
shift || true
sets=("$@")
[ ${#sets[@]} -gt 0 ] || sets=(seeds realdev polnear)
bin=./target/release/newsgraph
[ -x "$bin" ] || { echo "quality: build first: cargo build --release" >&2; exit 1; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# graph SET_DIR NAME -> the N-Quads of SET_DIR built alone
graph() {
  "$bin" build "$1" --store "$tmp/$2" --out "$tmp/$2-out" --no-exports >/dev/null 2>"$tmp/$2.err" || [ $? -eq 2 ]
  "$bin" export --store "$tmp/$2" --format nquads -o "$tmp/$2.nq"
  echo "$tmp/$2.nq"
}

for set in "${sets[@]}"; do
  case "$set" in
    seeds) echo "## seeds"; python3 "$shared/eval/score.py" "$(graph corpus seeds)" "$shared/eval/gold" ;;
    realdev) echo "## realdev"; python3 "$shared/eval/score.py" "$(graph "$shared/eval/realdev/texts" realdev)" "$shared/eval/realdev/gold" ;;
    polnear|polnear-train)
      split=dev; [ "$set" = polnear-train ] && split=train
      nq=$(graph "$shared/polnear/$split/text" "polnear-$split")
      echo "## PolNeAR $split: quotes (polnear.py)"; python3 "$shared/eval/polnear.py" "$nq" "$shared/polnear/$split/attributions"
      echo "## PolNeAR $split: statements (statements.py)"; python3 "$shared/eval/statements.py" "$nq" "$shared/polnear/$split/attributions" ;;
    *) echo "quality: unknown set '$set' (seeds, realdev, polnear, polnear-train)" >&2; exit 1 ;;
  esac
done
