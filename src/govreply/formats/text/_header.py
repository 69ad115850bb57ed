"""The header of a letter (the lines above the addressee) and the reference it cites.

Header lines come in any order and may share a line (``华建复〔2017〕5号(B类)``,
``平教字〔2021〕19号 类 同意公开``); each line is cut into fragments, and each fragment is
read as a document number, a 签发人, a classification, a disclosure note, a title (or a piece
of one broken over lines), an issuer, or web-page debris that is reported and dropped.
"""

from __future__ import annotations

import re

import attrs

from govreply.errors import GovReplyError
from govreply.formats.text import _grammar as g
from govreply.formats.text import _metadata as metadata
from govreply.formats.text._body import Entry, note
from govreply.model import (
    Addressees,
    Classification,
    Congress,
    Disclosure,
    DocumentNumber,
    Finding,
    ItemKind,
    ItemReference,
    ReplyRole,
)

__all__ = ["Header", "disclosure", "read_header", "read_reference"]

# 注:“主动公开”。 / 类 同意公开 / (此件公开发布)
_NOTE_WRAPPING = re.compile(r"^(?:注\s*[:：]|类\s+)?\s*[“\"(（]?|[”\")）]?\s*[。.]?$")


def disclosure(text: str) -> Disclosure:
    """Read a disclosure note, dropping a ``注：``, quotes and brackets around it."""
    inner = _NOTE_WRAPPING.sub("", text.strip()).strip()
    note = Disclosure.parse(inner or text)
    # the kind is read from the folded text (公開 is 公开), the text kept as printed
    return attrs.evolve(note, kind=Disclosure.parse(g.fold(note.text)).kind)


@attrs.define
class Header:
    """What the header lines said (mutable while the letter is read)."""

    issuer: str | None = None
    doc_number: DocumentNumber | None = None
    signer: str | None = None
    classification: Classification | None = None
    disclosure: Disclosure | None = None
    title: str | None = None
    metadata: dict[str, str] = attrs.Factory(dict)
    other_titles: list[str] = attrs.Factory(list)  # page headings that read as titles too


# 关于区二届人大四次会议 第55号…  (a layout space between two CJK characters)
# 四次会议 第55号 / 第 9号  (layout spaces: between CJK characters, or a CJK and a digit)
_LAYOUT_SPACE = re.compile(
    r"(?<=[^\x00-\x7f])\s+(?=[^\x00-\x7f0-9a-zA-Z])|(?<=[^\x00-\x7f])\s+(?=[0-9])|(?<=[0-9])\s+(?=[^\x00-\x7f])"
)
# …的答复(B) / …的回复(B类)  (a classification printed after the title)
_TITLE_CODE = re.compile(r"[(（]\s*([A-D甲乙丙丁][1-9]?)\s*类?\s*[)）]$")
_TRIM = " []【】:-•*·|"


def _doc_number(text: str, folded: str, header: Header) -> tuple[str, str] | None:
    """Take a document number out of ``text``; return what is left on either side."""
    year = g.DOC_YEAR.search(folded)
    if year is None:
        return None
    match = g.DOC_NUMBER.search(folded, max(0, year.start() - 20))
    if match is None:
        return None
    printed = text[match.start() : match.end()].strip()
    try:
        number = DocumentNumber.parse(printed)
    except GovReplyError:
        return None
    if header.doc_number is None:
        header.doc_number = number
    before, after = text[: match.start()], text[match.end() :]
    # 对…的答复(桂建函〔2018〕331号)  (a number in brackets after the title: the brackets go too)
    opened, closed = before.rstrip()[-1:], after.lstrip()[:1]
    if opened and closed and _CLOSERS.get(opened) == closed:
        before, after = before.rstrip()[:-1], after.lstrip()[1:]
    return before, after


_CLOSERS = {"(": ")", "（": "）", "[": "]", "【": "】"}


# B类  同意公开  (header marks printed side by side, two spaces or more apart)
_WIDE_GAP = re.compile(r"\s{2,}")


def _marks(text: str) -> list[str]:
    """``text`` cut at wide gaps when every piece is a header mark (code, disclosure note)."""
    pieces = [p for p in _WIDE_GAP.split(text) if p]
    if len(pieces) > 1 and all(_is_mark(g.squash(g.fold(p))) for p in pieces):
        return pieces
    return [text]


def _is_mark(plain: str) -> bool:
    if len(plain) > 16:
        return False
    return bool(
        g.CLASSIFICATION.search(plain) or g.CLASS_LABEL.match(plain) or g.DISCLOSURE.search(plain)
    )


def _looks_like_title(plain: str) -> bool:
    return bool(g.TITLE_START.match(plain) or g.TITLE_END.search(plain))


@attrs.define
class _TitleRun:
    parts: list[str]
    line: int
    done: bool
    last_line: int = 0


def read_header(entries: list[Entry], findings: list[Finding]) -> Header:
    """Read the header lines above the addressee."""
    header = Header()
    titles: list[_TitleRun] = []
    issuers: list[tuple[str, int]] = []  # the organ lines above the title, with their lines
    waiting: list[str] = []  # metadata keys printed with their values on the next lines
    whole = False  # whether the waiting key takes the whole next line (内 容:)
    session_before = False  # whether the line before was a record header's session line
    for entry in entries:
        after_session, session_before = session_before, False
        if after_session and entry.folded.strip().isdigit() and len(entry.folded.strip()) <= 4:
            # 淄川区第十九届人民代表大会第二次会议 / 24  (the record's item number, unlabelled)
            header.metadata.setdefault("建议号", entry.text.strip())
            message = f"number line {entry.text!r} below the session line kept as the item's number"
            findings.append(note("GT206", message, entry.line))
            continue
        if metadata.is_metadata(entry.folded):
            waiting, whole = _metadata(entry, header, findings)
            continue
        if waiting and (whole or _is_cell(entry.folded)):
            if whole:
                found, waiting = [(waiting[0], entry.text.strip())], []
            else:
                found, waiting = metadata.row(waiting, entry.text)
            for key, value in found:
                header.metadata.setdefault(key, value)
            keys = "、".join(key for key, _ in found)
            message = f"metadata value {entry.text!r} of {keys} kept apart from the letter"
            findings.append(note("GT206", message, entry.line))
            continue
        waiting = []
        if g.META.match(entry.folded):
            findings.append(note("GT208", f"web-page line {entry.text!r} removed", entry.line))
            continue
        if len(entry.folded) > g.META_MAX:
            findings.append(note("GT201", f"header line {entry.text!r} ignored", entry.line))
            continue
        pending = [entry.text]
        leftovers: list[str] = []
        while pending:
            text = pending.pop(0).strip(_TRIM)
            if not text:
                continue
            folded = entry.folded if text == entry.text else g.fold(text)
            sides = _doc_number(text, folded, header)
            if sides is not None:
                pending[:0] = list(sides)
                continue
            signer = g.SIGNER.search(folded)
            if signer is not None:
                if header.signer is None:
                    header.signer = text[signer.start("name") : signer.end("name")]
                pending[:0] = [text[: signer.start()], text[signer.end() :]]
                continue
            leftovers += _marks(text)
        for text in leftovers:
            sessions = "会议" in header.metadata
            _fragment(text, entry, header, titles, issuers, findings)
            session_before = not sessions and "会议" in header.metadata
    if titles:
        chosen = next((t for t in reversed(titles) if t.done), titles[-1])
        header.other_titles = ["".join(t.parts) for t in titles if t is not chosen]
        for run in titles:
            if run is not chosen:
                printed = " / ".join(run.parts)
                message = f"page heading {printed!r} (not the letter's own title) left out"
                findings.append(note("GT208", message, run.line))
        header.title = _finish_title(chosen, header, findings)
    if issuers:
        header.issuer = issuers[0][0]
        for text, line in issuers[1:]:
            message = f"a second organ line {text!r} ignored (the issuer is {issuers[0][0]!r})"
            findings.append(note("GT201", message, line))
    elif header.title is not None:
        head = re.split(r"关于|对", g.squash(header.title), maxsplit=1)[0]
        if head and head != g.squash(header.title) and _agency(head):
            header.issuer = head
    return header


def _metadata(entry: Entry, header: Header, findings: list[Finding]) -> tuple[list[str], bool]:
    """Keep the key/value pairs of a metadata line (web page, record table) in the metadata.

    Returns the keys whose values are printed on the lines below, and whether the first takes
    a whole line: a key alone with a colon (``内 容:``) does; a table's header row
    (``主办单位 会办 交办日期``) has its cells on the next line or lines.
    """
    header_row = metadata.columns(entry.folded)
    kept = [] if header_row else list(metadata.pairs(entry.text, g.fold(entry.text)))
    for key, value in kept:
        header.metadata.setdefault(key, value)
    keys = "、".join(k for k, _ in kept) or "no values"
    message = f"metadata line {entry.text!r} ({keys}) kept apart from the letter"
    findings.append(note("GT206", message, entry.line))
    if header_row:
        return [key for key in header_row if key not in metadata.CONTENT_KEYS], False
    if kept:
        return [], False
    # 内 容: (a long value below) / • 索引号 (a portal's list: the key, then its value's line)
    alone = g.squash(g.fold(entry.text)).strip("-•*·|[]").rstrip(":")
    colon = entry.folded.rstrip().endswith(":")
    waits = alone in _VALUE_BELOW if colon else alone in _KEYS
    return ([alone], True) if waits else ([], False)


# the record keys whose long value may stand on the line below (内  容: / the suggestion's text)
_VALUE_BELOW = frozenset({"内容", "案由", "办理情况"})
# the keys that, printed alone, have their value on the next line
_KEYS = frozenset(metadata.KEYS) - metadata.CONTENT_KEYS - _VALUE_BELOW


def _agency(plain: str) -> bool:
    return 0 < len(plain) <= 40 and plain.endswith(g.AGENCY_SUFFIXES)


def _fragment(
    text: str,
    entry: Entry,
    header: Header,
    titles: list[_TitleRun],
    issuers: list[tuple[str, int]],
    findings: list[Finding],
) -> None:
    folded = g.fold(text)
    plain = g.squash(folded)
    open_title = titles[-1] if titles and not titles[-1].done else None
    if (
        open_title is None
        and titles
        and titles[-1].last_line == entry.line - 1
        and not g.TITLE_START.match(plain)
        and g.TITLE_END.search(plain)
        and len(plain) <= 10
    ):
        open_title = titles[-1]  # 第110号代表建议办理情况 / 的答复函
    code = g.CLASSIFICATION.search(folded) if len(plain) <= 16 else None
    label = g.CLASS_LABEL.match(plain)
    if label is not None or code is not None:
        found = code or (label and g.CLASSIFICATION.search(plain[label.end() :]))
        if found is not None and header.classification is None:
            header.classification = Classification(found["code"])
            if code is not None:
                _report_beside_code(folded[: code.start()].strip(_TRIM), entry, findings)
            return
        if found is not None:
            findings.append(note("GT302", f"second classification {text!r} ignored", entry.line))
            return
        rest = plain.split(":", 1)[-1]
        if rest in ("建议", "提案", "议案") or not rest:
            # 类别：提案 (the item's type) / 类别： (empty): a label without a code
            message = f"classification label {text!r} without a code left out"
            findings.append(note("GT310", message, entry.line, "classification"))
            return
    if g.DISCLOSURE.search(plain) and len(plain) <= 30 and header.disclosure is None:
        header.disclosure = disclosure(text)
        if plain.startswith("类") and not plain.startswith("类别"):
            message = f"an empty classification (类 without a code) printed in {text!r}"
            findings.append(note("GT310", message, entry.line, "classification"))
        return
    if _looks_like_title(plain) or open_title is not None:
        if open_title is not None and g.TIMESTAMP.search(folded):
            open_title.done = True  # 2018-06-27 09:51:22 来源:…  (the page's line under a title)
        elif open_title is not None and not g.TITLE_START.match(plain):
            open_title.parts.append(text)
            open_title.done = bool(g.TITLE_END.search(plain))
            open_title.last_line = entry.line
            return
        if open_title is None or g.TITLE_START.match(plain):
            run = _TitleRun([text], entry.line, bool(g.TITLE_END.search(plain)), entry.line)
            titles.append(run)
            return
    if _agency(plain) and ":" not in plain and not g.TIMESTAMP.search(folded):
        issuers.append((text, entry.line))
        return
    if "届" in plain and len(plain) <= 40 and _is_congress(plain):
        # 淄川区第十九届人民代表大会第二次会议  (a record header's session line)
        header.metadata.setdefault("会议", text)
        message = f"session line {text!r} of the record kept apart from the letter"
        findings.append(note("GT206", message, entry.line))
        return
    findings.append(note("GT201", f"header line {text!r} ignored", entry.line))


def _is_cell(folded: str) -> bool:
    """Whether a line under a record table's header row can be one of its cells."""
    return len(folded) <= g.META_MAX and not _looks_like_title(g.squash(folded))


def _is_congress(plain: str) -> bool:
    try:
        Congress.parse(plain)
    except GovReplyError:
        return False
    return True


def _report_beside_code(rest: str, entry: Entry, findings: list[Finding]) -> None:
    """Report what stood before a classification code on its line (湘教提复字〔2019〕来信号B类)."""
    if not rest:
        return
    if g.DOC_YEAR.search(rest):
        message = f"text {rest!r} holds a document number's year but does not read as one"
        findings.append(note("GT205", message, entry.line, "doc_number"))
    else:
        findings.append(note("GT201", f"header text {rest!r} ignored", entry.line))


# 关于尽快恢复…的建议答复 关于市十五届…的答复  (a page heading and the title on one line)
_TWO_TITLES = re.compile(r"\s+(?=关于)")


def _finish_title(run: _TitleRun, header: Header, findings: list[Finding]) -> str:
    title = "".join(p.strip() for p in run.parts)
    pieces = _TWO_TITLES.split(title)
    if len(pieces) > 1 and g.TITLE_END.search(g.squash(pieces[0])):
        findings.append(
            note("GT201", f"page heading {pieces[0]!r} before the title ignored", run.line)
        )
        title = pieces[-1]
    if len(run.parts) > 1:
        findings.append(
            note("GT104", f"title printed over {len(run.parts)} lines; joined", run.line, "title")
        )
    match = _TITLE_CODE.search(g.fold(title))
    if match is not None:
        if header.classification is None:
            header.classification = Classification(match[1])
        title = title[: match.start()].rstrip()
    spaced = _LAYOUT_SPACE.sub("", title)
    if spaced != title:
        findings.append(
            note("GT103", f"layout spaces removed from the title {title!r}", run.line, "title")
        )
    return spaced


# 区二届人大四次会议 / 政协子洲县第十届委员会第二次会议 / 十三届全国人大四次会议
_CONGRESS_IN = re.compile(
    # the place before the term, stopping at words (关于, 提出) but not at their characters
    # (马关县, 于都县)
    r"(?<!关)(?:政协|中国人民政治协商会议)?(?:(?!关于|提出)[^\s,，。;；:对第《》“”在的您你们是和及与]){0,12}?"
    r"第?[〇零一二两三四五六七八九十百0-9]{1,4}届(?:全国)?"
    r"(?:人大|人民代表大会|政协|委员会)?"
    # the session, after the committee's name if printed (政协第十届青神县委员会第三次会议); the
    # group is greedy, so the session is taken whenever it is there; 会 for a misprinted 会议
    r"(?:[^第,，。;；:《》“”]{0,16}?第?[〇零一二两三四五六七八九十百0-9]{1,3}次(?:全体)?会议?)?"
)
# 第55号建议 / 4398号建议 / 温36号《… / 第B(2022)327号
# (the printed number: a prefix of letters, or one character after 会议; serials like 2021-24)
_NUMBER = re.compile(
    r"(?P<printed>(?<=第)来信|(?:[A-Za-z]{1,4}|(?<=议)[^\x00-\x7f第届次号《“(])?"
    r"[0-9]{1,9}(?:[-.][0-9]{1,6})?)\s*号\s*(?:代表|委员)?\s*(?P<kind>建议|提案|议案)?"
)
_DIGITS = re.compile(r"[0-9]+")
# 《关于关注师生心理健康的建议》
_BOOK_TITLE = re.compile(r"《([^《》]{1,200})》")
# “关于加快推进茂名至吴川高速公路建设的建议”
_QUOTED = re.compile(r"[“\"]([^“”\"]{1,200})[”\"]")
# 您提出的关于进一步推进城乡居民养老服务体系建设的建议,现答复如下
# 关于“加强正阳街环境污染治理”问题的提案 / “…”的第56号建议  (quotes naming the item's topic)
_NAMED_ITEM = re.compile(
    r"\s{0,2}(?:等?问题)?的?\s{0,2}(?:第\s{0,2}[0-9]{1,9}\s{0,2}号)?(?:代表|委员)?(?:建议|提案|议案)"
)
_UNMARKED = re.compile(r"提出(?:的)?(关于[^,，。:;：；“”《》]{2,80}?(?:的建议|的提案|的议案))")

# what a congress's level ends with: its tier (县, 区…) or a place named by one
_TIERS = ("省", "市", "县", "区", "州", "盟", "旗", "镇", "乡", "街道", "自治区")

# the metadata keys that give the page's title
_PAGE_TITLES = ("标题", "名称")
_KIND_WORDS = {"建议": ItemKind.SUGGESTION, "议案": ItemKind.SUGGESTION, "提案": ItemKind.PROPOSAL}


def _item_title(text: str, *, topic: bool = False) -> str | None:
    """The item's own title in ``text``: in 《》, or in quotes when it reads as a title.

    With ``topic``, quotes that only name the item's topic count too (关于“加强治理”的提案).
    """
    folded = g.fold(text[: g.META_MAX * 4])
    for pattern in (_BOOK_TITLE, _QUOTED):
        for match in pattern.finditer(folded):
            inner = match[1].strip()
            if inner and (
                pattern is _BOOK_TITLE
                or inner.startswith("关于")
                or inner.endswith(("建议", "提案", "议案"))
                or (topic and _NAMED_ITEM.match(folded, match.end()))
            ):
                return text[match.start(1) : match.end(1)].strip()
    unmarked = None if topic else _UNMARKED.search(folded)
    return text[unmarked.start(1) : unmarked.end(1)] if unmarked is not None else None


def read_reference(
    header: Header, opening: str | None, addressees: Addressees, findings: list[Finding]
) -> tuple[ItemReference, ItemKind, ReplyRole]:
    """The item the letter answers, the item's kind and the letter's role."""
    title = g.squash(g.fold(header.title or ""))
    lead = g.squash(g.fold(opening or ""))[: g.META_MAX * 2]
    # the letter's title first, then its opening, then a page heading that reads as a title,
    # and last the title the page's metadata gives (标题: 关于对县政协十届二次会议第119号…)
    headings = [g.squash(g.fold(t)) for t in header.other_titles]
    page = {g.squash(g.fold(header.metadata[k])): k for k in _PAGE_TITLES if k in header.metadata}
    sources = (title, lead, *headings, *page)
    number: int | None = None
    printed_number: str | None = None
    number_from = congress_from = ""
    for source in sources:
        match = _NUMBER.search(source)
        if match is not None and (
            source is not lead or "第" in source[max(0, match.start() - 2) : match.start()]
        ):
            printed_number = match["printed"]
            digits = _DIGITS.findall(printed_number)
            number = int(digits[-1]) if digits and int(digits[-1]) > 0 else None
            if number is not None and printed_number == str(number):
                printed_number = None
            number_from = source
            break
    congress: Congress | None = None
    for source in sources:
        term = source.find("届")
        found = _CONGRESS_IN.search(source, max(0, term - 30)) if term >= 0 else None
        if found is not None and "届" in found[0]:
            try:
                congress = Congress.parse(found[0])
                level = congress.level
                if level and level != "全国" and not level.endswith(_TIERS):
                    # 答复十七届人大… / 官方网站 十六届人大…: words before the session, no place
                    congress = Congress.parse(found[0][found[0].index(level) + len(level) :])
            except GovReplyError:
                continue
            congress_from = source
            break
    for field, source in (("reference.number", number_from), ("reference.congress", congress_from)):
        if source in page and source not in (title, lead, *headings):
            message = f"{field} taken from the {page[source]} printed around the letter: {source!r}"
            findings.append(note("GT207", message, None, field))
    kind = _kind(title, lead, congress, addressees)
    role = ReplyRole.REPLY
    if re.search(r"会办|协办", title) or re.search(r"(?:会办|协办)意见", lead):
        role = ReplyRole.CO_HANDLING
    quoted = [text for text in (opening, header.title) if text]
    item_title = next(
        (
            named
            for topic in (False, True)
            for text in quoted
            if (named := _item_title(text, topic=topic)) is not None
        ),
        None,
    )
    reference = ItemReference(
        kind=kind,
        congress=congress,
        number=number,
        printed_number=printed_number,
        title=item_title,
    )
    return reference, kind, role


# 第55号建议 / 代表建议 / 委员提案 / 提案(第9号)  (the item named by its label: strong evidence)
_LABELLED_KIND = re.compile(
    r"号\s?(?:代表|委员)?\s?(建议|提案|议案)|(?:代表|委员)(建议|提案|议案)|(提案)\("
    r"|(建议|提案|议案)(?:答复|回复|办理)"
)
# 《…》 / “…”  (the item's own title, whose 建议 says nothing about the item's kind)
_QUOTED_TITLE = re.compile(r"《[^《》]{0,200}》|“[^“”]{0,200}”|\"[^\"]{0,200}\"")


def _kind(title: str, lead: str, congress: Congress | None, addressees: Addressees) -> ItemKind:
    """What the letter answers, from the best evidence there is.

    The congress (人大 or 政协) decides; then the item's label (第9号提案, 代表建议); then the
    addressee's role (委员 → proposal); then the first of 建议, 提案, 议案 outside the item's own
    title (many proposals are titled 关于…的建议, so a word inside 《》 or quotes does not count).
    """
    if congress is not None:
        return ItemKind.SUGGESTION if congress.body.value == "npc" else ItemKind.PROPOSAL
    bare = [_QUOTED_TITLE.sub("", source) for source in (title, lead)]
    for source in bare:
        label = _LABELLED_KIND.search(source)
        if label is not None:
            return _KIND_WORDS[next(word for word in label.groups() if word)]
    if addressees.role == "委员":
        return ItemKind.PROPOSAL
    if addressees.role == "代表":
        return ItemKind.SUGGESTION
    for source in bare:
        words = [(source.find(w), k) for w, k in _KIND_WORDS.items() if w in source]
        if words:
            return min(words, key=lambda wk: wk[0])[1]
    return ItemKind.SUGGESTION
