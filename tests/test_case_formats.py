"""Case files as JSON and XML: round trips, schemas, strictness, hardening and scaling."""

from __future__ import annotations

import copy
import datetime
import json
from pathlib import Path
from typing import Any

import attrs
import jsonschema
import pytest
from hypothesis import given
from hypothesis import strategies as st
from lxml import etree

from govreply.case import CaseFile, Event, State
from govreply.errors import JsonParseError, ValidationError, XmlParseError
from govreply.examples import seed_letter
from govreply.formats import json as gjson
from govreply.formats import xml as gxml
from govreply.formats.json._convert import make_converter
from govreply.formats.json._fast import RejectedError, parse_timestamp, structure_case
from govreply.model import Paragraph
from govreply.schemas import (
    case_json_schema,
    case_xml_schema,
    json_schema,
    schema_names,
    xml_schema,
)
from govreply.testing import case_files, texts
from timing import best

SCHEMA = jsonschema.Draft202012Validator(
    json.loads(case_json_schema()),
    format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER,
)
CONVERTER = make_converter()
UTC = datetime.timezone.utc
CST = datetime.timezone(datetime.timedelta(hours=8))
SAFE = texts(xml_safe=True)


def seed_case() -> CaseFile:
    case = CaseFile.from_letter(seed_letter(), {"交办日期": "2024-03-01", "会办单位": "区财政局"})
    return case.record(
        Event(
            at=datetime.datetime(2024, 3, 1, 9, 30, tzinfo=CST),
            actor="区人大选任联工委",
            state=State.ASSIGNED,
            unit="区财政局",
        )
    )


def seed_document() -> dict[str, Any]:
    return gjson.case_to_dict(seed_case())


def json_problems(document: Any) -> list[str]:
    with pytest.raises(JsonParseError) as info:
        gjson.loads_case(json.dumps(document, ensure_ascii=False))
    return [str(p) for p in info.value.problems]


def xml_problems(data: str | bytes, **options: int) -> list[str]:
    with pytest.raises(XmlParseError) as info:
        gxml.loads_case(data, options=gxml.XmlOptions(**options))
    return [str(p) for p in info.value.problems]


# ------------------------------------------------------------------------------ JSON


def test_json_envelope() -> None:
    """A case file is its own document type, in the same kind of envelope as a letter."""
    document = json.loads(gjson.dumps_case(seed_case()))
    assert list(document) == ["format", "version", "case"]
    assert (document["format"], document["version"]) == ("govreply.case-file", 1)
    case = document["case"]
    assert case["history"][0]["at"] == "2024-03-01T09:30:00+08:00"
    assert case["letters"][0] == gjson.to_dict(seed_letter())["letter"]
    assert case["assignments"][1] == {
        "unit": "区财政局",
        "role": "joint",
        "assigned_on": "2024-03-01",
        "extended": False,
        "status": "assigned",
    }


@given(case_files())
def test_every_case_round_trips_through_json(case: CaseFile) -> None:
    """loads_case(dumps_case(x)) == x, compact or indented, any text and any time zone."""
    assert gjson.loads_case(gjson.dumps_case(case)) == case
    assert gjson.loads_case(gjson.dumps_case(case, indent=1)) == case
    back = gjson.loads_case(gjson.dumps_case(case))
    assert [e.at.utcoffset() for e in back.history] == [e.at.utcoffset() for e in case.history]


@given(case_files())
def test_every_json_output_validates_against_the_schema(case: CaseFile) -> None:
    """The published case-file JSON Schema accepts every document dumps_case writes."""
    SCHEMA.validate(json.loads(gjson.dumps_case(case)))


@given(case_files())
def test_fast_path_and_converter_agree_on_valid_cases(case: CaseFile) -> None:
    """The generated functions build what the detailed cattrs converter builds."""
    mapping = gjson.case_to_dict(case)["case"]
    assert CONVERTER.unstructure(case) == mapping
    assert structure_case(mapping) == CONVERTER.structure(mapping, CaseFile) == case


def test_the_schema_includes_the_letter_definitions_unchanged() -> None:
    """The case-file schema's letter definitions are those of reply-letter-2.schema.json."""
    letter_defs = json.loads(json_schema())["$defs"]
    case_defs = json.loads(case_json_schema())["$defs"]
    assert {k: case_defs[k] for k in letter_defs} == letter_defs


@pytest.mark.parametrize(
    ("path", "value", "message"),
    [
        (
            ("history", 0, "at"),
            "2024-03-01T09:30:00",
            "$.case.history[0].at: expected a time as YYYY-MM-DDThh:mm:ss+hh:mm, "
            "got '2024-03-01T09:30:00'",
        ),
        (
            ("history", 0, "at"),
            1709256600,
            "$.case.history[0].at: expected date-time string (YYYY-MM-DDThh:mm:ss+hh:mm), "
            "got integer",
        ),
        (
            ("history", 0, "at"),
            "2024-03-01T09:30:00+15:00",
            "$.case.history[0].at: UTC offset out of range in '2024-03-01T09:30:00+15:00'",
        ),
        (
            ("assignments", 0, "role"),
            "主办",
            "$.case.assignments[0].role: expected one of 'lead' | 'assisting' | 'joint' | "
            "'split' | 'single', got '主办'",
        ),
        (("submission", "key"), "false", "$.case.submission.key: expected boolean, got string"),
        (("submission", "number"), 55.0, "$.case.submission.number: expected integer, got number"),
        (("letters", 0, "title"), 5, "$.case.letters[0].title: expected string, got integer"),
        (
            ("assignments", 1, "deadline"),
            "2024-6-1",
            ("$.case.assignments[1].deadline: expected a date as YYYY-MM-DD, got '2024-6-1'"),
        ),
    ],
)
def test_json_wrong_values_are_reported_with_their_path(
    path: tuple[Any, ...], value: Any, message: str
) -> None:
    """Nothing is coerced; each problem names its JSON path."""
    document = seed_document()
    target = document["case"]
    for step in path[:-1]:
        target = target[step]
    target[path[-1]] = value
    assert json_problems(document) == [message]
    assert not SCHEMA.is_valid(document) or isinstance(value, float)


def test_json_event_needs_a_state_or_a_note() -> None:
    """An event that says nothing happened is refused by the model and by the schema."""
    document = seed_document()
    del document["case"]["history"][0]["state"]
    assert json_problems(document) == [
        "$.case.history[0].state: an event needs a state, a note or both (what happened)"
    ]
    assert not SCHEMA.is_valid(document)


def test_a_letter_document_is_no_case_file() -> None:
    """Each document type reads only its own envelope."""
    letter = gjson.to_dict(seed_letter())
    assert json_problems(letter) == [
        "$.format: expected 'govreply.case-file', got 'govreply.reply-letter'",
        "$.version: unsupported version 2 (supported: 1)",
        "$.case: required key missing",
        "$.letter: unknown key",
    ]
    with pytest.raises(JsonParseError, match=r"expected 'govreply\.reply-letter'"):
        gjson.loads(gjson.dumps_case(seed_case()))


def test_json_unknown_keys_and_bad_json() -> None:
    """Unknown keys anywhere and text that is not JSON are reported."""
    document = seed_document()
    document["case"]["feedback"] = [{"respondent": "马雪梅", "stars": 5}]
    assert json_problems(document) == ["$.case.feedback[0].stars: unknown key"]
    with pytest.raises(JsonParseError, match="line 1, column 2"):
        gjson.loads_case("{,}")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2024-03-01T09:30:00Z", datetime.datetime(2024, 3, 1, 9, 30, tzinfo=UTC)),
        (
            "2024-03-01T09:30:00.5-03:30",
            datetime.datetime(
                2024, 3, 1, 9, 30, 0, 500000,
                tzinfo=datetime.timezone(-datetime.timedelta(hours=3, minutes=30)),
            ),
        ),
    ],
)  # fmt: skip
def test_timestamps_in_every_rfc3339_form(text: str, expected: datetime.datetime) -> None:
    """Z and fractions of 1–6 digits are read on every Python."""
    assert parse_timestamp(text) == expected
    assert parse_timestamp(text).utcoffset() == expected.utcoffset()


@pytest.mark.parametrize(
    "text",
    ["2024-03-01 09:30:00+08:00", "2024-03-01T24:00:00+08:00", "2024-02-30T09:30:00+08:00",
     "2024-03-01T09:30:00+08:60", "2024-03-01T09:30:00.1234567+08:00", "2024-03-01T09:30+08:00"],
)  # fmt: skip
def test_malformed_timestamps_are_refused(text: str) -> None:
    """Anything but a full RFC 3339 date-time with a real time and offset is a ValueError."""
    with pytest.raises(ValueError, match=r"."):
        parse_timestamp(text)


_REPLACEMENTS: st.SearchStrategy[Any] = st.sampled_from(
    [None, 0, 1, True, "", " ", "x", "A1", "lead", "joint", "assigned", "phone", "suggestion",
     "satisfied", "session", "2024-05-20", "2024-5-20", "2024-03-01T09:30:00+08:00",
     "2024-03-01T09:30:00", "2024-03-01T09:30:00+14:30", [], ["x"], [{}], {}, {"code": "B"},
     {"respondent": "x"}, {"unit": "x", "role": "lead"}, {"kind": "party", "name": "x"}]
)  # fmt: skip


def _paths(value: Any, prefix: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    found = [prefix]
    if isinstance(value, dict):
        for key, item in value.items():
            found += _paths(item, (*prefix, key))
    elif isinstance(value, list):
        for i, item in enumerate(value):
            found += _paths(item, (*prefix, i))
    return found


@st.composite
def mutated_cases(draw: st.DrawFn) -> Any:
    """Valid case documents with one to three random changes: replace, delete, add a key."""
    case = draw(case_files(text=st.sampled_from(["甲", " 乙 "]), max_letters=1))
    document = copy.deepcopy(gjson.case_to_dict(case))
    for _ in range(draw(st.integers(1, 3))):
        path = draw(st.sampled_from(_paths(document)))
        if not path:
            continue
        parent = document
        for step in path[:-1]:
            parent = parent[step]
        action = draw(st.sampled_from(["replace", "delete", "add"]))
        if action == "replace":
            parent[path[-1]] = draw(_REPLACEMENTS)
        elif action == "delete":
            del parent[path[-1]]
        elif isinstance(parent[path[-1]], dict):
            parent[path[-1]][draw(st.sampled_from(["extra", "note", "unit", "state"]))] = "x"
    return document


def _accepted(document: Any) -> bool:
    try:
        gjson.case_from_dict(document)
    except JsonParseError:
        return False
    return True


@given(mutated_cases())
def test_loads_case_accepts_exactly_what_the_schema_accepts(document: Any) -> None:
    """Changed case documents are accepted by loads_case if and only if the schema accepts them."""
    assert _accepted(document) == SCHEMA.is_valid(document)


@given(mutated_cases())
def test_fast_path_and_converter_agree_on_changed_cases(document: Any) -> None:
    """The fast path accepts a mapping exactly when the detailed converter does."""
    if not (isinstance(document, dict) and isinstance(document.get("case"), dict)):
        return
    mapping = document["case"]
    try:
        fast: Any = structure_case(mapping)
    except (RejectedError, ValidationError, KeyError, TypeError):
        fast = None
    try:
        slow: Any = CONVERTER.structure(mapping, CaseFile)
    except Exception:
        slow = None
    assert fast == slow


# ------------------------------------------------------------------------------ XML

NS = "{urn:govreply:case-file:1}"
LETTER_NS = "{urn:govreply:reply-letter:2}"


def _saved_schemas(directory: Path) -> etree.XMLSchema:
    """The published XSDs saved side by side, compiled by plain lxml (no govreply resolver)."""
    for name in schema_names():
        if name.endswith(".xsd"):
            text = case_xml_schema() if name.startswith("case") else None
            if name.startswith("reply-letter"):
                text = xml_schema(int(name.split("-")[2].split(".")[0]))
            if text is not None:
                (directory / name).write_text(text, encoding="utf-8")
    return etree.XMLSchema(etree.parse(str(directory / "case-file-1.xsd")))


@pytest.fixture(scope="module")
def saved_schema(tmp_path_factory: pytest.TempPathFactory) -> etree.XMLSchema:
    return _saved_schemas(tmp_path_factory.mktemp("schemas"))


def test_xml_document_shape() -> None:
    """Case elements in their namespace; each letter a complete <reply-letter> in its own."""
    root = etree.fromstring(gxml.dumps_case(seed_case()).encode("utf-8"))
    assert root.tag == f"{NS}case-file"
    assert root.get("version") == "1"
    assert [etree.QName(c).localname for c in root] == [
        "submission",
        "handling",
        "assignments",
        "proposed-classification",
        "letters",
        "feedback",
        "history",
    ]
    assert root.findtext(f"{NS}history/{NS}event/{NS}at") == "2024-03-01T09:30:00+08:00"
    (letter,) = root.find(f"{NS}letters")  # type: ignore[misc]
    assert letter.tag == f"{LETTER_NS}reply-letter"
    assert letter.get("version") == "2"
    assert gxml.from_element(letter) == seed_letter()


@given(case_files(text=SAFE))
def test_every_case_round_trips_through_xml(case: CaseFile) -> None:
    """loads_case(dumps_case(x)) == x, compact or indented."""
    assert gxml.loads_case(gxml.dumps_case(case)) == case
    assert gxml.loads_case(gxml.dumps_case(case, indent=2)) == case


@given(case_files(text=SAFE))
def test_every_xml_output_validates_against_the_saved_xsds(
    saved_schema: etree.XMLSchema, case: CaseFile
) -> None:
    """The published case-file XSD, saved beside the letter XSD, accepts every document."""
    assert saved_schema.validate(etree.fromstring(gxml.dumps_case(case).encode("utf-8")))


def test_xml_problems_have_lines_and_paths() -> None:
    """Violations anywhere, letters included, are listed with their line and element path."""
    document = gxml.dumps_case(seed_case(), indent=1)
    bad = (
        document.replace("<role>joint</role>", "<role>主办</role>")
        .replace("<title>关于区二届", "<headline>关于区二届")
        .replace("答复的函</title>", "答复的函</headline>")
    )
    problems = xml_problems(bad)
    assert problems[0].startswith("line 33: /case-file/assignments/assignment[2]/role: ")
    assert problems[1].startswith("line 59: /case-file/letters/reply-letter[1]/headline: ")


def test_xml_model_invariants_are_located() -> None:
    """An event without a state or note is refused by the XSD at the event."""
    document = gxml.dumps_case(seed_case())
    bad = document.replace("<state>assigned</state>", "")
    (problem,) = xml_problems(bad)
    assert "/case-file/history/event[1]" in problem


def test_xml_letters_must_be_the_current_version() -> None:
    """A version-1 letter inside a case file is refused by the case XSD."""
    document = gxml.dumps_case(seed_case()).replace(
        'xmlns="urn:govreply:reply-letter:2" version="2"',
        'xmlns="urn:govreply:reply-letter:1" version="1"',
    )
    assert xml_problems(document)


def test_a_letter_document_is_no_case_file_in_xml() -> None:
    """loads_case refuses a letter document, and loads a case document."""
    assert xml_problems(gxml.dumps(seed_letter())) == [
        "line 1: /reply-letter: expected <case-file> in urn:govreply:case-file:1"
    ]
    with pytest.raises(XmlParseError, match="expected <reply-letter>"):
        gxml.loads(gxml.dumps_case(seed_case()))


def test_xml_unwritable_characters_name_their_field() -> None:
    """A control character in a letter inside the case is reported by its model path."""
    case = attrs.evolve(
        seed_case(), letters=(attrs.evolve(seed_letter(), paragraphs=(Paragraph("a\x01"),)),)
    )
    with pytest.raises(ValidationError) as info:
        gxml.dumps_case(case)
    assert info.value.field == "letters[0].paragraphs[0].text"


def test_xml_hostile_input_is_refused() -> None:
    """DOCTYPEs, entities, oversize and over-deep documents fail fast, as for letters."""
    document = gxml.dumps_case(seed_case())
    doctype = '<!DOCTYPE case-file [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
    assert "DOCTYPE is not allowed" in xml_problems(doctype + document)[0]
    assert "exceeds the limit" in xml_problems(document, max_bytes=100)[0]
    assert "deeper than 5 levels" in xml_problems(document, max_depth=5)[0]
    deep = document.replace("<lead>马雪梅</lead>", "<lead>" + "<a>" * 40 + "</a>" * 40 + "</lead>")
    assert "deeper than 32 levels" in xml_problems(deep)[0]


def test_xml_integer_too_long_is_located() -> None:
    """A number of 5,000 digits is a parse error at its element, not a ValueError."""
    document = gxml.dumps_case(seed_case()).replace(
        "<number>55</number>", f"<number>{'9' * 5000}</number>", 1
    )
    (problem,) = xml_problems(document)
    assert problem.startswith("line 1: /case-file/submission/number: integer too long")


# ------------------------------------------------------------------------------ scaling


def _with_history(n: int) -> CaseFile:
    start = datetime.datetime(2024, 3, 1, tzinfo=CST)
    events = [
        Event(at=start + datetime.timedelta(minutes=i), actor="办公室", note=f"第{i}次电话联系")
        for i in range(n)
    ]
    return attrs.evolve(seed_case(), history=tuple(events))


@pytest.mark.parametrize("fmt", ["json", "xml"])
def test_reading_scales_linearly_with_the_history(fmt: str) -> None:
    """Ten times the events take at most fifteen times as long to read."""
    dumps, loads = {
        "json": (gjson.dumps_case, gjson.loads_case),
        "xml": (gxml.dumps_case, gxml.loads_case),
    }[fmt]
    small, large = dumps(_with_history(1000)), dumps(_with_history(10_000))
    t_small = best(lambda: loads(small))
    t_large = best(lambda: loads(large))
    assert t_large <= 15 * max(t_small, 2e-3)
