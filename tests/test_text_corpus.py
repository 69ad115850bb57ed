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


@pytest.mark.parametrize("path", CASES, ids=[p.stem for p in CASES])
def test_letter_parses_to_its_expected_fields(path: Path) -> None:
    """Every recorded field of a real letter is read as recorded."""
    score = corpus.score(path)
    assert score.refused is None
    assert list(score.misses) == []


def test_corpus_is_large_enough() -> None:
    """The tuning corpus holds at least 80 letters, each with expectations and a source."""
    assert len(CASES) >= 80
    for path in CASES:
        assert path.with_suffix(".expected.json").exists()
        assert path.with_suffix(".source.json").exists()
