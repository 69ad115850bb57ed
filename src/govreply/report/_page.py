"""The report page: one self-contained HTML file, CSS inline, charts as inline SVG, no script."""

from __future__ import annotations

import html
from collections.abc import Iterable, Sequence

from govreply.report import _stats
from govreply.report._svg import bars, columns, stacked_bars

__all__ = ["page"]

_CSS = """
body { font-family: system-ui, -apple-system, "Segoe UI", "Noto Sans CJK SC", "Source Han Sans SC",
       "PingFang SC", "Microsoft YaHei", sans-serif; color: #222; margin: 2em auto;
       max-width: 760px; padding: 0 1em; line-height: 1.45; }
h1 { font-size: 1.6em; margin-bottom: 0.2em; }
h2 { font-size: 1.2em; border-bottom: 1px solid #ccc; margin-top: 2em; }
h3 { font-size: 1em; margin-bottom: 0.3em; }
p.note, p.lead { color: #555; font-size: 0.92em; }
table { border-collapse: collapse; margin: 0.6em 0 1em; font-size: 0.9em; }
th, td { padding: 2px 10px 2px 0; text-align: left; vertical-align: top; }
th { border-bottom: 1px solid #999; }
td.n, th.n { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
svg { display: block; margin: 0.4em 0 0.8em; max-width: 100%; height: auto; }
svg text { font-family: inherit; }
code { font-size: 0.92em; }
nav a { margin-right: 0.8em; }
"""
_SECTIONS = (
    ("overview", "Overview"),
    ("classes", "Class mix"),
    ("satisfaction", "Satisfaction"),
    ("timing", "Time to reply"),
    ("issuers", "Letters per issuer"),
    ("length", "Reply length"),
    ("review", "Review signal"),
    ("findings", "Findings"),
    ("failures", "Failures"),
)


def _esc(text: object) -> str:
    return html.escape(str(text), quote=True)


def _pct(part: int, whole: int) -> str:
    return f"{100 * part / whole:.1f} %" if whole else "–"


def _table(
    head: Sequence[str] | None, rows: Iterable[Sequence[object]], *, numeric: set[int]
) -> str:
    def cells(row: Sequence[object], tag: str) -> str:
        return "".join(
            f"<{tag}{' class=n' if i in numeric else ''}>{_esc(v)}</{tag}>"
            for i, v in enumerate(row)
        )

    body = "".join(f"<tr>{cells(row, 'td')}</tr>" for row in rows)
    thead = "" if head is None else f"<thead><tr>{cells(head, 'th')}</tr></thead>"
    return f"<table>{thead}<tbody>{body}</tbody></table>"


def _section(key: str, title: str, parts: Iterable[str]) -> str:
    return f'<section id="{key}"><h2>{_esc(title)}</h2>{"".join(parts)}</section>'


def _note(text: str) -> str:
    return f'<p class="note">{_esc(text)}</p>'


def _overview(o: _stats.Overview, source: str) -> list[str]:
    span = f"{o.first_date} – {o.last_date}" if o.first_date else "no dates"
    rows = [
        ("inputs", o.inputs),
        ("letters read", o.letters),
        ("inputs that failed", o.failed),
        ("suggestions (建议) / proposals (提案)", f"{o.suggestions} / {o.proposals}"),
        ("issuing organs", o.organs),
        ("reply dates", span),
        (
            "letters a person should review",
            f"{o.review_needed} ({_pct(o.review_needed, o.letters)})",
        ),
    ]
    return [
        f'<p class="lead">From <code>{_esc(source)}</code>.</p>',
        _table(None, rows, numeric=set()),
    ]


def _classes(c: _stats.Classes, letters: int) -> list[str]:
    graded = sum(count for grade, count in c.overall if grade != _stats.NOT_PRINTED)
    parts = [
        _note(
            f"{graded} of {letters} letters print a handling class (答复类别). Under the usual "
            "scheme the grade means: A solved or basically solved, B being solved or planned, "
            "C to be solved later, D kept for reference."
        ),
        "<h3>Overall</h3>",
        bars(c.overall, title="Letters by class grade"),
    ]
    if c.by_level:
        parts += [
            "<h3>By congress level</h3>",
            stacked_bars(c.by_level, c.grades, title="Class grades by congress level"),
        ]
    if c.by_organ:
        parts += [
            "<h3>By issuer</h3>",
            stacked_bars(c.by_organ, c.grades, title="Class grades by issuing organ"),
        ]
    return parts


_RATING_WORDS = {
    "satisfied": "满意 satisfied",
    "basically-satisfied": "基本满意 basically satisfied",
    "dissatisfied": "不满意 dissatisfied",
}


def _satisfaction(s: _stats.Satisfaction, letters: int) -> list[str]:
    parts = [
        _note(
            f"{s.forms} of {letters} letters attach a feedback form (征询意见表); {s.rated} of "
            "those carry the deputy's rating, i.e. were returned filled in."
        )
    ]
    for title, counts in (("Result (办理结果)", s.result), ("Attitude (办理态度)", s.attitude)):
        if counts:
            labelled = [(_RATING_WORDS[rating], n) for rating, n in counts]
            parts += [f"<h3>{_esc(title)}</h3>", bars(labelled, title=f"Ratings of the {title}")]
    if not s.rated:
        parts.append(_note("No returned form with a rating: there is no satisfaction to show."))
    return parts


def _timing(t: _stats.Timing) -> list[str]:
    parts = [
        _note(
            "Congresses and CPPCC committees hold their sessions early in the year, and the "
            "letters do not print the session's date; so the time to reply shows as the month in "
            "which replies are dated, and the quartiles of that day in the year."
        ),
        columns(t.months, t.bodies, title="Replies by month of their date"),
    ]
    if t.spread:
        parts.append(
            _table(
                ("body", "letters", "first quartile", "median", "third quartile"),
                t.spread,
                numeric={1},
            )
        )
    if t.undated:
        parts.append(_note(f"{t.undated} letters print no date and are not counted here."))
    return parts


def _issuers(top: list[_stats.Count], others: int) -> list[str]:
    parts = [
        _note("The issuing organ (发文机关), or where the masthead is missing the signing organ."),
        bars(top, title="Letters per issuing organ"),
    ]
    if others:
        parts.append(_note(f"… and {others} more organs."))
    return parts


def _length(length: _stats.Lengths) -> list[str]:
    if not length.bins:
        return [_note("No letters.")]
    return [
        _note(
            "Characters of the opening, the body (headings and paragraphs) and the closing; "
            f"bins of {length.width} characters, the last one open."
        ),
        columns(length.bins, ["suggestion", "proposal"], title="Letters by length of the body"),
        _table(
            (
                "kind",
                "letters",
                "shortest",
                "first quartile",
                "median",
                "third quartile",
                "longest",
            ),
            length.by_kind,
            numeric={1, 2, 3, 4, 5, 6},
        ),
    ]


def _review(r: _stats.ReviewShare) -> list[str]:
    parts = [
        _note(
            "The review signal (govreply.Review) is on when reading a letter met an error, "
            "filled a field from outside the letter or guessed it, or left source lines unplaced."
        ),
        stacked_bars(
            [("letters", {"needs review": r.needed, "no review": r.letters - r.needed})],
            ["needs review", "no review"],
            title="Letters whose review signal is on",
        ),
        _table(
            ("reason", "letters", "share of letters"),
            [
                ("an error finding", r.errors, _pct(r.errors, r.letters)),
                ("a field inferred or guessed", r.inferred, _pct(r.inferred, r.letters)),
                ("source lines unplaced", r.unplaced, _pct(r.unplaced, r.letters)),
            ],
            numeric={1, 2},
        ),
    ]
    if r.reasons:
        parts += ["<h3>Finding codes behind the signal</h3>", bars(r.reasons, title="Reasons")]
    return parts


def _findings(top: list[tuple[str, str, int, str]], letters: int) -> list[str]:
    if not top:
        return [_note("No findings.")]
    return [
        _note(
            "Findings of the text reader (GT…, GH…) and of govreply.check (GR…), counted once per "
            "letter."
        ),
        bars([(code, n) for code, _, n, _ in top], title="Letters per finding code"),
        _table(
            ("code", "severity", "letters", "share", "example"),
            [(c, sev, n, _pct(n, letters), msg) for c, sev, n, msg in top],
            numeric={2, 3},
        ),
    ]


def _failures(kinds: list[_stats.Count], shown: list[tuple[str, str]], failed: int) -> list[str]:
    if not failed:
        return [_note("Every input was read.")]
    return [
        _table(("error", "inputs"), kinds, numeric={1}),
        _note(f"The first {len(shown)} of {failed}:"),
        _table(("input", "first problem"), shown, numeric=set()),
    ]


def page(cols: _stats.Columns, *, title: str, source: str, version: str) -> str:
    """The whole report page for the rows in ``cols``."""
    o = _stats.overview(cols)
    kinds, shown = _stats.failures(cols)
    body = [
        _section("overview", "Overview", _overview(o, source)),
        _section("classes", "Class mix", _classes(_stats.classes(cols), o.letters)),
        _section(
            "satisfaction", "Satisfaction", _satisfaction(_stats.satisfaction(cols), o.letters)
        ),
        _section("timing", "Time from the session to the reply", _timing(_stats.timing(cols))),
        _section("issuers", "Letters per issuer", _issuers(*_stats.letters_per_organ(cols))),
        _section("length", "Reply length", _length(_stats.lengths(cols))),
        _section("review", "Review signal", _review(_stats.review(cols))),
        _section("findings", "Most common findings", _findings(_stats.findings(cols), o.letters)),
        _section("failures", "Failures", _failures(kinds, shown, o.failed)),
    ]
    nav = "".join(f'<a href="#{key}">{_esc(name)}</a>' for key, name in _SECTIONS)
    return (
        '<!DOCTYPE html>\n<html lang="zh-Hans"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>{_esc(title)}</title><style>{_CSS}</style></head><body>"
        f"<h1>{_esc(title)}</h1><nav>{nav}</nav>{''.join(body)}"
        f'<p class="note">Made by govreply {_esc(version)}.</p></body></html>\n'
    )
