"""Rows, Arrow and Parquet: govreply.dataset keeps every record and accounts for every input."""

from __future__ import annotations

import datetime
import json
from pathlib import Path

import attrs
import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from govreply import check
from govreply.dataset import (
    BatchOptions,
    Row,
    arrow_schema,
    from_arrow,
    letter_files,
    parse_batches,
    parse_files,
    parse_one,
    parse_to_parquet,
    to_arrow,
    to_batch,
    write_parquet,
)
from govreply.errors import DatasetError
from govreply.examples import seed_letter, seed_text
from govreply.formats import json as json_format
from govreply.formats import text as text_format
from govreply.formats import xml as xml_format
from govreply.model import (
    MAX_SECTION_DEPTH,
    Finding,
    ItemReference,
    Paragraph,
    Rating,
    ReplyLetter,
    Review,
    Section,
    Severity,
)
from govreply.testing import reply_letters, texts
from timing import best

LETTERS = sorted((Path(__file__).parent / "data" / "letters").glob("*.txt"))
SEED = seed_text().encode("utf-8")


def _findings() -> st.SearchStrategy[Finding]:
    return st.builds(
        Finding,
        code=st.from_regex(r"G[RT][0-9]{3}", fullmatch=True),
        severity=st.sampled_from(Severity),
        message=texts(),
        location=st.none() | texts(),
        line=st.none() | st.integers(1, 10**6),
    )


def _rows() -> st.SearchStrategy[Row]:
    read = st.builds(
        Row,
        source=texts(),
        format=st.sampled_from(["text", "json", "xml"]),
        encoding=st.sampled_from(["utf-8", "gb18030"]),
        letter=reply_letters(),
        findings=st.lists(_findings(), max_size=3).map(tuple),
        review=st.lists(_findings(), max_size=3).map(Review.of),
    )
    failed = st.builds(Row, source=texts(), error=texts(), error_type=texts())
    return read | failed


def _deep_letter() -> ReplyLetter:
    section = Section("最深", [Paragraph("第四层。")])
    for depth in range(MAX_SECTION_DEPTH - 1):
        section = Section(f"第{depth}层", [Paragraph("正文。")], [section])
    return attrs.evolve(seed_letter(), sections=(section,))


# --------------------------------------------------------------------------- the schema


def test_every_column_is_documented() -> None:
    """Each column of the schema carries a description in its field metadata."""
    for field in arrow_schema():
        assert field.metadata is not None, field.name
        assert field.metadata[b"description"], field.name


def test_the_schema_names_its_versions() -> None:
    """The schema's metadata gives the row layout and the record's format version."""
    metadata = arrow_schema().metadata
    assert metadata[b"govreply.row-version"] == b"1"
    assert metadata[b"govreply.format-version"] == str(json_format.VERSION).encode()


def test_the_record_column_has_the_json_records_keys() -> None:
    """The nested record's fields are the JSON record's keys, at every level of the seed."""

    def keys(value: object, arrow_type: pa.DataType) -> None:
        if isinstance(value, dict):
            assert isinstance(arrow_type, pa.StructType)
            names = {arrow_type.field(i).name for i in range(arrow_type.num_fields)}
            assert set(value) <= names
            for key, item in value.items():
                keys(item, arrow_type.field(key).type)
        elif isinstance(value, list):
            assert isinstance(arrow_type, pa.ListType)
            for item in value:
                keys(item, arrow_type.value_type)

    keys(json_format.to_dict(seed_letter())["letter"], arrow_schema().field("letter").type)


def test_sections_unroll_to_the_depth_the_model_allows() -> None:
    """The section struct nests MAX_SECTION_DEPTH levels; the deepest has no subsections."""
    arrow_type = arrow_schema().field("letter").type.field("sections").type.value_type
    for _ in range(MAX_SECTION_DEPTH - 1):
        arrow_type = arrow_type.field("subsections").type.value_type
    assert arrow_type.get_field_index("subsections") == -1


# --------------------------------------------------------------------------- round trips


@given(st.lists(_rows(), max_size=4))
def test_rows_round_trip_through_arrow(rows: list[Row]) -> None:
    """from_arrow(to_arrow(rows)) == rows: the flat and nested columns lose nothing."""
    assert from_arrow(to_arrow(rows)) == rows


@given(reply_letters())
def test_flat_columns_hold_the_letters_fields(letter: ReplyLetter) -> None:
    """The flat columns are the letter's own values, as the schema documents them."""
    [record] = to_arrow([letter]).to_pylist()
    congress = letter.reference.congress
    form = letter.feedback_form
    assert record["kind"] == letter.kind.value
    assert record["issuer"] == letter.issuer
    assert record["organ"] == (letter.issuer or letter.signed_by)
    assert record["congress_term"] == (congress.term if congress else None)
    assert record["congress_session"] == (congress.session if congress else None)
    assert record["item_number"] == letter.reference.number
    assert record["classification_code"] == (
        letter.classification.code if letter.classification else None
    )
    assert record["date"] == letter.date
    assert record["section_count"] == len(letter.sections)
    assert record["cc"] == list(letter.cc)
    assert record["has_form"] is (form is not None)
    assert record["form_result"] == (form.result.value if form and form.result else None)
    assert [f["code"] for f in record["findings"]] == [f.code for f in check(letter)]


def test_a_letter_nested_as_deep_as_allowed_round_trips() -> None:
    """A section tree MAX_SECTION_DEPTH deep comes back whole."""
    letter = _deep_letter()
    [row] = from_arrow(to_arrow([letter]))
    assert row.letter == letter


# The Arrow round trip above states the law at full strength; this adds the file step.
@settings(max_examples=100)
@given(st.lists(_rows(), max_size=4))
def test_rows_round_trip_through_parquet(rows: list[Row]) -> None:
    """Rows written to Parquet read back equal, through pyarrow."""
    import tempfile

    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder, "rows.parquet")
        assert write_parquet(rows, path) == len(rows)
        assert from_arrow(pq.read_table(path)) == rows


def test_a_record_arrow_cannot_hold_is_named() -> None:
    """A lone surrogate raises DatasetError naming the row, or becomes an error row."""
    bad = attrs.evolve(seed_letter(), issuer="\ud800局")
    with pytest.raises(DatasetError, match=r"row 1 \(None\)"):
        to_batch([seed_letter(), bad])
    batch = to_batch([Row.of(seed_letter(), source="a"), Row.of(bad, source="b")], errors="row")
    assert batch.column("error_type").to_pylist() == [None, "DatasetError"]
    assert batch.column("source").to_pylist() == ["a", "b"]


def test_an_item_number_beyond_64_bits_becomes_an_error_row() -> None:
    """An integer Arrow's int64 cannot hold makes an error row, not a crash."""
    huge = attrs.evolve(
        seed_letter(), reference=attrs.evolve(seed_letter().reference, number=2**70)
    )
    batch = to_batch([Row.of(huge, source="x.json")], errors="row")
    assert "cannot be stored" in batch.column("error")[0].as_py()


# --------------------------------------------------------------------------- parse_one


def test_parse_one_reads_a_published_letter() -> None:
    """A text file gives its letter, the reader's findings then check()'s, and the review."""
    reading = text_format.parse(SEED)
    row = parse_one("seed.txt", data=SEED)
    assert row.letter == reading.letter
    assert row.findings == (*reading.findings, *check(reading.letter))
    assert row.review == reading.review
    assert (row.format, row.encoding, row.error) == ("text", "utf-8", None)


def test_parse_one_reads_json_and_xml_by_extension_or_content() -> None:
    """JSON and XML records are read by extension, else by their first character."""
    letter = seed_letter()
    for fmt in (json_format, xml_format):
        data = fmt.dumps(letter).encode("utf-8")
        assert parse_one("letter.dat", data=data).letter == letter
    assert parse_one("letter.json", data=json_format.dumps(letter).encode()).format == "json"


def test_parse_one_reads_gb18030() -> None:
    """A letter saved as GB 18030 is read, and the row says so."""
    row = parse_one("seed.txt", data=seed_text().encode("gb18030"))
    assert (row.encoding, row.letter) == ("gb18030", text_format.parse(SEED).letter)


def test_parse_one_turns_a_missing_file_into_a_row(tmp_path: Path) -> None:
    """An unreadable file is a row with the OS's reason, not an exception."""
    row = parse_one(tmp_path / "gone.txt")
    assert (row.letter, row.error_type, row.error) == (None, "OSError", "No such file or directory")


def test_parse_one_turns_bad_json_into_a_row_with_every_problem() -> None:
    """A JSON document with problems lists them, one per line."""
    row = parse_one("x.json", data=b'{"format": "govreply.reply-letter", "version": 9}')
    assert row.error_type == "JsonParseError"
    assert row.error is not None
    assert "version" in row.error


@given(st.binary(max_size=400), st.sampled_from(["x.txt", "x.json", "x.xml", "x"]))
def test_parse_one_never_raises(data: bytes, name: str) -> None:
    """Any bytes under any name give a row that Arrow can hold: a letter or an error."""
    row = parse_one(name, data=data)
    assert (row.letter is None) == (row.error is not None)
    assert to_batch([row], errors="row").num_rows == 1


@given(st.text(max_size=80))
def test_parse_one_never_raises_on_json_escapes(value: str) -> None:
    """JSON strings with any escapes (lone surrogates too) give a storable row."""
    record = json_format.to_dict(seed_letter())
    record["letter"]["issuer"] = value
    data = json.dumps(record).encode()  # ensure_ascii: lone surrogates become \\udXXX escapes
    assert to_batch([parse_one("x.json", data=data)], errors="row").num_rows == 1


def test_the_ratings_of_a_returned_form_are_columns() -> None:
    """A returned form's ratings land in form_attitude and form_result."""
    seed = seed_letter()
    assert seed.feedback_form is not None
    form = attrs.evolve(
        seed.feedback_form, attitude=Rating.SATISFIED, result=Rating.BASICALLY_SATISFIED
    )
    [record] = to_arrow([attrs.evolve(seed, feedback_form=form)]).to_pylist()
    assert (record["form_attitude"], record["form_result"]) == ("satisfied", "basically-satisfied")


def test_level_and_place_are_separate_columns() -> None:
    """区二届人大四次会议 is level 区 with no place; 赣州市… is level 市, place 赣州市."""
    congress = seed_letter().reference.congress
    assert congress is not None
    reference = attrs.evolve(
        seed_letter().reference, congress=attrs.evolve(congress, level="赣州市")
    )
    table = to_arrow([seed_letter(), attrs.evolve(seed_letter(), reference=reference)])
    assert table.column("level").to_pylist() == ["区", "市"]
    assert table.column("place").to_pylist() == [None, "赣州市"]


# --------------------------------------------------------------------------- other readers


def test_pandas_reads_the_file_without_help(tmp_path: Path) -> None:
    """pandas.read_parquet gives one row per letter, dates as dates, records as dicts."""
    path = tmp_path / "letters.parquet"
    dated = attrs.evolve(seed_letter(), date=datetime.date(2024, 5, 20))
    write_parquet([parse_one(p) for p in LETTERS[:5]] + [dated], path)
    frame = pd.read_parquet(path)
    assert list(frame.columns) == arrow_schema().names
    assert len(frame) == 6
    last = frame.iloc[-1]
    assert last["date"] == datetime.date(2024, 5, 20)
    assert last["letter"]["reference"]["number"] == 55
    assert frame["source"].iloc[0] == str(LETTERS[0])


def test_polars_reads_the_file_without_help(tmp_path: Path) -> None:
    """polars.read_parquet gives the same rows, nested records as structs."""
    polars = pytest.importorskip("polars")
    path = tmp_path / "letters.parquet"
    write_parquet([attrs.evolve(seed_letter(), date=datetime.date(2024, 5, 20))], path)
    frame = polars.read_parquet(path)
    assert frame.columns == arrow_schema().names
    assert frame["letter"].struct.field("reference").struct.field("number").to_list() == [55]
    assert frame["date"].to_list() == [datetime.date(2024, 5, 20)]


# --------------------------------------------------------------------------- batches


def test_letter_files_expands_directories_and_patterns(tmp_path: Path) -> None:
    """A directory gives its letter files (hidden ones skipped), a pattern its matches."""
    (tmp_path / "a.txt").write_text("x", "utf-8")
    (tmp_path / "b.json").write_text("{}", "utf-8")
    (tmp_path / "notes.md").write_text("x", "utf-8")
    (tmp_path / ".hidden").mkdir()
    (tmp_path / ".hidden" / "c.txt").write_text("x", "utf-8")
    assert letter_files(tmp_path) == [str(tmp_path / "a.txt"), str(tmp_path / "b.json")]
    assert letter_files(f"{tmp_path}/*.txt") == [str(tmp_path / "a.txt")]
    assert letter_files(["missing.txt"]) == ["missing.txt"]


def test_row_groups_have_the_size_asked_for(tmp_path: Path) -> None:
    """write_parquet streams: rows go out in row groups of row_group_size."""
    path = tmp_path / "rows.parquet"
    write_parquet([seed_letter()] * 10, path, options=BatchOptions(row_group_size=3))
    metadata = pq.ParquetFile(path).metadata
    sizes = [metadata.row_group(i).num_rows for i in range(metadata.num_row_groups)]
    assert sizes == [3, 3, 3, 1]


def _folder(tmp_path: Path, n: int) -> list[str]:
    paths = []
    for i in range(n):
        path = tmp_path / f"{i:03d}.txt"
        path.write_bytes(SEED if i % 4 else b"not a letter")
        paths.append(str(path))
    return paths


def test_parallel_batches_keep_input_order(tmp_path: Path) -> None:
    """Two worker processes give the rows one process gives, in the same order."""
    paths = _folder(tmp_path, 12)
    one = pa.Table.from_batches(parse_files(paths, options=BatchOptions(jobs=1, chunk_size=5)))
    two = pa.Table.from_batches(parse_files(paths, options=BatchOptions(jobs=2, chunk_size=5)))
    assert one.equals(two)
    assert one.column("source").to_pylist() == paths


def test_every_input_is_accounted_for(tmp_path: Path) -> None:
    """A row per input: the failed ones (unreadable, not a letter) carry their error."""
    paths = [*_folder(tmp_path, 8), str(tmp_path / "missing.txt")]
    out = tmp_path / "letters.parquet"
    summary = parse_to_parquet(paths, out, options=BatchOptions(chunk_size=3))
    table = pq.read_table(out, columns=["source", "error_type"])
    assert table.column("source").to_pylist() == paths
    assert table.column("error_type").to_pylist().count("TextParseError") == 2
    assert table.column("error_type").to_pylist()[-1] == "OSError"
    assert (summary.rows, summary.failed, summary.resumed) == (9, 3, 0)
    assert not Path(f"{out}.writing").exists()
    assert not Path(f"{out}.partial").exists()


def test_an_interrupted_run_leaves_a_partial_file_that_resume_completes(tmp_path: Path) -> None:
    """Stopped after a batch, the rows so far are a valid .partial; --resume adds the rest."""
    paths = _folder(tmp_path, 10)
    out = tmp_path / "letters.parquet"
    options = BatchOptions(chunk_size=3, row_group_size=3)

    def stop(batch: pa.RecordBatch) -> None:
        raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        parse_to_parquet(paths, out, options=options, on_batch=stop)
    assert not out.exists()
    kept = pq.read_table(f"{out}.partial").column("source").to_pylist()
    assert kept == paths[:3]
    summary = parse_to_parquet(paths, out, options=options, resume=True)
    assert pq.read_table(out).column("source").to_pylist() == paths
    assert (summary.rows, summary.resumed) == (10, 3)
    assert not Path(f"{out}.partial").exists()


def test_a_broken_partial_file_means_starting_over(tmp_path: Path) -> None:
    """A .partial file that is not complete Parquet (a killed run) is not resumed from."""
    paths = _folder(tmp_path, 4)
    out = tmp_path / "letters.parquet"
    Path(f"{out}.partial").write_bytes(b"PAR1 cut off")
    summary = parse_to_parquet(paths, out, resume=True)
    assert (summary.rows, summary.resumed) == (4, 0)


def test_without_resume_a_run_starts_over(tmp_path: Path) -> None:
    """A left-over .partial is ignored and replaced unless resume is asked for."""
    paths = _folder(tmp_path, 4)
    out = tmp_path / "letters.parquet"
    write_parquet([parse_one(paths[0])], f"{out}.partial")
    summary = parse_to_parquet(paths, out)
    assert (summary.rows, summary.resumed) == (4, 0)
    assert not Path(f"{out}.partial").exists()


def test_parse_batches_has_the_shape_spark_map_in_arrow_wants() -> None:
    """Batches of Spark's binaryFile columns map to batches of rows, one per file."""
    files = pa.record_batch(
        {  # type: ignore[arg-type]  # a dict of mixed columns, as pyarrow accepts
            "path": ["file:/data/055.txt", "file:/data/056.txt"],
            "modificationTime": pa.array([0, 0], pa.timestamp("us")),
            "length": [len(SEED), 3],
            "content": [SEED, b"bad"],
        }
    )
    [rows] = list(parse_batches([files]))
    assert rows.schema.equals(arrow_schema())
    assert rows.column("item_number").to_pylist() == [55, None]
    assert rows.column("source").to_pylist() == ["/data/055.txt", "/data/056.txt"]
    assert rows.column("error_type").to_pylist() == [None, "TextParseError"]


# --------------------------------------------------------------------------- scaling


def test_converting_rows_scales_linearly() -> None:
    """Ten times the rows cost at most fifteen times as long to turn into Arrow."""
    rows = [parse_one(p) for p in LETTERS[:20]]
    to_batch(rows)  # Arrow's first use imports and sets up things once
    t_small = best(lambda: to_batch(rows))
    t_large = best(lambda: to_batch(rows * 10))
    assert t_large <= 15 * max(t_small, 2e-3)


def test_a_long_body_converts_in_linear_time() -> None:
    """A letter ten times longer costs at most fifteen times as long to convert."""

    def letter(n: int) -> ReplyLetter:
        return attrs.evolve(seed_letter(), paragraphs=[Paragraph(f"第{i}段。") for i in range(n)])

    small, large = letter(2_000), letter(20_000)
    t_small = best(lambda: to_batch([small]))
    t_large = best(lambda: to_batch([large]))
    assert t_large <= 15 * max(t_small, 2e-3)


def test_standard_reference_survives() -> None:
    """An item reference with only a title keeps it (a nullable number) through Arrow."""
    reference = ItemReference(kind=seed_letter().kind, title="关于某事的建议")
    letter = attrs.evolve(seed_letter(), reference=reference)
    assert from_arrow(to_arrow([letter]))[0].letter == letter


def test_the_how_to_lists_every_column() -> None:
    """docs/howto/parquet.md has a table row for each column, in the schema's order."""
    page = (Path(__file__).parent.parent / "docs" / "howto" / "parquet.md").read_text("utf-8")
    listed = [line.split("`")[1] for line in page.splitlines() if line.startswith("| `")]
    assert listed == arrow_schema().names
