# The two entry points a new user runs (see README.md): both install what is
# missing, then run cargo. Tests and the binary share the release profile, so
# RocksDB (the slow C++ part) is compiled once.

CORPUS ?= corpus
STORE  ?= out/store
SHARED ?= ../shared

.PHONY: graph test deps test-deps seed-score clean

## Build the graph from corpus/ into out/ and show what it made.
graph: deps
	cargo build --release --locked
	./target/release/newsgraph build $(CORPUS) --store $(STORE) --out out

## Run every test: unit, integration (real store, real Graphviz), clippy, seed score.
test: test-deps
	cargo test --release --locked
	cargo clippy --release --locked --all-targets -- -D warnings
	scripts/seed-score.sh $(SHARED)

deps:
	@scripts/ensure-deps.sh

test-deps:
	@scripts/ensure-deps.sh --test

## The seed corpus against its hand-made gold (needs ../shared).
seed-score:
	scripts/seed-score.sh $(SHARED)

clean:
	rm -rf out target
