"""Document numbers (发文字号) such as 赣区教议〔2024〕2号.

GB/T 9704-2012 §7.2.4 prints a document number as the issuer's code (发文机关代字), the full year
in hexagonal brackets 〔〕 and the serial without leading zeros or 第. Published letters often
misprint it: ``[2024]``, ``【2024】``, ``(2024)``, ``第2号``, ``02号``, full-width digits.
:meth:`DocumentNumber.parse` reads all of these and keeps what was printed, so
:func:`govreply.check` can report the deviation while the letter still loads.
"""

from __future__ import annotations

import re
import unicodedata

import attrs

from govreply.errors import ValidationError
from govreply.model._validators import nonempty, positive

__all__ = ["DocumentNumber"]


def _four_digit_year(_instance: object, attribute: attrs.Attribute[int], value: int) -> None:
    if not 1000 <= value <= 9999:
        raise ValidationError(
            f"year must have four digits, got {value}", field=attribute.name, value=value
        )


# 赣区教议〔2024〕2号 / 赣区教议[2024]02号 / 赣区教议（2024）第2号  (GB/T 9704 §7.2.4 and misprints)
_DOC_NUMBER = re.compile(
    r"""
    (?P<code>[^\s〔〕\[\]【】()（）]+?)\s*
    (?P<open>[〔\[【(（])\s*(?P<year>\d{2,4})\s*(?P<close>[〕\]】)）])\s*
    (?P<di>第?)\s*(?P<serial>\d+)\s*号
    """,
    re.VERBOSE,
)


@attrs.frozen
class DocumentNumber:
    """A document number: issuer code, year and serial.

    ``printed`` keeps the text as it stood in the source when that differs from the standard
    form; ``str()`` always gives the standard form.

    >>> n = DocumentNumber.parse("赣区教议〔2024〕2号")
    >>> n.agency_code, n.year, n.serial, str(n)
    ('赣区教议', 2024, 2, '赣区教议〔2024〕2号')
    >>> DocumentNumber.parse("赣区教议[2024]02号").printed
    '赣区教议[2024]02号'
    """

    agency_code: str = attrs.field(validator=nonempty)
    year: int = attrs.field(validator=_four_digit_year)
    serial: int = attrs.field(validator=positive)
    printed: str | None = attrs.field(default=None, validator=nonempty, kw_only=True)

    def __str__(self) -> str:
        return f"{self.agency_code}〔{self.year}〕{self.serial}号"

    @property
    def as_printed(self) -> str:
        """The number as it appeared in the source, or the standard form."""
        return self.printed if self.printed is not None else str(self)

    @classmethod
    def parse(cls, text: str) -> DocumentNumber:
        """Read a document number, accepting the common misprints listed in the module docs.

        Full-width digits are read as digits; a two-digit year is kept as printed but must
        still be recoverable, so it is rejected.

        Raises:
            ValidationError: ``text`` is not a document number.
        """
        raw = text.strip()
        match = _DOC_NUMBER.fullmatch(unicodedata.normalize("NFKC", raw))
        if match is None or len(match["year"]) != 4:
            raise ValidationError(
                f"not a document number (expected e.g. 赣区教议〔2024〕2号): {raw!r}",
                field="doc_number",
                value=text,
            )
        # NFKC maps 〔〕 to themselves and full-width brackets to ASCII, so code, year and serial
        # are read from the normalised text while ``printed`` keeps the original.
        number = cls(match["code"], int(match["year"]), int(match["serial"]))
        return number if raw == str(number) else attrs.evolve(number, printed=raw)
