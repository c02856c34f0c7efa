#!/usr/bin/env python3
"""Packs a folder of saved web pages into a WARC.gz, as a crawler would have
written it, with warcio (a real WARC writer): one HTTP response record per
page, its URL in WARC-Target-URI.

    python3 scripts/pages2warc.py PAGES_DIR OUT.warc.gz [--urls URLS.json]

URLS.json maps a page's name up to the first dot to {"url": ...} (the format
of htmlbench's ground-truth.json); pages without one get
https://pages.invalid/<name>. Needs `python3 -m pip install warcio`.
"""
import json
import sys
from io import BytesIO
from pathlib import Path

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter


def main(argv):
    urls = {}
    if "--urls" in argv:
        i = argv.index("--urls")
        urls = json.loads(Path(argv[i + 1]).read_text())
        del argv[i:i + 2]
    if len(argv) != 2:
        sys.exit(__doc__)
    pages, out = Path(argv[0]), Path(argv[1])
    with out.open("wb") as f:
        writer = WARCWriter(f, gzip=True)
        for page in sorted(pages.glob("*.htm*")):
            name = page.name.split(".")[0]
            url = urls.get(name, {}).get("url") or f"https://pages.invalid/{name}"
            http = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1")
            record = writer.create_warc_record(url, "response", payload=BytesIO(page.read_bytes()), http_headers=http)
            writer.write_record(record)


if __name__ == "__main__":
    main(sys.argv[1:])
