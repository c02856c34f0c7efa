#!/usr/bin/env python3
"""Real SPARQL clients against a running `newsgraph serve` (called by tests/serve.rs).

usage: serve_clients.py ENDPOINT EXPECTED_JSON
  ENDPOINT       e.g. http://127.0.0.1:7878/query
  EXPECTED_JSON  counts the same queries gave through `newsgraph query`:
                 {"quotes": N, "speakers": N, "speaker_triples": N, "statement_speakers": N}

SPARQLWrapper is what Python notebooks use to call an endpoint; rdflib's
SPARQLStore makes the endpoint look like an rdflib Graph. Both must read the
same answers the command line gives, in each of their formats and methods.
Exits non-zero with a message on the first disagreement.
"""

import json
import sys

from rdflib import Graph, Namespace
from rdflib.plugins.stores.sparqlstore import SPARQLStore
from SPARQLWrapper import CSV, JSON, POST, POSTDIRECTLY, TURTLE, XML, SPARQLWrapper

NG = Namespace("https://w3id.org/newsgraph/ontology#")

# The README's who-said-what query (prefixes predeclared by the server).
QUOTES = "SELECT ?speaker ?text WHERE { ?q a ng:Quote ; ng:speaker ?s ; ng:text ?text . ?s rdfs:label ?speaker }"
SPEAKERS = "SELECT DISTINCT ?s WHERE { ?q a ng:Quote ; ng:speaker ?s }"
UNSPOKEN = "SELECT ?q WHERE { ?q a ng:Quote FILTER NOT EXISTS { ?q ng:speaker ?s . ?s rdfs:label ?l } }"
SPEAKER_GRAPH = "CONSTRUCT { ?q ng:speaker ?s } WHERE { ?q a ng:Quote ; ng:speaker ?s }"


def check(condition, message):
    if not condition:
        sys.exit(f"serve_clients.py: {message}")


def wrapper(endpoint, query, fmt, method=None, request_method=None):
    client = SPARQLWrapper(endpoint)
    client.setQuery(query)
    client.setReturnFormat(fmt)
    client.setTimeout(20)
    if method:
        client.setMethod(method)
    if request_method:
        client.setRequestMethod(request_method)
    return client.queryAndConvert()


def sparqlwrapper_checks(endpoint, expected):
    # GET, JSON: every quote has a speaker with a name and a text.
    rows = wrapper(endpoint, QUOTES, JSON)["results"]["bindings"]
    check(len(rows) == expected["quotes"], f"SPARQLWrapper JSON: {len(rows)} quotes, the CLI says {expected['quotes']}")
    for row in rows:
        check(row["speaker"]["value"].strip() and row["text"]["value"].strip(), f"a quote without speaker or text: {row}")
    # Both POST forms give the same rows.
    for request_method in ("urlencoded", POSTDIRECTLY):
        posted = wrapper(endpoint, QUOTES, JSON, POST, request_method)["results"]["bindings"]
        check(sorted(map(json.dumps, posted)) == sorted(map(json.dumps, rows)), f"POST ({request_method}) differs from GET")
    # XML and CSV carry the same number of rows.
    xml = wrapper(endpoint, SPEAKERS, XML)
    check(len(xml.getElementsByTagName("result")) == expected["speakers"], "SPARQLWrapper XML: wrong number of speakers")
    csv_lines = wrapper(endpoint, SPEAKERS, CSV).decode("utf-8").strip().splitlines()
    check(len(csv_lines) - 1 == expected["speakers"], f"SPARQLWrapper CSV: {len(csv_lines) - 1} speakers")
    # No quote lacks a named speaker; ASK agrees.
    check(wrapper(endpoint, UNSPOKEN, JSON)["results"]["bindings"] == [], "quotes without a named speaker")
    check(wrapper(endpoint, "ASK { ?q a ng:Quote }", JSON)["boolean"] is True, "ASK for a quote said false")
    # CONSTRUCT as Turtle, parsed by rdflib.
    turtle = wrapper(endpoint, SPEAKER_GRAPH, TURTLE)
    graph = Graph().parse(data=turtle, format="turtle")
    check(len(graph) == expected["speaker_triples"], f"CONSTRUCT: {len(graph)} triples, the CLI says {expected['speaker_triples']}")


def sparqlstore_checks(endpoint, expected):
    graph = Graph(store=SPARQLStore(endpoint, returnFormat="json"))
    rows = list(graph.query(QUOTES))
    check(len(rows) == expected["quotes"], f"SPARQLStore: {len(rows)} quotes, the CLI says {expected['quotes']}")
    check(all(str(speaker).strip() for speaker, _ in rows), "SPARQLStore: a quote without a speaker name")
    # The Graph API itself, translated to SPARQL by rdflib.
    triples = set(graph.triples((None, NG.speaker, None)))
    check(len(triples) == expected["statement_speakers"], f"SPARQLStore triples(): {len(triples)} ng:speaker triples, the CLI says {expected['statement_speakers']}")


def main():
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    endpoint, expected = sys.argv[1], json.loads(sys.argv[2])
    sparqlwrapper_checks(endpoint, expected)
    sparqlstore_checks(endpoint, expected)
    print("serve_clients.py: SPARQLWrapper and rdflib SPARQLStore agree with newsgraph query")


if __name__ == "__main__":
    main()
