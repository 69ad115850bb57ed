"""The sign-off of a letter: the lines after the body, read backwards from the end.

Closing formulas (此致 敬礼), attachment notes (附件： / 附：), the signature (an agency line) and
date, notes in round brackets, disclosure notes, 抄送 / 抄报, contact lines of many shapes, a
classification or 签发人 printed at the end, and page widgets (传真, 邮编, 相关附件) that carry
nothing the model keeps.
"""

from __future__ import annotations

import datetime
import re

import attrs

from govreply.errors import GovReplyError
from govreply.formats.text import _grammar as g
from govreply.formats.text._body import Entry, note
from govreply.formats.text._header import Header, disclosure
from govreply.model import AttachmentNote, Classification, Finding, Severity
from govreply.numerals import parse_date

__all__ = ["Tail", "read_tail", "split_signatures", "tail_start"]


@attrs.define
class Tail:
    """What the sign-off lines said."""

    attachments: list[AttachmentNote] = attrs.Factory(list)
    signed_by: str | None = None
    date: datetime.date | None = None
    notes: list[str] = attrs.Factory(list)
    cc: tuple[str, ...] = ()
    cc_superiors: tuple[str, ...] = ()
    cc_stop: bool = False
    name: str | None = None
    phone: str | None = None
    unit: str | None = None
    salutation: list[str] = attrs.Factory(list)


def _is_agency(folded: str) -> bool:
    plain = g.squash(folded)
    return (
        0 < len(plain) <= 40
        and plain.endswith(g.AGENCY_SUFFIXES)
        and not any(c in g.TERMINAL or c in ",、" for c in plain if c not in "()")
        and g.label_at(folded) is None
        and "关于" not in plain
    )


def _bracketed(folded: str) -> str | None:
    if len(folded) >= 2 and folded[0] in "([【" and folded[-1] in ")]】":
        return folded[1:-1].strip()
    return None


# 2024年5月20日 / 二〇二四年五月二十日 / 20211022 / 2022 年629 / 202362  (what a date line holds)
_DATE_CHARS = frozenset("0123456789年月日〇零一二三四五六七八九十oO○О.-/")


def _date_like(plain: str) -> bool:
    """Whether ``plain`` (no spaces) is a date line, perhaps damaged (lost 年, 月 or 日)."""
    if not 5 <= len(plain) <= 16 or not set(plain) <= _DATE_CHARS:
        return False
    if plain[-1] == "日" and g.DATE_LINE.match(plain):
        return True
    digits = "".join(c for c in plain if c.isdigit())
    return len(digits) >= 5 and digits[:2] in ("19", "20")


def _tail_kind(entry: Entry) -> str | None:
    """What kind of sign-off line ``entry`` is; ``None`` for body text."""
    folded = entry.folded
    if len(folded) > g.META_MAX:
        return None
    inner = _bracketed(folded)
    plain = g.squash(inner if inner is not None else folded)
    if not plain:
        return "meta"  # () / 【】: an empty bracket pair
    # each pattern below is anchored, so its first character decides whether to try it
    first = plain[0]
    if _date_like(plain):
        return "date"
    if plain.endswith("年月日") and _BLANK_DATE.match(plain):
        return "blank date"
    if first in "抄报" and g.CC.match(plain):
        return "cc"
    if first in "联承经办电手" and g.CONTACT.match(plain):
        return "contact"
    if folded[0] in "([【" and g.CONTACT.match(g.squash(folded[1:])):
        return "contact"  # (联系人:熊小燕 联系电话:40246745  (its bracket never closed)
    if first in ":人系" and _DAMAGED_CONTACT.match(plain):
        return "damaged contact"
    if plain.endswith("印发") and g.PRINTED.search(plain):
        return "meta"  # 桃矿街道党政办 2024年8月14日印发  (the printing line of the 版记)
    if first == "附" and g.ATTACHMENT.match(plain):
        return "attachment"
    if first in "此敬顺身工万致礼" and g.SALUTATION.match(plain):
        return "salutation"
    if first in "签领" and g.SIGNER.match(plain):
        return "signer"
    if g.CLASS_LABEL.match(plain) or (len(plain) <= 12 and g.CLASSIFICATION.search(folded)):
        return "classification"
    if g.TAIL_META.match(plain) or g.META.match(folded):
        return "meta"
    if (inner is not None or plain.startswith(_DISCLOSURE_KEYS)) and g.DISCLOSURE.search(plain):
        return "disclosure"
    if inner is not None and len(plain) <= 60:
        return "note"
    if _is_agency(folded):
        return "agency"
    if len(plain) <= 40 and g.TAIL_PAIR.match(plain) and plain[-1] not in g.TERMINAL:
        return "pair"
    return None


# 二0 年 月 日 / 年 月 日  (the date of a template, never filled in)
_BLANK_DATE = re.compile(r"^(?:(?:二[0〇零]|20)[0-9〇零一二三四五六七八九]{0,2})?年月日$")

# :孟炜 / 人:黎翔 / 系人:张三  (a contact key that lost its first characters in the copy; a
# fixed-length name after it, so the pattern cannot backtrack)
_DAMAGED_CONTACT = re.compile(r"^(?:系?人)?:(?P<name>[^\x00-\x7f:]{2,4})$")

# 注:“主动公开”。 / 公开方式:主动公开  (keys that introduce a disclosure note in the sign-off)
_DISCLOSURE_KEYS = ("注:", "公开方式", "公开属性", "是否同意公开", "是否公开")


# 鲁桥镇人民政府 2025年6月2日  (a signature and its date on one line)
_SIGNED_AND_DATED = re.compile(
    r"^(?P<organ>\S[^,，。;；:：]{1,38}?)\s+(?P<date>(?:[0-9]{4}|[〇零一二三四五六七八九0]{4})\s?年.{1,10}?日)$"
)
# 2024年5月6日 承办单位联系人姓名及电话:王岩15804350857  (a date, then another sign-off line)
_DATED_THEN = re.compile(
    r"^(?P<date>(?:[0-9]{4}|[〇零一二三四五六七八九0]{4})\s?年.{1,10}?日)\s+(?P<rest>\S.*)$"
)
#: How many lines from the end may hold a signature and date printed on one line.
_SIGNATURE_SPAN = 8


def split_signatures(entries: list[Entry]) -> list[Entry]:
    """``entries`` with a signature and its date printed on one line split in two.

    So is a date with the next sign-off line (its contact, its 抄送) printed after it.
    """
    out = entries[:-_SIGNATURE_SPAN]
    for entry in entries[-_SIGNATURE_SPAN:]:
        dated = _DATED_THEN.match(entry.folded) if len(entry.text) <= 80 else None
        if dated is not None:
            rest = entry.text[dated.start("rest") :].strip()
            after = Entry(rest, g.fold(rest), entry.line, False)
            if _tail_kind(after) is not None:
                date = entry.text[: dated.end("date")].strip()
                out += [Entry(date, g.fold(date), entry.line, entry.blank_before), after]
                continue
        found = _SIGNED_AND_DATED.match(entry.folded) if len(entry.text) <= 60 else None
        if found is None or not _is_agency(found["organ"]):
            out.append(entry)
            continue
        organ = entry.text[: found.end("organ")].strip()
        date = entry.text[found.start("date") :].strip()
        out.append(Entry(organ, g.fold(organ), entry.line, entry.blank_before))
        out.append(Entry(date, g.fold(date), entry.line, False))
    return out


def tail_start(entries: list[Entry]) -> tuple[int, list[str | None]]:
    """Index of the first sign-off line (every line from there on is one), and their kinds."""
    i = len(entries)
    kinds: list[str | None] = []
    while i > 0:
        kind = _tail_kind(entries[i - 1])
        if kind is None:
            j = i - 1
            while j >= 0 and g.ATTACHMENT_ITEM.match(entries[j].folded):
                j -= 1
            head = g.ATTACHMENT.match(entries[j].folded) if j >= 0 and j < i - 1 else None
            if head is None or not g.ATTACHMENT_ITEM.match(head["rest"]):
                break
            kinds += [None] * (i - 1 - j) + ["attachment"]
            i = j
            continue
        kinds.append(kind)
        i -= 1
    kinds.reverse()
    last = len(entries) - 1
    cut = i == last + 1 and last > 0 and len(entries[last].text) <= _CUT_LEN
    if cut and _tail_kind(entries[last - 1]) is not None:
        # a last fragment the excerpt cut (余姚…) after a sign-off line: part of the sign-off
        start, start_kinds = tail_start(entries[:last])
        return start, [*start_kinds, None]
    # Short lines the grammar does not know (主管领导：…, a damaged key) may stand between the
    # closing formula and the sign-off: with a closing right above them, they belong to it.
    for j in range(i - 1, max(i - 1 - _STRAY_MAX, -1), -1):
        if len(entries[j].text) > _STRAY_LEN or _is_closing(entries[j]):
            break
        if j > 0 and _is_closing(entries[j - 1]):
            return j, [None] * (i - j) + kinds
    return i, kinds


#: The longest fragment at the very end that is taken as a cut-off part of the sign-off.
_CUT_LEN = 12
#: Unknown lines tolerated between the closing and the sign-off, and their longest length.
_STRAY_MAX = 3
_STRAY_LEN = 40


def _is_closing(entry: Entry) -> bool:
    """Whether ``entry`` is a closing formula (感谢您…。 / 特此答复。 / 专此函达。)."""
    return bool(
        len(entry.text) <= 2 * _STRAY_LEN + 40
        and g.CLOSING.search(entry.folded[:12])
        and entry.text[-1] in g.TERMINAL
    )


# 海南省交通运输厅综合规划处,潘东 / 计财处 戴京国  (a unit, then the person)
_UNIT_THEN_NAME = re.compile(r"[,，、;；]+")
_SPACES = re.compile(r"\s+")
# what a unit's name ends with (a person's name does not)
_UNIT_ENDINGS = (*g.AGENCY_SUFFIXES, "科", "股")


# 邮政编码 / 传真 / 地址  (keys of a sign-off line that end a contact's value)
_OTHER_KEY = re.compile(r"(?:邮政编码|邮编|传真|通讯地址|地址|电子邮箱|邮箱|手机|电话)\s{0,3}[:(]?")


# (2) / （3份）  (the number of copies after an organ in a copy line)
_COPIES = re.compile(r"\s{0,2}\(\s{0,2}[0-9一二三四五六七八九十]{1,3}\s{0,2}份?\s{0,2}\)$")


def _without_count(name: str) -> str:
    """市人大联工委(2) -> 市人大联工委: the copies an organ gets are no part of its name."""
    found = _COPIES.search(g.fold(name))
    return name[: found.start()] if found is not None else name


def _report_leftovers(leftovers: list[str], entry: Entry, findings: list[Finding]) -> None:
    for piece in leftovers:
        message = f"contact line text {piece!r} (post code, fax, a remark) left out"
        findings.append(note("GT310", message, entry.line, "contact"))


def _strip_unbalanced(value: str) -> str:
    """``value`` without brackets around it that do not pair up (（联系人：张三 → 张三)."""
    while value and value[0] in "(（" and not any(c in value for c in ")）"):
        value = value[1:].strip()
    while value and value[-1] in ")）" and not any(c in value for c in "(（"):
        value = value[:-1].strip()
    return value


def _key_role(key: str) -> str:
    """What a contact key names: ``person``, ``unit``, ``both`` (联系单位及联系人) or ``phone``."""
    units = ("单位", "部门", "科室", "处室")
    if "人" in key:
        return "both" if any(word in key for word in units) else "person"
    if any(word in key for word in units):  # 联系单位电话：县住建局0539—7312468 too
        return "unit"
    return "phone"


def _read_contact(tail: Tail, text: str) -> list[str]:
    """Read a contact line into ``tail``; return the pieces of it that no field keeps."""
    spaced = g.fold(text)
    phones = list(g.PHONE.finditer(spaced))
    if phones and tail.phone is None:
        # one number, or several (0571-87808443，13800000000), as printed
        tail.phone = text[phones[0].start() : phones[-1].end()]
    leftovers: list[str] = []
    for field in g.CONTACT_FIELD.finditer(spaced):
        key = g.squash(field["key"] or field["bare"])
        role = _key_role(key)
        following = g.CONTACT_FIELD.search(spaced, field.end())
        value = text[field.end() : following.start() if following else len(text)]
        folded_value = g.fold(value)
        cut = len(value)
        number = g.PHONE.search(folded_value)
        other = _OTHER_KEY.search(folded_value)
        for found in (number, other):
            if found is not None:
                cut = min(cut, found.start())
        # 熊小燕邮政编码:401220 / 18613995318(手机号码)  (what follows the name and the number)
        rest = g.PHONE.sub("", folded_value[cut:]).strip(" ,，;；。:：、()（）\u3000")
        if rest:
            leftovers.append(value[cut:].strip())
        if role == "phone":
            continue
        value = _strip_unbalanced(value[:cut].strip(" ,，;；。:：、\u3000"))
        if not value:
            continue
        if role == "unit":
            if key == "承办单位" and tail.signed_by is None:
                tail.signed_by = g.squash(value)  # the handling unit signs for itself
            else:
                tail.unit = tail.unit or g.squash(value)
            continue
        parts = [p for p in _UNIT_THEN_NAME.split(value) if p.strip(" :")]
        if len(parts) == 1:
            words = _SPACES.split(parts[0].strip())
            if len(words) > 1 and "".join(words[:-1]).endswith(_UNIT_ENDINGS):
                parts = words
        if role == "both" and len(parts) == 1 and g.squash(value).endswith(_UNIT_ENDINGS):
            unit, name = g.squash(value), ""  # 联系科室、人员及电话：经建科 6211754
            tail.unit = tail.unit or unit
        elif role == "both" or len(parts) > 1:
            unit, name = g.squash("".join(parts[:-1])), g.squash(parts[-1])
            tail.unit = tail.unit or unit or None
        elif _is_agency(g.fold(value)):
            unit, name = g.squash(value), ""
            tail.unit = tail.unit or unit
        else:
            name = g.squash(value)
        name = name.strip(" :")
        if name and tail.name is None:
            tail.name = name
    return leftovers


def read_tail(
    entries: list[Entry], kinds: list[str | None], header: Header, findings: list[Finding]
) -> Tail:
    tail = Tail()
    for entry, kind in zip(entries, kinds, strict=True):
        inner = _bracketed(entry.folded)
        text = entry.text[1:-1].strip() if inner is not None else entry.text
        folded = g.fold(text)
        plain = g.squash(folded)
        if kind == "date" and tail.date is not None:
            findings.append(note("GT303", f"second date {text!r} ignored", entry.line))
        elif kind == "date":
            tail.date = _read_date(plain, entry, findings)
        elif kind == "cc":
            match = g.CC.match(folded) or g.CC.match(plain)
            rest = text[len(text) - len(match["rest"]) :] if match else ""
            stop = g.CONTACT_FIELD.search(g.fold(rest))
            if stop is not None:
                _report_leftovers(_read_contact(tail, rest[stop.start() :]), entry, findings)
                rest = rest[: stop.start()]
            rest = rest.strip()
            ended = rest.endswith(("。", "."))
            first = not (tail.cc or tail.cc_superiors)
            rest = rest.rstrip("。. ")
            split = g.CC_SPLIT if g.CC_SPLIT.search(rest) else g.CC_SPACES
            names = tuple(p for p in split.split(rest) if p)
            uncounted = tuple(_without_count(n) for n in names)
            if uncounted != names:
                message = f"copy counts in {text!r} left out of the organs' names"
                findings.append(note("GT310", message, entry.line, "cc"))
                names = uncounted
            if plain.startswith(("抄报", "报")):
                tail.cc_superiors += names
            else:
                tail.cc += names
            tail.cc_stop = ended if first else tail.cc_stop and ended
        elif kind == "contact":
            _report_leftovers(_read_contact(tail, text), entry, findings)
        elif kind == "blank date":
            message = f"the date of a template {entry.text!r}, never filled in, left out"
            findings.append(note("GT310", message, entry.line, "date"))
        elif kind == "damaged contact" and tail.name is None:
            damaged = _DAMAGED_CONTACT.match(plain)
            assert damaged is not None
            tail.name = damaged["name"]
            message = f"{text!r} read as the contact person: its key (联系人) was damaged"
            findings.append(note("GT308", message, entry.line, "contact.name"))
        elif kind in ("meta", "pair") and (joined := _joined_contact(folded)) is not None:
            # 责任领导:杨宏辉承办人:阳斌  (a contact run together with another key's line)
            message = f"sign-off text {text[:joined]!r} (a key the model has no field for) left out"
            findings.append(note("GT310", message, entry.line))
            _report_leftovers(_read_contact(tail, text[joined:]), entry, findings)
        elif kind == "attachment":
            match = g.ATTACHMENT.match(folded)
            if match is None:
                continue
            rest = text[match.start("rest") :].strip()
            item = g.ATTACHMENT_ITEM.match(g.fold(rest))
            if item is not None:
                rest = rest[item.end() :]
            if rest:
                tail.attachments.append(AttachmentNote(rest, label=match["label"]))
            else:
                findings.append(note("GT304", "empty attachment note ignored", entry.line))
        elif kind is None and g.ATTACHMENT_ITEM.match(entry.folded) and tail.attachments:
            item = g.ATTACHMENT_ITEM.match(entry.folded)
            assert item is not None
            label = tail.attachments[-1].label
            tail.attachments.append(AttachmentNote(entry.text[item.end() :], label=label))
        elif kind == "salutation":
            tail.salutation.append(entry.text)
        elif kind == "signer":
            match = g.SIGNER.match(plain)
            if match is not None and header.signer is None:
                header.signer = match["name"]
            elif match is None or match["name"] != header.signer:
                findings.append(note("GT303", f"second 签发人 line {text!r} ignored", entry.line))
        elif kind == "classification":
            code = _code(folded)
            if code is not None and header.classification is None:
                header.classification = Classification(code)
            elif code is None or header.classification != Classification(code):
                findings.append(note("GT302", f"classification line {text!r} ignored", entry.line))
        elif kind == "disclosure" and header.disclosure is None:
            header.disclosure = disclosure(text)
        elif kind in ("note", "disclosure"):
            tail.notes.append(text)
        elif kind == "agency" and tail.signed_by is None:
            tail.signed_by = entry.text
        elif kind == "meta":
            message = (
                f"sign-off line {entry.text!r} (a 版记 or page line the model has no field for)"
            )
            findings.append(note("GT310", message, entry.line))
        else:
            findings.append(note("GT303", f"sign-off line {entry.text!r} ignored", entry.line))
    return tail


def _joined_contact(folded: str) -> int | None:
    """Where a contact person's key starts inside a line of another key, if it does.

    A bare phone key there (主管领导:杨建军 联系电话:…) gives the other person's number.
    """
    found = g.CONTACT_FIELD.search(folded, 1)
    if found is None or folded[found.start() - 1] == ":":
        return None
    return found.start() if _key_role(g.squash(found["key"] or found["bare"])) != "phone" else None


def _code(folded: str) -> str | None:
    plain = g.squash(folded)
    label = g.CLASS_LABEL.match(plain)
    rest = plain[label.end() :] if label else plain
    match = g.CLASSIFICATION.search(rest) or g.CLASSIFICATION.search(folded)
    return match["code"] if match is not None else None


def _digits_date(plain: str, entry: Entry, findings: list[Finding]) -> datetime.date | None:
    year, rest = int(plain[:4]), plain[4:]
    found: list[datetime.date] = []
    for cut in (2,) if len(rest) == 4 else range(1, len(rest)):
        try:
            found.append(datetime.date(year, int(rest[:cut]), int(rest[cut:])))
        except ValueError:
            continue
    if len(found) == 1:
        findings.append(
            note(
                "GT307",
                f"date {plain!r} printed without separators read as {found[0].isoformat()}",
                entry.line,
                "date",
            )
        )
        return found[0]
    message = f"date {plain!r} could not be read"
    findings.append(note("GT301", message, entry.line, "date", severity=Severity.ERROR))
    return None


# 2024年5月20日  (the common case, read without the general Chinese-numeral reader)
_ARABIC_DATE = re.compile(r"([0-9]{4})年([0-9]{1,2})月([0-9]{1,2})日")


def _read_date(plain: str, entry: Entry, findings: list[Finding]) -> datetime.date | None:
    if plain.isdigit():
        return _digits_date(plain, entry, findings)
    if not any(c in g.NUMERAL for c in plain) and not _ARABIC_DATE.fullmatch(plain):
        # 2022年629 / 2019.7.31  (年, 月 or 日 lost, or other separators): read the digits
        return _digits_date("".join(c for c in plain if c.isdigit()), entry, findings)
    arabic = _ARABIC_DATE.fullmatch(plain)
    if arabic is not None:
        try:
            return datetime.date(int(arabic[1]), int(arabic[2]), int(arabic[3]))
        except ValueError as exc:
            message = f"date {entry.text!r} is not a date: {exc}"
            findings.append(note("GT301", message, entry.line, "date", severity=Severity.ERROR))
            return None
    text = plain
    if any(c in g.NUMERAL for c in text):
        text = text.translate(str.maketrans("0oO○О", "〇〇〇〇〇"))
    try:
        return parse_date(text)
    except (GovReplyError, ValueError) as exc:
        message = f"date {entry.text!r} could not be read: {exc}"
        findings.append(note("GT301", message, entry.line, "date", severity=Severity.ERROR))
        return None
