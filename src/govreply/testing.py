"""Hypothesis strategies for every govreply model class, for our tests and yours.

Install the ``testing`` extra (``pip install govreply[testing]``) to use them::

    from hypothesis import given
    from govreply.testing import reply_letters

    @given(reply_letters())
    def test_my_store_round_trips(letter):
        assert load(save(letter)) == letter

Free text comes from :func:`texts`; pass ``text=texts(xml_safe=True)`` (or any strategy of
non-blank strings) to :func:`reply_letters` to control what goes into titles and paragraphs.
``reply_letters(layout_safe=True)`` gives letters that the plain-text layout
(:mod:`govreply.formats.text`) always carries: their free text comes from :func:`layout_texts`
and their title, opening and closing follow the standard formulas that the text reader keys on.
Every strategy yields values that pass the model's invariants, and nothing more: generated
letters are not meant to pass :func:`govreply.check`, nor case files
:func:`govreply.case.check_case`. :func:`case_files` builds case files (:mod:`govreply.case`)
from :func:`submissions`, :func:`assignments`, :func:`reply_letters`, :func:`feedbacks` and
:func:`events`; the units of its assignments, letters, feedback and events are drawn from one
small pool of names, so they often match one another.
"""

from __future__ import annotations

import datetime
from typing import TypeVar

import attrs
from hypothesis import strategies as st

from govreply.case import (
    Assignment,
    CaseFile,
    CommunicationMode,
    Event,
    Feedback,
    Group,
    GroupKind,
    HandlingType,
    SessionPeriod,
    State,
    Submission,
    UnitRole,
)
from govreply.formats.text import LAYOUT_RESERVED
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
    standard_closing,
    standard_opening,
    standard_title,
)

__all__ = [
    "addressees",
    "assignments",
    "attachment_notes",
    "case_files",
    "classifications",
    "congresses",
    "contacts",
    "disclosures",
    "document_numbers",
    "events",
    "feedback_forms",
    "feedbacks",
    "groups",
    "item_references",
    "layout_texts",
    "paragraphs",
    "reply_letters",
    "sections",
    "submissions",
    "texts",
    "timestamps",
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
    *, text: st.SearchStrategy[str] | None = None, standard: bool = False
) -> st.SearchStrategy[DocumentNumber]:
    """Document numbers: standard ones, and (unless ``standard``) ones printed otherwise.

    A non-standard number keeps its ``printed`` text, with code, year or serial missing where
    the printed text would not give them (``湘教提复字〔2019〕来信号``).
    """
    code = text if text is not None else st.text(_CJK, min_size=2, max_size=6)
    full = st.builds(DocumentNumber, code, st.integers(1000, 9999), st.integers(1, 10**6))
    if standard:
        return full
    printed = st.builds(
        lambda number, agency, year, serial: DocumentNumber(
            agency, year, serial, printed=number.as_printed + "（印）"
        ),
        full,
        _optional(code),
        _optional(st.integers(1000, 9999)),
        _optional(st.integers(1, 10**6)),
    )
    return full | printed


def classifications() -> st.SearchStrategy[Classification]:
    """Classification codes: a grade A–D or 甲乙丙丁 and an optional digit."""
    return st.from_regex(r"\A[A-D甲乙丙丁][1-9]?\Z", fullmatch=True).map(Classification)


def congresses(*, text: st.SearchStrategy[str] | None = None) -> st.SearchStrategy[Congress]:
    """Congress sessions of either body at any level."""
    level = (
        text if text is not None else st.sampled_from(["区", "县", "市", "省", "全国", "赣州市"])
    )
    built = st.builds(
        Congress,
        st.sampled_from(CongressBody),
        _optional(level),
        st.integers(1, 30),
        _optional(st.integers(1, 9)),
    )
    return built | st.sampled_from(_PRINTED_CONGRESSES).map(Congress.parse)


# Phrases printed otherwise than Congress.standard writes them (kept in Congress.printed).
_PRINTED_CONGRESSES = (
    "市政协十四届二次会议",
    "政协赣州市第六届委员会第三次会议",
    "沙河市第九届人民代表大会第三次会议",
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
        printed_number=_optional(st.sampled_from(["温36", "2021-24", "056", "来信"])),
        category=_optional(free),
        title=_optional(free),
    )


def addressees(*, text: st.SearchStrategy[str] | None = None) -> st.SearchStrategy[Addressees]:
    """Addressee lists: 1–4 names (none containing 、), an optional total (or 等) and role.

    A few are collective (各位代表): no names, a role.
    """
    name = (text if text is not None else texts(max_size=8)).filter(lambda s: "、" not in s)

    @st.composite
    def build(draw: st.DrawFn) -> Addressees:
        role = draw(_optional(st.sampled_from(["代表", "委员"])))
        if role is not None and draw(st.integers(0, 9)) == 0:
            return Addressees((), role=role)
        names = tuple(draw(st.lists(name, min_size=1, max_size=4)))
        total = draw(_optional(st.integers(1, 200)))
        et_al = total is None and draw(st.booleans())
        unit = draw(_optional(name)) if role is not None else None
        return Addressees(names, total=total, role=role, et_al=et_al, unit=unit)

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
    """Contact lines with a name, a phone, a unit, or several of them."""
    free = text if text is not None else texts(max_size=12)
    phone = st.from_regex(r"\A0\d{2,3}[-—－─]\d{7,8}\Z|\A1\d{10}\Z", fullmatch=True)
    return st.one_of(
        st.builds(Contact, free, _optional(phone), unit=_optional(free)),
        st.builds(Contact, st.none(), phone, unit=_optional(free)),
        st.builds(Contact, st.none(), st.none(), unit=free),
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


def reply_letters(
    *,
    text: st.SearchStrategy[str] | None = None,
    layout_safe: bool = False,
    alphabet: str | None = None,
) -> st.SearchStrategy[ReplyLetter]:
    """Reply letters with any combination of parts.

    Args:
        text: strategy for every free-text field (non-blank strings); default :func:`texts`.
        layout_safe: only letters the plain-text layout carries losslessly (see
            :func:`layout_texts`); cannot be combined with ``text``.
        alphabet: with ``layout_safe``, the ideographs free text is drawn from (see
            :func:`layout_texts`), e.g. what the fonts that print the letters cover.
    """
    if alphabet is not None and not layout_safe:
        raise ValueError("alphabet applies to layout_safe letters")
    if layout_safe:
        if text is not None:
            raise ValueError("layout_safe letters draw their own text; do not pass text")
        _layout_chars(alphabet)  # validate eagerly
        return _layout_letters(alphabet)
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
        title=_optional(free),
        reference=item_references(text=text),
        addressees=addressees(text=text),
        opening=_optional(free),
        paragraphs=_tuples(paragraphs(text=text)),
        sections=_tuples(sections(text=text), max_size=3),
        closing=_optional(free),
        salutation=_tuples(free, max_size=2),
        attachments=_tuples(attachment_notes(text=text)),
        signed_by=_optional(free),
        date=_optional(st.dates(datetime.date(1949, 10, 1), datetime.date(2099, 12, 31))),
        notes=_tuples(free),
        contact=_optional(contacts(text=text)),
        feedback_form=_optional(feedback_forms(text=text)),
    ).flatmap(lambda letter: _with_copies(letter, free))


@st.composite
def _with_copies(draw: st.DrawFn, letter: ReplyLetter, free: st.SearchStrategy[str]) -> ReplyLetter:
    name = free.filter(_is_copy_name)
    cc = draw(_tuples(name))
    superiors = draw(_tuples(name, max_size=2))
    stop = draw(st.booleans()) if cc or superiors else True
    return attrs.evolve(letter, cc=cc, cc_superiors=superiors, cc_stop=stop)


def _is_copy_name(name: str) -> bool:
    """Whether ``name`` is valid in a copy line (no separators, spaces around it or final 。)."""
    return (
        name == name.strip()
        and not name.endswith(("。", "."))
        and not any(c in "、，,；;" for c in name)
    )


_LAYOUT_CHARS = st.characters(
    min_codepoint=0x4E00, max_codepoint=0x9FFF, exclude_characters="".join(LAYOUT_RESERVED)
)


def layout_texts(
    *, min_size: int = 1, max_size: int = 20, alphabet: str | None = None
) -> st.SearchStrategy[str]:
    """Chinese texts the plain-text layout always carries as they are.

    They are made of CJK ideographs outside :data:`govreply.formats.text.LAYOUT_RESERVED`
    (the characters of the layout's keywords, labels and numerals), so no text can be read
    as another part of the letter.

    Args:
        min_size: fewest characters.
        max_size: most characters.
        alphabet: draw only from these ideographs (the reserved ones are left out), e.g. the
            characters your fonts cover; ``None`` draws from all of U+4E00–U+9FFF.
    """
    if min_size < 1 or max_size < min_size:
        raise ValueError(f"need 1 <= min_size <= max_size, got {min_size}, {max_size}")
    return st.text(_layout_chars(alphabet), min_size=min_size, max_size=max_size)


def _layout_chars(alphabet: str | None) -> st.SearchStrategy[str]:
    if alphabet is None:
        return _LAYOUT_CHARS
    if not isinstance(alphabet, str):
        raise TypeError(f"alphabet must be a str, got {type(alphabet).__name__}")
    foreign = sorted({c for c in alphabet if not 0x4E00 <= ord(c) <= 0x9FFF} - {"\n"})
    if foreign:
        raise ValueError(f"alphabet must hold CJK ideographs (U+4E00-U+9FFF), got {foreign[:5]}")
    usable = sorted(set(alphabet) - set(LAYOUT_RESERVED) - {"\n"})
    if not usable:
        raise ValueError("alphabet has no ideograph outside LAYOUT_RESERVED")
    return st.sampled_from(usable)


_PHONES = st.from_regex(r"\A0[1-9][0-9]{1,2}-[0-9]{7,8}\Z|\A1[0-9]{10}\Z", fullmatch=True)
# Complimentary closes as real letters print them, a line an item.
_SALUTATIONS: tuple[tuple[str, ...], ...] = (
    (),
    ("此致", "敬礼！"),
    ("此致敬礼",),
    ("顺致", "工作顺利！"),
)
_DISCLOSURE_NOTES = (
    "同意对外公开",
    "主动公开",
    "此件公开发布",
    "依申请公开",
    "不予公开",
    "不同意公开",
)


def _layout_paragraphs(alphabet: str | None) -> st.SearchStrategy[Paragraph]:
    plain = layout_texts(max_size=60, alphabet=alphabet).map(lambda s: s + "。")
    items = st.lists(layout_texts(alphabet=alphabet), min_size=2, max_size=4).map(
        lambda parts: "".join(f"{'一二三四'[i]}是{p}；" for i, p in enumerate(parts))
    )
    with_items = st.builds(
        lambda lead, body: lead + "。" + body, layout_texts(alphabet=alphabet), items
    )
    return st.builds(Paragraph, plain | with_items)


def _layout_sections(depth: int, alphabet: str | None) -> st.SearchStrategy[Section]:
    body = _tuples(_layout_paragraphs(alphabet), max_size=2)
    heading = layout_texts(alphabet=alphabet)
    if depth == 1:
        return st.builds(Section, heading, body)
    return st.builds(
        Section, heading, body, _tuples(_layout_sections(depth - 1, alphabet), max_size=2)
    )


def _layout_addressees(alphabet: str | None) -> st.SearchStrategy[Addressees]:
    return st.builds(
        lambda names, total, role, et_al: Addressees(
            tuple(names), total=total, role=role, et_al=et_al and total is None
        ),
        st.lists(layout_texts(max_size=8, alphabet=alphabet), min_size=1, max_size=4),
        _optional(st.integers(1, 200)),
        _optional(st.sampled_from(["代表", "委员"])),
        st.booleans(),
    )


@st.composite
def _layout_forms(draw: st.DrawFn, alphabet: str | None) -> FeedbackForm:
    def free(max_size: int = 20) -> st.SearchStrategy[str]:
        return layout_texts(max_size=max_size, alphabet=alphabet)

    number = draw(_optional(st.integers(1, 9999)))
    category = draw(_optional(free(6).map(lambda s: s + "类"))) if number else None
    item = ItemReference(
        kind=draw(st.sampled_from(ItemKind)),
        number=number,
        category=category,
        title=draw(_optional(free())),
    )
    return FeedbackForm(
        title=draw(free()),
        deputies=draw(_layout_addressees(alphabet)),
        address=draw(_optional(free())),
        phone=draw(_optional(_PHONES)),
        item=item,
        classification_options=draw(_tuples(classifications().map(str), max_size=7)),
        classification=draw(_optional(classifications())),
        handler=draw(_optional(free())),
        attitude=draw(_optional(st.sampled_from(Rating))),
        result=draw(_optional(st.sampled_from(Rating))),
        opinion=draw(_optional(free())),
        remarks=draw(_tuples(free())),
    )


@st.composite
def _layout_letters(draw: st.DrawFn, alphabet: str | None) -> ReplyLetter:
    def free(min_size: int = 1, max_size: int = 20) -> st.SearchStrategy[str]:
        return layout_texts(min_size=min_size, max_size=max_size, alphabet=alphabet)

    kind = draw(st.sampled_from(ItemKind))
    role = draw(st.sampled_from(ReplyRole))
    item_title = draw(_optional(free()))
    reference = ItemReference(
        kind=kind,
        # the reader takes a 政协 session for a proposal and a 人大 one for a suggestion
        congress=draw(
            _optional(
                congresses().filter(
                    lambda c: (c.body is CongressBody.NPC) == (kind is ItemKind.SUGGESTION)
                )
            )
        ),
        number=draw(st.integers(1, 9999)),
        title=item_title,
    )
    addressees = draw(_layout_addressees(alphabet))
    # an addressee without a role (代表, 委员) reads as one only when an opening follows
    with_opening = item_title is not None or addressees.role is None or draw(st.booleans())
    agency = free(max_size=12).map(lambda s: s + "局")
    notes = st.sampled_from(_DISCLOSURE_NOTES).map(Disclosure.parse)
    cc = draw(_tuples(free()))
    superiors = draw(_tuples(free(), max_size=2))
    return ReplyLetter(
        kind=kind,
        role=role,
        issuer=draw(_optional(agency)),
        doc_number=draw(
            _optional(document_numbers(text=free(min_size=2, max_size=6), standard=True))
        ),
        signer=draw(_optional(free(max_size=6))),
        classification=draw(_optional(classifications())),
        disclosure=draw(_optional(notes)),
        title=standard_title(reference, role=role),
        reference=reference,
        addressees=addressees,
        opening=standard_opening(reference, role=role) if with_opening else None,
        paragraphs=draw(_tuples(_layout_paragraphs(alphabet))),
        sections=draw(_tuples(_layout_sections(MAX_SECTION_DEPTH, alphabet), max_size=3)),
        closing=draw(_optional(_optional(free()).map(standard_closing))),
        salutation=draw(st.sampled_from(_SALUTATIONS)),
        attachments=draw(
            _tuples(st.builds(AttachmentNote, free(), st.sampled_from(["附件", "附"])))
        ),
        signed_by=draw(_optional(agency)),
        date=draw(_optional(st.dates(datetime.date(1949, 10, 1), datetime.date(2099, 12, 31)))),
        notes=draw(_tuples(free())),
        contact=draw(
            _optional(
                st.one_of(
                    st.builds(
                        Contact,
                        free(max_size=6),
                        _optional(_PHONES),
                        unit=_optional(agency),
                    ),
                    st.builds(Contact, st.none(), _PHONES, unit=_optional(agency)),
                )
            )
        ),
        cc=cc,
        cc_superiors=superiors,
        cc_stop=draw(st.booleans()) if cc or superiors else True,
        feedback_form=draw(_optional(_layout_forms(alphabet))),
    )


# ---------------------------------------------------------------------------------- case files

_DATES = st.dates()
_OFFSETS = st.integers(-14 * 60, 14 * 60).map(
    lambda minutes: datetime.timezone(datetime.timedelta(minutes=minutes))
)


def timestamps() -> st.SearchStrategy[datetime.datetime]:
    """Time-zone-aware datetimes of any year, offsets whole minutes within ±14:00."""
    return st.datetimes(
        timezones=st.just(datetime.timezone(datetime.timedelta(hours=8))) | _OFFSETS
    )


def groups(*, text: st.SearchStrategy[str] | None = None) -> st.SearchStrategy[Group]:
    """Submitting groups of every kind (党派, 界别, 专委会, 人民团体, 代表团)."""
    return st.builds(Group, st.sampled_from(GroupKind), text if text is not None else texts())


def submissions(*, text: st.SearchStrategy[str] | None = None) -> st.SearchStrategy[Submission]:
    """Suggestions and proposals, any part optional."""
    free = text if text is not None else texts()
    return st.builds(
        Submission,
        kind=st.sampled_from(ItemKind),
        congress=_optional(congresses()),
        number=_optional(st.integers(1, 9999)),
        printed_number=_optional(st.sampled_from(["温36", "2021-24", "056", "闭3"])),
        period=st.sampled_from(SessionPeriod),
        category=_optional(free),
        title=_optional(free),
        lead=_optional(free),
        cosigners=_tuples(free),
        signers_total=_optional(st.integers(1, 200)),
        group=_optional(groups(text=text)),
        submitted_on=_optional(_DATES),
        key=st.booleans(),
        supervisor=_optional(free),
        merged=_tuples(item_references(text=text), max_size=2),
    )


def _units(text: st.SearchStrategy[str] | None) -> st.SearchStrategy[str]:
    pool = st.sampled_from(["区教育科技体育局", "区财政局", "区卫生健康委员会"])
    return pool | text if text is not None else pool | texts(max_size=12)


def assignments(*, text: st.SearchStrategy[str] | None = None) -> st.SearchStrategy[Assignment]:
    """Assignments in every role and state, dates and deadline optional."""
    return st.builds(
        Assignment,
        unit=_units(text),
        role=st.sampled_from(UnitRole),
        assigned_on=_optional(_DATES),
        deadline=_optional(_DATES),
        extended=st.booleans(),
        signed_on=_optional(_DATES),
        status=_optional(st.sampled_from(State)),
    )


def feedbacks(*, text: st.SearchStrategy[str] | None = None) -> st.SearchStrategy[Feedback]:
    """Filled-in feedback forms: ratings, modes of communication, comments, dates."""
    free = text if text is not None else texts()
    return st.builds(
        Feedback,
        respondent=free,
        unit=_optional(_units(text)),
        modes=st.lists(st.sampled_from(CommunicationMode), max_size=3, unique=True).map(tuple),
        work=_optional(st.sampled_from(Rating)),
        result=_optional(st.sampled_from(Rating)),
        comments=_optional(free),
        given_on=_optional(_DATES),
    )


def events(*, text: st.SearchStrategy[str] | None = None) -> st.SearchStrategy[Event]:
    """History events: a state, a note or both, for the item or for one unit."""
    free = text if text is not None else texts()
    state = _optional(st.sampled_from(State))
    return st.builds(
        lambda at, actor, state, unit, note, fallback: Event(
            at=at, actor=actor, state=state, unit=unit, note=note if state else note or fallback
        ),
        timestamps(),
        free,
        state,
        _optional(_units(text)),
        _optional(free),
        free,
    )


def case_files(
    *, text: st.SearchStrategy[str] | None = None, max_letters: int = 2
) -> st.SearchStrategy[CaseFile]:
    """Case files with any combination of parts.

    Args:
        text: strategy for every free-text field (non-blank strings); default :func:`texts`.
        max_letters: most letters in one case file (letters are the largest part).
    """
    if max_letters < 0:
        raise ValueError(f"max_letters must be at least 0, got {max_letters}")
    letter = reply_letters(text=text).flatmap(
        lambda letter: _optional(_units(text)).map(
            lambda unit: attrs.evolve(letter, issuer=unit) if unit else letter
        )
    )
    return st.builds(
        CaseFile,
        submission=submissions(text=text),
        handling=_optional(st.sampled_from(HandlingType)),
        assignments=_tuples(assignments(text=text)),
        proposed_classification=_optional(classifications()),
        approved_classification=_optional(classifications()),
        letters=_tuples(letter, max_size=max_letters),
        feedback=_tuples(feedbacks(text=text), max_size=2),
        history=st.lists(events(text=text), max_size=5).map(
            lambda found: tuple(sorted(found, key=lambda e: e.at)) if found else ()
        )
        | _tuples(events(text=text), max_size=3),
    )
