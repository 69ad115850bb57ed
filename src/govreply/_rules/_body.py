"""Rules on the body: section headings, levels and inline 一是/二是 enumerations."""

from __future__ import annotations

from collections.abc import Iterator

from govreply._rules._table import ends_with_punctuation, finding
from govreply.model import Finding, Paragraph, Section
from govreply.numerals import find_item_markers, format_item, parse_label

__all__ = ["check_body"]


def check_body(
    paragraphs: tuple[Paragraph, ...], sections: tuple[Section, ...]
) -> Iterator[Finding]:
    """GR301–GR304 over the letter's own paragraphs, then each section in order."""
    yield from _enumeration(paragraphs, "paragraphs")
    if len(sections) == 1:
        yield finding("GR303", "sections", "the body has a single numbered section (一、 only)")
    for index, section in enumerate(sections):
        yield from _section(section, f"sections[{index}]", level=1)


def _section(section: Section, path: str, *, level: int) -> Iterator[Finding]:
    label = parse_label(section.heading)
    if label is not None:
        yield finding(
            "GR301",
            f"{path}.heading",
            f"heading starts with {label.marker.strip()!r}; its label follows from its place",
        )
    if level == 1 and ends_with_punctuation(section.heading):
        yield finding(
            "GR302", f"{path}.heading", f"heading ends with {section.heading.rstrip()[-1]!r}"
        )
    yield from _enumeration(section.paragraphs, f"{path}.paragraphs")
    if len(section.subsections) == 1:
        yield finding("GR303", f"{path}.subsections", "a level opened with a single subsection")
    for index, subsection in enumerate(section.subsections):
        yield from _section(subsection, f"{path}.subsections[{index}]", level=level + 1)


def _enumeration(paragraphs: tuple[Paragraph, ...], path: str) -> Iterator[Finding]:
    """一是, 二是, 三是… run on across the paragraphs of one block; 一是 may restart them."""
    previous = 0
    for index, paragraph in enumerate(paragraphs):
        for _, ordinal in find_item_markers(paragraph.text):
            if ordinal not in (1, previous + 1):
                after = f"after {format_item(previous)}" if previous else "without 一是 before it"
                yield finding("GR304", f"{path}[{index}]", f"{format_item(ordinal)} comes {after}")
            previous = ordinal
