"""Examples for govreply.numerals: every convention of issue 2, one row each."""

from __future__ import annotations

import datetime
import enum
import time
from collections.abc import Callable
from importlib.resources import files

import pytest

from govreply.errors import NumeralError
from govreply.numerals import (
    Item,
    Label,
    NumberStyle,
    format_date,
    format_item,
    format_label,
    format_number,
    format_ordinal,
    is_numeral,
    parse_date,
    parse_item,
    parse_label,
    parse_number,
    parse_ordinal,
    split_amount,
    split_items,
)

# value, lower, upper (financial), digits; None where issue 2 leaves the cell empty.
ISSUE_TABLE = [
    (0, "零", "零", "〇"),
    (10, "十", "壹拾", "一〇"),
    (11, "十一", "壹拾壹", "一一"),
    (20, "二十", "贰拾", "二〇"),
    (105, "一百零五", "壹佰零伍", "一〇五"),
    (110, "一百一十", "壹佰壹拾", "一一〇"),
    (1010, "一千零一十", "壹仟零壹拾", "一〇一〇"),
    (10010, "一万零一十", "壹万零壹拾", "一〇〇一〇"),
    (100010, "十万零一十", "壹拾万零壹拾", None),
    (100000001, "一亿零一", "壹亿零壹", None),
    (10**12, "一万亿", "壹万亿", None),
    (2024, "二千零二十四", "贰仟零贰拾肆", "二〇二四"),
    (100001000, "一亿零一千", "壹亿零壹仟", None),
    (100010000, "一亿零一万", "壹亿零壹万", None),
    (10**16 + 1, "一亿亿零一", "壹亿亿零壹", None),
    (-5, "负五", "负伍", None),
]

# More of the same conventions (where cn2an and ICU go wrong, and the composition of 亿).
LOWER_CASES = [
    (1, "一"),
    (100, "一百"),
    (101, "一百零一"),
    (1001, "一千零一"),
    (1100, "一千一百"),
    (10001, "一万零一"),
    (12000, "一万二千"),
    (100000, "十万"),
    (105000, "十万五千"),
    (1002000, "一百万二千"),
    (10**7, "一千万"),
    (100100000, "一亿零一十万"),
    (101000000, "一亿零一百万"),
    (110000000, "一亿一千万"),
    (1050000000, "十亿五千万"),
    (1234567890, "十二亿三千四百五十六万七千八百九十"),
    (89300008412, "八百九十三亿零八千四百一十二"),
    (10**13, "十万亿"),
    (10**12 + 5 * 10**7, "一万亿零五千万"),
    (12 * 10**11, "一万二千亿"),
    (10**12 + 20 * 10**8, "一万零二十亿"),
    (10**16, "一亿亿"),
    (10**16 + 10**12, "一亿零一万亿"),
    (10**16 + 10**8, "一亿零一亿"),
    (10**16 + 5 * 10**7, "一亿亿零五千万"),
    (10**20, "一万亿亿"),
    (10**24, "一亿亿亿"),
    (-1, "负一"),
    (-105, "负一百零五"),
]


@pytest.mark.parametrize(("n", "lower", "upper", "digits"), ISSUE_TABLE)
def test_issue_table_formats_exactly(n: int, lower: str, upper: str, digits: str | None) -> None:
    """Every row of issue 2's table is written exactly in each style."""
    assert format_number(n) == lower
    assert format_number(n, style="upper") == upper
    if digits is not None:
        assert format_number(n, style="digits") == digits


@pytest.mark.parametrize(("n", "lower", "upper", "digits"), ISSUE_TABLE)
def test_issue_table_parses_back(n: int, lower: str, upper: str, digits: str | None) -> None:
    """Every spelling in issue 2's table reads back to its value."""
    assert parse_number(lower) == n
    assert parse_number(upper) == n
    if digits is not None:
        assert parse_number(digits) == n


@pytest.mark.parametrize(("n", "lower"), LOWER_CASES)
def test_lower_style_conventions(n: int, lower: str) -> None:
    """零, the leading 一十 and composed 亿 follow mainland usage, both ways."""
    assert format_number(n) == lower
    assert parse_number(lower) == n


@pytest.mark.parametrize(
    ("n", "upper"),
    [(15, "壹拾伍"), (100010, "壹拾万零壹拾"), (110, "壹佰壹拾"), (-105, "负壹佰零伍")],
)
def test_upper_style_always_writes_the_leading_one(n: int, upper: str) -> None:
    """The financial style writes 壹拾 even at the start, as banks do."""
    assert format_number(n, style="upper") == upper


def test_digits_style_spells_every_digit() -> None:
    """The digit style writes one character per digit, with 〇 and a leading 负."""
    assert format_number(1949, style="digits") == "一九四九"
    assert format_number(2000, style="digits") == "二〇〇〇"
    assert format_number(-12, style="digits") == "负一二"


def test_format_number_refuses_non_integers_and_unknown_styles() -> None:
    """Bools, floats and strings are type errors; an unknown style is a NumeralError."""
    with pytest.raises(TypeError):
        format_number(True)
    with pytest.raises(TypeError):
        format_number(1.0)  # type: ignore[arg-type]
    with pytest.raises(NumeralError, match="style"):
        format_number(5, style="roman")  # type: ignore[arg-type]


def test_digits_style_refuses_numbers_python_cannot_print() -> None:
    """Past Python's int-to-str limit the digit style raises NumeralError; lower still works."""
    huge = 10**5000
    with pytest.raises(NumeralError):
        format_number(huge, style="digits")
    assert format_number(huge).startswith("一")


def test_format_number_accepts_int_subclasses() -> None:
    """IntEnum members are written as their value."""

    class Count(enum.IntEnum):
        TWELVE = 12

    assert format_number(Count.TWELVE) == "十二"


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("两万", 20000),
        ("两百", 200),
        ("两千", 2000),
        ("两亿", 200000000),
        ("两", 2),
        ("两万两千二百二十二", 22222),
        ("一十一", 11),
        ("一十万零一十", 100010),
        ("一百〇一", 101),
        ("〇", 0),
        ("第五十五", 55),
        ("廿", 20),
        ("廿一", 21),
        ("卅", 30),
        ("卅一", 31),
        ("一百廿三", 123),
        ("一二三", 123),
        ("二〇二四", 2024),
        ("二零二四", 2024),
        ("一〇", 10),
        ("拾伍", 15),
        ("壹佰零五", 105),
        ("贰萬", 20000),
        ("3万", 30000),
        ("1.5亿", 150000000),
        ("１.５亿", 150000000),
        ("３万", 30000),
        ("1,200万", 12000000),
        ("2.5万亿", 2500000000000),
        ("3千万", 30000000),
        ("123", 123),
        ("3.0", 3),
        ("-3万", -30000),
        ("负3万", -30000),
        ("负一百零五", -105),
    ],
)
def test_parse_number_accepts_the_documented_variants(text: str, value: int) -> None:
    """两, 一十一, 〇, 第, 廿/卅, digit strings, financial and Arabic-with-unit forms all read."""
    assert parse_number(text) == value


@pytest.mark.parametrize(
    ("text", "position"),
    [
        ("十十", 1),
        ("零零五", 1),
        ("零五", 1),
        ("一百一", 2),
        ("三千二", 2),
        ("万", 0),
        ("百", 0),
        ("万亿", 0),
        ("亿", 0),
        ("", 0),
        ("3.5", 1),
        ("1.55555万", 1),
        ("abc", 0),
        ("二十二十", 3),
        ("一千零", 2),
        ("一千零一百", 2),
        ("一亿一千", 2),
        ("一亿万", 2),
        ("一万万", 2),
        ("一百二三", 2),
        ("一百二十三四", 5),
        ("两十", 0),
        ("十两万", 1),
        ("一百零两", 3),
        ("一二三十", 3),
        ("3万5千", 2),
        ("05", 0),
        ("3.", 1),
        ("1234,567", 4),
        ("1,23", 1),
        ("1,2345", 1),
        ("一千零零五", 3),
        ("第负一", 1),
        ("负零", 0),
        ("第", 0),
        ("负", 0),
        ("-五", 0),
        ("五个", 1),
        ("一百 零五", 2),
    ],
)
def test_malformed_numerals_name_the_first_bad_character(text: str, position: int) -> None:
    """Malformed input raises NumeralError with text, position and the character in the message."""
    with pytest.raises(NumeralError) as info:
        parse_number(text)
    error = info.value
    assert error.text == text
    assert error.position == position
    assert f"position {position}" in str(error)
    if position < len(text):
        assert repr(text[position]) in str(error)
    assert isinstance(error, ValueError)


def test_parse_number_refuses_non_strings() -> None:
    """A non-string is a programming error, not a malformed numeral."""
    with pytest.raises(TypeError):
        parse_number(12)  # type: ignore[arg-type]


def test_very_long_input_fails_fast() -> None:
    """Megabytes of numeral characters are refused quickly with the typed error."""
    for text in ("一" * 1_000_000, "亿" * 1_000_000, "一" + "亿" * 1_000_000, "9" * 100_000):
        with pytest.raises(NumeralError):
            parse_number(text)
        assert not is_numeral(text)


def test_composed_units_read_large_numbers() -> None:
    """亿 composes without limit: 一亿亿亿 is 10**24."""
    assert parse_number("一" + "亿" * 100) == 10**800


@pytest.mark.parametrize(
    "junk",
    [None, 0, 12.5, b"\xe4\xb8\x80", "None", "🙂", "一🙂", "\x00", "\ud800", " 一", "一 ", "null"],
)
def test_is_numeral_never_raises(junk: object) -> None:
    """is_numeral answers False for junk of any type."""
    assert is_numeral(junk) is False


def test_is_numeral_accepts_numerals() -> None:
    """is_numeral agrees with parse_number on good input."""
    assert is_numeral("一百零五")
    assert is_numeral("二〇二四")
    assert is_numeral("第一")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("30万元", (300000, "元")),
        ("1.5亿元", (150000000, "元")),
        ("三千二百元", (3200, "元")),
        ("壹佰零伍元整", (105, "元整")),
        ("十二名代表", (12, "名代表")),
        ("两个", (2, "个")),
        ("3万", (30000, "")),
        ("共3.", None),
        ("第55号", (55, "号")),
        ("1,200万元", (12000000, "元")),
    ],
)
def test_split_amount(text: str, expected: tuple[int, str] | None) -> None:
    """The numeral prefix is read and the unit word comes back as written."""
    if expected is None:
        with pytest.raises(NumeralError) as info:
            split_amount(text)
        assert info.value.position == 0
    else:
        assert split_amount(text) == expected


def test_split_amount_reports_position_in_the_whole_text() -> None:
    """An error in the numeral part points into the original text."""
    with pytest.raises(NumeralError) as info:
        split_amount("十十元")
    assert info.value.position == 1
    assert info.value.text == "十十元"


def test_ordinals() -> None:
    """第N is written in the lower style and read back; 0 and below are refused."""
    assert format_ordinal(55) == "第五十五"
    assert format_ordinal(101) == "第一百零一"
    assert parse_ordinal("第五十五") == 55
    assert parse_ordinal("第55") == 55
    for bad in (0, -1):
        with pytest.raises(NumeralError):
            format_ordinal(bad)
    with pytest.raises(NumeralError) as info:
        parse_ordinal("五十五")
    assert info.value.position == 0
    with pytest.raises(NumeralError):
        parse_ordinal("第零")


@pytest.mark.parametrize(
    ("level", "index", "label"),
    [
        (1, 3, "三、"),
        (2, 3, "（三）"),
        (3, 3, "3."),
        (4, 3, "（3）"),
        (1, 11, "十一、"),
        (2, 20, "（二十）"),
        (3, 12, "12."),
    ],
)
def test_format_label(level: int, index: int, label: str) -> None:
    """Levels 1-4 print as 一、 （一） 1. （1） (GB/T 9704-2012)."""
    assert format_label(level, index) == label
    parsed = parse_label(label + "标题")
    assert parsed == Label(level, index, "标题", label)


@pytest.mark.parametrize(("level", "index"), [(0, 1), (5, 1), (1, 0), (3, -2), (1, True)])
def test_format_label_refuses_bad_arguments(level: int, index: int) -> None:
    """Levels outside 1-4 and indexes below 1 raise NumeralError."""
    with pytest.raises(NumeralError):
        format_label(level, index)


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("一、全力推进学校减负工作", (1, 1, "全力推进学校减负工作", "一、")),
        ("（一）加强领导", (2, 1, "加强领导", "（一）")),
        ("(二)细化分工", (2, 2, "细化分工", "(二)")),
        ("（三)强化考核", (2, 3, "强化考核", "（三)")),
        ("1.总体要求", (3, 1, "总体要求", "1.")),
        ("2．主要任务", (3, 2, "主要任务", "2．")),
        ("3、保障措施", (3, 3, "保障措施", "3、")),
        ("１０．其他", (3, 10, "其他", "１０．")),
        ("（1）时间安排", (4, 1, "时间安排", "（1）")),
        ("(12)附则", (4, 12, "附则", "(12)")),
        ("　　二、持续深化校政心理合作", (2 - 1, 2, "持续深化校政心理合作", "　　二、")),
        ("十一、其他", (1, 11, "其他", "十一、")),
    ],
)
def test_parse_label_reads_every_bracket_and_dot(
    line: str, expected: tuple[int, int, str, str]
) -> None:
    """ASCII and full-width brackets and dots are read; marker + rest is the line."""
    label = parse_label(line)
    assert label == Label(*expected)
    assert label.marker + label.rest == line


@pytest.mark.parametrize(
    "line",
    [
        "全力推进学校减负工作",
        "1.5亿元资金已到位",
        "2024年5月20日",
        "（十十）错误编号",
        "一二、不是编号",
        "零、不是编号",
        "（0）不是编号",
        "01.不是编号",
        "一是加强领导",
        "",
        "（一",
        "第一、",
    ],
)
def test_parse_label_returns_none_without_a_label(line: str) -> None:
    """A line that does not start with a well-formed label gives None."""
    assert parse_label(line) is None


def test_format_item() -> None:
    """Items are written 一是, 二是 … 十一是; 0 is refused."""
    assert [format_item(n) for n in (1, 2, 11)] == ["一是", "二是", "十一是"]
    with pytest.raises(NumeralError):
        format_item(0)


# Enumerations in the style of reply letters and government notices.
SEED_PARAGRAPH = (
    "我局按照正面清单要求，全力推进落实学校减负工作。一是要求各校（园）严格落实社会事务"
    "（活动）进校园审批制度；二是推动各校（园）、机关各股（室）精简会议文件；三是督促学校"
    "和教师不得通过“家长群”等渠道布置工作。"
)


@pytest.mark.parametrize(
    ("paragraph", "lead", "texts"),
    [
        (
            SEED_PARAGRAPH,
            "我局按照正面清单要求，全力推进落实学校减负工作。",
            [
                "一是要求各校（园）严格落实社会事务（活动）进校园审批制度；",
                "二是推动各校（园）、机关各股（室）精简会议文件；",
                "三是督促学校和教师不得通过“家长群”等渠道布置工作。",
            ],
        ),
        (
            "重点关注三类对象：一是脱贫不稳定户，二是边缘易致贫户，三是突发严重困难户。",
            "重点关注三类对象：",
            ["一是脱贫不稳定户，", "二是边缘易致贫户，", "三是突发严重困难户。"],
        ),
        (
            "一是加强组织领导；二是细化任务分工。",
            "",
            ["一是加强组织领导；", "二是细化任务分工。"],
        ),
        (
            "理由有两条。一是精度更高。二是可以相加。此外还有其他考虑。",
            "理由有两条。",
            ["一是精度更高。", "二是可以相加。此外还有其他考虑。"],
        ),
        (
            "下一步，我们将 一是加大投入 二是完善机制",
            "下一步，我们将 ",
            ["一是加大投入 ", "二是完善机制"],
        ),
    ],
)
def test_split_items_finds_enumerations(paragraph: str, lead: str, texts: list[str]) -> None:
    """一是/二是/三是 markers after punctuation or a space split the paragraph losslessly."""
    got_lead, items = split_items(paragraph)
    assert got_lead == lead
    assert items == tuple(Item(n, text) for n, text in enumerate(texts, start=1))
    assert got_lead + "".join(item.text for item in items) == paragraph


@pytest.mark.parametrize(
    "paragraph",
    [
        "日期键统一是年月日格式，二是指第二项。",
        "错误码统一是本次版本的自助排查工具。",
        "名称在项目内唯一是硬性要求，二是不可省略。",
        "这个方案的优点之一是成本低，二是见效快。",
        "第一是否需要审批，二是否需要备案。",
        "同一是非标准，不能混用。",
        "办理结果一是满意。",
        "他说一是一，二是二，绝不含糊。",
        "重点有二：其二是细化分工。",
    ],
)
def test_split_items_ignores_words_and_lone_markers(paragraph: str) -> None:
    """一是 inside a word (统一是, 唯一是, 之一是, 第一是) or a lone later marker is not a list."""
    assert split_items(paragraph) == (paragraph, ())


def test_split_items_on_the_seed_letter() -> None:
    """The seed's 减负 paragraph, rejoined across its PDF page break, holds three items."""
    seed = files("govreply.examples").joinpath("ganxian-suggestion-55-reply.txt")
    lines = seed.read_text(encoding="utf-8").splitlines()
    first = next(line for line in lines if "全力推进落实学校减负工作。一是" in line)
    second = next(line for line in lines if "二是推动各校" in line)
    lead, items = split_items(first + second)
    assert lead.endswith("全力推进落实学校减负工作。")
    assert [item.ordinal for item in items] == [1, 2, 3]
    assert items[1].text.startswith("二是推动各校（园）")
    assert items[2].text.startswith("三是督促学校和教师")
    assert [item.ordinal for item in split_items(first)[1]] == [1]
    assert [item.ordinal for item in split_items(second)[1]] == [2, 3]


@pytest.mark.parametrize(
    ("paragraph", "ordinals"),
    [
        ("一是加强组织领导。", [1]),
        ("二是构建心理健康工作机制。落实定期筛查机制。", [2]),
        ("二是细化分工；一是加强领导。", [2]),
        ("坚持原则。二是推动落实；三是督促检查。", [2, 3]),
        ("坚持原则，二是推动落实。", []),
    ],
)
def test_split_items_continues_enumerations_across_paragraphs(
    paragraph: str, ordinals: list[int]
) -> None:
    """A run may start late when it opens the paragraph or two markers follow in order."""
    lead, items = split_items(paragraph)
    assert [item.ordinal for item in items] == ordinals
    assert lead + "".join(item.text for item in items) == paragraph


@pytest.mark.parametrize(
    ("text", "ordinal"),
    [
        ("一是打造一支心理健康服务队。", 1),
        ("二是构建心理健康工作机制。", 2),
        ("十一是其他。", 11),
        ("统一是标准。", None),
        ("　一是缩进", None),
        ("第一是", None),
        ("", None),
    ],
)
def test_parse_item(text: str, ordinal: int | None) -> None:
    """An item marker opening a paragraph is read; anything else gives None."""
    assert parse_item(text) == ordinal


def test_split_items_skips_out_of_order_markers() -> None:
    """A marker that does not continue the count stays inside the current item."""
    paragraph = "措施如下：一是加强领导，三是见下文；二是细化分工。"
    lead, items = split_items(paragraph)
    assert lead == "措施如下："
    assert [item.text for item in items] == ["一是加强领导，三是见下文；", "二是细化分工。"]


@pytest.mark.parametrize(
    ("day", "arabic", "chinese"),
    [
        (datetime.date(2024, 5, 20), "2024年5月20日", "二〇二四年五月二十日"),
        (datetime.date(2024, 10, 1), "2024年10月1日", "二〇二四年十月一日"),
        (datetime.date(2024, 11, 11), "2024年11月11日", "二〇二四年十一月十一日"),
        (datetime.date(2000, 12, 31), "2000年12月31日", "二〇〇〇年十二月三十一日"),
        (datetime.date(1949, 10, 1), "1949年10月1日", "一九四九年十月一日"),
    ],
)
def test_dates_both_styles(day: datetime.date, arabic: str, chinese: str) -> None:
    """Dates are written in GB/T 9704 Arabic form or with Chinese numerals, and read back."""
    assert format_date(day) == arabic
    assert format_date(day, style="arabic") == arabic
    assert format_date(day, style="chinese") == chinese
    assert parse_date(arabic) == day
    assert parse_date(chinese) == day


@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("二〇二四年五月廿日", datetime.date(2024, 5, 20)),
        ("二〇二四年五月廿一日", datetime.date(2024, 5, 21)),
        ("二〇二四年三月卅一日", datetime.date(2024, 3, 31)),
        ("二零二四年五月二十日", datetime.date(2024, 5, 20)),
        ("２０２４年５月２０日", datetime.date(2024, 5, 20)),
        ("2024年05月09日", datetime.date(2024, 5, 9)),
        (" 2024 年 5 月 20 日 ", datetime.date(2024, 5, 20)),
        ("　2024年5月20日", datetime.date(2024, 5, 20)),
    ],
)
def test_parse_date_variants(text: str, day: datetime.date) -> None:
    """廿/卅, 零 in the year, full-width digits, leading zeros and spaces are read."""
    assert parse_date(text) == day


@pytest.mark.parametrize(
    ("text", "position"),
    [
        ("2024年13月5日", 5),
        ("2024年2月30日", 7),
        ("2023年2月29日", 7),
        ("2024年0月5日", 5),
        ("2024年5月", 7),
        ("2024-05-20", 4),
        ("", 0),
        ("2024年5月20日。", 10),
        ("20245年5月20日", 4),
        ("二〇二四年五月十十日", 8),
        ("年5月20日", 0),
        ("2024年5日", 6),
    ],
)
def test_parse_date_errors(text: str, position: int) -> None:
    """Impossible or malformed dates raise NumeralError at the bad part (no day/month swap)."""
    with pytest.raises(NumeralError) as info:
        parse_date(text)
    assert info.value.position == position
    assert info.value.text == text


def test_format_date_refuses_unknown_styles() -> None:
    """An unknown date style is a NumeralError."""
    with pytest.raises(NumeralError):
        format_date(datetime.date(2024, 5, 20), style="roman")  # type: ignore[arg-type]


def test_public_surface_is_sorted_and_complete() -> None:
    """govreply.numerals exports a sorted __all__ and dir() shows exactly that."""
    import govreply.numerals as numerals

    assert numerals.__all__ == sorted(numerals.__all__)
    assert dir(numerals) == numerals.__all__
    for name in numerals.__all__:
        assert hasattr(numerals, name)
    styles: tuple[NumberStyle, ...] = ("lower", "upper", "digits")
    assert all(format_number(7, style=style) for style in styles)


def _fastest(fn: Callable[[], object], repeats: int = 3) -> float:
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return min(times)


def test_split_items_scales_linearly_in_markers() -> None:
    """Ten times as many stray markers take at most fifteen times as long."""
    small, large = "x" + "，二是" * 2_000, "x" + "，二是" * 20_000
    assert split_items(small) == (small, ())
    t_small = _fastest(lambda: split_items(small))
    t_large = _fastest(lambda: split_items(large))
    assert t_large <= 15 * max(t_small, 2e-3)
