"""Fill what a letter does not print from the metadata printed around it, reporting each use.

A portal's metadata table and a handling record often state facts the letter itself leaves
out: the issuing organ (发布机构), the document number (文号), the disclosure (公开方式), the
date the letter was written (成文日期, never the publication date), the item's number (建议号),
title (题目) and session (a record header's session line). :func:`fill` uses them only where the
letter is silent, each use a finding GT207 naming the field (an *inferred* field of the review
signal).
"""

from __future__ import annotations

import datetime
import re

import attrs

from govreply.errors import GovReplyError
from govreply.formats.text._body import note
from govreply.formats.text._grammar import fold
from govreply.formats.text._header import disclosure
from govreply.formats.text._metadata import FILLS
from govreply.model import Congress, DocumentNumber, Finding, ReplyLetter

__all__ = ["fill"]

# 2024-05-20 / 2024年5月20日 / 2024.5.20
_DATE = re.compile(r"([0-9]{4})\s*[-年./]\s*([0-9]{1,2})\s*[-月./]\s*([0-9]{1,2})")
# 第55号 / 55号 / 55
_NUMBER = re.compile(r"^第?\s*([0-9]{1,9})\s*号?$")
# 答复 / 复函 / 的函 / 回复  (how a reply's title ends; an item's title ends 建议, 提案…)
_REPLY_ENDINGS = ("答复", "复函", "的函", "回复", "答复函", "答复意见")
# 《关于…的建议》 (a title in book-title marks)
_MARKED = re.compile(r"^《(.+)》$")


def _value(field: str, text: str) -> object | None:
    """The value of ``field`` read from metadata ``text``; ``None`` when it does not read."""
    folded = fold(text).strip(" ;；。")
    try:
        if field == "issuer":
            return text.strip(" ;；") or None
        if field == "doc_number":
            return DocumentNumber.parse(text)
        if field == "disclosure":
            return disclosure(text)
        if field == "date":
            found = _DATE.search(folded)
            return datetime.date(*map(int, found.groups())) if found else None
        if field == "reference.number":
            found = _NUMBER.match(folded)
            return int(found[1]) if found and int(found[1]) > 0 else None
        if field == "reference.congress":
            return Congress.parse(text)
        if field == "reference.title":
            marked = _MARKED.match(text.strip())
            named = (marked[1] if marked else text.strip(" ;；")) or None
            # 标题: 关于对…第119号提案的答复  (the page's title is the reply's, not the item's)
            return None if named is not None and named.endswith(_REPLY_ENDINGS) else named
    except (GovReplyError, ValueError):
        return None
    raise AssertionError(field)  # pragma: no cover - FILLS names only the fields above


def fill(
    letter: ReplyLetter, metadata: dict[str, str], line: int, findings: list[Finding]
) -> ReplyLetter:
    """``letter`` with its missing fields filled from ``metadata`` (found at ``line``)."""
    changes: dict[str, object] = {}
    reference: dict[str, object] = {}
    for field, keys in FILLS:
        name = field.removeprefix("reference.")
        target = letter.reference if field.startswith("reference.") else letter
        if getattr(target, name) is not None:
            continue
        for key in keys:
            if key not in metadata:
                continue
            value = _value(field, metadata[key])
            if value is None:
                continue
            (reference if target is letter.reference else changes)[name] = value
            message = f"{field} taken from the {key} printed around the letter: {metadata[key]!r}"
            findings.append(note("GT207", message, line, field))
            break
    if reference:
        changes["reference"] = attrs.evolve(letter.reference, **reference)  # type: ignore[arg-type]
    return attrs.evolve(letter, **changes) if changes else letter  # type: ignore[arg-type]
