"""Read a published reply letter: find its parts line by line, then build the model.

The parser works in zones. The feedback form (a tab-separated table) is cut off first. The
addressee line (…代表： / 尊敬的…委员： / an agency and a colon) splits the rest: the lines
above it are the header (issuer, document number, 签发人, classification, disclosure note,
title, and web-page debris), the lines below it the body and, read backwards from the end,
the sign-off (closing formulas, attachment notes, signature, date, notes, 抄送, contact).
"""

from __future__ import annotations

import re

from govreply.errors import GovReplyError, TextParseError
from govreply.formats.text import _grammar as g
from govreply.formats.text import _metadata as metadata
from govreply.formats.text._body import Entry, build_body, join_page_breaks, note
from govreply.formats.text._evidence import refusal
from govreply.formats.text._fill import fill
from govreply.formats.text._form import find_form, parse_form
from govreply.formats.text._header import read_header, read_reference
from govreply.formats.text._tail import read_tail, split_signatures, tail_start
from govreply.model import (
    Addressees,
    Contact,
    Finding,
    ReplyLetter,
    Severity,
)

__all__ = ["parse_text"]

_DECODINGS = ("utf-8-sig", "gb18030")


def _decode(data: str | bytes) -> str:
    if isinstance(data, str):
        return data.removeprefix("\ufeff")
    for encoding in _DECODINGS:
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise TextParseError("input is neither UTF-8 nor GB 18030 text", line=1)


def _strip_comments(text: str, findings: list[Finding]) -> str:
    """Remove ``<!-- … -->`` comments (web-copy debris), keeping the line numbering."""
    out: list[str] = []
    pos = 0
    line = 1  # counted as we go: recounting from the start is quadratic in the comments
    while True:
        start = text.find("<!--", pos)
        if start < 0:
            break
        end = text.find("-->", start + 4)
        if end < 0:
            break
        out.append(text[pos:start])
        comment = text[start : end + 3]
        out.append("\n" * comment.count("\n"))
        line += text.count("\n", pos, start)
        findings.append(note("GT105", f"HTML comment {comment!r} removed", line))
        line += comment.count("\n")
        pos = end + 3
    out.append(text[pos:])
    return "".join(out)


# fold() without its cache: every line is folded once here, and caching a whole document's lines
# would keep them alive
_fold_line = g.fold.__wrapped__


def _entries(lines: list[str], offset: int) -> list[Entry]:
    """The non-blank lines, stripped, with the folded start of each."""
    entries: list[Entry] = []
    blank = False
    for i, raw in enumerate(lines):
        text = raw.strip()
        if "|" in text:
            text = text.strip(" |\t\u3000")  # the borders of a web page's table around a line
        if not text:
            blank = True
            continue
        # only a line's start is matched against the grammar (its end is read from ``text``);
        # fold() returns its argument when it changes nothing, so most lines share one string
        entries.append(Entry(text, _fold_line(text[: 2 * g.META_MAX]), i + offset, blank))
        blank = False
    return entries


# a space before CJK text, or a table border:  …如下: 首先感谢… | / 2018年7月30日 签发人:褚新
_FLAT_SPACE = re.compile(r"\s*\|[\s|]*|\s+")
# 签发人: / 抄送: / 联系人 / 2018年7月30日  (what starts a part of its own after a space)
_PART_START = re.compile(
    r"签发|抄\s?送|抄\s?报|联\s?系|附件|经\s?办|承\s?办|领导|类别|办复|[0-9]{4}\s?年"
)
# the characters a part ends with: sentence punctuation, 号 of a number, 日 of a date, brackets
_PART_END = frozenset("号日)）】") | g.TERMINAL
# …工作。 二、下一步计划 / 答复如下: 已办。  (a flattened letter: sentences run on after a space)
_RUN_ON = re.compile(r"[。！？!?:：]\s+[^\x00-\x7f]")


def _flat_pieces(text: str) -> list[str]:
    """The parts of a line holding a flattened letter, split at the spaces between parts.

    A space splits where the text before it ends a part (。 ： 号 日 …), where a table border
    stands, where a part's keyword follows (签发人, 抄送, 联系人, a date), or after a short
    labelled heading (一、工作现状). Other spaces are layout inside a part (a title printed
    ``南宫市交通运输局 对…的答复``) and stay.
    """
    pieces: list[str] = []
    start = 0
    for space in _FLAT_SPACE.finditer(text):
        before, after = text[start : space.start()], text[space.end() : space.end() + 12]
        if not before.strip() or not after:
            continue
        # only the part's last character and a short heading are looked at, so a long run
        # without a split costs no rescan of all that came before (fold is one for one)
        last = g.fold(before[-1])
        heading = (
            len(before) <= 30
            and g.label_at(g.fold(before)) is not None
            and not any(c in g.TERMINAL or c in ",，" for c in before)
        )
        if (
            "|" in space.group()
            or last in _PART_END
            or (last.isdigit() and not after.isascii() and after[0] not in "年月日")
            or _PART_START.match(g.fold(after))
            or (heading and not after.isascii())
        ):
            pieces.append(before)
            start = space.end()
    pieces.append(text[start:])
    return [piece.strip(" |") for piece in pieces if piece.strip(" |")]


def _unflatten(entries: list[Entry]) -> list[Entry]:
    """Split lines that hold a whole flattened letter (web copies) into its parts."""
    out: list[Entry] = []
    for entry in entries:
        if metadata.is_metadata(entry.folded):
            out.append(entry)  # a metadata table row is read key by key
            continue
        for piece in _flat_pieces(entry.text):
            out.append(Entry(piece, g.fold(piece[: 2 * g.META_MAX]), entry.line, True))
    return out


# 王立超  委员 / 尊敬的李四代表您好  (an addressee line without its colon: a role must end it)
_BARE_ADDRESSEE = re.compile(
    r"^(?:尊敬的)?[^:,，。;!?《》“”\s][^:,，。;!?《》“”]{0,60}?(?:代表|委员|同志)们?(?:您好|你好)?[!]?$"
)
# 张三代表:您提出的… / 虞交建[2019]18号 陈江芬代表: 您在…  (the addressee and the opening on one
# line, perhaps after header text and a space)
_INLINE_ADDRESSEE = re.compile(
    r"(?:^|(?<=\s))(?P<addressee>(?:尊敬的)?[^:,，。;!?《》“”\s|]{1,60}?\s{0,4}"
    r"(?:代表|委员|同志)们?(?:您好|你好)?\s{0,4}:)\s{0,4}(?=\S)"
)


def _find_addressee(entries: list[Entry]) -> tuple[int, tuple[int, int] | None] | None:
    """Where the addressee is: ``(index, span)``; ``span`` is set when it shares its line.

    A line ``…：`` (no longer than a header line) is an addressee when it ends with a role
    (代表, 委员), starts with 尊敬的, or — a name or an agency — is followed by an opening. A line
    with a role and no colon counts when an opening follows; ``张三代表：您提出的…`` (and
    ``虞交建[2019]18号 陈江芬代表: 您在…``) is split.
    """
    weak: int | None = None

    def opens(i: int) -> bool:
        """Whether an opening (您提出的…收悉 / 您好！) follows entry ``i``."""
        nxt = entries[i + 1].folded[: g.META_MAX] if i + 1 < len(entries) else ""
        return bool(g.OPENING_WORDS.search(nxt) or _GREETING.match(nxt))

    for i, entry in enumerate(entries):
        folded = entry.folded
        if g.META.match(folded):
            continue
        short = len(folded) <= g.META_MAX
        if not folded.endswith(":") or not short:
            if short and _BARE_ADDRESSEE.match(g.squash(folded)) and opens(i):
                return i, None
            inline = _INLINE_ADDRESSEE.search(folded)
            if (
                inline is not None
                and not g.NOT_ADDRESSEE.search(inline["addressee"][:-1])
                and g.OPENING_WORDS.search(folded, inline.end())
            ):
                return i, (inline.start(), inline.end())
            continue
        match = g.ADDRESSEE.match(folded)
        if match is None:
            continue
        body = g.squash(match["body"])
        if g.NOT_ADDRESSEE.search(body) or g.label_at(folded) or g.TITLE_END.search(body):
            continue
        if g.CC.match(folded) or g.ATTACHMENT.match(folded) or g.CONTACT.match(body):
            continue
        if g.ADDRESSEE_ROLE.search(body):
            return i, None
        # an agency or a name without a role counts only when an opening follows it
        if weak is None and opens(i):
            weak = i
    return (weak, None) if weak is not None else None


def _split_addressee(
    entries: list[Entry], at: int, span: tuple[int, int], findings: list[Finding]
) -> int:
    """Split ``entries[at]`` around its addressee (``span``), in place; the addressee's index."""
    entry = entries[at]
    start, end = span
    before, addressee = entry.text[:start].strip(), entry.text[start:end].strip()
    rest = entry.text[end:].strip()
    message = "the addressee and the opening printed on one line were split"
    findings.append(note("GT109", message, entry.line))
    pieces = [Entry(before, g.fold(before), entry.line, entry.blank_before)] if before else []
    pieces.append(Entry(addressee, g.fold(addressee), entry.line, not before))
    following = [Entry(rest, g.fold(rest[: 2 * g.META_MAX]), entry.line, False)]
    if before or len(_RUN_ON.findall(rest[: 4 * g.META_MAX])) >= 2:
        # header, addressee and body on one line, or sentences run on after spaces: a whole
        # letter flattened (web copies)
        following = _unflatten(following)
        pieces = _unflatten(pieces[:-1]) + pieces[-1:]
        findings.append(note("GT108", "a letter flattened onto one line was split", entry.line))
    entries[at : at + 1] = pieces + following
    return at + len(pieces) - 1


def _no_letter(entries: list[Entry]) -> TextParseError:
    if not entries:
        return TextParseError("empty input: no reply letter", line=1)
    first = next((e for e in entries if g.OPENING_WORDS.search(e.folded)), entries[0])
    what = (
        "the opening is not preceded by an addressee line (e.g. 马雪梅、李珍等12名代表：)"
        if first is not entries[0] or g.OPENING_WORDS.search(first.folded)
        else "not a reply letter: no addressee line (e.g. 马雪梅、李珍等12名代表：) found"
    )
    return TextParseError(
        what, line=first.line, column=1, source_line=first.text[:80], span=min(len(first.text), 20)
    )


# 您好！ / 你们好!  (a greeting printed on its own line before the opening)
_GREETING = re.compile(r"^(?:您|你们|你)好[!。,]?$")


def _opening(entries: list[Entry], findings: list[Finding]) -> tuple[str | None, list[Entry]]:
    if not entries or g.label_at(entries[0].folded) is not None:
        return None, entries
    first = entries[0]
    if _GREETING.match(first.folded) and len(entries) > 1:
        second = entries[1]
        if g.OPENING_WORDS.search(second.folded):
            text = first.text + second.text
            first = Entry(text, first.folded + second.folded, first.line, first.blank_before)
            entries = [first, *entries[2:]]
    if not g.OPENING_WORDS.search(first.folded[: g.META_MAX * 2]):
        return None, entries
    end = g.OPENING_END.search(first.folded[: g.META_MAX * 2])
    if end is not None and end.end() < len(first.text):
        rest = first.text[end.end() :].strip()
        if rest:
            findings.append(
                note("GT106", "opening and first paragraph printed on one line; split", first.line)
            )
            tail = Entry(rest, g.fold(rest), first.line, blank_before=False)
            return first.text[: end.end()], [tail, *entries[1:]]
    return first.text, entries[1:]


# 此复函已经区交通局局长王涛审签 / 已经张玉林主任审签  (the official who approved the letter)
_APPROVED = re.compile(
    r"已经(?P<who>[^,，。;；:：]{2,30}?)(?:同志)?(?:审签|签发|审核签发|审定签发)"
)
_OFFICIAL = re.compile(
    r"(?:副?(?:局长|主任|县长|区长|市长|镇长|乡长|厅长|部长|处长|科长|主席|书记|秘书长|院长|所长|站长))"
)


def _approved_by(texts: list[str]) -> str | None:
    """The name of the official a sentence says approved the letter (此复函已经…审签)."""
    for text in texts:
        if "已经" not in text:
            continue
        found = _APPROVED.search(g.fold(text))
        if found is None:
            continue
        who = text[found.start("who") : found.end("who")]
        titles = list(_OFFICIAL.finditer(g.fold(who)))
        if not titles:
            return who if len(who) <= 4 else None
        last = titles[-1]
        name = who[last.end() :] if last.end() < len(who) else who[: last.start()][-3:]
        name = g.squash(name)
        return name if 2 <= len(name) <= 4 else None
    return None


def parse_text(data: str | bytes) -> tuple[ReplyLetter, tuple[Finding, ...], dict[str, str]]:
    """Parse ``data`` into a letter and the findings made while reading it."""
    findings: list[Finding] = []
    lines = _strip_comments(_decode(data), findings).splitlines()
    form_at = find_form(lines)
    entries = _entries(lines if form_at is None else lines[:form_at], 1)
    # only the entries are read from here on (and the form's lines): let the rest go
    form_lines = lines[form_at:] if form_at is not None else []
    del lines
    found = _find_addressee(entries)
    if found is None:
        flat = _unflatten(entries)
        found = _find_addressee(flat)
        if found is None:
            raise _no_letter(entries)
        message = "paragraphs flattened onto one line were split at their spaces"
        findings.append(note("GT108", message, flat[found[0]].line))
        entries = flat
    at, span = found
    if span is not None:
        at = _split_addressee(entries, at, span, findings)
    try:
        return _assemble(entries, at, form_lines, form_at, findings)
    except GovReplyError as exc:
        if isinstance(exc, TextParseError):
            raise
        entry = entries[at]
        raise TextParseError(
            f"the parts read do not make a valid letter: {exc}",
            line=entry.line,
            column=1,
            source_line=entry.text[:80],
            span=min(len(entry.text), 20),
        ) from exc


def _assemble(
    entries: list[Entry],
    at: int,
    form_lines: list[str],
    form_at: int | None,
    findings: list[Finding],
) -> tuple[ReplyLetter, tuple[Finding, ...], dict[str, str]]:
    header = read_header(entries[:at], findings)
    addressee = entries[at]
    addressees = Addressees.parse(addressee.text)
    rest = entries[at + 1 :]
    rest = split_signatures(rest)
    start, kinds = tail_start(rest)
    body, sign_off = rest[:start], rest[start:]
    opening, body = _opening(body, findings)
    after = "".join(e.text for e in rest[:3])
    reason = refusal(header.title, opening, after, addressees)
    if reason is not None:
        raise TextParseError(
            f"not a reply letter: {reason}",
            line=addressee.line,
            column=1,
            source_line=addressee.text[:80],
            span=min(len(addressee.text), 20),
        )
    closing: str | None = None
    if (
        body
        and g.CLOSING.search(body[-1].folded)
        and g.label_at(body[-1].folded) is None
        and not body[-1].text.startswith("首先")
    ):
        closing = body.pop().text
    tail = read_tail(sign_off, kinds, header, findings)
    if header.signer is None:
        texts = [e.text for e in body[-4:]] + [closing or ""] + [e.text for e in sign_off]
        header.signer = _approved_by(texts)
    body = join_page_breaks(body, findings)
    paragraphs, sections = build_body(body, findings)
    form = None
    if form_at is not None:
        form, leftover = parse_form(form_lines, form_at + 1, findings)
        for entry in _entries(leftover, form_at + 1):
            findings.append(
                note("GT403", f"line {entry.text!r} after the form ignored", entry.line)
            )
    reference, kind, role = read_reference(header, opening, addressees, findings)
    title = header.title
    if title is None:
        findings.append(
            note("GT202", "no title printed above the addressee", addressee.line, "title")
        )
    last = (body or [addressee])[-1]
    if not sign_off and (closing is None or closing[-1] not in g.TERMINAL):
        # no closing formula and no sign-off, or a closing that stops mid-sentence: a letter
        # always ends with one or the other, so the text was most likely cut off
        message = "the text ends without a closing or a sign-off (or mid-sentence): cut off?"
        findings.append(note("GT305", message, last.line, severity=Severity.ERROR))
    elif sign_off and (
        (kinds[-1] is None and not g.ATTACHMENT_ITEM.match(sign_off[-1].folded))
        # 联:(03556015222  (a key-and-value line that opens a bracket after its key and stops)
        or (kinds[-1] == "pair" and _open_after_key(sign_off[-1].folded))
        # 2018年7月3  (the text stops inside the date: its 日, perhaps a digit, is cut)
        or (kinds[-1] == "date" and _DATE_WITHOUT_DAY.search(sign_off[-1].folded) is not None)
    ):
        end = sign_off[-1]
        message = f"the text ends with a fragment {end.text!r} after the sign-off: cut off?"
        findings.append(note("GT305", message, end.line, severity=Severity.ERROR))
    contact = None
    if tail.name is not None or tail.phone is not None or tail.unit is not None:
        contact = Contact(tail.name, tail.phone, unit=tail.unit)
    letter = ReplyLetter(
        kind=kind,
        role=role,
        issuer=header.issuer,
        doc_number=header.doc_number,
        signer=header.signer,
        classification=header.classification,
        disclosure=header.disclosure,
        title=title,
        reference=reference,
        addressees=addressees,
        opening=opening,
        paragraphs=paragraphs,
        sections=sections,
        closing=closing,
        salutation=tuple(tail.salutation),
        attachments=tuple(tail.attachments),
        signed_by=tail.signed_by,
        date=tail.date,
        notes=tuple(tail.notes),
        contact=contact,
        cc=tail.cc,
        cc_superiors=tail.cc_superiors,
        cc_stop=tail.cc_stop or not (tail.cc or tail.cc_superiors),
        feedback_form=form,
    )
    if header.metadata:
        letter = fill(letter, header.metadata, entries[0].line, findings)
    return letter, tuple(findings), header.metadata


# 2018年7月3 / 2018年7月  (a date with its year and month printed, that stops before 日)
_DATE_WITHOUT_DAY = re.compile(r"年\s*[0-9]{1,2}\s*月\s*[0-9]{0,2}\s*$")


def _open_after_key(folded: str) -> bool:
    """Whether a ``key: value`` line's value opens a bracket it never closes."""
    value = folded.partition(":")[2]
    return value.count("(") > value.count(")")
