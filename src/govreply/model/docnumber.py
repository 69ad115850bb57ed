"""Document numbers (发文字号) such as 赣区教议〔2024〕2号.

GB/T 9704-2012 §7.2.4 prints a document number as the issuer's code (发文机关代字), the full year
in hexagonal brackets 〔〕 and the serial without leading zeros or 第. Published letters print it
in many other ways, and some numbers are damaged or not numbers at all:

==============================  =============================================================
``赣区教议[2024]02号``           ASCII brackets, a leading zero
``潼民发【2024】275号``          other brackets
``湘教提复字〔2019〕来信号``      a serial that is not a number
``浙交建2018101号``              the brackets lost
``建议字〔2023〕8``              the 号 lost
``2022-92``                     a portal's 发文字号 field: year and serial, no code
==============================  =============================================================

:meth:`DocumentNumber.parse` reads every one of them: ``printed`` keeps the text exactly as it
stood whenever it differs from the standard form, and the structured parts (``agency_code``,
``year``, ``serial``) are filled where they can be read and ``None`` where not.
:func:`govreply.check` reports every non-standard form.
"""

from __future__ import annotations

import re
import unicodedata

import attrs

from govreply.errors import ValidationError
from govreply.model import _validators as v

__all__ = ["DocumentNumber"]

#: Longest text :meth:`DocumentNumber.parse` reads: no document number comes near it.
MAX_PRINTED = 80


_year_type = v.integer(minimum=None)


def _four_digit_year(
    instance: object, attribute: attrs.Attribute[int | None], value: int | None
) -> None:
    _year_type(instance, attribute, value)
    if value is not None and not 1000 <= value <= 9999:
        raise ValidationError(
            f"year must have four digits, got {value}", field=attribute.name, value=value
        )


v.describe(_four_digit_year, v.Rule("integer", optional=True, minimum=1000, maximum=9999))


# Each pattern runs on NFKC-folded text (full-width brackets and digits become ASCII, 〔〕 stay).
# 赣区教议〔2024〕2号 / 赣区教议[2024]第02号 / 湘教提复字〔2019〕来信号  (GB/T 9704 §7.2.4)
_BRACKETED = re.compile(
    r"(?P<code>[^〔〕\[\]【】()（）]{0,30}?)\s{0,8}"
    r"[〔\[【(（]\s{0,8}(?P<year>[0-9]{2,4})\s{0,8}[〕\]】)）]\s{0,8}"
    r"(?P<rest>[^〔〕\[\]【】]{0,30})"
)
# 第02号 / 2 号 / 来信号 / 8  (what follows the year)
_SERIAL = re.compile(r"第?\s{0,8}(?P<serial>[0-9]{1,9})\s{0,8}号?")
# 2022-92  (year and serial only, as portals fill their 发文字号 field)
_YEAR_SERIAL = re.compile(
    r"(?P<year>(?:19|20)[0-9]{2})\s{0,2}[-—]\s{0,2}(?P<serial>[0-9]{1,6})\s{0,2}号?"
)
# 浙交建2018101号  (brackets lost: a 19xx/20xx year run straight into the serial)
_UNBRACKETED = re.compile(
    r"(?P<code>[^0-9\s]{1,30}?)\s{0,8}(?P<year>(?:19|20)[0-9]{2})(?P<serial>[0-9]{1,6})\s{0,8}号"
)


@attrs.frozen
class DocumentNumber:
    """A document number: issuer code, year and serial, and the text as printed.

    ``printed`` is the text as it stood in the source when that differs from the standard form
    (``None`` for a standard number). Parts that could not be read are ``None``; a number
    missing any part must keep its ``printed`` text, so nothing is ever lost.

    >>> n = DocumentNumber.parse("赣区教议〔2024〕2号")
    >>> n.agency_code, n.year, n.serial, str(n)
    ('赣区教议', 2024, 2, '赣区教议〔2024〕2号')
    >>> DocumentNumber.parse("赣区教议[2024]02号").printed
    '赣区教议[2024]02号'
    >>> odd = DocumentNumber.parse("湘教提复字〔2019〕来信号")
    >>> odd.agency_code, odd.year, odd.serial, str(odd)
    ('湘教提复字', 2019, None, '湘教提复字〔2019〕来信号')
    """

    agency_code: str | None = attrs.field(default=None, validator=v.text())
    year: int | None = attrs.field(default=None, validator=_four_digit_year)
    serial: int | None = attrs.field(default=None, validator=v.integer())
    printed: str | None = attrs.field(default=None, validator=v.text(), kw_only=True)

    def __attrs_post_init__(self) -> None:
        if self.printed is None and not self.is_complete:
            raise ValidationError(
                "a document number without agency code, year or serial must keep its printed text",
                field="printed",
                value=None,
            )

    @property
    def is_complete(self) -> bool:
        """Whether agency code, year and serial were all read."""
        return self.agency_code is not None and self.year is not None and self.serial is not None

    @property
    def standard(self) -> str | None:
        """The GB/T 9704 form (``代字〔年〕序号号``); ``None`` unless every part was read."""
        if not self.is_complete:
            return None
        return f"{self.agency_code}〔{self.year}〕{self.serial}号"

    def __str__(self) -> str:
        return self.standard or self.as_printed

    @property
    def as_printed(self) -> str:
        """The number as it appeared in the source, or the standard form."""
        if self.printed is not None:
            return self.printed
        return f"{self.agency_code}〔{self.year}〕{self.serial}号"

    @classmethod
    def parse(cls, text: str) -> DocumentNumber:
        """Read a document number as printed, however it is printed (see the module docs).

        Full-width digits and brackets are read as ASCII ones. A two-digit year is not a year
        (it stays only in ``printed``).

        Raises:
            ValidationError: ``text`` is blank, longer than :data:`MAX_PRINTED` characters, or
                holds neither a year nor a serial, so it is no document number at all.
        """
        raw = text.strip()
        if not raw or len(raw) > MAX_PRINTED:
            raise ValidationError(
                f"not a document number (expected e.g. 赣区教议〔2024〕2号): {raw[:MAX_PRINTED]!r}",
                field="doc_number",
                value=text,
            )
        folded = unicodedata.normalize("NFKC", raw)
        code: str | None = None
        year: int | None = None
        serial: int | None = None
        bracketed = _BRACKETED.fullmatch(folded)
        if bracketed is not None:
            code = bracketed["code"].strip().rstrip(":：").strip() or None
            if len(bracketed["year"]) == 4:
                year = int(bracketed["year"])
            found = _SERIAL.fullmatch(bracketed["rest"].strip())
            serial = int(found["serial"]) if found is not None else None
        else:
            lost = _UNBRACKETED.fullmatch(folded)
            bare = _YEAR_SERIAL.fullmatch(folded) if lost is None else None
            if bare is not None:
                lost = bare
            if lost is None:
                raise ValidationError(
                    f"not a document number (expected e.g. 赣区教议〔2024〕2号): {raw!r}",
                    field="doc_number",
                    value=text,
                )
            code = lost["code"].strip() if bare is None else None
            year, serial = int(lost["year"]), int(lost["serial"])
        if serial is not None and serial < 1:
            serial = None
        # The code as printed (NFKC would turn its full-width letters into ASCII).
        number = cls(code and _printed_code(raw, code), year, serial, printed=raw)
        return number if raw != number.standard else attrs.evolve(number, printed=None)


def _printed_code(raw: str, folded_code: str) -> str:
    """The agency code as printed in ``raw``: NFKC keeps lengths for the characters codes use."""
    candidate = raw[: len(folded_code)]
    if unicodedata.normalize("NFKC", candidate) == folded_code:
        return candidate
    return folded_code
