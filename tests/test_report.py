"""govreply.report: one self-contained page of charts and tables about a table of rows."""

from __future__ import annotations

import datetime
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import attrs
import pyarrow as pa
import pytest

from govreply.dataset import Row, arrow_schema, parse_one, to_arrow
from govreply.errors import DatasetError
from govreply.examples import seed_letter
from govreply.model import Classification, Rating
from govreply.report import read_rows, render_report, write_report

LETTERS = sorted((Path(__file__).parent / "data" / "letters").glob("*.txt"))


@pytest.fixture(scope="module")
def corpus() -> pa.Table:
    """The rows of the corpus of real letters."""
    return to_arrow([parse_one(path) for path in LETTERS])


def _rated() -> list[Row]:
    seed = seed_letter()
    assert seed.feedback_form is not None
    rows = []
    for i, (grade, rating) in enumerate([("A1", Rating.SATISFIED), ("B", Rating.DISSATISFIED)]):
        form = attrs.evolve(seed.feedback_form, result=rating, attitude=Rating.SATISFIED)
        letter = attrs.evolve(
            seed,
            classification=Classification(grade),
            feedback_form=form,
            date=datetime.date(2024, 5 + i, 20),
        )
        rows.append(Row.of(letter, source=f"{i}.json"))
    return [*rows, Row(source="bad.txt", error="line 1: not a letter", error_type="TextParseError")]


def test_the_page_has_every_section(corpus: pa.Table) -> None:
    """Class mix, satisfaction, time to reply, issuers, length, review, findings, failures."""
    page = render_report(corpus)
    for key in (
        "overview",
        "classes",
        "satisfaction",
        "timing",
        "issuers",
        "length",
        "review",
        "findings",
        "failures",
    ):
        assert f'<section id="{key}">' in page
    assert f"<td>letters read</td><td>{len(LETTERS)}</td>" in page


def test_the_page_needs_nothing_from_elsewhere(corpus: pa.Table) -> None:
    """No script, no external resource, no URL at all: it renders offline as it is."""
    page = render_report(corpus)
    assert "<script" not in page
    assert not re.search(r"(?:src|href)\s*=\s*[\"'](?!#)", page)
    assert "url(" not in page
    assert "http" not in page
    assert "@import" not in page


def test_every_chart_is_well_formed_svg(corpus: pa.Table) -> None:
    """Each inline chart parses as XML and carries a title and an aria-label."""
    charts = re.findall(r"<svg.*?</svg>", render_report(corpus), flags=re.DOTALL)
    assert len(charts) >= 8
    for chart in charts:
        root = ET.fromstring(chart)
        assert root.get("role") == "img"
        assert root.get("aria-label")
        assert root.find("title") is not None


def test_text_from_the_letters_is_escaped() -> None:
    """An issuer named like markup is shown as text, not parsed as HTML."""
    letter = attrs.evolve(seed_letter(), issuer="<b>局</b>&")
    page = render_report(to_arrow([letter]))
    assert "<b>局</b>" not in page
    assert "&lt;b&gt;局&lt;/b&gt;&amp;" in page


def test_ratings_classes_and_failures_are_counted() -> None:
    """Returned forms' ratings, class grades and failed inputs appear with their counts."""
    page = render_report(to_arrow(_rated()))
    assert "2 of 2 letters attach a feedback form" in page
    assert "2 of those carry the deputy&#x27;s rating" in page
    assert "满意 satisfied: 1" in page
    assert "不满意 dissatisfied: 1" in page
    assert "<td>TextParseError</td><td class=n>1</td>" in page
    assert "<td>bad.txt</td><td>line 1: not a letter</td>" in page
    assert "2 of 2 letters print a handling class" in page


def test_an_empty_table_gives_a_page() -> None:
    """No rows still make a page, saying there is nothing to show."""
    page = render_report(arrow_schema().empty_table())
    assert page.startswith("<!DOCTYPE html>")
    assert "Every input was read." in page


def test_a_table_without_the_columns_is_refused() -> None:
    """A table that is not govreply rows raises DatasetError naming what is missing."""
    with pytest.raises(DatasetError, match="no column"):
        render_report(pa.table({"source": ["x"]}))


def test_a_file_that_is_not_parquet_is_refused(tmp_path: Path) -> None:
    """read_rows raises DatasetError, with the path, for a file that is not Parquet."""
    junk = tmp_path / "junk.parquet"
    junk.write_bytes(b"junk")
    with pytest.raises(DatasetError) as caught:
        read_rows(junk)
    assert caught.value.path == str(junk)


def test_write_report_reads_only_what_it_needs(tmp_path: Path) -> None:
    """The page from a Parquet file equals the page from the table in memory."""
    import pyarrow.parquet as pq

    table = to_arrow(_rated())
    pq.write_table(table, tmp_path / "rows.parquet")
    write_report(tmp_path / "rows.parquet", tmp_path / "report.html", title="t")
    expected = render_report(table, title="t", source="rows.parquet")
    assert (tmp_path / "report.html").read_text("utf-8") == expected
