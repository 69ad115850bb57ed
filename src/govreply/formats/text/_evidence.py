"""Is it a reply letter? The evidence a text must give before it is read as one.

A reply letter (答复函) answers a deputy's suggestion or a member's proposal. Many government texts
share its shape — an addressee line, a 收悉, a signature — without being one: a 批复 answers a
请示, a 通知 goes to 各有关单位, a 12345 reply answers a citizen, a news item reports on the
handling of suggestions. The reader accepts a text only when the letter's own words say what it
is, in its title, its opening (the first lines after the addressee) or its addressee:

1. it cites a suggestion or proposal: 建议, 提案 or 议案 in the title or the opening;
2. it answers: a reply formula (收悉, 答复如下, 函复, 现将…如下, 会办意见…) in the title or the
   opening, or a title that reads as a reply (…的答复, …的复函, …办理情况, …会办意见);
3. it answers a deputy or member, or for them: the addressee's role (代表, 委员), a group of them
   (代表团, 委员小组, 界别, 民主党派), an organ (a co-handling opinion to the lead unit), a
   congress session or an item number (第55号) in the title or the opening — and the addressee is
   not a member of the public (网友, 市民, 先生, 女士).

:func:`refusal` returns why a text fails, or ``None`` when it gives all three.
"""

from __future__ import annotations

import re

from govreply.formats.text import _grammar as g
from govreply.model import Addressees

__all__ = ["refusal"]

#: How much of the opening (and the text after it) is searched for evidence.
_OPENING_SPAN = 400

# 建议 / 提案 / 议案  (what a reply letter answers)
_ITEM = re.compile(r"建议|提案|议案")
# 收悉 / 答复如下 / 现将…办理情况…报告如下 / 会办意见  (the words of an answer)
_ANSWER = re.compile(
    r"收悉|已悉|收到|如下|答复|回复|函复|复函|办复|会办|协办|办理(?:情况|意见|结果)|转交|交由|交办"
)
# 代表 / 委员 / 代表团 / 届 … 会议 / 第55号  (the context of a congress or a CPPCC committee)
_CONGRESS = re.compile(
    r"代表|委员|人大|政协|届[^,，。]{0,20}?会议|第\s{0,2}[0-9〇零一二三四五六七八九十百]{1,6}\s{0,2}号"
)
# 网友 / 市民 / 先生 / 女士  (members of the public: their letters are answered otherwise)
_PUBLIC = re.compile(r"网友|市民|先生|女士|群众|来信人|朋友|同学|家长|居民")
# 民盟 / 九三学社 / 工商联 …  (groups that submit proposals)
_GROUPS = re.compile(
    r"代表团|代表组|委员会|小组|界别|民革|民盟|民建|民进|农工|致公|九三|台盟|工商联|党派|支部|工作组"
)


def refusal(
    title: str | None, opening: str | None, after: str, addressees: Addressees
) -> str | None:
    """Why the text is not a reply letter, or ``None`` when it gives every kind of evidence.

    Args:
        title: the title read above the addressee, if any.
        opening: the opening read after the addressee, if any.
        after: the text right after the addressee (the opening and what follows it).
        addressees: the addressee line as read.
    """
    head = g.squash(g.fold(title or ""))
    lead = g.squash(g.fold((opening or after)[:_OPENING_SPAN]))
    names = g.fold("".join(addressees.names))
    if not (_ITEM.search(head) or _ITEM.search(lead)):
        return "it cites no suggestion or proposal (建议, 提案) in its title or opening"
    answers = _ANSWER.search(lead) or (head and g.TITLE_END.search(head) and _ANSWER.search(head))
    if not answers:
        return (
            "its opening does not answer (no 收悉, 答复如下 or similar) and no title says it does"
        )
    organ = g.AGENCY_SUFFIXES_RE.search(names) is not None
    if addressees.role is None and not organ and _PUBLIC.search(names):
        return f"it is addressed to the public ({''.join(addressees.names)[:20]}), not a deputy"
    if (
        addressees.role in ("代表", "委员")
        or _GROUPS.search(names)
        or _CONGRESS.search(head)
        or _CONGRESS.search(lead)
        or organ
    ):
        return None
    return "it names no deputy, member, congress session or item number"
