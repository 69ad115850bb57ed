"""OFD: read reply letters from OFD documents (GB/T 33190-2016), the Chinese fixed-layout format.

An OFD file is a ZIP package: ``OFD.xml`` names the document (``Doc_0/Document.xml``), which
lists its pages (``Pages/Page_0/Content.xml``, templates in ``TPLS/``); each page holds text
objects (``TextObject`` with a ``Boundary`` in millimetres and ``TextCode`` runs placed by
``X``/``Y`` and ``DeltaX``), path objects (rules) and images. The reader (:func:`parse`,
:func:`loads`, :func:`extract`) takes every text object of each page, template layers
included, and rebuilds lines, paragraphs, ruled tables and page chrome as the PDF reader does
(:mod:`govreply.formats.pdf`), then reads the text with :mod:`govreply.formats.text`.
``Tags/CustomTags.xml``, when present, names objects (``发文机关``, ``文号``…): their text is
kept in the result's ``metadata`` and fills a field the letter lacks (a ``GO203`` finding).

The package is hostile input: ZIP bombs, member names that leave the package (``../``),
too many or too large members and deep XML are refused with
:class:`~govreply.errors.OfdParseError` before anything is decompressed; XML parts are parsed
with the XML format's hardened parser (no DTD, no entities, no network). A document whose
pages are only images raises :class:`~govreply.errors.OfdNoTextError` (OCR is needed).

Finding codes of the OFD reader (stable; the text reader's ``GT`` findings follow them):

======  ==============================================================================
GO101   a page number was removed
GO102   a running header or footer (the same line at the edge of several pages) was removed
GO103   a ruled table was read from its cells (one row per line, cells tab-separated)
GO104   a paragraph continued across a page break was joined
GO201   custom tags were read into the metadata
GO202   the custom tags could not be read and were ignored
GO203   a field the letter lacks was taken from the custom tags
======  ==============================================================================
"""

from __future__ import annotations

# --- readers (parse, loads, extract): formats/ofd/_read.py ----------------------------------
from govreply.formats._readkit.result import DocumentParseResult, Extraction
from govreply.formats.ofd._read import (
    DEFAULT_OFD_READ_OPTIONS as DEFAULT_OFD_READ_OPTIONS,
)
from govreply.formats.ofd._read import (
    OfdReadOptions as OfdReadOptions,
)
from govreply.formats.ofd._read import (
    extract_ofd,
    parse_ofd,
)
from govreply.model import ReplyLetter

#: The result of :func:`parse`: the letter, the findings, the custom tags and the text read.
OfdParseResult = DocumentParseResult


def parse(data: bytes, /, *, options: OfdReadOptions = DEFAULT_OFD_READ_OPTIONS) -> OfdParseResult:
    """Read a reply letter from an OFD document and report every repair made.

    >>> from pathlib import Path
    >>> result = parse(Path("tests/data/documents/seed.ofd").read_bytes())
    >>> str(result.letter.doc_number), result.pages
    ('赣区教议〔2024〕2号', 4)

    Raises:
        OfdParseError: the package is damaged, unsafe or over a limit (``part`` names the
            member), or its text is not a reply letter.
        OfdNoTextError: the pages are only images: OCR is needed.
    """
    return parse_ofd(data, options)


def loads(data: bytes, /, *, options: OfdReadOptions = DEFAULT_OFD_READ_OPTIONS) -> ReplyLetter:
    """Read a reply letter from an OFD document: ``parse(data).letter``.

    Raises:
        OfdParseError: as :func:`parse`.
    """
    return parse_ofd(data, options).letter


def extract(data: bytes, /, *, options: OfdReadOptions = DEFAULT_OFD_READ_OPTIONS) -> Extraction:
    """The text of an OFD document as the text reader reads it, letter or not.

    Raises:
        OfdParseError: as :func:`parse`, except that the text need not be a letter.
    """
    return extract_ofd(data, options)


_READ_NAMES = [
    "DEFAULT_OFD_READ_OPTIONS",
    "OfdReadOptions",
    "OfdParseResult",
    "extract",
    "loads",
    "parse",
]
# --- end of readers -------------------------------------------------------------------------

__all__ = sorted(_READ_NAMES)


def __dir__() -> list[str]:
    return __all__
