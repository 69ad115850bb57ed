"""Real published letters parse to the fields recorded in tests/data/letters/*.expected.json.

Only the keys present in an expectation are compared (a key is left out when the published text
does not show that part); ``tests/corpus.py`` defines how each key is read off a parse result and
prints the score of the tuning and held-out sets.
"""

from __future__ import annotations

from pathlib import Path

import pytest

import corpus

CASES = corpus.cases("letters")

#: The fields the reader is known to miss, each with why. The test fails when a miss appears
#: and when one goes away, so this list always says exactly where the reader stands.
KNOWN_MISSES: dict[str, dict[str, str]] = {
    "079": {
        # the page lost the end of the first paragraph and broke the thanks mid-word over a
        # blank line ('理解我' / '我们的工作'): three paragraphs where the record counts one
        "paragraph_count_hint": "damaged page",
    },
    "115": {
        # an encyclopedia repost that prints the letter as table cells: '词条 | <title> |'
        "title": "the row label 词条 and the cell borders are kept in the title",
    },
    "118": {
        # a traditional-character copy with the pinyin of some characters inserted after
        # them (會(huì)辦意見(jiàn)): the grammar reads simplified characters only
        "role": "会办 printed as 會(huì)辦",
        "doc_number": "the pinyin inside the number breaks it",
        "reference.number": "立案號(hào) is no number label",
    },
}


@pytest.mark.parametrize("path", CASES, ids=[p.stem for p in CASES])
def test_letter_parses_to_its_expected_fields(path: Path) -> None:
    """Every recorded field of a real letter is read as recorded, but for the known misses."""
    score = corpus.score(path)
    assert score.refused is None
    assert sorted(miss.field for miss in score.misses) == sorted(KNOWN_MISSES.get(path.stem, {}))


def test_corpus_is_large_enough() -> None:
    """The tuning corpus holds at least 80 letters, each with expectations and a source."""
    assert len(CASES) >= 80
    for path in CASES:
        assert path.with_suffix(".expected.json").exists()
        assert path.with_suffix(".source.json").exists()
