"""The bundled seed letter: the Python object matches the published text, part by part."""

from __future__ import annotations

from govreply import examples
from govreply.model import DisclosureKind, ItemKind, Rating

RAW = examples.seed_text()
LINES = [line for line in RAW.splitlines() if line.strip()]


def test_seed_text_is_the_published_letter() -> None:
    """The packaged text is the seed as published, masthead first."""
    assert LINES[0] == "赣州市赣县区教育科技体育局"
    assert LINES[1] == "赣区教议〔2024〕2号"
    assert RAW.endswith("且必须代表本人签名。")


def test_every_unrepaired_paragraph_is_printed_verbatim() -> None:
    """Each paragraph not touched by a page-break repair is a line of the seed."""
    letter = examples.seed_letter()
    texts = [p.text for s in letter.sections for p in s.paragraphs]
    assert len(texts) == 5
    repaired = {texts[2], texts[4]}
    for text in texts:
        assert (text in LINES) != (text in repaired)


def test_page_break_repairs_are_the_documented_ones() -> None:
    """Section 二 drops the repeated fragment once; section 三 joins a split word."""
    letter = examples.seed_letter()
    two = letter.sections[1].paragraphs[0].text
    head, tail = (line for line in LINES if line.startswith(("区政府将", "区教育系统心理健康")))
    assert head.endswith("全区教育系统心")
    assert tail.startswith("区教育系统心")
    assert two == head + tail.removeprefix("区教育系统心")
    three = letter.sections[2].paragraphs[1].text
    first, second = (line for line in LINES if line.startswith(("二是构建", "健康成长档案")))
    assert three == first + second
    assert "心理健康成长档案" in three


def test_seed_letter_carries_every_part() -> None:
    """Header, body, closing parts and the feedback form are all populated."""
    letter = examples.seed_letter()
    assert letter.kind is ItemKind.SUGGESTION
    assert letter.title == "关于区二届人大四次会议第55号建议答复的函"
    assert letter.disclosure is not None
    assert letter.disclosure.kind is DisclosureKind.CONSENT
    assert [s.heading for s in letter.sections] == [
        "全力推进学校减负工作",
        "持续深化校政心理合作",
        "织密学生心理防护网",
    ]
    assert [i.ordinal for i in letter.sections[0].paragraphs[0].items] == [1]
    assert [i.ordinal for i in letter.sections[0].paragraphs[1].items] == [2, 3]
    assert letter.attachments[0].label == "附"
    assert letter.cc == ("区人大选任联工委", "区政府督查室")
    assert letter.contact is not None
    assert letter.contact.phone == "0797—4436219"
    form = letter.feedback_form
    assert form is not None
    assert form.classification is not None
    assert form.classification.code == "A1"
    assert form.item.category == "教科文卫类"
    assert (form.attitude, form.result, form.opinion) == (None, None, None)
    assert len(form.remarks) == 2
    assert Rating.SATISFIED.chinese in RAW
