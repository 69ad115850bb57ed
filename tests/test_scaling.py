"""Every public parser scales linearly: ten times a repeated unit costs at most fifteen times.

Each parser is timed on a repeated unit (or unit pair) at n and 10 n characters, best of several
runs with the cyclic GC paused (the house pattern of ``tests/test_text_robustness.py``). Field
parsers refuse long input at once (ValidationError); the document readers must read or refuse
it in linear time. Run ``pytest tests/test_scaling.py -s -k scaling`` to print the ratios.
"""

from __future__ import annotations

import contextlib
import tracemalloc
from collections.abc import Callable

import pytest

from govreply import numerals
from govreply.errors import GovReplyError
from govreply.formats import html, json, text, xml
from govreply.model import Addressees, Classification, Congress, Disclosure, DocumentNumber
from timing import best

OPENED = "张三代表：\n您提出的建议收悉，现答复如下：\n"

PARSERS: dict[str, Callable[[str], object]] = {
    "text.parse": lambda s: text.parse(OPENED + s),
    "text.loads-bare": text.loads,
    "json.loads": json.loads,
    "xml.loads": xml.loads,
    "html.loads": lambda s: html.loads(s),
    "Addressees.parse": Addressees.parse,
    "Classification.parse": Classification.parse,
    "Congress.parse": Congress.parse,
    "Disclosure.parse": Disclosure.parse,
    "DocumentNumber.parse": DocumentNumber.parse,
    "parse_number": numerals.parse_number,
    "parse_label": numerals.parse_label,
    "parse_date": numerals.parse_date,
    "split_items": numerals.split_items,
}

UNITS = [
    " ",
    "\n",
    "\t",
    "一、",
    "（",
    "等",
    "号",
    "〔",
    "“",
    "《",
    "等 ",
    "a\n",
    "1",
    "A ",
    "不同意",
]


def _run(parse: Callable[[str], object], data: str) -> None:
    with contextlib.suppress(GovReplyError):
        parse(data)


def _ratio(parse: Callable[[str], object], unit: str, n: int) -> tuple[float, float]:
    small = unit * (n // len(unit)) + "x"
    large = unit * (10 * n // len(unit)) + "x"
    return best(lambda: _run(parse, small), 3), best(lambda: _run(parse, large), 3)


@pytest.mark.parametrize("unit", UNITS, ids=[repr(u) for u in UNITS])
@pytest.mark.parametrize("name", sorted(PARSERS))
def test_parser_scaling(name: str, unit: str) -> None:
    """10x the repeated unit costs at most 15x the time (no backtracking, no quadratic walk)."""
    n = 2_000 if name.startswith(("text", "html")) else 4_000
    t_small, t_large = _ratio(PARSERS[name], unit, n)
    for _ in range(2):  # a loaded machine: measure again before calling it superlinear
        if t_large <= 15 * max(t_small, 2e-3):
            break
        t_small, t_large = _ratio(PARSERS[name], unit, n)
    print(f"{name} {unit!r}: {t_small * 1e3:.2f} ms -> {t_large * 1e3:.2f} ms")
    assert t_large <= 15 * max(t_small, 2e-3)


def _bad_names(n: int) -> str:
    doc = xml.dumps(__import__("govreply.examples").examples.seed_letter())
    at = doc.index("<name>马雪梅</name>")
    return doc[:at] + "<name></name>" * n + doc[at:]


def test_xml_problem_lists_scale() -> None:
    """A list of n vs 10 n invalid items (validation errors) costs at most 15x."""
    small, large = _bad_names(2_000), _bad_names(20_000)
    t_small = best(lambda: _run(xml.loads, small), 3)
    t_large = best(lambda: _run(xml.loads, large), 3)
    print(f"xml bad names: {t_small * 1e3:.2f} ms -> {t_large * 1e3:.2f} ms")
    assert t_large <= 15 * max(t_small, 2e-3)


def test_text_parse_peak_memory_is_a_small_multiple_of_the_input() -> None:
    """text.parse of 200,000 short lines peaks within 60 times the input's size."""
    data = OPENED + "正文。\n" * 50_000
    tracemalloc.start()
    try:
        text.parse(data)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    size = len(data.encode("utf-8"))
    print(f"text.parse peak {peak / 1e6:.1f} MB on {size / 1e6:.2f} MB ({peak / size:.0f}x)")
    assert peak <= 60 * size
