"""Rules on the end of a letter: attachment note, signature and date, notes, contact, cc, form."""

from __future__ import annotations

from collections.abc import Iterator

from govreply._rules._front import check_addressees
from govreply._rules._table import ends_with_punctuation, finding
from govreply.errors import ValidationError
from govreply.model import Classification, ClassificationScheme, Finding, ReplyLetter, ReplyRole

__all__ = ["check_attachments", "check_cc", "check_feedback_form", "check_signature"]


def check_attachments(letter: ReplyLetter) -> Iterator[Finding]:
    """GR401–GR402: 附件：name, the name without trailing punctuation."""
    for index, note in enumerate(letter.attachments):
        if note.label != "附件":
            yield finding(
                "GR401", f"attachments[{index}].label", f"printed {note.label!r}, expected 附件"
            )
        if ends_with_punctuation(note.title):
            yield finding(
                "GR402",
                f"attachments[{index}].title",
                f"attachment name ends with {note.title.rstrip()[-1]!r}",
            )


def check_signature(letter: ReplyLetter) -> Iterator[Finding]:
    """GR410–GR412 and GR420: signature, date of issue, and notes in round brackets."""
    if letter.signed_by is None:
        yield finding("GR410", "signed_by", "no issuer signature (发文机关署名)")
    if letter.date is None:
        yield finding("GR411", "date", "no date of issue (成文日期)")
    elif (
        letter.doc_number is not None
        and letter.doc_number.year is not None
        and letter.doc_number.year != letter.date.year
    ):
        yield finding(
            "GR412",
            "date",
            f"dated {letter.date.year} but numbered 〔{letter.doc_number.year}〕",
        )
    for index, note in enumerate(letter.notes):
        text = note.strip()
        if not (text.startswith("（") and text.endswith("）")):
            yield finding("GR420", f"notes[{index}]", f"{note!r} is not in round brackets （…）")


def check_cc(letter: ReplyLetter) -> Iterator[Finding]:
    """GR440, GR430–GR431: a contact line, copy lines ending with 。, names without punctuation."""
    if letter.contact is None:
        yield finding("GR440", "contact", "no contact line (联系人及电话)")
    for field in ("cc_superiors", "cc"):
        for index, entry in enumerate(getattr(letter, field)):
            if ends_with_punctuation(entry):
                yield finding("GR431", f"{field}[{index}]", f"{entry!r} ends with punctuation")
    if (letter.cc or letter.cc_superiors) and not letter.cc_stop:
        yield finding("GR430", "cc_stop", "the copy line (抄送/抄报) does not end with 。")


def _same(a: str, b: str) -> bool:
    """Equal apart from spaces and enclosing book-title marks."""

    def norm(text: str) -> str:
        return "".join(text.split()).removeprefix("《").removesuffix("》")

    return norm(a) == norm(b)


def _is_code(text: str) -> bool:
    """Whether ``text`` is a classification code (``[A-D甲乙丙丁][1-9]?``)."""
    try:
        Classification(text)
    except ValidationError:
        return False
    return True


def check_feedback_form(
    letter: ReplyLetter, scheme: ClassificationScheme | None
) -> Iterator[Finding]:
    """GR501, GR602–GR603 and GR701–GR706: the feedback form agrees with the letter."""
    form = letter.feedback_form
    if form is None:
        return
    where = "feedback_form"
    yield from check_addressees(form.deputies, f"{where}.deputies")
    if form.deputies.names != letter.addressees.names:
        yield finding(
            "GR701",
            f"{where}.deputies",
            f"form names {'、'.join(form.deputies.names)}, "
            f"the letter {'、'.join(letter.addressees.names)}",
        )
    item, reference = form.item, letter.reference
    if item.number is not None and reference.number is not None and item.number != reference.number:
        yield finding(
            "GR702",
            f"{where}.item.number",
            f"form cites No. {item.number}, the letter No. {reference.number}",
        )
    if (
        item.title is not None
        and reference.title is not None
        and not _same(item.title, reference.title)
    ):
        yield finding(
            "GR703",
            f"{where}.item.title",
            f"form cites {item.title!r}, the letter {reference.title!r}",
        )
    for index, option in enumerate(form.classification_options):
        if not _is_code(option):
            yield finding(
                "GR603",
                f"{where}.classification_options[{index}]",
                f"{option!r} is not a classification code",
            )
    chosen = form.classification or letter.classification
    options = form.classification_options
    if options and chosen is not None and chosen.code not in options:
        yield finding(
            "GR704",
            f"{where}.classification_options",
            f"{chosen.code!r} is not among {' '.join(options)}",
        )
    if form.classification is not None and form.classification != letter.classification:
        if letter.classification is not None:
            yield finding(
                "GR705",
                f"{where}.classification",
                f"form says {form.classification.code!r}, the letter "
                f"{letter.classification.code!r}",
            )
        if scheme is not None and not scheme.accepts(form.classification):
            yield finding(
                "GR602",
                f"{where}.classification",
                f"scheme {scheme.name!r} does not define {form.classification.code!r}",
            )
    if (
        letter.role is ReplyRole.REPLY
        and form.handler is not None
        and letter.issuer is not None
        and not _same(form.handler, letter.issuer)
    ):
        yield finding(
            "GR706",
            f"{where}.handler",
            f"form names {form.handler!r}, the letter {letter.issuer!r}",
        )
