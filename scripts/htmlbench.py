#!/usr/bin/env python3
"""Entities from page furniture: the graph of real web pages against the graph
of the same articles' true bodies (issue 14's measure).

    scripts/htmlbench.py [--bin target/release/newsgraph] [SHARED]

Builds two stores from ../shared/htmlbench: the pages as HTML, and the
ground-truth article bodies as .txt files of the same names. Per page, the
entities (type, label) and quotes (speaker, words) of the HTML graph are
compared with those of the text graph:
  noise = share of the HTML graph's entities the true body does not give;
  lost  = share of the true body's entities the HTML graph misses.
"""
import json, subprocess, sys, tempfile
from pathlib import Path

def run(bin_, *args):
    return subprocess.run([bin_, *args], check=True, capture_output=True, text=True).stdout

def facts(bin_, store):
    q = """SELECT DISTINCT ?f ?t ?l WHERE { GRAPH ?g { ?a a ng:Article ; ng:fileName ?f .
           VALUES ?t { ng:Person ng:Organization ng:Country ng:Location ng:Substance }
           ?e a ?t ; rdfs:label ?l ; ng:mentionedIn ?a } }"""
    ents = {}
    for r in json.loads(run(bin_, "query", "--store", store, "--format", "json", q))["results"]["bindings"]:
        ents.setdefault(r["f"]["value"].split(".")[0], set()).add((r["t"]["value"], r["l"]["value"]))
    q = """SELECT DISTINCT ?f ?s ?x WHERE { GRAPH ?g { ?a a ng:Article ; ng:fileName ?f .
           ?q a ng:Quote ; ng:text ?x ; ng:speaker ?sp ; prov:wasDerivedFrom ?a . ?sp rdfs:label ?s } }"""
    quotes = {}
    for r in json.loads(run(bin_, "query", "--store", store, "--format", "json", q))["results"]["bindings"]:
        quotes.setdefault(r["f"]["value"].split(".")[0], set()).add(r["x"]["value"])
    return ents, quotes

def compare(html, text):
    pages = set(html) | set(text)
    extra = sum(len(html.get(p, set()) - text.get(p, set())) for p in pages)
    missed = sum(len(text.get(p, set()) - html.get(p, set())) for p in pages)
    total_html = sum(len(v) for v in html.values())
    total_text = sum(len(v) for v in text.values())
    return extra / max(total_html, 1), missed / max(total_text, 1), total_html, total_text

def main(argv):
    bin_ = "target/release/newsgraph"
    if "--bin" in argv:
        i = argv.index("--bin"); bin_ = argv[i + 1]; del argv[i:i + 2]
    shared = Path(argv[0] if argv else "../shared")
    bench = shared / "htmlbench"
    truth = json.loads((bench / "ground-truth.json").read_text())
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        (tmp / "txt").mkdir()
        for pid, t in truth.items():
            (tmp / "txt" / f"{pid}.txt").write_text(t["articleBody"])
        for name, corpus in [("html", bench / "pages"), ("txt", tmp / "txt")]:
            subprocess.run([bin_, "build", str(corpus), "--store", str(tmp / f"{name}.store"), "--no-exports"],
                           check=False, capture_output=True)
        he, hq = facts(bin_, str(tmp / "html.store"))
        te, tq = facts(bin_, str(tmp / "txt.store"))
    n, l, a, b = compare(he, te)
    print(f"entities  noise {n:.1%} ({a} in the pages' graph)  lost {l:.1%} ({b} in the true bodies' graph)")
    n, l, a, b = compare(hq, tq)
    print(f"quotes    noise {n:.1%} ({a})  lost {l:.1%} ({b})")

if __name__ == "__main__":
    main(sys.argv[1:])
