"""Reading a validated exchange payload back into a reply letter."""

from __future__ import annotations

import datetime
import typing
from collections.abc import Callable
from typing import Any, TypeVar

from lxml import etree

from govreply.errors import ValidationError
from govreply.formats import _xmlsafe as safe
from govreply.formats.exchange import _names as n
from govreply.model import (
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
    Section,
)

__all__ = ["element_path", "read"]

T = TypeVar("T")

_ROLES = {word: role for role, word in n.HANDLING_WORDS.items()}


def element_path(element: etree._Element) -> str:
    """``/电子公文/公文体/主体/正文/段落[2]``: element names, repeated items numbered from 1."""
    steps = []
    node: etree._Element | None = element
    while node is not None:
        tag = node.tag if isinstance(node.tag, str) else "?"
        parent = node.getparent()
        if parent is not None and tag in n.ITEMS:
            steps.append(f"{tag}[{parent.index(node) + 1}]")
        else:
            steps.append(tag)
        node = parent
    return "/" + "/".join(reversed(steps))


def _make(element: etree._Element, build: Callable[..., T], /, *args: Any, **kwargs: Any) -> T:
    """``build(*args, **kwargs)``, a model invariant it breaks reported at ``element``."""
    try:
        return build(*args, **kwargs)
    except ValidationError as exc:
        safe.fail([safe.at(element, exc.message, element_path)], exc)


def _text(element: etree._Element | None) -> str | None:
    if element is None:
        return None
    if not len(element):
        return element.text
    return (element.text or "") + "".join(node.tail or "" for node in element)


def _child_text(parent: etree._Element, tag: str) -> str | None:
    return _text(parent.find(tag))


def _integer(parent: etree._Element, tag: str) -> int | None:
    element = parent.find(tag)
    if element is None:
        return None
    try:
        return int(typing.cast(str, element.text))
    except ValueError as exc:  # more digits than int() will convert
        safe.fail([safe.at(element, f"integer too long: {exc}", element_path)], exc)


def _texts(parent: etree._Element, tag: str) -> tuple[str, ...]:
    return tuple(typing.cast(str, _text(e)) for e in parent.findall(tag))


def _congress(parent: etree._Element) -> Congress | None:
    element = parent.find(n.CONGRESS)
    if element is None:
        return None
    body = CongressBody.from_chinese(typing.cast(str, element.findtext(n.BODY)))
    term = _integer(element, n.TERM)
    return _make(
        element,
        Congress,
        body,
        _child_text(element, n.LEVEL),
        1 if term is None else term,
        _integer(element, n.SESSION),
        printed=_child_text(element, n.PRINTED),
    )


def _item(element: etree._Element) -> ItemReference:
    return _make(
        element,
        ItemReference,
        kind=ItemKind.from_chinese(element.get(n.ITEM_KIND, "")),
        congress=_congress(element),
        number=_integer(element, n.NUMBER),
        printed_number=_child_text(element, n.PRINTED_NUMBER),
        category=_child_text(element, n.CATEGORY),
        title=_child_text(element, n.TITLE),
    )


def _addressees(element: etree._Element) -> Addressees:
    return _make(
        element,
        Addressees,
        _texts(element, n.NAME),
        total=_integer(element, n.TOTAL),
        role=_child_text(element, n.ROLE),
        et_al=(element.findtext(n.ET_AL) or "").strip() in ("true", "1"),
        unit=_child_text(element, n.UNIT),
    )


def _paragraphs(parent: etree._Element) -> tuple[Paragraph, ...]:
    return tuple(
        _make(e, Paragraph, typing.cast(str, _text(e))) for e in parent.findall(n.PARAGRAPH)
    )


def _sections(parent: etree._Element) -> tuple[Section, ...]:
    return tuple(
        _make(
            element,
            Section,
            typing.cast(str, _child_text(element, n.HEADING)),
            _paragraphs(element),
            _sections(element),
        )
        for element in parent.findall(n.SECTION)
    )


def _rating(parent: etree._Element, tag: str) -> Rating | None:
    text = parent.findtext(tag)
    return Rating.from_chinese(text) if text is not None else None


def _classification(parent: etree._Element) -> Classification | None:
    code = parent.findtext(n.CLASSIFICATION)
    return Classification(code.strip()) if code is not None else None


def _form(element: etree._Element) -> FeedbackForm:
    return _make(
        element,
        FeedbackForm,
        title=typing.cast(str, _child_text(element, n.TITLE)),
        deputies=_addressees(typing.cast(etree._Element, element.find(n.FORM_DEPUTIES))),
        address=_child_text(element, n.FORM_ADDRESS),
        phone=_child_text(element, n.PHONE),
        item=_item(typing.cast(etree._Element, element.find(n.FORM_ITEM))),
        classification_options=_texts(
            typing.cast(etree._Element, element.find(n.FORM_OPTIONS)), n.FORM_OPTION
        ),
        classification=_classification(element),
        handler=_child_text(element, n.FORM_HANDLER),
        attitude=_rating(element, n.FORM_ATTITUDE),
        result=_rating(element, n.FORM_RESULT),
        opinion=_child_text(element, n.FORM_OPINION),
        remarks=_texts(element, n.FORM_REMARK),
    )


def _doc_number(head: etree._Element, main: etree._Element) -> DocumentNumber | None:
    element = head.find(n.DOC_NUMBER)
    as_text = main.find(n.DOC_NUMBER_TEXT)
    if element is None:
        if as_text is not None:
            safe.fail(
                [safe.at(as_text, f"{n.DOC_NUMBER_TEXT} without {n.DOC_NUMBER}", element_path)]
            )
        return None
    number = _make(
        element,
        DocumentNumber,
        _child_text(element, n.AGENCY_CODE),
        _integer(element, n.YEAR),
        _integer(element, n.SERIAL),
        printed=_child_text(element, n.PRINTED),
    )
    printed = _text(as_text)
    if printed is not None and printed != str(number):
        message = f"{n.DOC_NUMBER_TEXT} {printed!r} is not {n.DOC_NUMBER} {str(number)!r}"
        safe.fail([safe.at(typing.cast(etree._Element, as_text), message, element_path)])
    return number


def _disclosure(head: etree._Element) -> Disclosure | None:
    element = head.find(n.DISCLOSURE)
    if element is None:
        return None
    kind = DisclosureKind.from_chinese(element.get(n.DISCLOSURE_KIND, ""))
    return _make(element, Disclosure, typing.cast(str, _text(element)), kind)


def _contact(main: etree._Element) -> Contact | None:
    element = main.find(n.CONTACT)
    if element is None:
        return None
    return _make(
        element,
        Contact,
        _child_text(element, n.CONTACT_NAME),
        _child_text(element, n.PHONE),
        unit=_child_text(element, n.CONTACT_UNIT),
    )


def read(root: etree._Element) -> ReplyLetter:
    """The letter in a validated ``<电子公文>`` element.

    Raises:
        XmlParseError: the payload breaks a model invariant, or its 发文号 is not its 发文字号.
    """
    issuer = typing.cast(etree._Element, root.find(n.ISSUER))
    body = typing.cast(etree._Element, root.find(n.BODY_ROOT))
    head = typing.cast(etree._Element, body.find(n.HEAD))
    main = typing.cast(etree._Element, body.find(n.MAIN))
    tail = typing.cast(etree._Element, body.find(n.TAIL))
    text = typing.cast(etree._Element, main.find(n.TEXT))
    signature = main.find(n.SIGNATURE)
    attached = main.find(n.ATTACHED)
    form = attached.find(n.FORM) if attached is not None else None
    notes = main.find(n.ATTACHMENT_NOTES)
    date = main.findtext(n.DATE)
    copies: dict[str, list[str]] = {n.CC_SUPERIORS: [], n.CC_COPIES: []}
    for element in tail.findall(n.CC):
        copies[element.get(n.CC_KIND, "")].append(typing.cast(str, _text(element)))
    return _make(
        root,
        ReplyLetter,
        kind=ItemKind.from_chinese(root.get(n.ITEM_KIND, "")),
        role=_ROLES[issuer.get(n.HANDLING, "")],
        issuer=_text(issuer) or None,
        doc_number=_doc_number(head, main),
        signer=_child_text(signature, n.SIGNER) if signature is not None else None,
        classification=_classification(head),
        disclosure=_disclosure(head),
        title=_child_text(main, n.TITLE),
        reference=_item(typing.cast(etree._Element, main.find(n.INCOMING))),
        addressees=_addressees(typing.cast(etree._Element, main.find(n.ADDRESSEES))),
        opening=_child_text(text, n.OPENING),
        paragraphs=_paragraphs(text),
        sections=_sections(text),
        closing=_child_text(text, n.CLOSING),
        salutation=_texts(text, n.SALUTATION),
        attachments=tuple(
            _make(
                element,
                AttachmentNote,
                typing.cast(str, _text(element)),
                element.get(n.ATTACHMENT_LABEL, "附件"),
            )
            for element in (notes.findall(n.ATTACHMENT) if notes is not None else [])
        ),
        signed_by=_child_text(signature, n.SIGNED_BY) if signature is not None else None,
        date=datetime.date.fromisoformat(date.strip()) if date is not None else None,
        notes=_texts(main, n.NOTE),
        contact=_contact(main),
        cc=tuple(copies[n.CC_COPIES]),
        cc_superiors=tuple(copies[n.CC_SUPERIORS]),
        cc_stop=(tail.findtext(n.CC_STOP) or "true").strip() in ("true", "1"),
        feedback_form=_form(form) if form is not None else None,
    )
