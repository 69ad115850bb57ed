"""The JSON format: round trips, strictness, problem paths and agreement with the JSON Schema."""

from __future__ import annotations

import copy
import datetime
import json
from typing import Any

import attrs
import cattrs
import jsonschema
import pytest
from hypothesis import given
from hypothesis import strategies as st

from govreply.errors import JsonParseError, Problem, ValidationError
from govreply.examples import seed_letter
from govreply.formats import get_format
from govreply.formats import json as gjson
from govreply.formats.json._convert import make_converter
from govreply.formats.json._fast import RejectedError, structure_letter
from govreply.formats.json._msgspec import decode_case, decode_letter
from govreply.model import Contact, Paragraph, ReplyLetter, Section
from govreply.schemas import json_schema
from govreply.testing import case_files, reply_letters

SCHEMA = jsonschema.Draft202012Validator(
    json.loads(json_schema()), format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER
)


def seed_document() -> dict[str, Any]:
    document: dict[str, Any] = json.loads(gjson.dumps(seed_letter()))
    return document


def problems_of(document: Any) -> list[str]:
    with pytest.raises(JsonParseError) as info:
        gjson.loads(json.dumps(document, ensure_ascii=False))
    return [str(p) for p in info.value.problems]


# ------------------------------------------------------------------------------ round trips


def test_seed_round_trips() -> None:
    """The seed letter reads back equal to itself."""
    assert gjson.loads(gjson.dumps(seed_letter())) == seed_letter()


def test_format_table_finds_the_module() -> None:
    """get_format("json") is this module and satisfies the Format protocol."""
    fmt = get_format("json")
    assert fmt.loads(fmt.dumps(seed_letter())) == seed_letter()


def test_dumps_writes_the_envelope_and_keeps_chinese() -> None:
    """The document is an envelope; non-ASCII text is written as is, not escaped."""
    text = gjson.dumps(seed_letter())
    document = json.loads(text)
    assert (document["format"], document["version"]) == ("govreply.reply-letter", 2)
    assert "赣州市赣县区教育科技体育局" in text
    assert "\\u" not in text


def test_dumps_is_deterministic_and_in_field_order() -> None:
    """The same letter gives the same string, keys in the model's field order."""
    assert gjson.dumps(seed_letter()) == gjson.dumps(seed_letter())
    letter = json.loads(gjson.dumps(seed_letter()))["letter"]
    order = [a.name for a in attrs.fields(ReplyLetter)]
    assert list(letter) == [name for name in order if name in letter]


def test_dumps_leaves_out_none_and_writes_empty_collections() -> None:
    """None parts are omitted; collections are always written."""
    letter = json.loads(gjson.dumps(seed_letter()))["letter"]
    assert "signer" not in letter
    assert "date" not in letter
    assert letter["paragraphs"] == []
    assert letter["classification"] == {"code": "A1"}


def test_indent_changes_layout_not_content() -> None:
    """An indented document holds the same data as a compact one."""
    pretty = gjson.dumps(seed_letter(), indent=2)
    assert pretty.startswith('{\n  "format": "govreply.reply-letter"')
    assert json.loads(pretty) == json.loads(gjson.dumps(seed_letter()))
    assert gjson.loads(pretty) == seed_letter()


def test_loads_accepts_utf8_bytes() -> None:
    """Bytes are read as UTF-8."""
    assert gjson.loads(gjson.dumps(seed_letter()).encode("utf-8")) == seed_letter()


def test_dict_api_round_trips() -> None:
    """to_dict/from_dict work on parsed JSON without text in between."""
    document = gjson.to_dict(seed_letter())
    assert gjson.from_dict(copy.deepcopy(document)) == seed_letter()
    assert json.loads(json.dumps(document)) == document


def test_null_reads_as_none() -> None:
    """An explicit null for an optional part means the same as leaving it out."""
    document = seed_document()
    document["letter"]["signer"] = None
    document["letter"]["contact"] = None
    document["letter"]["reference"]["congress"]["session"] = None
    letter = gjson.from_dict(document)
    assert letter.signer is None
    assert letter.contact is None
    assert letter.reference.congress is not None
    assert letter.reference.congress.session is None


def test_missing_optional_keys_take_defaults() -> None:
    """A minimal document needs only kind, title, reference and addressees."""
    document = {
        "format": "govreply.reply-letter",
        "version": 1,
        "letter": {
            "kind": "proposal",
            "title": "关于某某提案答复的函",
            "reference": {"kind": "proposal"},
            "addressees": {"names": ["王芳"]},
        },
    }
    letter = gjson.from_dict(document)
    assert letter.role.value == "reply"
    assert letter.sections == ()
    assert letter.date is None


def test_dates_are_iso() -> None:
    """A date is written and read as YYYY-MM-DD."""
    letter = attrs.evolve(seed_letter(), date=datetime.date(2024, 5, 20))
    assert json.loads(gjson.dumps(letter))["letter"]["date"] == "2024-05-20"
    assert gjson.loads(gjson.dumps(letter)).date == datetime.date(2024, 5, 20)


@given(reply_letters())
def test_every_letter_round_trips(letter: ReplyLetter) -> None:
    """loads(dumps(x)) == x, control characters, emoji and astral characters included."""
    assert gjson.loads(gjson.dumps(letter)) == letter
    assert gjson.loads(gjson.dumps(letter, indent=1)) == letter


@given(reply_letters())
def test_every_output_validates_against_the_schema(letter: ReplyLetter) -> None:
    """The published JSON Schema accepts every document dumps() writes."""
    SCHEMA.validate(json.loads(gjson.dumps(letter)))


@given(reply_letters())
def test_fast_path_and_converter_agree_on_valid_letters(letter: ReplyLetter) -> None:
    """The generated fast functions build what the cattrs converter builds."""
    mapping = gjson.to_dict(letter)["letter"]
    converter = make_converter()
    assert converter.unstructure(letter) == mapping
    assert structure_letter(mapping) == converter.structure(mapping, ReplyLetter) == letter


def test_converter_is_private() -> None:
    """Building our converter leaves cattrs' global converter as it was (coercing)."""
    make_converter()
    assert cattrs.structure("5", int) == 5


# ------------------------------------------------------------------------------ strictness


@pytest.mark.parametrize(
    ("path", "value", "message"),
    [
        (("title",), 123, "$.letter.title: expected string, got integer"),
        (("title",), True, "$.letter.title: expected string, got boolean"),
        (("doc_number", "year"), "2024", "$.letter.doc_number.year: expected integer, got string"),
        (("doc_number", "year"), True, "$.letter.doc_number.year: expected integer, got boolean"),
        (("doc_number", "serial"), 4.7, "$.letter.doc_number.serial: expected integer, got number"),
        (("doc_number", "serial"), 2.0, "$.letter.doc_number.serial: expected integer, got number"),
        (
            ("kind",),
            "false",
            "$.letter.kind: expected one of 'suggestion' | 'proposal', got 'false'",
        ),
        (("kind",), 1, "$.letter.kind: expected string, got integer"),
        (("cc",), "区政府督查室", "$.letter.cc: expected array, got string"),
        (("cc",), None, "$.letter.cc: expected array, got null"),
        (
            ("addressees", "names"),
            {"0": "a"},
            "$.letter.addressees.names: expected array, got object",
        ),
        (("reference",), [], "$.letter.reference: expected object, got array"),
        (("addressees",), None, "$.letter.addressees: expected object, got null"),
        (
            ("date",),
            "2024-05-20T08:00:00",
            "$.letter.date: expected a date as YYYY-MM-DD, got '2024-05-20T08:00:00'",
        ),
        (("date",), "20240520", "$.letter.date: expected a date as YYYY-MM-DD, got '20240520'"),
        (("date",), 20240520, "$.letter.date: expected date string (YYYY-MM-DD), got integer"),
        (
            ("sections", 2, "paragraphs", 0, "text"),
            5,
            "$.letter.sections[2].paragraphs[0].text: expected string, got integer",
        ),
        (
            ("feedback_form", "attitude"),
            "很满意",
            "$.letter.feedback_form.attitude: expected one of 'satisfied' | "
            "'basically-satisfied' | 'dissatisfied', got '很满意'",
        ),
    ],
)
def test_wrong_types_are_never_coerced(path: tuple[Any, ...], value: Any, message: str) -> None:
    """Each value cattrs' preconf converters would coerce is an error with its JSON path."""
    document = seed_document()
    target = document["letter"]
    for step in path[:-1]:
        target = target[step]
    target[path[-1]] = value
    assert problems_of(document) == [message]
    assert not SCHEMA.is_valid(document) or isinstance(value, float)


def test_invalid_calendar_date_is_rejected() -> None:
    """2024-02-30 has the right shape but is no date."""
    document = seed_document()
    document["letter"]["date"] = "2024-02-30"
    assert problems_of(document) == ["$.letter.date: day is out of range for month"]


def test_every_problem_is_listed_with_its_path() -> None:
    """One document with many problems reports all of them at once."""
    document = seed_document()
    letter = document["letter"]
    del letter["kind"]
    letter["colour"] = "red"
    letter["doc_number"]["year"] = "二〇二四"
    letter["addressees"]["names"] = ["马雪梅", 5]
    letter["sections"][0]["paragraphs"][1] = {"text": "  "}
    letter["sections"][1]["heading"] = 7
    letter["contact"] = {}
    letter["feedback_form"]["item"]["number"] = 0
    assert sorted(problems_of(document)) == sorted(
        [
            "$.letter.kind: required key missing",
            "$.letter.colour: unknown key",
            "$.letter.doc_number.year: expected integer, got string",
            "$.letter.addressees.names[1]: expected string, got integer",
            "$.letter.sections[0].paragraphs[1].text: text must not be empty or blank",
            "$.letter.sections[1].heading: expected string, got integer",
            "$.letter.contact: a contact needs a name, a phone or a unit",
            "$.letter.feedback_form.item.number: number must be at least 1, got 0",
        ]
    )


def test_model_invariants_become_problems_with_paths() -> None:
    """ValidationErrors raised by the model while building are reported at their path."""
    document = seed_document()
    document["letter"]["addressees"]["names"] = ["马雪梅、黄春英"]
    document["letter"]["doc_number"]["year"] = 24
    assert sorted(problems_of(document)) == [
        "$.letter.addressees.names[0]: names[0] holds a list separator 、; give each name "
        "separately",
        "$.letter.doc_number.year: year must have four digits, got 24",
    ]


def test_letter_invariants_are_checked_once_its_parts_are_valid() -> None:
    """A section tree deeper than four levels is reported at the section."""
    document = seed_document()
    deep: dict[str, Any] = {"heading": "五"}
    for heading in "四三二一":
        deep = {"heading": heading, "subsections": [deep]}
    document["letter"]["sections"].append(deep)
    assert problems_of(document) == [
        "$.letter.sections[3]: sections[3] nests 5 levels; "
        "labels exist for 4 (一、 （一） 1. （1））"
    ]
    assert not SCHEMA.is_valid(document)


def test_unknown_keys_are_rejected_everywhere() -> None:
    """Extra keys in the envelope and in nested objects are errors."""
    document = seed_document()
    document["extra"] = 1
    document["letter"]["reference"]["congress"]["Level"] = "区"
    document["letter"]["sections"][0]["paragraphs"][0]["odd key"] = ""
    assert sorted(problems_of(document)) == [
        "$.extra: unknown key",
        "$.letter.reference.congress.Level: unknown key",
        "$.letter.sections[0].paragraphs[0]['odd key']: unknown key",
    ]


@pytest.mark.parametrize(
    ("change", "problem"),
    [
        (
            {"format": "govreply.letter"},
            "$.format: expected 'govreply.reply-letter', got 'govreply.letter'",
        ),
        ({"version": 3}, "$.version: unsupported version 3 (supported: 1, 2)"),
        ({"version": "1"}, "$.version: expected integer, got string"),
        ({"version": True}, "$.version: expected integer, got boolean"),
    ],
)
def test_envelope_is_checked(change: dict[str, Any], problem: str) -> None:
    """A wrong format name or an unsupported version is an error."""
    document = {**seed_document(), **change}
    assert problems_of(document) == [problem]


def test_envelope_parts_missing() -> None:
    """A bare object without the envelope lists what is missing."""
    assert problems_of({"kind": "suggestion"}) == [
        "$.format: required key missing",
        "$.version: required key missing",
        "$.letter: required key missing",
        "$.kind: unknown key",
    ]
    assert problems_of([1, 2]) == ["$: expected object, got array"]


@pytest.mark.parametrize(
    ("text", "line", "fragment"),
    [
        (
            '{"format": "govreply.reply-letter",\n  "version": 1\n  "letter": {}}',
            3,
            "line 3, column 3: Expecting ',' delimiter",
        ),
        ("", 1, "line 1, column 1: Expecting value"),
        ('{"a": 1}}', 1, "line 1, column 9: Extra data"),
    ],
)
def test_invalid_json_reports_line_and_column(text: str, line: int, fragment: str) -> None:
    """Text that is not JSON gives the line and column of the first error."""
    with pytest.raises(JsonParseError) as info:
        gjson.loads(text)
    (problem,) = info.value.problems
    assert problem.line == line
    assert fragment in problem.message


@pytest.mark.parametrize(
    ("data", "fragment"),
    [
        ('{"format": NaN}', "NaN is not valid JSON"),
        ('{"version": Infinity}', "Infinity is not valid JSON"),
        ('{"format": "a", "format": "b"}', "duplicate key 'format'"),
        ("[" * 200_000 + "]" * 200_000, "invalid JSON"),
        ('{"version": ' + "9" * 5000 + "}", "invalid JSON"),
        (b"\xff\xfe{}", "not UTF-8"),
    ],
)
def test_not_quite_json_is_rejected(data: str | bytes, fragment: str) -> None:
    """NaN, duplicate keys, absurd nesting, huge integers and bad bytes are parse errors."""
    with pytest.raises(JsonParseError, match=fragment) as info:
        gjson.loads(data)
    assert isinstance(info.value, ValueError)
    assert info.value.__cause__ is not None


# ------------------------------------------------------------------- agreement with the schema

_REPLACEMENTS: st.SearchStrategy[Any] = st.sampled_from(
    [
        None,
        0,
        -1,
        1,
        7,
        4.5,
        True,
        False,
        "",
        " ",
        "x",
        "A1",
        "npc",
        "suggestion",
        "satisfied",
        "2024-05-20",
        "2024-5-20",
        [],
        ["x"],
        [{}],
        {},
        {"text": "x"},
        {"code": "B"},
        {"name": "x"},
        {"heading": "x"},
    ]
)


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
def mutated_documents(draw: st.DrawFn) -> Any:
    """Valid documents with one to three random changes: replace, delete, add a key."""
    document = json.loads(gjson.dumps(draw(reply_letters(text=st.sampled_from(["甲", " 乙 "])))))
    for _ in range(draw(st.integers(1, 3))):
        paths = _paths(document)
        path = draw(st.sampled_from(paths))
        action = draw(st.sampled_from(["replace", "delete", "add"]))
        if not path:
            continue
        parent = document
        for step in path[:-1]:
            parent = parent[step]
        if action == "replace":
            parent[path[-1]] = draw(_REPLACEMENTS)
        elif action == "delete":
            del parent[path[-1]]
        elif isinstance(parent[path[-1]], dict):
            parent[path[-1]][draw(st.sampled_from(["extra", "names", "text", "code"]))] = "x"
    return document


def _accepted(document: Any) -> bool:
    try:
        gjson.from_dict(document)
    except JsonParseError:
        return False
    return True


@given(mutated_documents())
def test_loads_accepts_exactly_what_the_schema_accepts(document: Any) -> None:
    """Changed documents are accepted by loads if and only if the schema accepts them."""
    assert _accepted(document) == SCHEMA.is_valid(document)


@given(mutated_documents())
def test_fast_path_and_converter_agree_on_changed_documents(document: Any) -> None:
    """The fast path accepts a mapping exactly when the detailed cattrs converter does."""
    if not (isinstance(document, dict) and isinstance(document.get("letter"), dict)):
        return
    mapping = document["letter"]
    try:
        fast: Any = structure_letter(mapping)
    except (RejectedError, ValidationError, KeyError, TypeError):
        fast = None
    try:
        slow: Any = make_converter().structure(mapping, ReplyLetter)
    except Exception:
        slow = None
    assert fast == slow


def test_a_paragraph_object_needs_text() -> None:
    """Paragraph, section and contact objects are checked like the letter itself."""
    letter = attrs.evolve(
        seed_letter(),
        sections=(Section("一", (Paragraph("正文"),)),),
        contact=Contact(phone="0797—4436219"),
    )
    document = gjson.to_dict(letter)
    document["letter"]["sections"][0]["paragraphs"][0] = {}
    assert problems_of(document) == [
        "$.letter.sections[0].paragraphs[0].text: required key missing"
    ]


def test_version_1_documents_are_upgraded_on_load() -> None:
    """A govreply 0.1 document loads: the final 。 of its cc list becomes cc_stop."""
    v2 = gjson.to_dict(seed_letter())
    letter_v1 = {k: v for k, v in v2["letter"].items() if k not in ("cc_stop", "cc_superiors")}
    v1 = {"format": "govreply.reply-letter", "version": 1, "letter": letter_v1}
    assert gjson.from_dict(v1) == seed_letter()  # printed without 。: cc_stop False
    stopped = {**v1, "letter": {**letter_v1, "cc": ["区人大选任联工委", "区政府督查室。"]}}
    upgraded = gjson.loads(json.dumps(stopped, ensure_ascii=False))
    assert upgraded.cc == ("区人大选任联工委", "区政府督查室")
    assert upgraded.cc_stop is True
    assert gjson.dumps(upgraded).startswith('{"format":"govreply.reply-letter","version":2,')


# ------------------------------------------------------------ the msgspec reader (loads' fast path)


def _slow(text: str) -> Any:
    """What the detailed path makes of ``text``: the letter, or None when it refuses."""
    try:
        return gjson.from_dict(gjson._decode(text))
    except JsonParseError:
        return None


def _fast(text: str) -> Any:
    """What the msgspec path makes of ``text``: the letter, or None when it refuses."""
    try:
        return decode_letter(text)
    except Exception:
        return None


def _write(value: Any, *, repeat: tuple[Any, ...] | None, extra: Any, indent: bool) -> str:
    """JSON text of ``value``; the object at the path ``repeat`` gets its last key again."""
    space = " " if indent else ""
    if isinstance(value, dict):
        parts = [
            f"{json.dumps(k, ensure_ascii=False)}:{space}"
            + _write(v, repeat=_step(repeat, k), extra=extra, indent=indent)
            for k, v in value.items()
        ]
        if repeat == () and value:
            parts.append(f"{json.dumps(list(value)[-1])}:{space}{json.dumps(extra)}")
        return "{" + f",{space}".join(parts) + "}"
    if isinstance(value, list):
        items = [
            _write(v, repeat=_step(repeat, i), extra=extra, indent=indent)
            for i, v in enumerate(value)
        ]
        return "[" + f",{space}".join(items) + "]"
    return json.dumps(value, ensure_ascii=False)


def _step(path: tuple[Any, ...] | None, key: Any) -> tuple[Any, ...] | None:
    return path[1:] if path and path[0] == key else None


@st.composite
def written_documents(draw: st.DrawFn) -> str:
    """Changed documents written out, some with a key repeated, some spaced or with nulls."""
    document = draw(st.one_of(mutated_documents(), st.builds(seed_document)))
    objects = [p for p in _paths(document) if isinstance(_at(document, p), dict)]
    repeat = draw(st.none() | st.sampled_from(objects)) if objects else None
    extra = draw(_REPLACEMENTS | st.just("甲:乙"))
    return _write(document, repeat=repeat, extra=extra, indent=draw(st.booleans()))


def _at(document: Any, path: tuple[Any, ...]) -> Any:
    for step in path:
        document = document[step]
    return document


@given(reply_letters())
def test_msgspec_path_builds_every_letter(letter: ReplyLetter) -> None:
    """The msgspec reader reads every letter back equal (and of equal hash) to itself."""
    built = decode_letter(gjson.dumps(letter))
    assert built == letter
    assert hash(built) == hash(letter)
    assert decode_letter(gjson.dumps(letter, indent=2)) == letter


@given(case_files())
def test_msgspec_path_builds_every_case_file(case: Any) -> None:
    """The msgspec reader reads every case file back equal to itself."""
    assert decode_case(gjson.dumps_case(case)) == case


@given(written_documents())
def test_msgspec_path_never_accepts_what_the_detailed_path_refuses(text: str) -> None:
    """On any document the msgspec reader refuses, or builds exactly what the slow path builds."""
    fast = _fast(text)
    if fast is not None:
        assert fast == _slow(text)


@pytest.mark.parametrize(
    "text",
    [
        '{"format":"govreply.reply-letter","format":"govreply.reply-letter","version":2,"letter":{}}',
        '{"title":"甲","title":"乙"}',
        '{"title":"甲:乙","title":"乙"}',
        '{"title":"乙","opening":"甲","title":"乙"}',
        '{"doc_number":{"printed":"x","printed":"y"}}',
        '{"title":"\\u003a","title":"乙"}',
        '{"addressees":{"names":["甲"],"role":"代表"}}',
    ],
)
def test_repeated_and_unknown_keys_are_refused_by_both_paths(text: str) -> None:
    """A key given twice (with or without ':' in strings) is refused, not last-one-wins."""
    if not text.startswith('{"format"'):
        letter = seed_document()["letter"]
        body = json.dumps(letter, ensure_ascii=False)[1:-1]
        extra = text[1:-1]
        text = f'{{"format":"govreply.reply-letter","version":2,"letter":{{{body},{extra}}}}}'
    assert _fast(text) is None
    assert _slow(text) is None
    with pytest.raises(JsonParseError):
        gjson.loads(text)


def test_documents_with_colons_in_text_take_the_fast_path() -> None:
    """ASCII ':' inside text does not send a document to the slow path."""
    letter = attrs.evolve(seed_letter(), opening="现答复如下: 一、时间 9:30", notes=("a:b",))
    assert decode_letter(gjson.dumps(letter)) == letter


def test_fast_path_checks_what_validators_check() -> None:
    """Blank text, a five-digit year, a too deep section are refused as __init__ would."""
    for path, value in [
        (("title",), " "),
        (("addressees", "names"), ["", "甲"]),
        (("doc_number", "year"), 20240),
        (
            ("sections",),
            [
                {
                    "heading": "a",
                    "subsections": [
                        {
                            "heading": "b",
                            "subsections": [
                                {
                                    "heading": "c",
                                    "subsections": [
                                        {"heading": "d", "subsections": [{"heading": "e"}]}
                                    ],
                                }
                            ],
                        }
                    ],
                }
            ],
        ),
        (("cc",), ["区政府督查室。"]),
        (("contact",), {}),
    ]:
        document = seed_document()
        _at(document["letter"], path[:-1])[path[-1]] = value
        text = json.dumps(document, ensure_ascii=False)
        assert _fast(text) is None, path
        assert _slow(text) is None, path


def test_problems_are_capped_at_the_first_hundred_and_a_count() -> None:
    """1,000 bad paragraphs: the first 100 problems with their paths, then how many more."""
    document = seed_document()
    document["letter"]["paragraphs"] = [{"text": i} for i in range(1000)]
    with pytest.raises(JsonParseError) as caught:
        gjson.loads(json.dumps(document, ensure_ascii=False))
    problems = caught.value.problems
    assert len(problems) == gjson.MAX_PROBLEMS + 1 == 101
    assert problems[0].path == "$.letter.paragraphs[0].text"
    assert problems[99].path == "$.letter.paragraphs[99].text"
    assert problems[-1] == Problem("$", "… and 900 more problems")
