"""Hostile and damaged text: the reader raises only TextParseError, never hangs, loses no text."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from govreply.errors import TextParseError
from govreply.examples import seed_text
from govreply.formats import text
from govreply.model import ReplyLetter
from timing import best

LETTERS = sorted((Path(__file__).parent / "data" / "letters").glob("*.txt"))
REAL = [seed_text(), *(p.read_text("utf-8") for p in LETTERS)]

# an addressee and an opening: the least a text must show to be read as a letter
OPENED = "张三代表：\n您提出的建议收悉，现答复如下：\n"


def _read(data: str | bytes) -> ReplyLetter | None:
    """Parse ``data``; ``None`` when it is rejected with the one allowed error (with a line)."""
    error: TextParseError | None = None
    try:
        return text.loads(data)
    except TextParseError as exc:
        error = exc
    assert error.line is not None
    return None


@given(st.text())
def test_arbitrary_text_raises_only_text_parse_errors(data: str) -> None:
    """Any string either parses or raises TextParseError."""
    _read(data)


@given(st.binary())
def test_arbitrary_bytes_raise_only_text_parse_errors(data: bytes) -> None:
    """Any bytes either parse or raise TextParseError (undecodable input included)."""
    _read(data)


@given(
    st.sampled_from(REAL),
    st.lists(
        st.tuples(st.sampled_from(["drop", "dup", "swap"]), st.integers(0, 10**6)), max_size=8
    ),
)
def test_damaged_real_letters_raise_only_text_parse_errors(
    source: str, edits: list[tuple[str, int]]
) -> None:
    """Real letters with lines deleted, duplicated or swapped parse or raise TextParseError."""
    lines = source.splitlines()
    for op, at in edits:
        if not lines:
            break
        i = at % len(lines)
        if op == "drop":
            del lines[i]
        elif op == "dup":
            lines.insert(i, lines[i])
        else:
            j = (at // 7) % len(lines)
            lines[i], lines[j] = lines[j], lines[i]
    _read("\n".join(lines))


@given(st.sampled_from(REAL), st.integers(0, 10**6), st.text(max_size=30))
def test_real_letters_with_junk_inserted_raise_only_text_parse_errors(
    source: str, at: int, junk: str
) -> None:
    """Junk spliced anywhere into a real letter never raises anything else."""
    cut = at % (len(source) + 1)
    _read(source[:cut] + junk + source[cut:])


# Pieces of the layout's grammar, so fuzzing reaches every branch of the reader.
PIECES = (
    "张三代表：", "您提出的建议收悉，现答复如下：", "一、", "（一）", "1.", "（1）", "附件",
    "附件：",
    "附：", "抄送：", "抄 报:", "联系人：", "联系电话：", "0797—4436219", "2024年5月20日",
    "二〇二四年五月二十日", "2023618", "（此件公开发布）", "注:“主动公开”。", "代表姓名\t", "\t",
    "备注：1. ", "2. ", "签发人：", "赣区教议〔2024〕2号", "〔2024〕", "号", "类别：", "A1", "(B)",
    "关于", "的答复", "答 复", "此致", "敬礼", "感谢", "。", "，", " ", "\n", "\n\n", "<!--",
    "-->", "《", "》", "“", "第55号建议", "区二届人大四次会议", "等12名", "委员", "局", "|",
    "- 索引号:", "满意", "√", "区教育系统心", "一是", "您好!", "()", "《 》", "【】", "“ ”",
)  # fmt: skip


@given(st.lists(st.sampled_from(PIECES) | st.text(max_size=3), max_size=40))
def test_grammar_soup_raises_only_text_parse_errors(pieces: list[str]) -> None:
    """Text assembled from the layout's own keywords parses or raises TextParseError."""
    _read("".join(pieces))


def _body_text(letter: ReplyLetter) -> str:
    parts = [letter.opening or "", letter.closing or ""]
    parts += [p.text for p in letter.paragraphs]
    stack = list(letter.sections)
    while stack:
        section = stack.pop()
        parts.append(section.heading)
        parts += [p.text for p in section.paragraphs]
        stack += section.subsections
    return "".join(parts)


@given(
    st.lists(
        st.text(st.characters(min_codepoint=0x4E00, max_codepoint=0x4E40), min_size=1), max_size=6
    )
)
def test_body_lines_the_reader_cannot_place_are_kept(lines: list[str]) -> None:
    """Every body line of a letter shows up in the letter read back (as text, if nothing else)."""
    body = [line + "。" for line in lines]
    letter = text.loads(OPENED + "\n".join(body))
    kept = _body_text(letter)
    for line in body:
        assert line in kept


def test_not_a_letter_points_at_the_first_line_with_a_caret() -> None:
    """Text without an addressee line is rejected with a line number and a caret."""
    with pytest.raises(TextParseError) as info:
        text.loads("\n\n今天天气很好。\n我们去公园。")
    assert info.value.line == 3
    assert "^" in str(info.value)
    assert "今天天气很好" in str(info.value)


def test_empty_input_is_not_a_letter() -> None:
    """Empty and blank input raise TextParseError."""
    for data in ("", "   \n\n", b""):
        with pytest.raises(TextParseError):
            text.loads(data)


def test_undecodable_bytes_are_a_text_parse_error() -> None:
    """Bytes that are neither UTF-8 nor GB 18030 raise TextParseError."""
    with pytest.raises(TextParseError):
        text.loads(b"\xff\xfe\xfd\x80\x80")


def _hostile(kind: str, n: int) -> str:
    letter_head = "张三代表：\n您提出的建议收悉，现答复如下：\n"
    if kind == "labels":
        return letter_head + "一、" * n
    if kind == "brackets":
        return letter_head + "（" * n
    if kind == "book":
        return "《" * n + "\n" + letter_head + "《关于" * (n // 3)
    if kind == "lines":
        return letter_head + "一、标题\n\n正文，\n" * (n // 10)
    if kind == "colons":
        return "：" * n
    if kind == "comments":
        return "<!---->\n" * (n // 8) + letter_head
    return letter_head + ("附件：1. 附件\n" * (n // 10))


# Base sizes (characters) large enough that one run takes milliseconds, not microseconds.
SIZES = {
    "labels": 100_000,
    "brackets": 100_000,
    "book": 100_000,
    "lines": 20_000,
    "colons": 100_000,
    "comments": 20_000,
    "attachments": 20_000,
}


@pytest.mark.parametrize("kind", sorted(SIZES))
def test_hostile_input_scales_linearly(kind: str) -> None:
    """Ten times the hostile input takes at most fifteen times as long (no backtracking)."""
    small, large = _hostile(kind, SIZES[kind]), _hostile(kind, 10 * SIZES[kind])
    t_small = best(lambda: _read(small))
    t_large = best(lambda: _read(large))
    assert t_large <= 15 * max(t_small, 2e-3)


def test_a_megabyte_of_labels_is_kept_as_text() -> None:
    """1 MB of 一、 is kept whole, as one numbered paragraph."""
    line = "一、" * 250_000
    letter = text.loads(OPENED + line)
    assert [p.text for p in letter.paragraphs] == [line]


def test_a_hundred_thousand_lines_parse() -> None:
    """100,000 short paragraphs all become paragraphs."""
    letter = text.loads(OPENED + "正文。\n" * 100_000)
    assert len(letter.paragraphs) == 100_000
