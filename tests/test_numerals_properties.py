"""Laws of govreply.numerals, checked with Hypothesis."""

from __future__ import annotations

import datetime

from hypothesis import example, given
from hypothesis import strategies as st

from govreply._numerals import _grammar
from govreply._numerals.numbers import _parse_fast
from govreply.errors import NumeralError
from govreply.numerals import (
    NumberStyle,
    format_date,
    format_item,
    format_label,
    format_number,
    format_ordinal,
    is_numeral,
    parse_date,
    parse_label,
    parse_number,
    parse_ordinal,
    split_amount,
    split_items,
)

STYLES: tuple[NumberStyle, ...] = ("lower", "upper", "digits")
TO_UPPER = str.maketrans("一二三四五六七八九十百千", "壹贰叁肆伍陆柒捌玖拾佰仟")

# Integers of every size, with the powers of ten and their neighbours that exercise 零.
integers = st.one_of(
    st.integers(-(10**30), 10**30),
    st.integers(0, 40).map(lambda e: 10**e),
    st.builds(lambda e, d: 10**e + d, st.integers(0, 40), st.integers(-10, 10)),
    st.lists(st.sampled_from([0, 0, 0, 1, 10, 100, 1000, 1010, 9999]), min_size=1, max_size=8).map(
        lambda groups: int("".join(f"{g:04d}" for g in groups))
    ),
)
# Text over the numeral alphabet, so the parser meets mostly near-numerals.
numeral_text = st.text(alphabet="零〇一二两三四五六七八九十百千万亿壹拾佰廿第负0123.", max_size=12)


@given(integers, st.sampled_from(STYLES))
@example(10**16 + 1, "lower")
@example(100001000, "lower")
def test_parse_inverts_format(n: int, style: NumberStyle) -> None:
    """parse_number(format_number(n, style=s)) == n for every integer and style."""
    assert parse_number(format_number(n, style=style)) == n


@given(integers)
def test_upper_is_lower_with_financial_characters(n: int) -> None:
    """The financial style is the lower style in financial characters, with 壹拾 spelled out."""
    lower = format_number(n)
    sign = "负" if lower.startswith("负") else ""
    if lower.startswith("十", len(sign)):
        lower = sign + "一" + lower[len(sign) :]
    assert format_number(n, style="upper") == lower.translate(TO_UPPER)


@given(st.integers(1, 10**16 - 1))
def test_fast_path_matches_the_grammar_on_canonical_text(n: int) -> None:
    """The table look-ups and the reference grammar read every canonical numeral alike."""
    text = format_number(n)
    assert _parse_fast(text) == _grammar.parse(text) == n


@given(numeral_text)
def test_fast_path_never_accepts_what_the_grammar_refuses(text: str) -> None:
    """Whenever the fast path gives a value, the grammar gives the same value."""
    fast = _parse_fast(text)
    if fast is not None:
        assert _grammar.parse(text) == fast


@given(numeral_text)
def test_accepted_lower_numerals_are_canonical(text: str) -> None:
    """A lower-style numeral without variants is accepted only in its canonical spelling."""
    if set(text) <= set("零一二三四五六七八九十百千万亿") and is_numeral(text):
        value = parse_number(text)
        spellings = {format_number(value), format_number(value, style="digits").replace("〇", "零")}
        assert text in spellings or (text.startswith("一十") and text[1:] in spellings)


@given(st.one_of(numeral_text, st.text()))
def test_parse_number_raises_only_numeral_error(text: str) -> None:
    """On any text, parse_number returns an int or raises NumeralError with a valid position."""
    failure: NumeralError | None = None
    try:
        value = parse_number(text)
    except NumeralError as error:
        failure = error
    if failure is None:
        assert isinstance(value, int)
    else:
        assert failure.text == text
        assert failure.position is not None
        assert 0 <= failure.position <= len(text)


@given(
    st.one_of(
        st.none(),
        st.integers(),
        st.floats(),
        st.binary(),
        st.text(),
        numeral_text,
        st.text(alphabet="一亿万零", min_size=1000, max_size=5000),
        st.lists(st.integers()),
    )
)
def test_is_numeral_never_raises(value: object) -> None:
    """is_numeral returns a bool for any object."""
    assert is_numeral(value) in (True, False)


@given(integers.filter(lambda n: n >= 0), st.text(alphabet="元个名项人次件号", max_size=3))
def test_split_amount_inverts_format(n: int, unit: str) -> None:
    """split_amount(format_number(n) + unit) gives back n and the unit word."""
    assert split_amount(format_number(n) + unit) == (n, unit)
    assert split_amount(f"{n}{unit}") == (n, unit)


@given(st.integers(1, 10**9))
def test_ordinals_round_trip(n: int) -> None:
    """parse_ordinal(format_ordinal(n)) == n."""
    assert parse_ordinal(format_ordinal(n)) == n


@given(st.integers(1, 4), st.integers(1, 10**6), st.text(max_size=20))
def test_labels_round_trip(level: int, index: int, rest: str) -> None:
    """parse_label reads format_label back, with the rest of the line untouched."""
    label = parse_label(format_label(level, index) + rest)
    if level == 3 and rest[:1] and rest[0] in "0123456789０１２３４５６７８９":
        assert label is None  # 1.5 is a decimal number, not a label
    else:
        assert label is not None
        assert (label.level, label.index, label.rest) == (level, index, rest)


@given(st.text())
def test_parse_label_is_lossless_or_none(line: str) -> None:
    """parse_label never raises, and marker + rest is the line."""
    label = parse_label(line)
    if label is not None:
        assert label.marker + label.rest == line
        assert 1 <= label.level <= 4
        assert label.index >= 1


@given(st.text())
def test_split_items_is_lossless(paragraph: str) -> None:
    """Joining the lead and the items gives the paragraph; ordinals count from 1."""
    lead, items = split_items(paragraph)
    assert lead + "".join(item.text for item in items) == paragraph
    assert [item.ordinal for item in items] == list(range(1, len(items) + 1))
    assert len(items) != 1


@given(
    st.text(alphabet="加强领导组织落实，", max_size=10),
    st.lists(st.text(alphabet="加强领导组织落实审批", min_size=1, max_size=10), min_size=2),
    st.sampled_from(["；", "，", "。", " "]),
)
def test_split_items_finds_generated_enumerations(
    lead: str, bodies: list[str], separator: str
) -> None:
    """An enumeration built with format_item is split back into its items."""
    lead = lead + "：" if lead else lead
    texts = [format_item(n) + body + separator for n, body in enumerate(bodies, start=1)]
    got_lead, items = split_items(lead + "".join(texts))
    assert got_lead == lead
    assert [item.text for item in items] == texts


@given(st.dates(), st.sampled_from(["arabic", "chinese"]))
def test_dates_round_trip(day: datetime.date, style: str) -> None:
    """parse_date(format_date(d, style=s)) == d for every date and style."""
    assert parse_date(format_date(day, style=style)) == day  # type: ignore[arg-type]


@given(st.text(max_size=20))
def test_parse_date_raises_only_numeral_error(text: str) -> None:
    """On any text, parse_date returns a date or raises NumeralError."""
    failure: NumeralError | None = None
    try:
        assert isinstance(parse_date(text), datetime.date)
    except NumeralError as error:
        failure = error
    if failure is not None:
        assert failure.position is not None
        assert 0 <= failure.position <= len(text)
