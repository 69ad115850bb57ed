"""Writing a reply letter as an exchange payload (the element names are in :mod:`._names`)."""

from __future__ import annotations

from lxml import etree

from govreply.errors import ValidationError
from govreply.formats._xmlsafe import NOT_XML
from govreply.formats.exchange import _names as n
from govreply.model import (
    Addressees,
    Congress,
    FeedbackForm,
    ItemReference,
    Paragraph,
    ReplyLetter,
    Section,
)

__all__ = ["build"]


def _put(parent: etree._Element, tag: str, value: str | None, where: str) -> None:
    """Append ``<tag>value</tag>`` when ``value`` is not ``None``."""
    if value is None:
        return
    _check(value, where)
    etree.SubElement(parent, tag).text = value


def _put_int(parent: etree._Element, tag: str, value: int | None) -> None:
    if value is not None:
        etree.SubElement(parent, tag).text = str(value)


def _congress(parent: etree._Element, congress: Congress | None, where: str) -> None:
    if congress is None:
        return
    element = etree.SubElement(parent, n.CONGRESS)
    etree.SubElement(element, n.BODY).text = congress.body.chinese
    _put(element, n.LEVEL, congress.level, f"{where}.level")
    _put_int(element, n.TERM, congress.term)
    _put_int(element, n.SESSION, congress.session)
    _put(element, n.PRINTED, congress.printed, f"{where}.printed")


def _item(parent: etree._Element, tag: str, ref: ItemReference, where: str) -> None:
    element = etree.SubElement(parent, tag, {n.ITEM_KIND: ref.kind.chinese})
    _congress(element, ref.congress, f"{where}.congress")
    _put_int(element, n.NUMBER, ref.number)
    _put(element, n.PRINTED_NUMBER, ref.printed_number, f"{where}.printed_number")
    _put(element, n.CATEGORY, ref.category, f"{where}.category")
    _put(element, n.TITLE, ref.title, f"{where}.title")


def _addressees(parent: etree._Element, tag: str, addressees: Addressees, where: str) -> None:
    element = etree.SubElement(parent, tag)
    for i, name in enumerate(addressees.names):
        _put(element, n.NAME, name, f"{where}.names[{i}]")
    _put_int(element, n.TOTAL, addressees.total)
    _put(element, n.ROLE, addressees.role, f"{where}.role")
    if addressees.et_al:
        etree.SubElement(element, n.ET_AL).text = "true"
    _put(element, n.UNIT, addressees.unit, f"{where}.unit")


def _paragraphs(parent: etree._Element, paragraphs: tuple[Paragraph, ...], where: str) -> None:
    for i, paragraph in enumerate(paragraphs):
        _put(parent, n.PARAGRAPH, paragraph.text, f"{where}[{i}].text")


def _sections(parent: etree._Element, sections: tuple[Section, ...], where: str) -> None:
    for i, section in enumerate(sections):
        here = f"{where}[{i}]"
        element = etree.SubElement(parent, n.SECTION)
        _put(element, n.HEADING, section.heading, f"{here}.heading")
        _paragraphs(element, section.paragraphs, f"{here}.paragraphs")
        _sections(element, section.subsections, f"{here}.subsections")


def _form(parent: etree._Element, form: FeedbackForm) -> None:
    where = "feedback_form"
    element = etree.SubElement(parent, n.FORM)
    _put(element, n.TITLE, form.title, f"{where}.title")
    _addressees(element, n.FORM_DEPUTIES, form.deputies, f"{where}.deputies")
    _put(element, n.FORM_ADDRESS, form.address, f"{where}.address")
    _put(element, n.PHONE, form.phone, f"{where}.phone")
    _item(element, n.FORM_ITEM, form.item, f"{where}.item")
    options = etree.SubElement(element, n.FORM_OPTIONS)
    for i, option in enumerate(form.classification_options):
        _put(options, n.FORM_OPTION, option, f"{where}.classification_options[{i}]")
    if form.classification is not None:
        etree.SubElement(element, n.CLASSIFICATION).text = form.classification.code
    _put(element, n.FORM_HANDLER, form.handler, f"{where}.handler")
    if form.attitude is not None:
        etree.SubElement(element, n.FORM_ATTITUDE).text = form.attitude.chinese
    if form.result is not None:
        etree.SubElement(element, n.FORM_RESULT).text = form.result.chinese
    _put(element, n.FORM_OPINION, form.opinion, f"{where}.opinion")
    for i, remark in enumerate(form.remarks):
        _put(element, n.FORM_REMARK, remark, f"{where}.remarks[{i}]")


def _head(body: etree._Element, letter: ReplyLetter) -> None:
    head = etree.SubElement(body, n.HEAD)
    number = letter.doc_number
    if number is not None:
        element = etree.SubElement(head, n.DOC_NUMBER)
        _put(element, n.AGENCY_CODE, number.agency_code, "doc_number.agency_code")
        _put_int(element, n.YEAR, number.year)
        _put_int(element, n.SERIAL, number.serial)
        _put(element, n.PRINTED, number.printed, "doc_number.printed")
    if letter.classification is not None:
        etree.SubElement(head, n.CLASSIFICATION).text = letter.classification.code
    if letter.disclosure is not None:
        disclosure = letter.disclosure
        _check(disclosure.text, "disclosure.text")
        element = etree.SubElement(head, n.DISCLOSURE, {n.DISCLOSURE_KIND: disclosure.kind.chinese})
        element.text = disclosure.text


def _check(text: str, where: str) -> None:
    if (match := NOT_XML.search(text)) is not None:
        raise ValidationError(
            f"{where}: U+{ord(match.group()):04X} cannot be written in XML 1.0",
            field=where,
            value=match.group(),
        )


def _main(body: etree._Element, letter: ReplyLetter) -> None:
    main = etree.SubElement(body, n.MAIN)
    _put(main, n.TITLE, letter.title, "title")
    if letter.doc_number is not None:
        _put(main, n.DOC_NUMBER_TEXT, str(letter.doc_number), "doc_number")
    _item(main, n.INCOMING, letter.reference, "reference")
    _addressees(main, n.ADDRESSEES, letter.addressees, "addressees")
    text = etree.SubElement(main, n.TEXT)
    _put(text, n.OPENING, letter.opening, "opening")
    _paragraphs(text, letter.paragraphs, "paragraphs")
    _sections(text, letter.sections, "sections")
    _put(text, n.CLOSING, letter.closing, "closing")
    for i, line in enumerate(letter.salutation):
        _put(text, n.SALUTATION, line, f"salutation[{i}]")
    if letter.attachments:
        notes = etree.SubElement(main, n.ATTACHMENT_NOTES)
        for i, note in enumerate(letter.attachments):
            _check(note.label, f"attachments[{i}].label")
            _check(note.title, f"attachments[{i}].title")
            etree.SubElement(
                notes, n.ATTACHMENT, {n.ATTACHMENT_LABEL: note.label}
            ).text = note.title
    if letter.signed_by is not None or letter.signer is not None:
        sign = etree.SubElement(main, n.SIGNATURE)
        _put(sign, n.SIGNED_BY, letter.signed_by, "signed_by")
        _put(sign, n.SIGNER, letter.signer, "signer")
    if letter.date is not None:
        etree.SubElement(main, n.DATE).text = letter.date.isoformat()
    for i, text_note in enumerate(letter.notes):
        _put(main, n.NOTE, text_note, f"notes[{i}]")
    contact = letter.contact
    if contact is not None:
        element = etree.SubElement(main, n.CONTACT)
        _put(element, n.CONTACT_NAME, contact.name, "contact.name")
        _put(element, n.PHONE, contact.phone, "contact.phone")
        _put(element, n.CONTACT_UNIT, contact.unit, "contact.unit")
    if letter.feedback_form is not None:
        _form(etree.SubElement(main, n.ATTACHED), letter.feedback_form)


def _tail(body: etree._Element, letter: ReplyLetter) -> None:
    tail = etree.SubElement(body, n.TAIL)
    for field, kind in (("cc_superiors", n.CC_SUPERIORS), ("cc", n.CC_COPIES)):
        for i, name in enumerate(getattr(letter, field)):
            _check(name, f"{field}[{i}]")
            etree.SubElement(tail, n.CC, {n.CC_KIND: kind}).text = name
    if not letter.cc_stop:
        etree.SubElement(tail, n.CC_STOP).text = "false"


def build(letter: ReplyLetter) -> etree._Element:
    """The ``<电子公文>`` element of ``letter``.

    Raises:
        ValidationError: a text holds a character XML 1.0 cannot carry; ``field`` names it.
    """
    root = etree.Element(n.ROOT, n.root_attributes(letter.kind))
    issuer = etree.SubElement(root, n.ISSUER, {n.HANDLING: n.HANDLING_WORDS[letter.role]})
    if letter.issuer is not None:
        _check(letter.issuer, "issuer")
        issuer.text = letter.issuer
    body = etree.SubElement(root, n.BODY_ROOT)
    _head(body, letter)
    _main(body, letter)
    _tail(body, letter)
    return root
