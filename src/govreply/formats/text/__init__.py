"""Plain text: render a letter in the official layout, and read letters as they are published.

:func:`dumps` prints a :class:`~govreply.model.ReplyLetter` in the layout of the seed letter
(GB/T 9704-2012 order): masthead, document number, 签发人, classification ``(A1)``, disclosure
``(同意对外公开)``, title, addressees, opening, body (section labels 一、 （一） 1. （1） from
:mod:`govreply.numerals`), closing, attachment notes, signature and date, notes, 抄送, contact,
then the feedback form as a tab-separated table. :func:`loads` reads a letter copied from a PDF
or a web page; :func:`parse` also returns the :class:`~govreply.model.Finding` for every
repair or observation it made, so nothing changes silently:

>>> from govreply.examples import seed_letter, seed_text
>>> result = parse(seed_text())
>>> result.letter == seed_letter()
True
>>> sorted({f.code for f in result.findings})
['GT101', 'GT102', 'GT103']
>>> loads(dumps(seed_letter())) == seed_letter()
True

What the reader accepts: full-width or ASCII punctuation (NFKC copies), indentation, labels such
as ``类别：B`` / ``办理结果：（C）`` / ``签发人：``, header parts in any order or sharing a line,
titles broken over lines or spaced (``答 复``), honorific or agency addressees, 此致 敬礼,
dates in Arabic or Chinese numerals, ``附件：`` / ``附：``, 抄送 / 抄报, contact lines of many
shapes, disclosure notes, web-page metadata and HTML comments around the letter.

Finding codes (stable; ``GT1xx`` repairs, ``GT2xx`` header and body, ``GT3xx`` sign-off,
``GT4xx`` feedback form). The review column says what the finding means for
:attr:`TextParseResult.review`: *error* (severity error), *inferred* (a field filled from outside
the letter or read one way of several), *unplaced* (source text that fits no part of the letter):

======  ========  =============================================================================
GT101             a paragraph cut mid-sentence or mid-word by a page break was joined
GT102             … and a fragment printed on both sides of the break was kept once
GT103             layout spaces were removed from the title
GT104             a title printed over several lines was joined
GT105             an HTML comment was removed
GT106             the opening and the first paragraph shared a line and were split
GT107             a run-in heading (``一、关于…。正文``) was split from its paragraph
GT108             a letter flattened onto one line (web copies) was split between its parts
GT109             the addressee and the opening shared a line and were split
GT201   unplaced  a header line that is no part of the letter was ignored
GT202             no title is printed (the letter's ``title`` is ``None``)
GT203             a section label skips a level (一、 then 1.); nested one level down
GT204             a label nested deeper than four levels was kept as a paragraph
GT205             text with a document number's year that could not be read as one was ignored
GT206             a metadata line (web page, handling record) was kept in ``metadata``
GT207   inferred  a field the letter does not print was taken from the metadata
GT208             a web-page line (print and share buttons, font size) was removed
GT301   error     a date could not be read
GT302             a second, different classification was ignored
GT303   unplaced  a sign-off line that fits no part of the letter was ignored
GT304             an empty attachment note was ignored
GT305   error     the text looks cut off (it stops mid-sentence, or on a fragment)
GT307   inferred  a date printed without separators (2023618) was read
GT308   inferred  a line with a damaged key (``:孟炜``, ``人:黎翔``) was read as the contact person
GT310             a 版记 or page line the model has no field for (主题词, 印发) was left out
GT401             a feedback-form table without a title or name row was read as body text
GT402   error     the feedback form could not be read and was left out
GT403   unplaced  text after the feedback form was ignored
======  ========  =============================================================================

Every finding about text that is left out quotes that text whole, so nothing read disappears
without a trace.

Precision: a text is read as a letter only when its title, opening and addressee say it is one
(it cites a 建议 or 提案, answers it, and is addressed to a deputy, member, group or organ); any
other text — a notice, a 批复, news about suggestions, a reply to a citizen — raises
:class:`~govreply.errors.TextParseError` saying which evidence is missing.

Numbered paragraphs: a labelled line (``一、``, ``（一）``…) is a heading when it is short and
plain, or at most 60 characters (50 ending with 。) and followed by unlabelled text; a top-level
line whose first sentence is short and plain is a run-in heading (``一、关于…。正文``, GT107);
every other labelled line is a numbered paragraph and kept whole, label included.

Body text is never dropped: a line that fits no part of the layout becomes a paragraph.

What the layout cannot carry, so :func:`dumps` raises :class:`~govreply.errors.ValidationError`
instead of printing a letter that would read back differently (pass ``strict=False`` to print
it anyway; the message names every part that would change):

- a line break inside any text, leading or trailing spaces, a tab in a feedback-form cell;
- a disclosure whose ``kind`` is not the one its ``text`` states (the reader infers it);
- what the reader keys on but the model does not store: the title must read as a title
  (start with 关于 or 对…建议/提案, or end with 答复/复函/回复/的函/意见), the item's kind,
  number and session must be stated by the title or the opening, the session's body must fit
  the kind (人大 for a suggestion, 政协 for a proposal), an addressee without a role
  (代表, 委员) must be followed by an opening, an issuer or signature
  must end with an agency word (局 厅 委 会 办 …), an opening must contain 收悉 or 如下, and
  a last paragraph worded like a closing (感谢…) reads as the closing;
- the feedback form's item congress, and a category without a number.

``dumps`` checks all of this by reading its own output back. Texts made only of characters
outside :data:`LAYOUT_RESERVED` (the characters of the layout's keywords, labels and numerals)
can never be mistaken for another part; :func:`govreply.testing.reply_letters` with
``layout_safe=True`` generates such letters, with standard titles, openings and closings.

Read but not kept (the model has no field; each is reported): fax, post code and address lines,
主题词 and 印发 lines, buttons and counters of web pages.
"""

from __future__ import annotations

import attrs

from govreply.errors import ValidationError
from govreply.formats.text._grammar import LAYOUT_RESERVED
from govreply.formats.text._parse import parse_text
from govreply.formats.text._render import render
from govreply.model import Disclosure, Finding, ReplyLetter, Review

__all__ = ["LAYOUT_RESERVED", "TextParseResult", "dumps", "loads", "parse"]


@attrs.frozen
class TextParseResult:
    """A letter read from text, the findings made reading it, and what stood around it.

    ``metadata`` holds the key/value pairs printed around the letter that are not part of it:
    a web page's metadata (索引号, 发布机构, 成文日期…) and a handling-record table (建议号,
    提案人, 承办单位…), keys as printed without spaces and colon. ``review`` says whether a
    person should read the source before trusting the record (:class:`~govreply.model.Review`).
    """

    letter: ReplyLetter
    findings: tuple[Finding, ...] = ()
    metadata: dict[str, str] = attrs.field(factory=dict, eq=True, hash=False)

    @property
    def review(self) -> Review:
        """The review signal derived from :attr:`findings`."""
        return Review.of(self.findings)


def parse(text: str | bytes, /) -> TextParseResult:
    r"""Read a published reply letter and report every repair made.

    ``bytes`` are decoded as UTF-8 (a BOM is allowed), else GB 18030.

    >>> result = parse("张三代表：\n您提出的建议收悉，现答复如下：\n我局已办理。")
    >>> result.letter.addressees.names, result.letter.opening[:5]
    (('张三',), '您提出的建')

    Raises:
        TextParseError: the text is not a reply letter (no addressee line), with the line,
            column and a caret under the offending text.
    """
    letter, findings, metadata = parse_text(text)
    return TextParseResult(letter, findings, metadata)


def loads(data: str | bytes, /) -> ReplyLetter:
    """Read a published reply letter: ``parse(data).letter``.

    Raises:
        TextParseError: the text is not a reply letter.
    """
    return parse_text(data)[0]


_TEXTS = ("issuer", "signer", "title", "opening", "closing", "signed_by")


def _problems(letter: ReplyLetter) -> list[str]:
    problems: list[str] = []

    def text(where: str, value: str | None) -> None:
        if value is None:
            return
        if value != value.strip():
            problems.append(f"{where} has leading or trailing spaces")
        if len(value.splitlines()) > 1:
            problems.append(f"{where} holds a line break")

    for name in _TEXTS:
        text(name, getattr(letter, name))
    for i, p in enumerate(letter.paragraphs):
        text(f"paragraphs[{i}]", p.text)
    for name in ("notes", "cc"):
        for i, value in enumerate(getattr(letter, name)):
            text(f"{name}[{i}]", value)
    if letter.disclosure is not None:
        text("disclosure.text", letter.disclosure.text)
        implied = Disclosure.parse(letter.disclosure.text).kind
        if implied is not letter.disclosure.kind:
            problems.append(
                f"disclosure.kind is {letter.disclosure.kind.value!r} but its text "
                f"{letter.disclosure.text!r} reads as {implied.value!r}"
            )
    form = letter.feedback_form
    if form is not None:
        cells = (form.address, form.phone, form.handler, form.opinion, form.item.title)
        if any(c is not None and "\t" in c for c in cells) or "\t" in str(form.deputies):
            problems.append("feedback_form: a cell holds a tab")
    return problems


def dumps(letter: ReplyLetter, /, *, strict: bool = True) -> str:
    """Render ``letter`` in the official plain-text layout.

    >>> from govreply.examples import seed_letter
    >>> dumps(seed_letter()).splitlines()[2:5]
    ['赣州市赣县区教育科技体育局', '', '赣区教议〔2024〕2号']

    Args:
        letter: the letter to print.
        strict: refuse letters that would not read back equal (see the module docs).

    Raises:
        ValidationError: ``strict`` and the layout cannot carry the letter losslessly; the
            message names every part that would change.
    """
    problems = _problems(letter) if strict else []
    out = render(letter)
    if strict and not problems:
        try:
            back = parse_text(out)[0]
        except ValueError as exc:
            problems.append(f"the rendered text does not read back: {exc}")
        else:
            problems += [
                f"{f.name} would read back as {getattr(back, f.name)!r}"
                for f in attrs.fields(ReplyLetter)
                if getattr(back, f.name) != getattr(letter, f.name)
            ]
    if problems:
        raise ValidationError(
            "the text layout cannot carry this letter losslessly: " + "; ".join(problems),
            field="letter",
            value=letter,
        )
    return out
