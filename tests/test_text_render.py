"""Rendering letters in the official plain-text layout, and reading the rendering back."""

from __future__ import annotations

import datetime
import difflib
from pathlib import Path
from typing import Any

import attrs
import pytest
from hypothesis import given

from govreply.errors import ValidationError
from govreply.examples import seed_letter, seed_text
from govreply.formats import text
from govreply.model import (
    AttachmentNote,
    Contact,
    Disclosure,
    DisclosureKind,
    ItemKind,
    Paragraph,
    Rating,
    ReplyLetter,
    Section,
)
from govreply.testing import reply_letters

GOLDEN = Path(__file__).parent / "data" / "seed.golden.txt"


def _golden() -> str:
    return GOLDEN.read_text(encoding="utf-8")


def test_seed_renders_as_the_golden_file() -> None:
    """dumps(seed) is the golden file, byte for byte."""
    assert text.dumps(seed_letter()) == _golden()


def test_golden_differs_from_the_published_seed_only_by_the_documented_repairs() -> None:
    """The rendering is the published seed except three documented places.

    1. Line 9: the title prints without the layout space of the PDF (``四次会议 第55号``): the
       model keeps the title as it should print.
    2. Lines 23-25: the paragraph the PDF page break cut (``…全区教育系统心`` / blank /
       ``区教育系统心理…``) prints joined, with the repeated fragment 区教育系统心 once.
    3. Lines 31-33: the paragraph cut mid-word (``…中小学心理`` / blank / ``健康成长档案…``)
       prints joined.
    4. Body lines (opening, headings, paragraphs, closing, attachment note) print with the
       two-character first-line indent of GB/T 9704 §7.3.3, which the copy out of the PDF lost.

    Everything else, the tab layout of the feedback form included (``满 意`` in the 办理结果
    row, the empty tick-box cells, ``代表意见:`` with an ASCII colon), is reproduced exactly.
    """
    raw = seed_text().split("\n")
    golden = [line.removeprefix("\u3000\u3000") for line in _golden().split("\n")]
    assert sum(line.startswith("\u3000\u3000") for line in _golden().split("\n")) == 11
    changes = [
        (tag, i1 + 1, i2 + 1, j1 + 1, j2 + 1)
        for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(a=raw, b=golden).get_opcodes()
        if tag != "equal"
    ]
    assert changes == [
        ("replace", 9, 10, 9, 10),
        ("replace", 23, 26, 23, 24),
        ("replace", 31, 34, 29, 30),
    ]
    assert golden[8] == raw[8].replace(" ", "")
    assert golden[22] == raw[22] + raw[24].removeprefix("区教育系统心")
    assert golden[28] == raw[30] + raw[32]


def test_golden_reads_back_as_the_seed_without_repairs() -> None:
    """Reading the rendering gives the seed letter, and nothing needed repairing."""
    result = text.parse(_golden())
    assert result.letter == seed_letter()
    assert result.findings == ()


def test_seed_form_prints_as_a_tab_separated_table() -> None:
    """The feedback form's rows have seven tab-separated cells, as the seed prints them."""
    lines = text.dumps(seed_letter()).splitlines()
    rows = [line for line in lines if "\t" in line]
    assert len(rows) == 8
    assert all(row.count("\t") == 6 for row in rows)
    assert rows[2] == "建议编号\t教科文卫类第55号\t建议分类 A1 A2 A3 B1 B2 C1 C2\tA1\t\t\t"


@given(reply_letters(layout_safe=True))
def test_layout_safe_letters_round_trip(letter: ReplyLetter) -> None:
    """loads(dumps(x)) == x for every letter the layout can carry."""
    assert text.loads(text.dumps(letter)) == letter


@given(reply_letters())
def test_any_letter_round_trips_or_is_refused(letter: ReplyLetter) -> None:
    """Dumps either refuses a letter with ValidationError or prints one that reads back equal."""
    try:
        rendered = text.dumps(letter)
    except ValidationError:
        return
    assert text.loads(rendered) == letter


def _letter(**changes: Any) -> ReplyLetter:
    return attrs.evolve(seed_letter(), **changes)


def test_a_line_break_in_a_paragraph_is_refused() -> None:
    """A paragraph holding a line break cannot be printed losslessly."""
    letter = _letter(paragraphs=(Paragraph("第一行\n第二行。"),))
    with pytest.raises(ValidationError, match=r"paragraphs\[0\] holds a line break"):
        text.dumps(letter)
    assert "第一行\n第二行。" in text.dumps(letter, strict=False)


def test_a_disclosure_whose_kind_contradicts_its_text_is_refused() -> None:
    """(同意对外公开) reads as consent; a letter claiming it is public cannot be printed."""
    letter = _letter(disclosure=Disclosure("同意对外公开", DisclosureKind.PUBLIC))
    with pytest.raises(ValidationError, match=r"disclosure\.kind"):
        text.dumps(letter)


def test_a_letter_that_would_read_back_differently_is_refused() -> None:
    """A last paragraph worded like a closing would read back as the closing: refused."""
    letter = _letter(
        sections=(), paragraphs=(Paragraph("感谢您对教育工作的关心和支持。"),), closing=None
    )
    with pytest.raises(ValidationError, match="would read back"):
        text.dumps(letter)


def test_nested_sections_print_the_four_label_levels() -> None:
    """Depth gives the label: 一、 （一） 1. （1）."""
    deep = Section(
        "甲",
        subsections=(Section("乙", subsections=(Section("丙", subsections=(Section("丁"),)),)),),
    )
    lines = [line.strip() for line in text.dumps(_letter(sections=(deep,))).splitlines()]
    assert [line for line in lines if line in ("一、甲", "（一）乙", "1.丙", "（1）丁")] == [
        "一、甲",
        "（一）乙",
        "1.丙",
        "（1）丁",
    ]


def test_signature_date_and_notes_print_after_the_gap() -> None:
    """Signature and date follow the three-line gap; notes print in round brackets."""
    letter = _letter(
        signed_by="赣州市赣县区教育科技体育局",
        date=datetime.date(2024, 5, 20),
        notes=("此件依申请予以说明",),
    )
    rendered = text.dumps(letter)
    assert (
        "附：区人大代表建议办理情况征询意见表\n\n\n\n赣州市赣县区教育科技体育局\n2024年5月20日\n\n（此件依申请予以说明）"
        in rendered
    )
    assert text.loads(rendered) == letter


@pytest.mark.parametrize(
    ("contact", "line"),
    [
        (Contact("马国有", "0797—4436219"), "联系人及电话：马国有 0797—4436219"),
        (Contact("马国有", None), "联系人：马国有"),
        (Contact(None, "18707070780"), "联系电话：18707070780"),
    ],
)
def test_contact_lines(contact: Contact, line: str) -> None:
    """A contact prints in one of three shapes and reads back."""
    letter = _letter(contact=contact)
    rendered = text.dumps(letter)
    assert line in rendered.splitlines()
    assert text.loads(rendered).contact == contact


def test_several_attachments_are_numbered() -> None:
    """Several notes with one label print as 附件：1. … / 2. …."""
    notes = (AttachmentNote("办理情况表"), AttachmentNote("现场照片"))
    letter = _letter(attachments=notes)
    rendered = text.dumps(letter)
    assert "附件：1. 办理情况表\n2. 现场照片" in rendered
    assert text.loads(rendered).attachments == notes


def test_ratings_are_ticked_on_the_form() -> None:
    """A filled-in rating puts √ in the cell after the chosen word."""
    form = seed_letter().feedback_form
    assert form is not None
    filled = attrs.evolve(
        form, attitude=Rating.SATISFIED, result=Rating.BASICALLY_SATISFIED, opinion="满意"
    )
    letter = _letter(feedback_form=filled)
    rows = text.dumps(letter).splitlines()
    assert "办理态度\t满意\t√\t基本满意\t\t不满意\t" in rows
    assert "办理结果\t满 意\t\t基本满意\t√\t不满意\t" in rows
    assert "代表意见:\t满意\t\t\t\t\t" in rows
    assert text.loads(text.dumps(letter)).feedback_form == filled


def test_a_proposal_form_speaks_of_members() -> None:
    """A proposal's form prints 委员姓名 / 提案标题 / 提案编号 and reads back as a proposal."""
    form = seed_letter().feedback_form
    assert form is not None
    item = attrs.evolve(form.item, kind=ItemKind.PROPOSAL)
    letter = _letter(feedback_form=attrs.evolve(form, item=item))
    rendered = text.dumps(letter)
    assert "委员姓名\t" in rendered
    assert "提案编号\t" in rendered
    back = text.loads(rendered).feedback_form
    assert back is not None
    assert back.item.kind is ItemKind.PROPOSAL
