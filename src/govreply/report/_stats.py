"""The figures of the report, computed from the columns of a table of rows.

Each function takes the columns as Python lists (``Columns``: name → values, one per row) and
returns plain data for a chart and a table; nothing here knows about HTML.
"""

from __future__ import annotations

import collections
import datetime
import statistics
from collections.abc import Sequence
from typing import Any

import attrs

__all__ = [
    "NOT_PRINTED",
    "Columns",
    "Count",
    "classes",
    "failures",
    "findings",
    "lengths",
    "letters_per_organ",
    "overview",
    "review",
    "satisfaction",
    "timing",
]

Columns = dict[str, list[Any]]
Count = tuple[str, int]

#: The label of a value the letters do not print.
NOT_PRINTED = "(not printed)"
#: Columns the report reads.
NEEDED = (
    "source",
    "error",
    "error_type",
    "review_needed",
    "review_errors",
    "review_inferred",
    "review_unplaced",
    "review_reasons",
    "findings",
    "kind",
    "organ",
    "congress_body",
    "level",
    "classification_grade",
    "date",
    "body_chars",
    "has_form",
    "form_attitude",
    "form_result",
)
_BODIES = {"npc": "人大 (npc)", "cppcc": "政协 (cppcc)"}
_RATINGS = ("satisfied", "basically-satisfied", "dissatisfied")


def _read(columns: Columns) -> list[int]:
    """The indexes of the rows that hold a letter."""
    return [i for i, error in enumerate(columns["error"]) if error is None]


def _counts(values: Sequence[Any], *, missing: str = NOT_PRINTED) -> list[Count]:
    counter = collections.Counter(missing if v is None else str(v) for v in values)
    return sorted(counter.items(), key=lambda item: (-item[1], item[0]))


@attrs.frozen
class Overview:
    """The size of the corpus and what could be read of it."""

    inputs: int
    letters: int
    failed: int
    suggestions: int
    proposals: int
    organs: int
    first_date: datetime.date | None
    last_date: datetime.date | None
    review_needed: int


def overview(columns: Columns) -> Overview:
    """How many inputs, letters, failures, organs and which dates the corpus covers."""
    read = _read(columns)
    kinds = collections.Counter(columns["kind"][i] for i in read)
    dates = [columns["date"][i] for i in read if columns["date"][i] is not None]
    return Overview(
        inputs=len(columns["error"]),
        letters=len(read),
        failed=len(columns["error"]) - len(read),
        suggestions=kinds["suggestion"],
        proposals=kinds["proposal"],
        organs=len({columns["organ"][i] for i in read} - {None}),
        first_date=min(dates, default=None),
        last_date=max(dates, default=None),
        review_needed=sum(1 for i in read if columns["review_needed"][i]),
    )


@attrs.frozen
class Classes:
    """The class mix: overall, and by level and by organ (letters that print a class only)."""

    grades: list[str]
    overall: list[Count]
    by_level: list[tuple[str, dict[str, int]]]
    by_organ: list[tuple[str, dict[str, int]]]


def classes(columns: Columns, *, top: int = 15) -> Classes:
    """The handling classes' grades, overall and split by congress level and by organ."""
    read = _read(columns)
    grade = columns["classification_grade"]
    graded = [i for i in read if grade[i] is not None]
    grades = sorted({grade[i] for i in graded})

    def split(key: str) -> list[tuple[str, dict[str, int]]]:
        groups: dict[str, collections.Counter[str]] = collections.defaultdict(collections.Counter)
        for i in graded:
            groups[columns[key][i] or NOT_PRINTED][grade[i]] += 1
        ranked = sorted(groups.items(), key=lambda item: (-sum(item[1].values()), item[0]))
        return [(name, dict(counter)) for name, counter in ranked[:top]]

    overall = collections.Counter(grade[i] for i in graded)
    return Classes(
        grades=grades,
        overall=[(g, overall[g]) for g in grades] + [(NOT_PRINTED, len(read) - len(graded))],
        by_level=split("level"),
        by_organ=split("organ"),
    )


@attrs.frozen
class Satisfaction:
    """The ratings on returned feedback forms."""

    forms: int
    rated: int
    result: list[Count]
    attitude: list[Count]


def satisfaction(columns: Columns) -> Satisfaction:
    """How the deputies rated the result and the attitude, on forms that carry a rating."""
    read = _read(columns)
    forms = [i for i in read if columns["has_form"][i]]
    rated = [i for i in forms if columns["form_result"][i] or columns["form_attitude"][i]]

    def ratings(key: str) -> list[Count]:
        counter = collections.Counter(columns[key][i] for i in rated if columns[key][i])
        return [(rating, counter[rating]) for rating in _RATINGS if counter[rating]]

    return Satisfaction(
        forms=len(forms),
        rated=len(rated),
        result=ratings("form_result"),
        attitude=ratings("form_attitude"),
    )


@attrs.frozen
class Timing:
    """When in the year replies are dated, by body, and the spread of those dates."""

    bodies: list[str]
    months: list[tuple[str, dict[str, int]]]
    spread: list[tuple[str, int, str, str, str]]
    undated: int


def _day(date: datetime.date) -> str:
    return f"{date.month}月{date.day}日"


def timing(columns: Columns) -> Timing:
    """Reply dates by month of the year, split by body; quartiles of the day in the year."""
    read = _read(columns)
    dated = [i for i in read if columns["date"][i] is not None]
    body_of = {i: _BODIES.get(columns["congress_body"][i], NOT_PRINTED) for i in dated}
    bodies = [b for b in (*_BODIES.values(), NOT_PRINTED) if b in body_of.values()]
    months: list[tuple[str, dict[str, int]]] = [(f"{m}月", {}) for m in range(1, 13)]
    for i in dated:
        counts = months[columns["date"][i].month - 1][1]
        counts[body_of[i]] = counts.get(body_of[i], 0) + 1
    spread = []
    for body in bodies:
        days = sorted(columns["date"][i].timetuple().tm_yday for i in dated if body_of[i] == body)
        if not days:
            continue
        quartiles = statistics.quantiles(days, n=4) if len(days) > 1 else [days[0]] * 3
        as_dates = [
            _day(datetime.date(2001, 1, 1) + datetime.timedelta(int(q) - 1)) for q in quartiles
        ]
        spread.append((body, len(days), as_dates[0], as_dates[1], as_dates[2]))
    return Timing(bodies=bodies, months=months, spread=spread, undated=len(read) - len(dated))


def letters_per_organ(columns: Columns, *, top: int = 20) -> tuple[list[Count], int]:
    """The organs with the most letters, and how many other organs there are."""
    counts = _counts([columns["organ"][i] for i in _read(columns)])
    return counts[:top], max(0, len(counts) - top)


@attrs.frozen
class Lengths:
    """The distribution of the body's length in characters."""

    bins: list[tuple[str, dict[str, int]]]
    width: int
    by_kind: list[tuple[str, int, int, int, int, int, int]]


def _nice(span: float) -> int:
    for width in (50, 100, 200, 250, 500, 1000, 2000, 2500, 5000, 10000):
        if span / width <= 12:
            return width
    return 20000


def lengths(columns: Columns) -> Lengths:
    """A histogram of ``body_chars`` (at most 12 bins, the last open) and quartiles by kind."""
    read = _read(columns)
    sizes = [columns["body_chars"][i] for i in read]
    if not sizes:
        return Lengths(bins=[], width=0, by_kind=[])
    cap = sorted(sizes)[min(len(sizes) - 1, int(len(sizes) * 0.98))]
    width = _nice(cap)
    last = min(11, max(sizes) // width)
    bins: list[tuple[str, dict[str, int]]] = [
        (f"{k * width}" + ("+" if k == last else ""), {}) for k in range(last + 1)
    ]
    for i, size in zip(read, sizes, strict=True):
        counts = bins[min(last, size // width)][1]
        kind = columns["kind"][i]
        counts[kind] = counts.get(kind, 0) + 1
    by_kind = []
    for kind in ("suggestion", "proposal"):
        values = sorted(s for i, s in zip(read, sizes, strict=True) if columns["kind"][i] == kind)
        if values:
            q = statistics.quantiles(values, n=4) if len(values) > 1 else [values[0]] * 3
            by_kind.append(
                (kind, len(values), values[0], round(q[0]), round(q[1]), round(q[2]), values[-1])
            )
    return Lengths(bins=bins, width=width, by_kind=by_kind)


@attrs.frozen
class ReviewShare:
    """How many letters need a person's review, and why."""

    letters: int
    needed: int
    errors: int
    inferred: int
    unplaced: int
    reasons: list[Count]


def review(columns: Columns) -> ReviewShare:
    """The share of letters whose review signal is on, by kind of reason and by finding code."""
    read = _read(columns)
    needed = [i for i in read if columns["review_needed"][i]]
    reasons = collections.Counter(
        code for i in needed for code in set(columns["review_reasons"][i] or ())
    )
    return ReviewShare(
        letters=len(read),
        needed=len(needed),
        errors=sum(1 for i in needed if columns["review_errors"][i]),
        inferred=sum(1 for i in needed if columns["review_inferred"][i]),
        unplaced=sum(1 for i in needed if columns["review_unplaced"][i]),
        reasons=sorted(reasons.items(), key=lambda item: (-item[1], item[0])),
    )


def findings(columns: Columns, *, top: int = 20) -> list[tuple[str, str, int, str]]:
    """The most common finding codes: code, severity, letters with it, and a sample message."""
    letters: collections.Counter[str] = collections.Counter()
    sample: dict[str, tuple[str, str]] = {}
    for i in _read(columns):
        codes = set()
        for finding in columns["findings"][i] or ():
            codes.add(finding["code"])
            sample.setdefault(finding["code"], (finding["severity"], finding["message"]))
        letters.update(codes)
    ranked = sorted(letters.items(), key=lambda item: (-item[1], item[0]))[:top]
    return [(code, sample[code][0], count, sample[code][1]) for code, count in ranked]


def failures(columns: Columns, *, top: int = 10) -> tuple[list[Count], list[tuple[str, str]]]:
    """Failed inputs by error type, and the first few with the first line of their error."""
    failed = [i for i, error in enumerate(columns["error"]) if error is not None]
    kinds = _counts([columns["error_type"][i] for i in failed], missing="(unknown)")
    shown = [(columns["source"][i], columns["error"][i].splitlines()[0]) for i in failed[:top]]
    return kinds, shown
