"""govreply: typed Chinese government suggestion-reply letters (答复函).

Model, validate, serialize (JSON, XML), render and parse the letters in which a department
answers a people's congress deputy's suggestion (建议) or a CPPCC member's proposal (提案).

>>> from govreply import check, examples
>>> [finding.code for finding in check(examples.seed_letter())]
['GR401', 'GR410', 'GR411', 'GR430']
"""

from __future__ import annotations

from govreply.errors import (
    DatasetError,
    FontError,
    GovReplyError,
    JsonParseError,
    NumeralError,
    ParseError,
    TextParseError,
    ValidationError,
    XmlParseError,
)
from govreply.model import (
    Addressees,
    AttachmentNote,
    Classification,
    ClassificationScheme,
    Congress,
    CongressBody,
    Contact,
    Disclosure,
    DisclosureKind,
    DocumentNumber,
    FeedbackForm,
    Finding,
    Item,
    ItemKind,
    ItemReference,
    Paragraph,
    Rating,
    ReplyLetter,
    ReplyRole,
    Review,
    Section,
    Severity,
)
from govreply.rules import check

__version__ = "0.1.0"

__all__ = [
    "Addressees",
    "AttachmentNote",
    "Classification",
    "ClassificationScheme",
    "Congress",
    "CongressBody",
    "Contact",
    "DatasetError",
    "Disclosure",
    "DisclosureKind",
    "DocumentNumber",
    "FeedbackForm",
    "Finding",
    "FontError",
    "GovReplyError",
    "Item",
    "ItemKind",
    "ItemReference",
    "JsonParseError",
    "NumeralError",
    "Paragraph",
    "ParseError",
    "Rating",
    "ReplyLetter",
    "ReplyRole",
    "Review",
    "Section",
    "Severity",
    "TextParseError",
    "ValidationError",
    "XmlParseError",
    "__version__",
    "check",
]


def __dir__() -> list[str]:
    return list(__all__)
