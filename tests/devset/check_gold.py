#!/usr/bin/env python3
"""Validate the hand-annotated development set (tune/ and heldout/).

    python3 tests/devset/check_gold.py [DEVSET_DIR]

For each folder it checks that:
  - every JSON file parses and has the fields of the gold format (CONTRACT.md);
  - every article has a gold file and every gold file an article, and the
    gold's "article" field is the article's file name;
  - entities.json gives each key a valid type and non-empty names, and no two
    entities share a name (after the scorer's normalisation, which would make
    the scorer's name lookup ambiguous); every entity in it is used;
  - every key an article gold refers to exists in that folder's entities.json;
  - role persons are Persons, role organizations Organizations or Countries;
    quote speakers are Persons, Organizations or Countries; statistic sources
    are Persons or Organizations;
  - exporters are Countries, products Substances, destinations Countries,
    Locations or null;
  - every quote text occurs verbatim in the article text (HTML articles: tags
    stripped, entities such as &#8220; decoded) and required quotes have at
    least four words;
  - statistic values are numbers.
Warnings (not failures): an article's entity none of whose names occurs in
its text; a relation that points to an entity not listed among the article's
entities (allowed for implied organizations such as the U.S. Senate).
Exit status 0 when there is no error.
"""
import html
import json
import re
import sys
from collections import Counter
from pathlib import Path

TYPES = {"Person", "Organization", "Country", "Location", "Substance"}
FIELDS = ("entities", "roles", "quotes", "exports", "statistics")


def norm(name):  # same as score.py
    s = str(name).lower().replace("\u2019", "'").replace("\u2018", "'")
    s = s.replace("\u201c", '"').replace("\u201d", '"').replace("&", " and ")
    s = re.sub(r"[.\"]", "", s)
    s = re.sub(r"[\s\-\u2013\u2014_]+", " ", s).strip()
    s = re.sub(r"^the ", "", s)
    return s


def words(text):  # same as score.py
    t = str(text).lower().replace("\u2019", "'").replace("\u2018", "'")
    return re.findall(r"[a-z0-9]+(?:'[a-z]+)?", t)


def article_text(path):
    raw = path.read_text(encoding="utf-8")
    if path.suffix.lower() in (".html", ".htm"):
        raw = re.sub(r"(?is)<(script|style)\b.*?</\1>", " ", raw)
        raw = re.sub(r"(?s)<[^>]+>", " ", raw)
        raw = html.unescape(raw)
    return raw


def check_folder(folder):
    errors, warnings = [], []
    counts = Counter()
    adir, gdir = folder / "articles", folder / "gold"
    try:
        entities = json.loads((gdir / "entities.json").read_text(encoding="utf-8"))
    except Exception as e:  # noqa: BLE001
        return [f"{folder.name}/gold/entities.json: {e}"], [], counts

    # entities.json
    owner = {}
    for key, e in entities.items():
        if not isinstance(e, dict) or e.get("type") not in TYPES:
            errors.append(f"entities.json: {key}: bad or missing type {e!r}")
            continue
        names = e.get("names")
        if not names or not all(isinstance(n, str) and n.strip() for n in names):
            errors.append(f"entities.json: {key}: names must be a non-empty list of strings")
            continue
        for n in names:
            k = norm(n)
            if k in owner and owner[k] != key:
                errors.append(f"entities.json: name {n!r} of {key} collides with {owner[k]}")
            owner.setdefault(k, key)

    def typed(key, allowed, where):
        if key is None:
            return
        if key not in entities:
            errors.append(f"{where}: unknown entity key {key!r}")
        elif entities[key]["type"] not in allowed:
            errors.append(f"{where}: {key} is {entities[key]['type']}, expected {'/'.join(sorted(allowed))}")

    articles = {p.name: p for p in sorted(adir.iterdir()) if p.is_file()}
    golds = {p.name: p for p in sorted(gdir.glob("*.json")) if p.name != "entities.json"}
    for name in articles:
        if name + ".json" not in golds:
            errors.append(f"article {name} has no gold file")
    for gname in golds:
        if gname[:-5] not in articles:
            errors.append(f"gold {gname} has no article")

    used = set()
    for gname, gpath in golds.items():
        where0 = f"{folder.name}/gold/{gname}"
        try:
            doc = json.loads(gpath.read_text(encoding="utf-8"))
        except Exception as e:  # noqa: BLE001
            errors.append(f"{where0}: {e}")
            continue
        art = gname[:-5]
        if doc.get("article") != art:
            errors.append(f"{where0}: article field {doc.get('article')!r} != {art!r}")
        for f in FIELDS:
            if not isinstance(doc.get(f), list):
                errors.append(f"{where0}: field {f!r} missing or not a list")
                doc[f] = []
        text = article_text(articles[art]) if art in articles else ""
        low = text.lower()
        listed = set(doc["entities"])
        dup = [k for k, c in Counter(doc["entities"]).items() if c > 1]
        if dup:
            errors.append(f"{where0}: duplicate entity keys {dup}")
        for k in doc["entities"]:
            typed(k, TYPES, f"{where0} entities")
            used.add(k)
            if k in entities and text and not any(n.lower() in low for n in entities[k]["names"]):
                warnings.append(f"{where0}: entity {k}: none of its names occurs in the text")
        counts["entities"] += len(doc["entities"])

        def note(k, what):
            if k is not None:
                used.add(k)
                if k not in listed and k in entities and entities[k]["type"] != "Organization":
                    warnings.append(f"{where0}: {what} {k} not in the article's entity list")

        for i, r in enumerate(doc["roles"]):
            w = f"{where0} roles[{i}]"
            typed(r.get("person"), {"Person"}, w)
            typed(r.get("org"), {"Organization", "Country"}, w)
            if not r.get("role") or not all(isinstance(x, str) and x for x in r["role"]):
                errors.append(f"{w}: role must be a non-empty list of strings")
            if "optional" in r and not isinstance(r["optional"], bool):
                errors.append(f"{w}: optional must be true/false")
            note(r.get("person"), "role person")
            note(r.get("org"), "role org")
            counts["roles (optional)" if r.get("optional") else "roles"] += 1
        for i, q in enumerate(doc["quotes"]):
            w = f"{where0} quotes[{i}]"
            typed(q.get("speaker"), {"Person", "Organization", "Country"}, w)
            t = q.get("text")
            if not isinstance(t, str) or not t:
                errors.append(f"{w}: empty text")
            elif t not in text:
                errors.append(f"{w}: text does not occur verbatim in {art}: {t[:70]!r}")
            if isinstance(t, str) and not q.get("optional") and len(words(t)) < 4:
                errors.append(f"{w}: required quote shorter than four words: {t!r}")
            note(q.get("speaker"), "quote speaker")
            counts["quotes (optional)" if q.get("optional") else "quotes"] += 1
        for i, x in enumerate(doc["exports"]):
            w = f"{where0} exports[{i}]"
            if x.get("exporter") is None or x.get("product") is None:
                errors.append(f"{w}: exporter and product are required")
            typed(x.get("exporter"), {"Country"}, w)
            typed(x.get("product"), {"Substance"}, w)
            typed(x.get("destination"), {"Country", "Location"}, w)
            for k in ("exporter", "product", "destination"):
                note(x.get(k), "export " + k)
            counts["exports (optional)" if x.get("optional") else "exports"] += 1
        for i, s in enumerate(doc["statistics"]):
            w = f"{where0} statistics[{i}]"
            v = s.get("value")
            if isinstance(v, bool) or not isinstance(v, (int, float)):
                errors.append(f"{w}: value must be a number, got {v!r}")
            typed(s.get("source"), {"Person", "Organization"}, w)
            note(s.get("source"), "statistic source")
            counts["statistics (optional)" if s.get("optional") else "statistics"] += 1

    for k in entities:
        if k not in used:
            errors.append(f"entities.json: {k} is never used by an article gold")
    counts["articles"] = len(articles)
    counts["entity keys in entities.json"] = len(entities)
    return errors, warnings, counts


def main():
    root = Path(sys.argv[1]) if len(sys.argv) > 1 else Path(__file__).resolve().parent
    total_errors = 0
    for name in ("tune", "heldout"):
        folder = root / name
        if not folder.is_dir():
            print(f"{name}: MISSING folder {folder}")
            total_errors += 1
            continue
        errors, warnings, counts = check_folder(folder)
        print(f"== {name}")
        for k in ("articles", "entity keys in entities.json", "entities", "roles", "roles (optional)", "quotes",
                  "quotes (optional)", "exports", "exports (optional)", "statistics", "statistics (optional)"):
            print(f"   {k:30s} {counts.get(k, 0)}")
        for w in warnings:
            print(f"   warning: {w}")
        for e in errors:
            print(f"   ERROR: {e}")
        total_errors += len(errors)
    print("OK" if total_errors == 0 else f"FAILED: {total_errors} error(s)")
    return 0 if total_errors == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
