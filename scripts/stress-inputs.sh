#!/usr/bin/env bash
# Bad input at full scale (tests/bad_inputs.rs runs the same mix, smaller, in CI):
# a 50 MB article, a file of NUL bytes, invalid UTF-8, 200,000-deep nested HTML,
# 100,000 tiny files, an unreadable file and a dangling link, in one corpus.
# Builds it into a fresh store and checks that each bad file is named once
# (the 50 MB file as over the default --max-article-mb 8), nothing panics, and
# the rest is built. Prints time and peak memory. Then reads the 50 MB file
# alone with the limit raised, to show it is read in linear time.
#   scripts/stress-inputs.sh [WORK_DIR]      (default /tmp/newsgraph-stress)
set -euo pipefail
cd "$(dirname "$0")/.."
work="${1:-/tmp/newsgraph-stress}"
corpus="$work/corpus"
bin=target/release/newsgraph
[ -x "$bin" ] || cargo build --release --locked
command -v /usr/bin/time >/dev/null || { echo "needs GNU time (apt-get install time)" >&2; exit 1; }

if [ ! -f "$corpus/.complete" ]; then
  rm -rf "$corpus" && mkdir -p "$corpus"
  python3 - "$corpus" <<'PY'
import os, sys
root = sys.argv[1]
good = ("LAKEVIEW \u2014 \u201cThe water is safe to drink,\u201d said Dr. Amara Fofana, "
        "the director of the county health department.\n\n"
        "The county reported 12 cases last week, according to the Centers for Disease Control and Prevention.\n\n")
with open(f"{root}/huge.txt", "w") as f:
    f.write(good * (50_000_000 // len(good.encode())))
open(f"{root}/nul.txt", "wb").write(b"\0" * 4096)
open(f"{root}/latin1.txt", "wb").write("Le ministre a d\u00e9clar\u00e9 que la situation \u00e9tait grave.".encode("latin-1"))
open(f"{root}/empty.txt", "w").write("")
open(f"{root}/deep.html", "w").write("<html><body>" + "<div>" * 200_000 + "<p>" + good.strip() + "</p>" + "</div>" * 200_000 + "</body></html>")
open(f"{root}/good.txt", "w").write(good)
open(f"{root}/locked.txt", "w").write(good); os.chmod(f"{root}/locked.txt", 0)
os.symlink("/nonexistent/gone.txt", f"{root}/gone.txt")
for i in range(100_000):
    d = f"{root}/tiny/{i // 1000:03d}"
    if i % 1000 == 0:
        os.makedirs(d, exist_ok=True)
    open(f"{d}/{i:06d}.txt", "w").write(f"Officials said {i} people attended, according to the county.\n")
open(f"{root}/.complete", "w").write("")
PY
fi

rm -rf "$work/store"
set +e
/usr/bin/time -f '%e s wall, %M KB peak' "$bin" build "$corpus" --store "$work/store" --no-exports >"$work/out.txt" 2>"$work/err.txt"
code=$?
set -e
cat "$work/out.txt" | sed -n '1,4p'
grep -v '^newsgraph: skipped' "$work/err.txt" | tail -1
fail=0
[ "$code" = 2 ] || { echo "FAIL: exit code $code, expected 2 (done, some files skipped)"; fail=1; }
grep -q panicked "$work/err.txt" && { echo "FAIL: a panic"; fail=1; }
expected=(nul.txt latin1.txt empty.txt gone.txt huge.txt)
# As root, permissions do not stop reading: locked.txt is then a good article.
[ "$(id -u)" -ne 0 ] && expected+=(locked.txt)
for f in "${expected[@]}"; do
  n=$(grep -c "/$f:" "$work/err.txt" || true)
  [ "$n" = 1 ] || { echo "FAIL: $f named $n times"; fail=1; }
done
[ $fail = 0 ] && echo "OK: each bad file named once, no panic, the rest built"
mkdir -p "$work/huge-only" && ln -sf "$corpus/huge.txt" "$work/huge-only/huge.txt"
/usr/bin/time -f '50 MB article with --max-article-mb 64 (dry run): %e s wall, %M KB peak' \
  "$bin" build "$work/huge-only" --dry-run --max-article-mb 64 2>&1 | grep -E 'quotes:|wall'
exit $fail
