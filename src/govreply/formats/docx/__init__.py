"""DOCX: a letter as a Word document in the official layout of GB/T 9704-2012.

:func:`dumps` writes the file a signing official opens in Word or WPS (install the ``docx``
extra: ``pip install govreply[docx]``): one A4 section with the standard's margins (37 mm top,
35 bottom, 28 left, 26 right), a document grid of 22 lines of 28 characters, paragraph styles
``GR …`` whose East Asian fonts (``w:eastAsia``) name the standard typefaces — 仿宋 for the
body, 小标宋 for the issuer mark and title, 黑体 and 楷体 for headings, 宋体 for page numbers —
with the next font of each chain as Word's alternative; in 信函格式 the red issuer mark 30 mm
from the top of the page with the red double rules in frames; page numbers ``— N —`` in odd
(right) and even (left) footers and none on page 1; the 版记 framed at the foot of the
letter's last page; and the feedback form on a page of its own as a bordered table.

>>> import io, zipfile
>>> from govreply.examples import seed_letter
>>> package = zipfile.ZipFile(io.BytesIO(dumps(seed_letter())))
>>> 'w:linePitch="579"' in package.read("word/document.xml").decode()
True

Fonts are named, not embedded: the reader's Word uses the named font where installed.
"""

from __future__ import annotations

# --- writer (govreply.formats.docx.dumps) ------------------------------------------------------
import attrs

from govreply.formats._layout import LayoutOptions, Typefaces, checked_plan, page_title
from govreply.model import ReplyLetter

# --- end writer --------------------------------------------------------------------------------

__all__ = ["DocxOptions", "Typefaces", "dumps"]


def __dir__() -> list[str]:
    return __all__


# --- writer (govreply.formats.docx.dumps) ------------------------------------------------------
@attrs.frozen(kw_only=True)
class DocxOptions(LayoutOptions):
    """Options of :func:`dumps`.

    Attributes:
        layout: ``"letter"`` (信函格式, the default) or ``"ordinary"``.
        issuer_mark: the issuer mark's text; ``None`` prints the letter's ``issuer``.
        masthead: ``False`` leaves out the issuer mark and red rules (letterhead paper).
        typefaces: the font chains (:class:`Typefaces`): the document names each chain's
            first font, and its second as Word's alternative.

    >>> DocxOptions(typefaces=Typefaces(fangsong=("仿宋", "FangSong"))).typefaces.fangsong
    ('仿宋', 'FangSong')
    """


def dumps(letter: ReplyLetter, /, *, options: DocxOptions | None = None) -> bytes:
    """Write ``letter`` as a DOCX file in the official layout.

    Args:
        letter: the letter to write.
        options: layout, issuer mark and typefaces (:class:`DocxOptions`).

    Raises:
        ValidationError: some text holds a control character (other than tab and line feed)
            or a lone surrogate, which a document cannot hold; the message names each field.
    """
    from govreply.formats.docx._write import write

    options = options if options is not None else DocxOptions()
    parts = checked_plan(letter, options)
    return write(parts, typefaces=options.typefaces, title=page_title(letter), author=letter.issuer)


# --- end writer --------------------------------------------------------------------------------
