# The two entry points a new user runs (see README.md): both install what is
# missing, then run cargo. Tests and the binary share the release profile, so
# RocksDB (the slow C++ part) is compiled once. `make test-extract` runs the
# extraction crate's tests alone, without RocksDB (about two minutes on a
# fresh clone).

CORPUS ?= corpus
STORE  ?= out/store
SHARED ?= ../shared

.PHONY: graph test test-extract deps test-deps seed-score clean

## Build the graph from corpus/ into out/ and show what it made.
graph: deps
	cargo build --release --locked
	./target/release/newsgraph build $(CORPUS) --store $(STORE) --out out

## Run every test: unit, integration (real store, real Graphviz), clippy, seed score.
test: test-deps
	cargo test --release --locked --workspace
	cargo clippy --release --locked --workspace --all-targets -- -D warnings
	scripts/seed-score.sh $(SHARED)

## The extraction and archive crates alone: no oxigraph, no C++, no libclang.
test-extract:
	cargo test --release --locked -p newsgraph-extract -p newsgraph-input

deps:
	@scripts/ensure-deps.sh

test-deps:
	@scripts/ensure-deps.sh --test

## The seed corpus against its hand-made gold (needs ../shared).
seed-score:
	scripts/seed-score.sh $(SHARED)

clean:
	rm -rf out target
