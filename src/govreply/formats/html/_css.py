"""The stylesheet of the official layout: a screen view, and print rules carrying the geometry.

Print rules place every part where GB/T 9704-2012 puts it (see
:mod:`govreply.formats._layout._geometry`): ``@page`` margins for the text area, a line height
of 28.99 pt and a character pitch of 15.79 pt for 22 lines of 28 characters, the issuer mark
and red rules at their millimetre positions on page 1, page numbers in the margin boxes
(``@page :first`` without one in 信函格式), the 版记 at the foot of the letter's last page
(``float: footnote``) and the feedback form on a page of its own.

A glyph's ideographic em box stands in its line box where the font's ascent and descent put
it; :class:`Metrics` gives those numbers so the PDF writer can place the em boxes exactly. The
HTML writer, which does not know the reader's fonts, assumes the em box fills the content area.
"""

from __future__ import annotations

import attrs

from govreply.formats._layout import FONT_ROLES, FORM_COLUMNS_MM, FontRole, Plan, Typefaces
from govreply.formats._layout import geometry as g

__all__ = ["Face", "Metrics", "default_faces", "stylesheet"]


@attrs.frozen
class Metrics:
    """A font's vertical metrics as line layout uses them, in ems.

    ``ascent`` and ``descent`` (positive) bound the content area above and below the baseline;
    ``em_top`` is the top of the ideographic em box above the baseline (0.88 for most CJK
    fonts, whose em box runs from -0.12 to 0.88).
    """

    ascent: float = 0.88
    descent: float = 0.12
    em_top: float = 0.88

    def em_offset(self, size: float, line: float) -> float:
        """Points from the top of a line box of height ``line`` to the em box's top."""
        half_leading = (line - (self.ascent + self.descent) * size) / 2
        return half_leading + (self.ascent - self.em_top) * size


@attrs.frozen
class Face:
    """How one typeface is named in CSS: a ``font-family`` value, weight and metrics."""

    family: str
    weight: int = 400
    metrics: Metrics = Metrics()


def _quote(name: str) -> str:
    return '"' + name.replace("\\", "\\\\").replace('"', '\\"') + '"'


_GENERIC: dict[FontRole, str] = {
    "xiaobiaosong": "serif",
    "fangsong": "serif",
    "heiti": "sans-serif",
    "kaiti": "serif",
    "songti": "serif",
}


def default_faces(typefaces: Typefaces) -> tuple[dict[FontRole, Face], str]:
    """Faces for a browser: each role's chain as ``local()`` sources and as family names.

    Returns the faces and the ``@font-face`` rules they use: one face per role named
    ``govreply-<role>`` whose sources are the chain's names (``local()`` also matches a face's
    full name, such as ``Noto Serif CJK SC Bold``), then the chain as plain family names.
    """
    faces: dict[FontRole, Face] = {}
    rules: list[str] = []
    for role in FONT_ROLES:
        chain = typefaces.chain(role)
        sources = ", ".join(f"local({_quote(name)})" for name in chain)
        rules.append(f'@font-face {{ font-family: "govreply-{role}"; src: {sources}; }}')
        families = ", ".join([f'"govreply-{role}"', *map(_quote, chain), _GENERIC[role]])
        faces[role] = Face(families)
    return faces, "\n".join(rules)


#: The line height in CSS: the pitch rounded down, so 22 lines always fit the text area.
_PITCH = int(g.LINE_PITCH_PT * 1000) / 1000


def _n(value: float) -> str:
    """A CSS number: at most three decimals, no trailing zeros."""
    text = f"{value:.3f}".rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text


def _font(face: Face, size: float, line: float | str) -> str:
    height = line if isinstance(line, str) else f"{_n(line)}pt"
    return (
        f"font-family: {face.family}; font-weight: {face.weight}; "
        f"font-size: {_n(size)}pt; line-height: {height};"
    )


def stylesheet(plan: Plan, faces: dict[FontRole, Face], font_rules: str = "") -> str:
    """The whole stylesheet for ``plan`` (screen view and print geometry)."""
    return "\n".join((font_rules, _common(faces), _screen(), _print(plan, faces)))


def _common(faces: dict[FontRole, Face]) -> str:
    pitch, body = _PITCH, g.BODY_PT
    spacing = g.CHAR_PITCH_PT - body
    indent = 2 * g.CHAR_PITCH_PT
    columns = "\n".join(
        f".gr-form col:nth-child({i}) {{ width: {_n(w)}mm; }}"
        for i, w in enumerate(FORM_COLUMNS_MM, 1)
    )
    return f"""
.gr-letter, .gr-attachment {{ {_font(faces["fangsong"], body, pitch)}
  letter-spacing: {_n(spacing)}pt; color: #000; text-align: justify; }}
.gr-letter p, .gr-attachment p, .gr-letter h1, .gr-letter h2, .gr-letter h3, .gr-letter h4,
.gr-letter h5, .gr-attachment h2 {{ margin: 0; }}
.gr-letter section {{ margin: 0; }}
.gr-masthead {{ {_font(faces["xiaobiaosong"], g.MASTHEAD_MAX_PT, "1")} color: {g.RED};
  text-align: center; letter-spacing: 0; white-space: nowrap; }}
.gr-rule {{ border-color: {g.RED}; border-style: solid; border-width: 0; }}
.gr-rule-top {{ border-top-width: {_n(g.RULE_THICK_PT)}pt;
  border-bottom-width: {_n(g.RULE_THIN_PT)}pt; height: {_n(g.RULE_SPACE_PT)}pt; }}
.gr-rule-bottom {{ border-top-width: {_n(g.RULE_THIN_PT)}pt;
  border-bottom-width: {_n(g.RULE_THICK_PT)}pt; height: {_n(g.RULE_SPACE_PT)}pt; }}
.gr-separator {{ border-top: {_n(g.SEPARATOR_PT)}pt solid {g.RED}; }}
.gr-number, .gr-signer-line {{ text-align: right; }}
.gr-ordinary .gr-number {{ text-align: center; }}
.gr-ordinary .gr-number.gr-with-signer {{ text-align: left; padding-left: 1em; }}
.gr-ordinary .gr-signer-line {{ padding-right: 1em; }}
.gr-title {{ {_font(faces["xiaobiaosong"], g.TITLE_PT, pitch)} text-align: center;
  letter-spacing: 0; margin: {_n(2 * pitch)}pt 0 {_n(pitch)}pt 0 !important; }}
.gr-title-line {{ display: block; }}
@media print {{ .gr-title-line {{ white-space: nowrap; }} }}
@media screen {{ .gr-title-line {{ word-break: keep-all; overflow-wrap: anywhere; }} }}
.gr-addressees {{ text-indent: 0; }}
.gr-letter .gr-p, .gr-letter .gr-h, .gr-note {{ text-indent: {_n(indent)}pt; }}
.gr-h {{ font-size: inherit; font-weight: {faces["fangsong"].weight}; }}
.gr-h1 {{ font-family: {faces["heiti"].family}; font-weight: {faces["heiti"].weight}; }}
.gr-h2 {{ font-family: {faces["kaiti"].family}; font-weight: {faces["kaiti"].weight}; }}
.gr-salutation {{ text-indent: {_n(indent)}pt; }}
.gr-salutation + .gr-salutation {{ text-indent: 0; }}
.gr-attachments {{ margin-top: {_n(pitch)}pt !important; }}
.gr-attachment-line {{ display: flex; padding-left: {_n(indent)}pt; }}
.gr-attachment-lead {{ flex: none; white-space: nowrap; }}
.gr-attachment-name {{ flex: 1; text-align: left; }}
.gr-numbered .gr-attachment-name {{ padding-left: 1.5em; text-indent: -1.5em; }}
.gr-signature {{ margin-top: {_n(2 * pitch)}pt !important; }}
.gr-signature p {{ text-align: right; white-space: nowrap; }}
.gr-imprint {{ {_font(faces["fangsong"], g.IMPRINT_PT, pitch)} letter-spacing: 0;
  text-align: left; margin-top: {_n(pitch)}pt; }}
.gr-imprint p, .gr-copies {{ margin: 0; padding: 0 1em 0 4em; text-indent: -3em; }}
.gr-imprint .gr-contact {{ padding-left: 1em; text-indent: 0; }}
.gr-cc {{ display: inline; margin: 0; padding: 0; list-style: none; }}
.gr-cc li {{ display: inline; }}
.gr-ordinary .gr-imprint {{ border-top: 0.35mm solid #000; border-bottom: 0.35mm solid #000; }}
.gr-ordinary .gr-imprint .gr-contact {{ border-top: 0.25mm solid #000; }}
.gr-attachment-label {{ font-family: {faces["heiti"].family}; font-weight: {faces["heiti"].weight};
  text-align: left; letter-spacing: 0; }}
.gr-form-title {{ {_font(faces["xiaobiaosong"], g.TITLE_PT, pitch)} text-align: center;
  letter-spacing: 0; margin: {_n(pitch)}pt 0 {_n(pitch / 2)}pt 0 !important; }}
.gr-form {{ border-collapse: collapse; table-layout: fixed; width: 100%;
  {_font(faces["fangsong"], g.TABLE_PT, "1.5")} letter-spacing: 0; }}
{columns}
.gr-form th, .gr-form td {{ border: 0.75pt solid #000; padding: 1.5mm 1mm; text-align: center;
  vertical-align: middle; font-weight: {faces["fangsong"].weight}; height: 10mm; }}
.gr-form .gr-left {{ text-align: left; vertical-align: top; }}
.gr-form .gr-right {{ text-align: right; vertical-align: bottom; }}
.gr-form .gr-tall td, .gr-form .gr-tall th {{ height: 45mm; }}
.gr-form .gr-cell-line {{ display: block; }}
.gr-form .gr-sign-label {{ float: left; }}
.gr-remarks {{ {_font(faces["fangsong"], g.TABLE_PT, "1.5")} letter-spacing: 0;
  margin-top: {_n(pitch / 2)}pt !important; text-align: left; }}
"""


def _screen() -> str:
    return f"""
@media screen {{
  html {{ background: #e8e8e8; }}
  body {{ margin: 0; padding: 24px 0; }}
  .gr-letter, .gr-attachment {{ box-sizing: border-box; width: {_n(g.PAGE_WIDTH_MM)}mm;
    margin: 0 auto 24px auto; background: #fff; box-shadow: 0 1px 6px rgba(0,0,0,.25);
    padding: {_n(g.TOP_MM)}mm {_n(g.RIGHT_MM)}mm {_n(g.BOTTOM_MM)}mm {_n(g.LEFT_MM)}mm; }}
  .gr-rule {{ margin: 4mm -7mm 0 -7mm; }}
  .gr-rule-bottom {{ display: none; }}
  .gr-masthead + .gr-rule + .gr-rule + p, .gr-separator + * {{ margin-top: 5mm; }}
  .gr-ordinary .gr-masthead {{ margin-bottom: 10mm; }}
  .gr-ordinary .gr-signer-line {{ margin-top: -{_n(g.LINE_PITCH_PT)}pt; }}
  .gr-separator {{ margin: 2mm 0 0 0; }}
}}
"""


def _print(plan: Plan, faces: dict[FontRole, Face]) -> str:
    body = faces["fangsong"].metrics
    pitch, size = g.LINE_PITCH_PT, g.BODY_PT
    # Shift the page grid so body glyphs' em boxes sit centred in the 22 lines of the text area.
    shift = g.mm(body.em_offset(size, pitch) - (pitch - size) / 2)
    top = g.TOP_MM - shift
    header = _header(plan, faces, top)
    folio = faces["songti"]
    fsize = g.FOLIO_PT
    fpad = g.FOLIO_GAP_MM - (g.mm(folio.metrics.em_offset(fsize, fsize) + fsize / 2)) + shift
    folio_box = (
        f'content: "— " counter(page) " —"; {_font(folio, fsize, fsize)} letter-spacing: 0; '
        f"vertical-align: top; padding-top: {_n(fpad)}mm;"
    )
    first = "@page :first { @bottom-right { content: none; } }" if plan.layout == "letter" else ""
    return f"""
@media print {{
  @page {{ size: A4; margin: {_n(top)}mm {_n(g.RIGHT_MM)}mm {_n(g.BOTTOM_MM + shift)}mm
    {_n(g.LEFT_MM)}mm; }}
  @page :right {{ @bottom-right {{ {folio_box} text-align: right;
    padding-right: {_n(fsize)}pt; }} }}
  @page :left {{ @bottom-left {{ {folio_box} text-align: left; padding-left: {_n(fsize)}pt; }} }}
  {first}
  html, body {{ margin: 0; padding: 0; background: none; }}
  .gr-attachment {{ break-before: page; }}
  .gr-imprint {{ float: footnote; footnote-policy: line; margin-top: 0; }}
  .gr-imprint::footnote-call {{ content: none; }}
  .gr-imprint::footnote-marker {{ content: none; }}
  .gr-h, .gr-title, .gr-form-title, .gr-attachment-label {{ break-after: avoid; }}
  .gr-signature {{ break-inside: avoid; }}
  .gr-form tr {{ break-inside: avoid; }}
{header}
}}
"""


def _header(plan: Plan, faces: dict[FontRole, Face], top: float) -> str:
    """Absolute positions (mm below the page area's top, ``top`` from the page's) of page 1."""
    pitch, size = g.LINE_PITCH_PT, g.BODY_PT
    mark_pt = plan.masthead_pt
    mark = faces["xiaobiaosong"].metrics
    body = faces["fangsong"].metrics
    line_offset = g.mm(body.em_offset(size, pitch))
    rules: list[str] = [".gr-head { position: relative; }"]
    rules.append(".gr-head > * { position: absolute; left: 0; right: 0; }")
    mark_size = f"font-size: {_n(mark_pt)}pt; line-height: {_n(mark_pt)}pt;"
    if plan.layout == "letter":
        mark_top = g.MASTHEAD_TOP_MM
        rule_top = mark_top + g.mm(mark_pt) + g.RULE_GAP_MM
        rule_bottom = rule_top + g.mm(g.RULE_TOTAL_PT)
        first_line = rule_bottom + g.NUMBER_GAP_MM - line_offset
        lower = g.PAGE_HEIGHT_MM - g.BOTTOM_RULE_MM - g.mm(g.RULE_TOTAL_PT)
        rules += [
            f".gr-rule-top {{ top: {_n(rule_top - top)}mm; }}",
            f".gr-rule-bottom {{ top: {_n(lower - top)}mm; }}",
            ".gr-rule { left: -7mm; right: auto; width: 170mm; }",
        ]
        left = right = first_line
        lines_left = len(plan.marks)
        lines_right = (plan.number is not None) + (plan.signer is not None)
    else:
        mark_top = g.ORDINARY_MASTHEAD_TOP_MM
        number_line = mark_top + g.mm(mark_pt) + g.mm(2 * pitch) - line_offset
        separator = number_line + line_offset + g.mm(size) + g.RULE_GAP_MM
        rules.append(f".gr-separator {{ top: {_n(separator - top)}mm; }}")
        left, right = top, number_line
        lines_left = len(plan.marks)
        lines_right = 1 if plan.number is not None or plan.signer is not None else 0
        first_line = separator + g.mm(g.SEPARATOR_PT)
    em = g.mm(mark.em_offset(mark_pt, mark_pt))
    rules.append(f".gr-masthead {{ top: {_n(mark_top - em - top)}mm; {mark_size} }}")
    for i in range(lines_left):
        rules.append(f".gr-mark-{i} {{ top: {_n(left - top + i * g.mm(pitch))}mm; }}")
    for i in range(lines_right):
        rules.append(f".gr-right-{i} {{ top: {_n(right - top + i * g.mm(pitch))}mm; }}")
    bottom = max(
        left + lines_left * g.mm(pitch),
        right + lines_right * g.mm(pitch),
        first_line,
    )
    rules.append(f".gr-head {{ height: {_n(bottom - top)}mm; }}")
    return "\n".join("  " + r for r in rules)
