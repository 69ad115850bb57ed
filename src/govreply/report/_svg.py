"""Hand-written SVG charts: horizontal bars, stacked bars and stacked columns.

Text stays text (``<text>`` elements), so the browser draws Chinese labels with its own fonts and
a reader can search and copy them; every chart has a ``<title>`` and an ``aria-label``, and
each bar a tooltip with its exact value. Widths of labels are estimated (a CJK character is one
em, other characters about 0.6 em); long labels are cut with … and shown whole in the tooltip.
"""

from __future__ import annotations

import html
import unicodedata
from collections.abc import Mapping, Sequence

__all__ = ["PALETTE", "bars", "columns", "stacked_bars"]

#: Colours of the categories of a chart, in order (colour-blind-safe, after Okabe and Ito).
PALETTE = (
    "#0072b2",
    "#e69f00",
    "#009e73",
    "#d55e00",
    "#cc79a7",
    "#56b4e9",
    "#f0e442",
    "#999999",
)
_FONT = 13
_ROW = 22
_WIDTH = 680
_LABEL_MAX = 15  # em


def _esc(text: object) -> str:
    return html.escape(str(text), quote=True)


def _em(text: str) -> float:
    return sum(1.0 if unicodedata.east_asian_width(ch) in "WF" else 0.6 for ch in text)


def _cut(text: str, ems: float) -> str:
    if _em(text) <= ems:
        return text
    out = ""
    for ch in text:
        if _em(out + ch) > ems - 1:
            break
        out += ch
    return out + "…"


def _svg(width: float, height: float, title: str, body: list[str]) -> str:
    return (
        f'<svg viewBox="0 0 {width:.0f} {height:.0f}" '
        f'width="{width:.0f}" height="{height:.0f}" role="img" aria-label="{_esc(title)}" '
        f'font-size="{_FONT}">'
        f"<title>{_esc(title)}</title>{''.join(body)}</svg>"
    )


def _label(x: float, y: float, label: str) -> str:
    """A row's label, right-aligned at ``x``; cut to fit, whole in its tooltip."""
    shown = _esc(_cut(label, _LABEL_MAX))
    return f'<text x="{x:.0f}" y="{y}" text-anchor="end">{shown}<title>{_esc(label)}</title></text>'


def _label_width(labels: Sequence[str]) -> float:
    return min(_LABEL_MAX, max((_em(label) for label in labels), default=4)) * _FONT + 12


def bars(items: Sequence[tuple[str, int]], *, title: str, color: str = PALETTE[0]) -> str:
    """One horizontal bar per (label, count), longest scale at the largest count.

    >>> svg = bars([("A", 3), ("B", 1)], title="grades")
    >>> svg.startswith("<svg") and svg.count("<rect") == 2
    True
    """
    left = _label_width([label for label, _ in items])
    span = _WIDTH - left - 60
    top = max((count for _, count in items), default=0) or 1
    body = []
    for i, (label, count) in enumerate(items):
        y = 4 + i * _ROW
        width = span * count / top
        body.append(
            _label(left - 8, y + 15, label)
            + f'<rect x="{left:.0f}" y="{y + 3}" width="{max(width, 1):.1f}" height="{_ROW - 6}" '
            f'fill="{color}"><title>{_esc(label)}: {count}</title></rect>'
            f'<text x="{left + width + 6:.1f}" y="{y + 15}" fill="#333">{count}</text>'
        )
    return _svg(_WIDTH, 8 + len(items) * _ROW, title, body)


def _legend(categories: Sequence[str], colors: Mapping[str, str], y: float) -> list[str]:
    out, x = [], 0.0
    for category in categories:
        out.append(
            f'<rect x="{x:.0f}" y="{y}" width="12" height="12" fill="{colors[category]}"/>'
            f'<text x="{x + 16:.0f}" y="{y + 11}">{_esc(category)}</text>'
        )
        x += 16 + _em(category) * _FONT + 18
    return out


def _colors(categories: Sequence[str]) -> dict[str, str]:
    return {c: PALETTE[i % len(PALETTE)] for i, c in enumerate(categories)}


def stacked_bars(
    rows: Sequence[tuple[str, Mapping[str, int]]], categories: Sequence[str], *, title: str
) -> str:
    """One 100 % bar per row, split by category in the order of ``categories``, with a legend.

    The count of each row is printed after its bar; a tooltip gives each part's count and share.

    >>> svg = stacked_bars([("县", {"A": 2, "B": 1})], ["A", "B"], title="grades by level")
    >>> svg.count("<rect") - 2  # two parts; the legend draws one swatch per category
    2
    """
    colors = _colors(categories)
    left = _label_width([label for label, _ in rows])
    span = _WIDTH - left - 60
    body = _legend(categories, colors, 2)
    for i, (label, counts) in enumerate(rows):
        y = 22 + i * _ROW
        total = sum(counts.get(c, 0) for c in categories)
        body.append(_label(left - 8, y + 15, label))
        x = left
        for category in categories:
            count = counts.get(category, 0)
            if not count:
                continue
            width = span * count / total
            share = f"{100 * count / total:.0f} %"
            body.append(
                f'<rect x="{x:.1f}" y="{y + 3}" width="{width:.1f}" height="{_ROW - 6}" '
                f'fill="{colors[category]}"><title>{_esc(label)} · {_esc(category)}: {count} '
                f"({share})</title></rect>"
            )
            x += width
        body.append(f'<text x="{left + span + 6:.0f}" y="{y + 15}" fill="#333">{total}</text>')
    return _svg(_WIDTH, 26 + len(rows) * _ROW, title, body)


def columns(
    items: Sequence[tuple[str, Mapping[str, int]]], categories: Sequence[str], *, title: str
) -> str:
    """Vertical columns, one per (label, counts by category), stacked; a histogram or a calendar.

    >>> svg = columns([("1月", {"人大": 2}), ("2月", {"人大": 1, "政协": 1})], ["人大", "政协"],
    ...               title="replies by month")
    >>> svg.count("<rect") - 2
    3
    """
    colors = _colors(categories)
    height, left = 170.0, 36.0
    base = height + (40.0 if len(categories) > 1 else 20.0)
    span = _WIDTH - left - 8
    step = span / max(len(items), 1)
    top = max((sum(counts.values()) for _, counts in items), default=0) or 1
    body = [] if len(categories) < 2 else _legend(categories, colors, 2)
    body.append(f'<line x1="{left}" y1="{base}" x2="{_WIDTH - 8}" y2="{base}" stroke="#888"/>')
    body.append(f'<text x="{left - 4}" y="{base - height + 4:.0f}" text-anchor="end">{top}</text>')
    body.append(f'<text x="{left - 4}" y="{base}" text-anchor="end">0</text>')
    for i, (label, counts) in enumerate(items):
        x = left + i * step + step * 0.1
        y = base
        for category in categories:
            count = counts.get(category, 0)
            if not count:
                continue
            h = height * count / top
            y -= h
            body.append(
                f'<rect x="{x:.1f}" y="{y:.1f}" width="{step * 0.8:.1f}" height="{h:.1f}" '
                f'fill="{colors[category]}"><title>{_esc(label)} · {_esc(category)}: {count}'
                "</title></rect>"
            )
        body.append(
            f'<text x="{x + step * 0.4:.1f}" y="{base + 16}" text-anchor="middle" '
            f'font-size="{_FONT - 2}">{_esc(label)}</text>'
        )
    return _svg(_WIDTH, base + 24, title, body)
