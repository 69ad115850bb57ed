"""Findings: what :func:`govreply.check` and the text parser report about a letter."""

from __future__ import annotations

import attrs

from govreply.model import _validators as v
from govreply.model._enums import Severity

__all__ = ["Finding"]


@attrs.frozen(kw_only=True)
class Finding:
    """One problem found in a letter, or one repair made while reading it.

    ``code`` is stable across releases (systems filter on it); ``location`` names the part of
    the letter (``doc_number``, ``sections[1].paragraphs[0]``); ``line`` is the source line
    for findings made while parsing text.

    >>> str(Finding(code="GR301", severity=Severity.WARNING, message="no 。", location="cc"))
    'GR301 warning cc: no 。'
    """

    code: str = attrs.field(validator=v.text(optional=False))
    severity: Severity = attrs.field(validator=v.enum_value(Severity))
    message: str = attrs.field(validator=v.text(optional=False))
    location: str | None = attrs.field(default=None, validator=v.text())
    line: int | None = attrs.field(default=None, validator=v.integer())

    def __str__(self) -> str:
        where = self.location or ""
        if self.line is not None:
            where = f"{where} (line {self.line})" if where else f"line {self.line}"
        return f"{self.code} {self.severity.value} {where}: {self.message}".replace("  ", " ")
