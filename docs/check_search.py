"""Check the built HTML search index: Chinese words are found by their start (征询 → 征询意见表).

Run by ``nox -s docs`` after the HTML build: ``python docs/check_search.py docs/_build/html``.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

#: Query words and a page each must find: the start of a longer term on that page.
EXPECTED = {"征询": "reference/formats", "意见": "reference/formats", "答复": "index"}


def main(argv: list[str]) -> int:
    """Exit 1, naming the word, when a query word finds none of the pages it must."""
    index = Path(argv[0]) / "searchindex.js"
    text = index.read_text(encoding="utf-8")
    data = json.loads(text[text.index("(") + 1 : text.rindex(")")])
    missing = []
    for word, page in EXPECTED.items():
        found = data["terms"].get(word)
        docs = [found] if isinstance(found, int) else (found or [])
        if data["docnames"].index(page) not in docs:
            missing.append(f"{word!r} does not find {page}")
    for problem in missing:
        print(f"search index: {problem}", file=sys.stderr)
    return 1 if missing else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
