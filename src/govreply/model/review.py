"""The review signal: whether a person should look at a letter read from a document, and why.

Every reader reports each repair and observation as a :class:`~govreply.model.Finding`. Most
are routine (a title joined over two lines, a page number removed). Three kinds mean that the
record may be wrong or incomplete, and a researcher should read the source before trusting it:

- **errors**: findings of severity ``error`` (the text is cut off, a part could not be read);
- **inferred**: fields filled from outside the letter itself, or guessed (the page's metadata
  gave the document number, a handling-record table gave the item number, a date missing its
  separators was read one way of several);
- **unplaced**: source lines that fit no part of the letter and were set aside or kept as body
  text.

:meth:`Review.of` derives the summary from the findings; ``needed`` is true when any of the
three is non-zero. The codes that count as *inferred* and *unplaced* are listed in
:data:`INFERRED_CODES` and :data:`UNPLACED_CODES`.

>>> from govreply.model import Finding, Severity
>>> review = Review.of([Finding(code="GT201", severity=Severity.WARNING, message="x")])
>>> review.needed, review.unplaced, review.reasons
(True, 1, ('GT201',))
>>> Review.of([]).needed
False
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Final

import attrs

from govreply.model import _validators as v
from govreply.model._enums import Severity
from govreply.model.finding import Finding

__all__ = ["INFERRED_CODES", "UNPLACED_CODES", "Review"]

#: Findings whose field value came from outside the letter or was one reading of several.
INFERRED_CODES: Final = frozenset(
    {
        "GT207",  # a field taken from a handling-record table or page metadata
        "GT307",  # a date printed without separators, read one way
        "GT308",  # a damaged key's value read as the contact person
        "GH201",  # a field taken from the web page's metadata
        "GO203",  # a field taken from an OFD document's custom tags
    }
)

#: Findings about source text that fits no part of the letter.
UNPLACED_CODES: Final = frozenset(
    {
        "GT201",  # a header line that is no part of the letter, ignored
        "GT303",  # a sign-off line that carries nothing the model keeps, ignored
        "GT403",  # text after the feedback form, ignored
    }
)


@attrs.frozen(kw_only=True)
class Review:
    """A summary of the findings of a reading: does a person need to look, and why.

    ``errors`` counts error findings, ``inferred`` names the fields (or codes) that were filled
    from outside the letter or guessed, ``unplaced`` counts the source lines that fit nowhere;
    ``reasons`` lists the codes behind all three, in order of first appearance.
    """

    needed: bool = attrs.field(validator=v.flag())
    errors: int = attrs.field(default=0, validator=v.integer(optional=False, minimum=0))
    inferred: tuple[str, ...] = attrs.field(default=(), converter=v.to_tuple, validator=v.texts())
    unplaced: int = attrs.field(default=0, validator=v.integer(optional=False, minimum=0))
    reasons: tuple[str, ...] = attrs.field(default=(), converter=v.to_tuple, validator=v.texts())

    @classmethod
    def of(cls, findings: Iterable[Finding]) -> Review:
        """The review signal of a reading that made ``findings``."""
        errors = unplaced = 0
        inferred: list[str] = []
        reasons: dict[str, None] = {}
        for finding in findings:
            counted = False
            if finding.severity is Severity.ERROR:
                errors += 1
                counted = True
            if finding.code in INFERRED_CODES:
                where = finding.location or finding.code
                if where not in inferred:
                    inferred.append(where)
                counted = True
            if finding.code in UNPLACED_CODES:
                unplaced += 1
                counted = True
            if counted:
                reasons.setdefault(finding.code)
        needed = bool(errors or inferred or unplaced)
        return cls(
            needed=needed,
            errors=errors,
            inferred=tuple(inferred),
            unplaced=unplaced,
            reasons=tuple(reasons),
        )

    def to_dict(self) -> dict[str, object]:
        """The summary as JSON-ready data (the ``review`` object of ``govreply parse``)."""
        return {
            "needed": self.needed,
            "errors": self.errors,
            "inferred": list(self.inferred),
            "unplaced": self.unplaced,
            "reasons": list(self.reasons),
        }
