"""The typed model of a suggestion or proposal reply letter.

Every class is a frozen attrs class with tuple collections; optional parts are ``None`` or
``()``. Validators enforce invariants only (a four-digit year, a positive serial); style rules
live in :mod:`govreply.rules`, so a misprinted real letter still loads.
"""

from __future__ import annotations

from govreply.model._enums import (
    CongressBody,
    DisclosureKind,
    ItemKind,
    Rating,
    ReplyRole,
    Severity,
)
from govreply.model.addressees import Addressees
from govreply.model.body import AttachmentNote, Contact, Disclosure, Item, Paragraph, Section
from govreply.model.classification import (
    Classification,
    ClassificationScheme,
    get_scheme,
    register_scheme,
    scheme_names,
)
from govreply.model.docnumber import DocumentNumber
from govreply.model.feedback import FeedbackForm
from govreply.model.finding import Finding
from govreply.model.letter import (
    MAX_SECTION_DEPTH,
    ReplyLetter,
    standard_closing,
    standard_opening,
    standard_title,
)
from govreply.model.reference import Congress, ItemReference
from govreply.model.review import Review

__all__ = [
    "MAX_SECTION_DEPTH",
    "Addressees",
    "AttachmentNote",
    "Classification",
    "ClassificationScheme",
    "Congress",
    "CongressBody",
    "Contact",
    "Disclosure",
    "DisclosureKind",
    "DocumentNumber",
    "FeedbackForm",
    "Finding",
    "Item",
    "ItemKind",
    "ItemReference",
    "Paragraph",
    "Rating",
    "ReplyLetter",
    "ReplyRole",
    "Review",
    "Section",
    "Severity",
    "get_scheme",
    "register_scheme",
    "scheme_names",
    "standard_closing",
    "standard_opening",
    "standard_title",
]
