"""Texts that are not reply letters are refused, saying why (issue: reading v2, precision).

``tests/data/nonletters`` holds real Chinese government web texts that are not replies to a
deputy's suggestion or a member's proposal: approvals (批复) and other letters, notices, news about
the handling of suggestions, a suggestion's own text, handling summaries, replies to citizens,
speeches, policy documents. Every one must be refused with a TextParseError.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from govreply.errors import TextParseError
from govreply.formats import text

NONLETTERS = sorted((Path(__file__).parent / "data" / "nonletters").glob("*.txt"))


@pytest.mark.parametrize("path", NONLETTERS, ids=[p.stem for p in NONLETTERS])
def test_a_real_non_letter_is_refused(path: Path) -> None:
    """A real government text that is not a reply letter raises TextParseError."""
    with pytest.raises(TextParseError, match=r"reply letter|addressee"):
        text.parse(path.read_bytes())


def test_the_negative_corpus_is_large_and_sourced() -> None:
    """At least 50 real non-letters, each with its source."""
    assert len(NONLETTERS) >= 50
    assert all(p.with_suffix(".source.json").exists() for p in NONLETTERS)


@pytest.mark.parametrize(
    "document",
    [
        "# govreply\n\ngovreply is a Python library.\n\n## Install\n\npip install govreply\n",
        "市政协召开提案交办会\n发布时间：2024-03-01\n3月1日，市政协召开提案交办会。\n"
        "会议通报了提案审查情况。\n各承办单位负责同志参加会议。\n",
        "各乡镇人民政府，县直各有关单位：\n现将《关于做好代表建议办理工作的通知》印发给你们，"
        "请认真贯彻执行。\n",
        "盐亭县人民政府：\n你县《关于调整部分乡镇行政区划的请示》收悉。经研究，现批复如下：\n"
        "一、同意调整。\n",
        "网友您好：\n您提出的建议收悉，现答复如下：\n感谢您的关注。\n",
    ],
    ids=["readme", "news", "notice", "approval", "citizen"],
)
def test_letter_shaped_texts_are_refused(document: str) -> None:
    """A README, a news item, a notice, a 批复 and a reply to a citizen are not reply letters."""
    with pytest.raises(TextParseError):
        text.parse(document)


def test_the_reason_names_the_missing_evidence() -> None:
    """The error says what the text lacks, at the addressee line."""
    with pytest.raises(TextParseError) as info:
        text.parse("盐亭县人民政府：\n你县的请示收悉。经研究，现批复如下：\n同意。\n")
    assert "cites no suggestion or proposal" in str(info.value)
    assert info.value.line == 1
