#!/usr/bin/env bash
# Round trip through a SPARQL store that is not ours: Virtuoso open source
# (Debian's virtuoso-opensource-7-bin), started on loopback for this run only.
#
#   scripts/virtuoso-roundtrip.sh [NEWSGRAPH_BINARY] [CORPUS_DIR]
#
# 1. builds the corpus into a local store (the reference);
# 2. writes it to Virtuoso's Graph Store endpoint with `newsgraph build
#    --endpoint` (digest auth as dba), twice: the second run must change nothing;
# 3. asks Virtuoso's /sparql and the local store the same queries (every triple
#    of every article graph and of the ontology graph, triples per graph,
#    quotes, speaker-quote pairs, roles, exports, statistics) and fails on any
#    difference in the data;
# 4. empties Virtuoso, writes the corpus again as --shard 1/2 and --shard 2/2,
#    and compares again: the two halves must make the same whole;
# 5. a wrong password must fail with a clear message and a non-zero exit code.
# Virtuoso is stopped on exit, whatever happens. Prints the wall time.
set -euo pipefail
cd "$(dirname "$0")/.."

bin=$(realpath "${1:-target/release/newsgraph}")
corpus=$(realpath "${2:-corpus}")
started=$(date +%s%N)
say() { echo "virtuoso-roundtrip: $*" >&2; }
fail() { say "FAILED: $*"; exit 1; }
elapsed() { local ms=$((($(date +%s%N) - started) / 1000000)); printf '%d.%d' $((ms / 1000)) $((ms % 1000 / 100)); }

[ -x "$bin" ] || fail "no newsgraph binary at $bin (cargo build --release)"
if ! command -v virtuoso-t >/dev/null 2>&1; then
  command -v apt-get >/dev/null 2>&1 && [ "$(id -u)" -eq 0 ] || fail "needs virtuoso-t: apt-get install virtuoso-opensource-7-bin"
  say "installing virtuoso-opensource-7-bin with apt-get"
  apt-get update -qq >/dev/null
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq virtuoso-opensource-7-bin >/dev/null
fi

work=$(mktemp -d)
virtuoso_pid=""
stop_virtuoso() {
  if [ -n "$virtuoso_pid" ] && kill -0 "$virtuoso_pid" 2>/dev/null; then
    kill "$virtuoso_pid" 2>/dev/null || true
    for _ in $(seq 50); do kill -0 "$virtuoso_pid" 2>/dev/null || break; sleep 0.1; done
    kill -9 "$virtuoso_pid" 2>/dev/null || true
  fi
  rm -rf "$work"
}
trap stop_virtuoso EXIT

free_port() { python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
sql_port=$(free_port)
http_port=$(free_port)

# The Debian package ships no virtuoso.ini: every path is given here, so the
# database lives in the temporary folder and nothing touches /var/lib.
cat >"$work/virtuoso.ini" <<INI
[Database]
DatabaseFile       = $work/virtuoso.db
ErrorLogFile       = $work/virtuoso.log
LockFile           = $work/virtuoso.lck
TransactionFile    = $work/virtuoso.trx
xa_persistent_file = $work/virtuoso.pxa

[TempDatabase]
DatabaseFile    = $work/virtuoso-temp.db
TransactionFile = $work/virtuoso-temp.trx

[Parameters]
ServerPort      = 127.0.0.1:$sql_port
NumberOfBuffers = 10000
MaxDirtyBuffers = 6000
DirsAllowed     = $work

[HTTPServer]
ServerPort    = 127.0.0.1:$http_port
ServerThreads = 4

[SPARQL]
ResultSetMaxRows = 1000000
INI

(cd "$work" && exec virtuoso-t -f -c virtuoso.ini >"$work/virtuoso.out" 2>&1) &
virtuoso_pid=$!
sparql="http://127.0.0.1:$http_port/sparql"
gsp="http://127.0.0.1:$http_port/sparql-graph-crud-auth"
for _ in $(seq 300); do
  curl -sf -o /dev/null "$sparql?query=ASK%7B%7D" && break
  kill -0 "$virtuoso_pid" 2>/dev/null || fail "Virtuoso exited: $(tail -5 "$work/virtuoso.out")"
  sleep 0.2
done
curl -sf -o /dev/null "$sparql?query=ASK%7B%7D" || fail "Virtuoso did not answer on $sparql within 60 s"
say "Virtuoso up on 127.0.0.1:$http_port after $(elapsed) s"

# Queries asked of both stores, in the same words. Virtuoso's default graph is
# the union of every graph it holds, its own system graphs included, so every
# query names the article graphs with GRAPH ?g and a filter on their IRIs.
prefixes='PREFIX ng: <https://w3id.org/newsgraph/ontology#>
PREFIX org: <http://www.w3.org/ns/org#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
'
articles='FILTER(STRSTARTS(STR(?g), "https://w3id.org/newsgraph/article/"))'
declare -A queries=(
  [triples]="SELECT ?g ?s ?p ?o WHERE { GRAPH ?g { ?s ?p ?o } $articles }"
  [ontology]="SELECT ?s ?p ?o WHERE { GRAPH <https://w3id.org/newsgraph/ontology> { ?s ?p ?o } FILTER(!isBlank(?s) && !isBlank(?o)) }"
  [ontology-blank-nodes]="SELECT (COUNT(*) AS ?n) WHERE { GRAPH <https://w3id.org/newsgraph/ontology> { ?s ?p ?o } FILTER(isBlank(?s) || isBlank(?o)) }"
  [triples-per-graph]="SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } $articles } GROUP BY ?g"
  [quotes-with-speakers]="SELECT (COUNT(DISTINCT ?q) AS ?n) WHERE { GRAPH ?g { ?q a ng:Quote ; ng:speaker ?s } $articles }"
  [speaker-quote]="SELECT DISTINCT ?speaker ?text WHERE { GRAPH ?g { ?q a ng:Quote ; ng:speaker ?s ; ng:text ?text . ?s rdfs:label ?speaker } $articles }"
  [roles]="SELECT DISTINCT ?person ?role ?org WHERE { GRAPH ?g { ?m a org:Membership ; org:member ?p ; org:role ?r . ?p rdfs:label ?person . ?r rdfs:label ?role . OPTIONAL { ?m org:organization ?o . ?o rdfs:label ?org } } $articles }"
  [exports]="SELECT DISTINCT ?exporter ?product ?destination WHERE { GRAPH ?g { ?x a ng:Export ; ng:exporter ?c ; ng:product ?p . ?c rdfs:label ?exporter . ?p rdfs:label ?product . OPTIONAL { ?x ng:destination ?d . ?d rdfs:label ?destination } } $articles }"
  [statistics]="SELECT DISTINCT ?s ?value ?what ?source WHERE { GRAPH ?g { ?s a ng:Statistic ; ng:value ?value ; rdfs:label ?what . OPTIONAL { ?s ng:attributedTo ?src . ?src rdfs:label ?source } } $articles }"
)

ask_virtuoso() { # QUERY -> SPARQL JSON results on stdout
  curl -sf -H 'Accept: application/sparql-results+json' --data-urlencode "query=$prefixes$1" "$sparql" \
    || fail "Virtuoso refused the query: $1"
}
ask_local() {
  "$bin" query --store "$work/local" --format json "$prefixes$1" || fail "the local store refused the query: $1"
}

# Compares two SPARQL JSON results as multisets of rows, by value: numbers by
# numeric value, booleans by truth (Virtuoso answers xsd:boolean true as "1"),
# xsd:string the same as a plain literal, Virtuoso's legacy "typed-literal" as
# "literal". Blank-node labels are each store's own: the queries count them.
compare() { # NAME LOCAL_JSON REMOTE_JSON
  python3 - "$@" <<'PY'
import json, sys
from collections import Counter
from decimal import Decimal, InvalidOperation

XSD = "http://www.w3.org/2001/XMLSchema#"
NUMERIC = {XSD + t for t in ("integer", "decimal", "double", "float", "int", "long", "short",
                             "nonNegativeInteger", "positiveInteger", "unsignedInt")}

def term(t):
    if t is None:
        return None
    if t["type"] == "uri":
        return ("iri", t["value"])
    if t["type"] == "bnode":
        return ("blank node",)
    datatype = t.get("datatype", XSD + "string")
    if datatype in NUMERIC:
        try:
            return ("number", Decimal(t["value"]).normalize())
        except InvalidOperation:
            return ("bad number", t["value"])
    if datatype == XSD + "boolean":
        return ("boolean", t["value"] in ("true", "1"))
    return ("literal", t["value"], datatype, t.get("xml:lang"))

def rows(path):
    with open(path, encoding="utf-8") as f:
        data = json.load(f)
    names = data["head"]["vars"]
    return names, Counter(tuple(term(b.get(n)) for n in names) for b in data["results"]["bindings"])

name, local_path, remote_path = sys.argv[1:4]
names, local = rows(local_path)
_, remote = rows(remote_path)
if local == remote:
    print(f"{name}: {sum(local.values())} rows identical")
    sys.exit(0)
print(f"{name}: DIFFERENT ({sum(local.values())} rows local, {sum(remote.values())} in Virtuoso), columns {names}")
for label, side in (("only local", local - remote), ("only in Virtuoso", remote - local)):
    for row in list(side.elements())[:5]:
        print(f"  {label}: {row}")
sys.exit(1)
PY
}

compare_all() { # LABEL
  local bad=0
  for name in "${!queries[@]}"; do
    ask_local "${queries[$name]}" >"$work/$name.local.json"
    ask_virtuoso "${queries[$name]}" >"$work/$name.remote.json"
    compare "$1 $name" "$work/$name.local.json" "$work/$name.remote.json" >&2 || bad=1
  done
  [ $bad -eq 0 ] || fail "$1: Virtuoso and the local store differ (above)"
}

remote_triples() {
  ask_virtuoso "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } $articles }" \
    | python3 -c 'import json, sys; print(json.load(sys.stdin)["results"]["bindings"][0]["n"]["value"])'
}

to_virtuoso() { # extra build arguments...
  NEWSGRAPH_ENDPOINT_PASSWORD=dba "$bin" build "$corpus" --endpoint "$gsp" --graph-param graph-uri --endpoint-user dba "$@"
}

say "local reference build"
"$bin" build "$corpus" --store "$work/local" --out "$work/out" --no-exports >/dev/null || fail "local build"

say "newsgraph build --endpoint $gsp (twice)"
to_virtuoso >"$work/remote1.txt" || fail "first remote build: $(cat "$work/remote1.txt")"
first=$(remote_triples)
to_virtuoso >"$work/remote2.txt" || fail "second remote build: $(cat "$work/remote2.txt")"
second=$(remote_triples)
[ "$first" = "$second" ] || fail "a second run changed Virtuoso: $first triples, then $second"
say "idempotent: $first article triples after each run"
compare_all "full build:"

say "emptying Virtuoso's article graphs, then --shard 1/2 and --shard 2/2"
ask_virtuoso "SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } $articles }" \
  | python3 -c 'import json, sys; [print(b["g"]["value"]) for b in json.load(sys.stdin)["results"]["bindings"]]' >"$work/graphs.txt"
while read -r graph; do
  encoded=$(python3 -c 'import sys, urllib.parse; print(urllib.parse.quote(sys.argv[1], safe=""))' "$graph")
  curl -sf --digest -u dba:dba -X DELETE "$gsp?graph-uri=$encoded" >/dev/null || fail "could not delete $graph"
done <"$work/graphs.txt"
[ "$(remote_triples)" = "0" ] || fail "Virtuoso still holds article triples after deleting $(wc -l <"$work/graphs.txt") graphs"
to_virtuoso --shard 1/2 >"$work/shard1.txt" || fail "shard 1/2: $(cat "$work/shard1.txt")"
half=$(remote_triples)
to_virtuoso --shard 2/2 >"$work/shard2.txt" || fail "shard 2/2: $(cat "$work/shard2.txt")"
[ "$half" -gt 0 ] && [ "$half" -lt "$first" ] || fail "shard 1/2 wrote $half of $first triples: not a part"
say "shard 1/2 wrote $half of $first triples"
compare_all "shards 1/2 + 2/2:"

say "a wrong password is refused"
if NEWSGRAPH_ENDPOINT_PASSWORD=not-the-password "$bin" build "$corpus" --endpoint "$gsp" --graph-param graph-uri \
     --endpoint-user dba >"$work/refused.out" 2>"$work/refused.err"; then
  fail "a wrong password was accepted"
fi
grep -q "401 Unauthorized" "$work/refused.err" || fail "no 401 in the error: $(cat "$work/refused.err")"
grep -q "not-the-password" "$work/refused.err" "$work/refused.out" && fail "the password was printed"
say "refused as it should be: $(head -1 "$work/refused.err")"

graphs=$(wc -l <"$work/graphs.txt")
echo "virtuoso-roundtrip: OK: $graphs article graphs, $first triples, ${#queries[@]} queries identical (full build and shards) in $(elapsed) s"
