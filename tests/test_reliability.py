"""Reproducers of the reliability issue: inputs that hung, raised an untyped error or lost text.

Each now gets a typed error or keeps its whole text, at once (the scaling tests, which time input
at n and 10 n, live beside each parser).
"""

from __future__ import annotations

import pytest

from govreply import numerals
from govreply.cli import main
from govreply.errors import NumeralError, TextParseError, ValidationError, XmlParseError
from govreply.examples import seed_letter, seed_text
from govreply.formats import text, xml
from govreply.formats.xml import MAX_PROBLEMS
from govreply.model import Addressees, Classification, Congress


@pytest.mark.parametrize("level", [1, 2, 3, 4])
def test_a_huge_label_index_is_a_numeral_error(level: int) -> None:
    """format_label(3, 10**5000) was Python's plain 'Exceeds the limit (4300 digits)'."""
    with pytest.raises(NumeralError, match="at most"):
        numerals.format_label(level, 10**5000)


def test_the_numeral_command_refuses_five_thousand_digits(
    capsys: pytest.CaptureFixture[str],
) -> None:
    """`govreply numeral <5,000 digits>` is one line on stderr and exit 1, not a traceback."""
    assert main(["numeral", "1" * 5000]) == 1
    err = capsys.readouterr().err
    assert "at most 4000 digits" in err
    assert "Traceback" not in err


@pytest.mark.parametrize(
    ("parse", "value"),
    [
        (Addressees.parse, "等" + " " * 400 + "x"),
        (Addressees.parse, "a" + "\n" * 100_000 + "x"),
        (Classification.parse, "A" + " " * 1600 + "x"),
        (Congress.parse, "1" * 16000),
    ],
    ids=["addressees-spaces", "addressees-newlines", "classification", "congress"],
)
def test_field_parsers_refuse_long_input_with_a_validation_error(parse: object, value: str) -> None:
    """The inputs that backtracked for seconds are refused (or read) at once, typed."""
    with pytest.raises(ValidationError):
        parse(value)  # type: ignore[operator]


def test_a_padded_form_cell_is_read_or_reported() -> None:
    """The seed with 马雪梅等 + 400 spaces + x in the form's name cell parses (it took 16 s)."""
    raw = seed_text()
    head, form = raw.split("代表姓名\t", 1)
    padded = (
        head
        + "代表姓名\t"
        + form.replace("马雪梅、黄春英、李珍等12名代表", "马雪梅等" + " " * 400 + "x", 1)
    )
    result = text.parse(padded)
    assert result.letter.addressees.names == ("马雪梅", "黄春英", "李珍")
    assert any(f.code == "GT402" for f in result.findings)


@pytest.mark.parametrize(
    ("line", "unit", "name"),
    [
        ("联系人:浙江省公路管理局计财处,戴京国", "浙江省公路管理局计财处", "戴京国"),
        ("联系单位及联系人:海南省交通运输厅综合规划处,潘东;", "海南省交通运输厅综合规划处", "潘东"),
        ("联系科室、人员及电话:经建科6211754", "经建科", None),
    ],
)
def test_contact_units_are_kept(line: str, unit: str, name: str | None) -> None:
    """The unit printed before the contact's name is no longer lost."""
    letter = text.loads("张三代表：\n您提出的建议收悉，现答复如下：\n已办。\n" + line)
    assert letter.contact is not None
    assert (letter.contact.unit, letter.contact.name) == (unit, name)


@pytest.mark.parametrize("addressee", ["马青、周丽等委员：", "罗英等代表："])
def test_a_bare_et_al_survives_the_text_layout(addressee: str) -> None:
    """马青、周丽等委员 read and printed back keeps its 等 (it came back as 罗英代表)."""
    letter = text.loads(addressee + "\n您提出的建议收悉，现答复如下：\n已办。")
    assert str(letter.addressees) + "：" == addressee
    assert addressee in text.dumps(letter, strict=False)


def test_a_text_that_is_no_letter_is_still_refused() -> None:
    """The hardening keeps refusing what is not a letter."""
    with pytest.raises(TextParseError):
        text.parse("这不是一封答复函。")


def _with_names(names: str) -> str:
    doc = xml.dumps(seed_letter())
    at = doc.index("<name>马雪梅</name>")
    return doc[:at] + names + doc[at:]


def test_a_hundred_thousand_bad_names_are_capped_at_once() -> None:
    """100,000 invalid list items: the first hundred problems, named, and a note of more.

    libxml2 names every violation by counting the node's earlier siblings: validating the whole
    tree cost the square of the list (two minutes for this document).
    """
    with pytest.raises(XmlParseError) as caught:
        xml.loads(_with_names("<name></name>" * 100_000))
    problems = caught.value.problems
    assert len(problems) == MAX_PROBLEMS + 1
    assert problems[0].path == "/reply-letter/addressees/names/name[1]"
    assert problems[MAX_PROBLEMS - 1].path == f"/reply-letter/addressees/names/name[{MAX_PROBLEMS}]"
    assert "more problems" in problems[-1].message


def test_a_bad_item_far_down_a_long_list_is_still_found() -> None:
    """A violation past the items the path-naming copy keeps is reported, by line."""
    names = "<name>甲</name>" * 150 + "<name> </name>" + "<name>乙</name>" * 50
    with pytest.raises(XmlParseError, match="pattern"):
        xml.loads(_with_names(names))


def test_a_long_valid_list_is_read() -> None:
    """Two thousand names validate (streaming) and are all read."""
    letter = xml.loads(_with_names("<name>甲</name>" * 2000))
    assert len(letter.addressees.names) == 2000 + 3
