"""A small helper over python-docx for what its API lacks (WordprocessingML, ECMA-376 Part 1).

python-docx sets only ``w:ascii``/``w:hAnsi`` for a font, has no API for paragraph borders,
frames, the document grid, fields, even/odd footers' content or table borders; these helpers
write those elements in schema order.
"""

from __future__ import annotations

from collections.abc import Iterable

from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from lxml import etree

__all__ = [
    "TWIPS_PER_MM",
    "add_field",
    "borders",
    "child",
    "fonts",
    "frame",
    "set_attrs",
    "twips",
]

#: Twentieths of a point in a millimetre.
TWIPS_PER_MM = 1440 / 25.4

# Children of w:pPr and w:rPr in the order the schema requires (CT_PPrBase, CT_RPr).
_PPR_ORDER = (  # noqa: SIM905 - the schema's sequence, as the spec prints it
    "pStyle keepNext keepLines pageBreakBefore framePr widowControl numPr suppressLineNumbers "
    "pBdr shd tabs suppressAutoHyphens kinsoku wordWrap overflowPunct topLinePunct autoSpaceDE "
    "autoSpaceDN bidi adjustRightInd snapToGrid spacing ind contextualSpacing mirrorIndents "
    "suppressOverlap jc textDirection textAlignment textboxTightWrap outlineLvl divId cnfStyle "
    "rPr sectPr pPrChange"
).split()
_RPR_ORDER = (  # noqa: SIM905 - the schema's sequence, as the spec prints it
    "rStyle rFonts b bCs i iCs caps smallCaps strike dstrike outline shadow emboss imprint "
    "noProof snapToGrid vanish webHidden color spacing w kern position sz szCs highlight u "
    "effect bdr shd fitText vertAlign rtl cs em lang eastAsianLayout specVanish oMath"
).split()
_ORDERS = {qn("w:pPr"): _PPR_ORDER, qn("w:rPr"): _RPR_ORDER}


def twips(value_mm: float) -> int:
    """Twips (1/20 pt) in ``value_mm`` millimetres, rounded.

    >>> twips(25.4)
    1440
    """
    return round(value_mm * TWIPS_PER_MM)


def child(parent: etree._Element, tag: str) -> etree._Element:
    """The ``w:`` child ``tag`` of ``parent``, created in schema order if missing."""
    name = qn(f"w:{tag}")
    found = parent.find(name)
    if found is not None:
        return found
    element: etree._Element = OxmlElement(f"w:{tag}")
    order = _ORDERS.get(parent.tag)
    if order is None or tag not in order:
        parent.append(element)
        return element
    position = order.index(tag)
    for i, existing in enumerate(parent):
        local = existing.tag.rsplit("}", 1)[-1]
        if local in order and order.index(local) > position:
            parent.insert(i, element)
            return element
    parent.append(element)
    return element


def set_attrs(element: etree._Element, **values: str | int) -> etree._Element:
    """Set ``w:`` attributes (``lineRule`` for ``w:lineRule``) and return ``element``."""
    for key, value in values.items():
        element.set(qn(f"w:{key}"), str(value))
    return element


def fonts(rpr: etree._Element, name: str) -> None:
    """Name ``name`` as the font of every script of a run, East Asian included (w:rFonts)."""
    element = child(rpr, "rFonts")
    for theme in ("asciiTheme", "hAnsiTheme", "eastAsiaTheme", "cstheme"):  # themes win over names
        element.attrib.pop(qn(f"w:{theme}"), "")
    set_attrs(element, ascii=name, hAnsi=name, eastAsia=name, cs=name, hint="eastAsia")


def borders(ppr: etree._Element, sides: Iterable[tuple[str, str, int, str]]) -> None:
    """Paragraph borders: (side, style, width in eighths of a point, hex colour) each."""
    bdr = child(ppr, "pBdr")
    for side, style, size, colour in sides:
        set_attrs(child(bdr, side), val=style, sz=size, space=0, color=colour)


def frame(ppr: etree._Element, **values: str | int) -> None:
    """Put the paragraph in a frame (w:framePr): a position on the page or in the margins."""
    set_attrs(child(ppr, "framePr"), **values)


def add_field(
    paragraph: etree._Element, instruction: str, shown: str, rpr: etree._Element | None
) -> None:
    """Append a complex field (``PAGE`` …) to a ``w:p``, showing ``shown`` until updated."""
    import copy

    def run() -> etree._Element:
        r: etree._Element = OxmlElement("w:r")
        if rpr is not None:
            r.append(copy.deepcopy(rpr))
        paragraph.append(r)
        return r

    set_attrs(child(run(), "fldChar"), fldCharType="begin")
    text = child(run(), "instrText")
    text.text = f" {instruction} "
    text.set(qn("xml:space"), "preserve")
    set_attrs(child(run(), "fldChar"), fldCharType="separate")
    child(run(), "t").text = shown
    set_attrs(child(run(), "fldChar"), fldCharType="end")
