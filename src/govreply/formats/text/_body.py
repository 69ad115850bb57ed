"""The body of a letter: page-break repairs, then paragraphs and nested numbered sections."""

from __future__ import annotations

import attrs

from govreply.formats.text._grammar import META_MAX, TERMINAL, fold, label_at
from govreply.model import MAX_SECTION_DEPTH, Finding, Paragraph, Section, Severity

__all__ = ["Entry", "build_body", "join_page_breaks", "note"]


def note(
    code: str,
    message: str,
    line: int | None,
    location: str | None = None,
    *,
    severity: Severity = Severity.WARNING,
) -> Finding:
    """A finding made while reading text (a warning unless told otherwise)."""
    return Finding(code=code, severity=severity, message=message, location=location, line=line)


# A page break leaves the fragment before it repeated after it at most this long ...
_REPEAT_MAX = 40
# ... and at least this long: shorter overlaps (的工作 / 工作…) occur in ordinary text.
_REPEAT_MIN = 4
# How much of a joined paragraph's start is folded (see Entry).
_FOLDED = 2 * META_MAX
# A line this long is running text, not a heading, even without a final comma.
_RUNNING = 30


@attrs.define
class Entry:
    """One non-blank source line: printed text (stripped), its folded start, number, blank before.

    ``folded`` is :func:`fold` of the text, or of its first characters for a long line: the
    grammar only ever matches a line's start.
    """

    text: str
    folded: str
    line: int
    blank_before: bool


@attrs.define
class _Run:
    """A paragraph being assembled from the pieces a page break cut apart."""

    first: Entry
    texts: list[str]
    size: int

    @property
    def last_text(self) -> str:
        return self.texts[-1]

    def entry(self) -> Entry:
        first = self.first
        if len(self.texts) == 1:
            return first
        joined = "".join(self.texts)
        return Entry(joined, fold(joined[:_FOLDED]), first.line, first.blank_before)


def _is_break(prev: _Run, nxt: Entry) -> bool:
    """Whether ``prev`` and ``nxt`` are one paragraph cut by a page break.

    A break leaves a blank line and a paragraph that stops mid-sentence: no final 。！？；：
    and either a comma-like last character or a line as long as running text. The next line
    must be text, not a label, and not a short unpunctuated line (a heading).
    """
    last = fold(prev.last_text[-1])
    if not nxt.blank_before or last in TERMINAL or prev.last_text[-1] in TERMINAL:
        return False
    if label_at(nxt.folded) is not None or label_at(prev.first.folded) is not None:
        return False
    if last not in ",、" and prev.size < _RUNNING:
        return False
    short_heading = len(nxt.text) < _RUNNING and not any(c in TERMINAL for c in nxt.text)
    return not short_heading or last in ",、"


def _overlap(head: str, tail: str) -> int:
    """Length of the longest fragment (4 to 40 characters) ending ``head`` and starting ``tail``."""
    longest = min(_REPEAT_MAX, len(head), len(tail) - 1)
    window = head[len(head) - longest :]
    start = window.find(tail[0]) if longest >= _REPEAT_MIN else -1
    while start >= 0 and longest - start >= _REPEAT_MIN:
        if tail.startswith(window[start:]):
            return longest - start
        start = window.find(tail[0], start + 1)
    return 0


def join_page_breaks(entries: list[Entry], findings: list[Finding]) -> list[Entry]:
    """Join paragraphs cut by a page break, dropping a fragment printed on both sides once."""
    runs: list[_Run] = []
    for entry in entries:
        if runs and _is_break(runs[-1], entry):
            run = runs[-1]
            k = _overlap(run.last_text, entry.text)
            where = f"paragraph joined across a page break after line {run.first.line}"
            if k:
                message = (
                    f"{where}; the fragment {entry.text[:k]!r} printed on both sides was kept once"
                )
                findings.append(note("GT102", message, entry.line))
            else:
                message = f"{where} (it stopped mid-sentence or mid-word)"
                findings.append(note("GT101", message, entry.line))
            run.texts.append(entry.text[k:])
            run.size += len(entry.text) - k
            continue
        runs.append(_Run(entry, [entry.text], len(entry.text)))
    return [run.entry() for run in runs]


@attrs.define
class _Open:
    heading: str
    level: int
    paragraphs: list[Paragraph] = attrs.Factory(list)
    subsections: list[_Open] = attrs.Factory(list)

    def freeze(self) -> Section:
        return Section(
            self.heading, tuple(self.paragraphs), tuple(s.freeze() for s in self.subsections)
        )


# the first sentence of a run-in heading: 一、关于拟新改建校大门的建议。经我局研究…
_RUN_IN_MAX = 30
_SENTENCE_HEADING_MAX = 50
_INNER_PUNCT = frozenset(",，。;；:：!！?？")


def _heading(entry: Entry, end: int, level: int, nxt: Entry | None) -> tuple[str, str] | None:
    """How a labelled line reads: ``(heading, run-in paragraph)``, or ``None`` (a paragraph).

    A short line without inner punctuation is a heading (a final colon dropped); so is a
    labelled line followed by unlabelled text, if it is at most 60 characters long (50 when it
    ends with 。). Otherwise a top-level
    line whose first sentence is short (at most 30 characters) and plain is a run-in heading
    followed by its paragraph (一、关于拟新改建校大门的建议。经我局研究…), and anything else is
    a numbered paragraph (一、您这一提案提得很好，… / 1.加强安全隐患排查：…).
    """
    rest = entry.text[end:].strip()
    plain = rest.rstrip(":： ")
    if plain and not any(c in _INNER_PUNCT for c in plain) and len(plain) <= 2 * _RUN_IN_MAX:
        return plain, ""
    # a sentence heading (…建议可行。) fits in under two printed lines (28 characters each); a
    # longer line ending 。 is a numbered paragraph
    longest = _SENTENCE_HEADING_MAX if rest.endswith("。") else 2 * _RUN_IN_MAX
    if nxt is not None and label_at(nxt.folded) is None and len(rest) <= longest:
        return rest, ""
    stop = rest.find("。")
    head = rest[:stop]
    if level <= 2 and 0 < stop <= _RUN_IN_MAX and not any(c in _INNER_PUNCT for c in head):
        return head, rest[stop + 1 :].strip()
    return None


def build_body(
    entries: list[Entry], findings: list[Finding]
) -> tuple[tuple[Paragraph, ...], tuple[Section, ...]]:
    """Paragraphs before the first numbered section, and the sections (labels give nesting).

    A label one level deeper than any open section opens a subsection; a label that skips a
    level (一、 then （1）) nests one level down, with a finding.
    """
    lead: list[Paragraph] = []
    top: list[_Open] = []
    stack: list[_Open] = []
    for i, entry in enumerate(entries):
        found = label_at(entry.folded)
        reading = None
        if found is not None:
            level, end = found
            nxt = entries[i + 1] if i + 1 < len(entries) else None
            reading = _heading(entry, end, level, nxt)
        if found is not None and reading is not None:
            level = found[0]
            while stack and stack[-1].level >= level:
                stack.pop()
            if len(stack) < MAX_SECTION_DEPTH:
                section = _Open(reading[0], level)
                if (stack and level > stack[-1].level + 1) or (not stack and level > 1 and not top):
                    message = (
                        f"label {entry.text[: found[1]].strip()!r} skips a level; "
                        f"the section is nested at depth {len(stack) + 1}"
                    )
                    findings.append(note("GT203", message, entry.line))
                (stack[-1].subsections if stack else top).append(section)
                stack.append(section)
                if reading[1]:
                    message = f"run-in heading {reading[0]!r} split from its paragraph"
                    findings.append(note("GT107", message, entry.line))
                    section.paragraphs.append(Paragraph(reading[1]))
                continue
            message = "label nested deeper than 4 levels; kept as a paragraph"
            findings.append(note("GT204", message, entry.line))
        paragraph = Paragraph(entry.text)
        (stack[-1].paragraphs if stack else lead).append(paragraph)
    return tuple(lead), tuple(s.freeze() for s in top)
