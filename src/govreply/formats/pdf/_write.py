"""Print the HTML page of :mod:`govreply.formats.html` to PDF with WeasyPrint.

The page is the same markup and stylesheet as the HTML writer's, with each typeface set to the
face :func:`~govreply.formats.pdf._fonts.resolve` chose: a face fontconfig knows is named by
family and weight (Pango finds the same face), any other is loaded from its file with
``@font-face``. The faces' metrics let the stylesheet put the em boxes exactly on the grid.
WeasyPrint fetches nothing but those font files.
"""

from __future__ import annotations

import functools
import threading
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlparse

from govreply.formats._layout import FONT_ROLES, FontRole, Plan
from govreply.formats.html._css import Face, Metrics, stylesheet
from govreply.formats.html._write import build
from govreply.formats.pdf._fonts import ResolvedFont, single_face

__all__ = ["faces_for", "write_pdf"]


def _quote(name: str) -> str:
    return '"' + name.replace("\\", "\\\\").replace('"', '\\"') + '"'


def faces_for(fonts: dict[FontRole, ResolvedFont]) -> tuple[dict[FontRole, Face], str]:
    """CSS faces for the resolved fonts, and the ``@font-face`` rules of file-loaded ones."""
    faces: dict[FontRole, Face] = {}
    rules: list[str] = []
    for role in FONT_ROLES:
        font = fonts[role]
        metrics = Metrics(font.ascent, font.descent, font.em_top)
        if font.source == "fontconfig":
            faces[role] = Face(_quote(font.family), font.weight, metrics)
            continue
        family = f"govreply-pdf-{role}"
        uri = single_face(font.path, font.index).resolve().as_uri()
        rules.append(f'@font-face {{ font-family: "{family}"; src: url("{uri}"); }}')
        faces[role] = Face(f'"{family}"', 400, metrics)
    return faces, "\n".join(rules)


@functools.lru_cache(maxsize=1)
def _weasyprint() -> Any:
    import weasyprint

    return weasyprint


def write_pdf(plan: Plan, fonts: dict[FontRole, ResolvedFont], *, title: str) -> bytes:
    """The PDF of ``plan`` set in ``fonts``."""
    weasyprint = _weasyprint()
    faces, rules = faces_for(fonts)
    page = build(plan, css=stylesheet(plan, faces, rules), title=title)
    allowed = {single_face(f.path, f.index).resolve() for f in fonts.values()}
    document = weasyprint.HTML(string=page, url_fetcher=_fetcher(weasyprint, allowed))
    data: bytes = document.write_pdf(pdf_tags=True, font_config=_font_config(rules))
    return data


_LOCAL = threading.local()


def _font_config(rules: str) -> Any:
    """A WeasyPrint font configuration per thread and set of ``@font-face`` rules.

    WeasyPrint copies each ``@font-face`` file into its configuration; reusing one for the same
    rules loads each font once per process instead of once per document.
    """
    cache: dict[str, Any] = _LOCAL.__dict__.setdefault("configs", {})
    config = cache.get(rules)
    if config is None:
        from weasyprint.text.fonts import FontConfiguration

        if len(cache) >= _CONFIGS:
            cache.clear()
        config = cache[rules] = FontConfiguration()
    return config


#: Font configurations kept per thread (each holds its fonts in a temporary folder).
_CONFIGS = 4


def _fetcher(weasyprint: Any, allowed: set[Path]) -> Any:
    """A WeasyPrint URL fetcher that reads the chosen font files and nothing else."""

    class FontFetcher(weasyprint.URLFetcher):  # type: ignore[misc]
        def fetch(self, url: str, headers: object = None) -> Any:
            parsed = urlparse(url)
            path = Path(unquote(parsed.path)).resolve()
            if parsed.scheme != "file" or path not in allowed:
                raise ValueError(f"govreply fetches only its font files, not {url}")
            return super().fetch(url, headers)

    return FontFetcher(allowed_protocols=("file",))
