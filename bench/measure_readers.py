"""Measure the document readers on a folder of real files with sidecars (NAME.source.json).

For every PDF, DOCX, OFD and HTML file under DIR, the script runs the format's ``extract``
(the text layer) and ``parse`` (the letter), and compares the fields the sidecar's
``expected`` object names (title, doc_number, addressee_names, date, signed_by, closing, cc,
metadata) with what was read. It prints one line per file and the totals: files read, typed
errors, fields right. Nothing but typed govreply errors may come out of a reader; anything
else is counted as a crash.

Run ``python bench/measure_readers.py DIR`` (the real files are not in the repository: they
came from public repositories and are measured locally only; see docs/howto/read-documents.md).
"""

from __future__ import annotations

import argparse
import importlib
import json
import sys
import time
from pathlib import Path
from typing import Any

from govreply.errors import GovReplyError
from govreply.formats import DocumentParseResult

SUFFIXES = {".pdf": "pdf", ".docx": "docx", ".ofd": "ofd", ".html": "html", ".htm": "html"}


def _value(result: DocumentParseResult, key: str) -> Any:
    letter = result.letter
    if key == "title":
        return letter.title
    if key == "doc_number":
        return str(letter.doc_number) if letter.doc_number is not None else None
    if key == "addressee_names":
        return list(letter.addressees.names)
    if key == "date":
        return letter.date.isoformat() if letter.date else None
    if key in ("signed_by", "closing", "issuer"):
        return getattr(letter, key)
    if key == "cc":
        return list(letter.cc)
    return None


_COMPARED = (
    "title",
    "doc_number",
    "addressee_names",
    "date",
    "signed_by",
    "closing",
    "cc",
    "issuer",
)


def measure(path: Path) -> dict[str, Any]:
    fmt = SUFFIXES[path.suffix.lower()]
    module = importlib.import_module(f"govreply.formats.{fmt}")
    sidecar = path.with_suffix(".source.json")
    expected: dict[str, Any] = {}
    if sidecar.exists():
        found = json.loads(sidecar.read_text("utf-8")).get("expected")
        expected = found if isinstance(found, dict) else {}
    data = path.read_bytes()
    row: dict[str, Any] = {"file": path.name, "format": fmt, "right": 0, "wrong": [], "checked": 0}
    start = time.perf_counter()
    try:
        extraction = module.extract(data)
        row["extract"] = f"ok, {len(extraction.text)} chars"
        meta_want = expected.get("metadata")
        if isinstance(meta_want, dict):
            for key, want in meta_want.items():
                row["checked"] += 1
                if extraction.metadata.get(key) == want:
                    row["right"] += 1
                else:
                    row["wrong"].append(f"metadata[{key}]={extraction.metadata.get(key)!r}")
    except GovReplyError as exc:
        row["extract"] = f"{type(exc).__name__}: {str(exc)[:70]}"
        row["ms"] = (time.perf_counter() - start) * 1000
        return row
    except Exception as exc:  # a crash: the one thing that must never happen
        row["extract"] = f"CRASH {type(exc).__name__}: {exc}"
        row["crash"] = True
        return row
    try:
        result = module.parse(data)
        row["parse"] = f"letter, {len(result.findings)} findings"
        for key in _COMPARED:
            if key not in expected:
                continue
            want = expected[key]
            if key == "signed_by" and isinstance(want, str) and " (" in want:
                want = want.split(" (")[0]
            if key == "date" and isinstance(want, str):
                want = want[:10]
            row["checked"] += 1
            got = _value(result, key)
            if got == want:
                row["right"] += 1
            else:
                row["wrong"].append(f"{key}={got!r} (want {want!r})")
    except GovReplyError as exc:
        row["parse"] = f"{type(exc).__name__}: {str(exc)[:60]}"
    except Exception as exc:
        row["parse"] = f"CRASH {type(exc).__name__}: {exc}"
        row["crash"] = True
    row["ms"] = (time.perf_counter() - start) * 1000
    return row


def main(argv: list[str] | None = None) -> int:
    """Print one line per file and the totals."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", type=Path, help="folder of real documents with sidecars")
    parser.add_argument("-v", "--verbose", action="store_true", help="list every wrong field")
    args = parser.parse_args(argv)
    files = sorted(p for p in args.folder.rglob("*") if p.suffix.lower() in SUFFIXES)
    rows = [measure(p) for p in files]
    for row in rows:
        print(
            f"{row['format']:>4}  {row['file'][:44]:<44}  {row.get('ms', 0):7.1f} ms  "
            f"extract: {row['extract'][:48]:<48}  parse: {row.get('parse', '-')[:48]:<48}  "
            f"fields {row['right']}/{row['checked']}"
        )
        if args.verbose:
            for wrong in row["wrong"]:
                print(f"        wrong: {wrong}")
    crashes = sum(1 for r in rows if r.get("crash"))
    extracted = sum(1 for r in rows if r["extract"].startswith("ok"))
    letters = sum(1 for r in rows if str(r.get("parse", "")).startswith("letter"))
    right = sum(r["right"] for r in rows)
    checked = sum(r["checked"] for r in rows)
    print(
        f"{len(rows)} files: text read from {extracted}, typed errors for the other "
        f"{len(rows) - extracted - crashes}, {crashes} crashes; read as letters: {letters}; "
        f"expected fields right: {right}/{checked}"
    )
    return 1 if crashes else 0


if __name__ == "__main__":
    sys.exit(main())
