"""The official layout (GB/T 9704-2012) shared by the DOCX, HTML and PDF writers (private).

``_geometry`` holds the page's numbers, ``_options`` the options and typefaces every writer
takes, ``_plan`` the printed parts of a letter in order, ``_title`` the title's line breaks.
"""

from __future__ import annotations

from govreply.formats._layout import _geometry as geometry
from govreply.formats._layout._check import checked_plan, page_title, unprintable
from govreply.formats._layout._options import (
    FONT_ROLES,
    FontRole,
    Layout,
    LayoutOptions,
    Typefaces,
)
from govreply.formats._layout._plan import (
    FORM_COLUMNS_MM,
    Attachment,
    Cell,
    Copies,
    Form,
    Heading,
    Para,
    Plan,
    Row,
    Signature,
    plan,
)
from govreply.formats._layout._title import break_title, width

__all__ = [
    "FONT_ROLES",
    "FORM_COLUMNS_MM",
    "Attachment",
    "Cell",
    "Copies",
    "FontRole",
    "Form",
    "Heading",
    "Layout",
    "LayoutOptions",
    "Para",
    "Plan",
    "Row",
    "Signature",
    "Typefaces",
    "break_title",
    "checked_plan",
    "geometry",
    "page_title",
    "plan",
    "unprintable",
    "width",
]
