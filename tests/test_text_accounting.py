"""Nothing a letter prints is lost: every content character is in the record or in a finding.

For every real letter of the corpus, each letter and digit of the input must show up in what the
reader returns: the letter rendered back as text, the findings (every finding about text it left
out quotes that text whole), the metadata (keys and values). The layout's own labels, which the
record turns into fields (尊敬的, 类别, 联系人及电话, 抄送, 附件…), are not content. Dates count in
both spellings, since the model keeps a date, not its printing.
"""

from __future__ import annotations

import collections
import re
import unicodedata
from pathlib import Path

import pytest

from govreply.formats import text
from govreply.formats.text._grammar import fold
from govreply.numerals import format_date, format_number

LETTERS = sorted((Path(__file__).parent / "data" / "letters").glob("*.txt"))

# The labels of the layout: keys whose words the record turns into fields. Matched on folded
# text, spaces allowed between characters.
_LABEL_WORDS = (
    "尊敬的 尊敬 您好 你好 办复类别 答复类别 办理类别 类别 办理结果 签发人 领导签发 领导签批 签批 "
    "联系单位及联系人 联系人及电话 承办人及联系电话 联系科室 联系人 联系电话 联系单位 联系方式 "
    "人员 承办人 经办人 办理人 承办单位 手机 电话 附件 附 抄送 抄报 注"
)
_LABELS = re.compile(
    "|".join(r"\s*".join(word) for word in sorted(_LABEL_WORDS.split(), key=len, reverse=True))
    + r"|(?<=[A-D甲乙丙丁])\s*类|(?<=[0-9一二两三四五六七八九十])\s*[名位]"
    + r"|及(?=\s*(?:联系)?电话)|^报(?=\s*:)|(?<=人)\s*姓\s*名(?=\s*(?::|及))",
    re.MULTILINE,
)


def _content(text: str) -> collections.Counter[str]:
    return collections.Counter(c for c in text if unicodedata.category(c)[0] in "LN")


def lost(raw: str) -> collections.Counter[str]:
    """The content characters of ``raw`` that the parse result does not account for."""
    result = text.parse(raw)
    letter = result.letter
    accounted = [text.dumps(letter, strict=False)]
    accounted += [finding.message for finding in result.findings]
    accounted += [key + value for key, value in result.metadata.items()]
    if letter.date is not None:
        accounted.append(format_date(letter.date, style="chinese"))
    if letter.addressees is not None and letter.addressees.total is not None:
        accounted.append(format_number(letter.addressees.total))  # 等七位 is kept as total=7
    return _content(_LABELS.sub("", fold(raw))) - _content(fold("".join(accounted)))


@pytest.mark.parametrize("path", LETTERS, ids=[p.stem for p in LETTERS])
def test_every_content_character_is_accounted_for(path: Path) -> None:
    """No letter or digit of a real letter vanishes without a field or a finding holding it."""
    assert lost(path.read_text("utf-8")) == collections.Counter()


def test_a_dropped_line_is_quoted_whole() -> None:
    """A header line that fits no part of the letter is reported with all of its text."""
    line = "这是一行不属于信函任何部分的很长的网页文字，" * 4
    result = text.parse(
        line + "\n关于第3号建议的答复\n张三代表：\n您提出的建议收悉，现答复如下：\n已办。\n"
    )
    assert any(line in f.message for f in result.findings)
