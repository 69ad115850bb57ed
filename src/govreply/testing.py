"""Hypothesis strategies for every govreply model class, for our tests and yours.

Install the ``testing`` extra (``pip install govreply[testing]``) to use them::

    from hypothesis import given
    from govreply.testing import reply_letters

    @given(reply_letters())
    def test_my_store_round_trips(letter):
        assert load(save(letter)) == letter

Free text comes from :func:`texts`; pass ``text=texts(xml_safe=True)`` (or any strategy of
non-blank strings) to :func:`reply_letters` to control what goes into titles and paragraphs.
Every strategy yields values that pass the model's invariants, and nothing more: generated
letters are not meant to pass :func:`govreply.check`.
"""

from __future__ import annotations

import datetime
from typing import TypeVar

from hypothesis import strategies as st

from govreply.model import (
    MAX_SECTION_DEPTH,
    Addressees,
    AttachmentNote,
    Classification,
    Congress,
    CongressBody,
    Contact,
    Disclosure,
    DisclosureKind,
    DocumentNumber,
    FeedbackForm,
    ItemKind,
    ItemReference,
    Paragraph,
    Rating,
    ReplyLetter,
    ReplyRole,
    Section,
)

__all__ = [
    "addressees",
    "attachment_notes",
    "classifications",
    "congresses",
    "contacts",
    "disclosures",
    "document_numbers",
    "feedback_forms",
    "item_references",
    "paragraphs",
    "reply_letters",
    "sections",
    "texts",
]

_T = TypeVar("_T")

# Characters XML 1.0 cannot carry: C0 controls but tab, LF and CR; U+FFFE and U+FFFF.
_XML_FORBIDDEN = "".join(chr(c) for c in range(0x20) if chr(c) not in "\t\n\r") + "\ufffe\uffff"
_CJK = st.characters(min_codepoint=0x4E00, max_codepoint=0x9FFF)


def texts(
    *, xml_safe: bool = False, min_size: int = 1, max_size: int = 40
) -> st.SearchStrategy[str]:
    """Non-blank strings, half of them Chinese, the rest any Unicode but surrogates.

    Args:
        xml_safe: leave out the characters XML 1.0 cannot carry (most C0 controls).
        min_size: fewest characters.
        max_size: most characters.
    """
    if min_size < 1 or max_size < min_size:
        raise ValueError(f"need 1 <= min_size <= max_size, got {min_size}, {max_size}")
    excluded = _XML_FORBIDDEN if xml_safe else ""
    anything = st.characters(exclude_categories=["Cs"], exclude_characters=excluded)
    chinese = st.text(_CJK, min_size=min_size, max_size=max_size)
    mixed = st.text(anything, min_size=min_size, max_size=max_size)
    return st.one_of(chinese, mixed).filter(lambda s: bool(s.strip()))


def _optional(strategy: st.SearchStrategy[_T]) -> st.SearchStrategy[_T | None]:
    return st.none() | strategy


def _tuples(
    strategy: st.SearchStrategy[_T], *, max_size: int = 3
) -> st.SearchStrategy[tuple[_T, ...]]:
    return st.lists(strategy, max_size=max_size).map(tuple)


def document_numbers(
    *, text: st.SearchStrategy[str] | None = None
) -> st.SearchStrategy[DocumentNumber]:
    """Document numbers with a four-digit year and a positive serial (``printed`` unset)."""
    code = text if text is not None else st.text(_CJK, min_size=2, max_size=6)
    return st.builds(DocumentNumber, code, st.integers(1000, 9999), st.integers(1, 10**6))


def classifications() -> st.SearchStrategy[Classification]:
    """Classification codes: a grade A–D or 甲乙丙丁 and an optional digit."""
    return st.from_regex(r"\A[A-D甲乙丙丁][1-9]?\Z", fullmatch=True).map(Classification)


def congresses(*, text: st.SearchStrategy[str] | None = None) -> st.SearchStrategy[Congress]:
    """Congress sessions of either body at any level."""
    level = (
        text if text is not None else st.sampled_from(["区", "县", "市", "省", "全国", "赣州市"])
    )
    return st.builds(
        Congress,
        st.sampled_from(CongressBody),
        _optional(level),
        st.integers(1, 30),
        _optional(st.integers(1, 9)),
    )


def item_references(
    *, text: st.SearchStrategy[str] | None = None
) -> st.SearchStrategy[ItemReference]:
    """References to a suggestion or proposal, any part optional."""
    free = text if text is not None else texts()
    return st.builds(
        ItemReference,
        kind=st.sampled_from(ItemKind),
        congress=_optional(congresses()),
        number=_optional(st.integers(1, 9999)),
        category=_optional(free),
        title=_optional(free),
    )


def addressees(*, text: st.SearchStrategy[str] | None = None) -> st.SearchStrategy[Addressees]:
    """Addressee lists: 1–4 names (none containing 、), an optional total and role."""
    name = (text if text is not None else texts(max_size=8)).filter(lambda s: "、" not in s)

    @st.composite
    def build(draw: st.DrawFn) -> Addressees:
        names = tuple(draw(st.lists(name, min_size=1, max_size=4)))
        total = draw(_optional(st.integers(1, 200)))
        role = draw(_optional(st.sampled_from(["代表", "委员"])))
        return Addressees(names, total=total, role=role)

    return build()


def paragraphs(*, text: st.SearchStrategy[str] | None = None) -> st.SearchStrategy[Paragraph]:
    """Paragraphs; a third of them carry inline 一是/二是 items."""
    free = text if text is not None else texts(max_size=80)
    items = st.lists(free, min_size=2, max_size=4).map(
        lambda parts: "".join(f"{'一二三四'[i]}是{p}；" for i, p in enumerate(parts))
    )
    return st.builds(
        Paragraph, free | st.builds(lambda lead, body: lead + "。" + body, free, items)
    )


def sections(
    *, text: st.SearchStrategy[str] | None = None, max_depth: int = MAX_SECTION_DEPTH
) -> st.SearchStrategy[Section]:
    """Sections nested at most ``max_depth`` levels (default: every labelled level)."""
    if not 1 <= max_depth <= MAX_SECTION_DEPTH:
        raise ValueError(f"max_depth must be 1..{MAX_SECTION_DEPTH}, got {max_depth}")
    free = text if text is not None else texts()
    body = _tuples(paragraphs(text=text))
    if max_depth == 1:
        return st.builds(Section, free, body)
    return st.builds(
        Section, free, body, _tuples(sections(text=text, max_depth=max_depth - 1), max_size=2)
    )


def attachment_notes(
    *, text: st.SearchStrategy[str] | None = None
) -> st.SearchStrategy[AttachmentNote]:
    """Attachment notes labelled 附件 or 附."""
    free = text if text is not None else texts()
    return st.builds(AttachmentNote, free, st.sampled_from(["附件", "附"]))


def contacts(*, text: st.SearchStrategy[str] | None = None) -> st.SearchStrategy[Contact]:
    """Contact lines with a name, a phone or both."""
    free = text if text is not None else texts(max_size=12)
    phone = st.from_regex(r"\A0\d{2,3}[-—]\d{7,8}\Z|\A1\d{10}\Z", fullmatch=True)
    return st.one_of(
        st.builds(Contact, free, _optional(phone)),
        st.builds(Contact, st.none(), phone),
    )


def disclosures(*, text: st.SearchStrategy[str] | None = None) -> st.SearchStrategy[Disclosure]:
    """Disclosure notes of every kind (the text need not agree with the kind)."""
    free = (
        text if text is not None else st.sampled_from(["同意对外公开", "主动公开", "此件公开发布"])
    )
    return st.builds(Disclosure, free, st.sampled_from(DisclosureKind))


def feedback_forms(
    *, text: st.SearchStrategy[str] | None = None
) -> st.SearchStrategy[FeedbackForm]:
    """Feedback forms, blank or filled in."""
    free = text if text is not None else texts()
    return st.builds(
        FeedbackForm,
        title=free,
        deputies=addressees(text=text),
        address=_optional(free),
        phone=_optional(free),
        item=item_references(text=text),
        classification_options=_tuples(classifications().map(str), max_size=7),
        classification=_optional(classifications()),
        handler=_optional(free),
        attitude=_optional(st.sampled_from(Rating)),
        result=_optional(st.sampled_from(Rating)),
        opinion=_optional(free),
        remarks=_tuples(free),
    )


def reply_letters(*, text: st.SearchStrategy[str] | None = None) -> st.SearchStrategy[ReplyLetter]:
    """Reply letters with any combination of parts.

    Args:
        text: strategy for every free-text field (non-blank strings); default :func:`texts`.
    """
    free = text if text is not None else texts()
    return st.builds(
        ReplyLetter,
        kind=st.sampled_from(ItemKind),
        role=st.sampled_from(ReplyRole),
        issuer=_optional(free),
        doc_number=_optional(document_numbers()),
        signer=_optional(free),
        classification=_optional(classifications()),
        disclosure=_optional(disclosures(text=text)),
        title=free,
        reference=item_references(text=text),
        addressees=addressees(text=text),
        opening=_optional(free),
        paragraphs=_tuples(paragraphs(text=text)),
        sections=_tuples(sections(text=text), max_size=3),
        closing=_optional(free),
        attachments=_tuples(attachment_notes(text=text)),
        signed_by=_optional(free),
        date=_optional(st.dates(datetime.date(1949, 10, 1), datetime.date(2099, 12, 31))),
        notes=_tuples(free),
        contact=_optional(contacts(text=text)),
        cc=_tuples(free),
        feedback_form=_optional(feedback_forms(text=text)),
    )
