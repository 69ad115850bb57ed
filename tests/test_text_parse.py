"""Reading published letters: the seed, the shapes real letters take, repairs and errors."""

from __future__ import annotations

import datetime
import unicodedata

import pytest

from govreply.errors import TextParseError
from govreply.examples import seed_letter, seed_text
from govreply.formats import text
from govreply.model import DisclosureKind, ItemKind, ReplyRole, standard_title

HEAD = "张三代表：\n您提出的《关于修路的建议》收悉，现答复如下：\n"


def _codes(result: text.TextParseResult) -> list[str]:
    return [f.code for f in result.findings]


def _repairs(result: text.TextParseResult) -> list[str]:
    return [c for c in _codes(result) if c.startswith("GT1")]


def test_raw_seed_reads_as_the_seed_letter() -> None:
    """The published seed reads as the bundled example, exactly."""
    assert text.loads(seed_text()) == seed_letter()


def test_raw_seed_reports_its_three_repairs() -> None:
    """The title's layout space and the two page-break joins are reported, with their lines."""
    result = text.parse(seed_text())
    found = sorted((f.code, f.line) for f in result.findings)
    assert found == [("GT101", 33), ("GT102", 25), ("GT103", 9)]
    fragment = next(f for f in result.findings if f.code == "GT102")
    assert "区教育系统心" in fragment.message


def test_bytes_are_decoded_as_utf8_or_gb18030() -> None:
    """UTF-8 (with or without BOM) and GB 18030 bytes read the same."""
    raw = seed_text()
    for data in (raw.encode(), b"\xef\xbb\xbf" + raw.encode(), raw.encode("gb18030")):
        assert text.loads(data) == seed_letter()


def test_indentation_and_windows_line_ends_do_not_matter() -> None:
    """Indented lines and CRLF line ends read as the seed."""
    lines = [
        "\u3000\u3000" + line if "\t" not in line else line for line in seed_text().split("\n")
    ]
    assert text.loads("\r\n".join(lines)) == seed_letter()


def test_nfkc_copies_keep_the_structure() -> None:
    """A web copy with ASCII punctuation (NFKC) reads to the same parts."""
    letter = text.loads(unicodedata.normalize("NFKC", seed_text()))
    seed = seed_letter()
    assert letter.doc_number == seed.doc_number
    assert letter.classification == seed.classification
    assert letter.disclosure == seed.disclosure
    assert letter.addressees == seed.addressees
    assert [s.heading for s in letter.sections] == [s.heading for s in seed.sections]
    assert letter.reference.number == 55
    assert letter.reference.title == seed.reference.title
    assert letter.feedback_form is not None


@pytest.mark.parametrize(
    ("line", "code"),
    [
        ("(A1)", "A1"),
        ("类别：B", "B"),
        ("类 别:B", "B"),
        ("办理结果：（C）", "C"),
        ("赣区教议〔2024〕2号（B类）", "B"),
        ("湘交建议复〔2017〕98号    A类", "A"),
    ],
)
def test_classifications_in_the_header(line: str, code: str) -> None:
    """Classification codes are read in every printed form, alone or after a doc number."""
    letter = text.loads(f"关于第3号建议的答复\n{line}\n{HEAD}我局已办理。")
    assert letter.classification is not None
    assert letter.classification.code == code


def test_classification_at_the_end_of_the_letter() -> None:
    """办复类别：B类 after the closing is the classification."""
    letter = text.loads(HEAD + "我局已办理。\n感谢您的支持。\n办复类别：B类\n2023年5月5日")
    assert letter.classification is not None
    assert letter.classification.code == "B"
    assert letter.closing == "感谢您的支持。"


def test_header_parts_share_lines_and_come_in_any_order() -> None:
    """签发人, doc number, disclosure and title are found wherever they stand."""
    letter = text.loads(
        "关于对政协子洲县第十届委员会第二次会议第14号提案的复函\n签发人：马文忠\n"
        "子交函〔2023〕34号 同意公开\n崔银雷委员：\n"
        "现将您提出的关于修路的提案办理情况答复如下：\n已办。"
    )
    assert letter.signer == "马文忠"
    assert str(letter.doc_number) == "子交函〔2023〕34号"
    assert letter.disclosure is not None
    assert letter.disclosure.kind is DisclosureKind.CONSENT
    assert letter.kind is ItemKind.PROPOSAL
    assert letter.reference.number == 14
    assert letter.reference.congress is not None
    assert letter.reference.congress.term == 10


def test_a_title_broken_over_lines_and_spaced_is_joined() -> None:
    """A title printed over lines, with 答 复 spaced, reads as one title, reported."""
    result = text.parse(
        "高平市卫生健康和体育局\n关于对市七届人大五次会议第71号建议的\n答 复\n" + HEAD + "已办。"
    )
    assert result.letter.title == "关于对市七届人大五次会议第71号建议的答复"
    assert result.letter.issuer == "高平市卫生健康和体育局"
    assert {"GT103", "GT104"} <= set(_codes(result))


def test_a_missing_title_is_reported_never_invented() -> None:
    """Without a printed title the letter has none (GT202); standard_title() gives one on demand."""
    result = text.parse(
        "尊敬的王芳代表：\n您在区二届人大四次会议上提出的第7号建议收悉，现答复如下：\n已办。"
    )
    assert result.letter.title is None
    assert "GT202" in _codes(result)
    assert standard_title(result.letter.reference) == "关于区二届人大四次会议第7号建议答复的函"


@pytest.mark.parametrize(
    ("line", "names", "total", "role"),
    [
        ("马雪梅、黄春英、李珍等12名代表：", ("马雪梅", "黄春英", "李珍"), 12, "代表"),
        ("尊敬的王爱珍代表：", ("王爱珍",), None, "代表"),
        ("戴治委员您好：", ("戴治",), None, "委员"),
        ("马青、周丽等委员：", ("马青", "周丽"), None, "委员"),
        ("司长虹、杨胜利二位代表：", ("司长虹", "杨胜利"), 2, "代表"),
        ("省文化和旅游厅：", ("省文化和旅游厅",), None, None),
    ],
)
def test_addressee_lines(
    line: str, names: tuple[str, ...], total: int | None, role: str | None
) -> None:
    """Addressees with counts, honorifics, greetings, or an agency."""
    letter = text.loads(f"{line}\n您提出的建议收悉，现答复如下：\n已办。")
    assert letter.addressees.names == names
    assert (letter.addressees.total, letter.addressees.role) == (total, role)


def test_a_co_handling_opinion() -> None:
    """会办意见 to a lead department is a co-handling letter."""
    letter = text.loads(
        "湖南省自然资源厅对十三届全国人大四次会议4398号建议的会办意见\n省文化和旅游厅：\n"
        "按要求，现将《关于打造隐山的建议》的会办意见函告如下：\n已审批。"
    )
    assert letter.role is ReplyRole.CO_HANDLING
    assert letter.issuer == "湖南省自然资源厅"
    assert letter.reference.congress is not None
    assert letter.reference.congress.level == "全国"
    assert letter.reference.title == "关于打造隐山的建议"


def test_an_opening_sharing_a_line_with_the_body_is_split() -> None:
    """现答复如下：正文… is split into the opening and the first paragraph."""
    result = text.parse("李剑波代表：\n“关于修路的建议”收悉，现答复如下：我厅将推进。\n专此答复。")
    assert result.letter.opening == "“关于修路的建议”收悉，现答复如下："
    assert [p.text for p in result.letter.paragraphs] == ["我厅将推进。"]
    assert result.letter.closing == "专此答复。"
    assert "GT106" in _codes(result)


def test_sections_run_in_headings_and_numbered_paragraphs() -> None:
    """Heading lines open sections; 一、…。正文 is split; 1.…，… lines stay paragraphs."""
    result = text.parse(
        HEAD
        + "一、关于大门的建议。经研究暂无计划。\n二、下一步工作打算：\n"
        + "1.加强排查：全面排查，及时整改。\n2.完善设施：设置标志，保障安全。\n感谢您的关心。"
    )
    sections = result.letter.sections
    assert [s.heading for s in sections] == ["关于大门的建议", "下一步工作打算"]
    assert [p.text for p in sections[0].paragraphs] == ["经研究暂无计划。"]
    assert [p.text[:2] for p in sections[1].paragraphs] == ["1.", "2."]
    assert "GT107" in _codes(result)


def test_salutation_is_kept_apart_from_the_closing() -> None:
    """此致 敬礼 after the closing sentence is kept line by line; the closing is the sentence."""
    result = text.parse(
        HEAD
        + "已办。\n以上答复您是否满意，敬请反馈。\n此致\n敬礼\n"
        + "高平市卫生健康和体育局\n2023年6月29日"
    )
    assert result.letter.closing == "以上答复您是否满意，敬请反馈。"
    assert result.letter.signed_by == "高平市卫生健康和体育局"
    assert result.letter.salutation == ("此致", "敬礼")


@pytest.mark.parametrize(
    ("line", "date"),
    [
        ("2024年5月20日", datetime.date(2024, 5, 20)),
        ("二〇二四年五月二十日", datetime.date(2024, 5, 20)),
        ("二0一七年五月二十六日", datetime.date(2017, 5, 26)),
        ("2023618", datetime.date(2023, 6, 18)),
        ("20211026", datetime.date(2021, 10, 26)),
    ],
)
def test_dates(line: str, date: datetime.date) -> None:
    """Dates in Arabic or Chinese numerals, and damaged ones without separators."""
    assert text.loads(HEAD + f"已办。\n某某局\n{line}").date == date


@pytest.mark.parametrize(
    ("line", "name", "phone"),
    [
        ("联系人及电话：马国有 0797—4436219", "马国有", "0797—4436219"),
        ("(联系人及电话:王佳,020-83881538)", "王佳", "020-83881538"),
        ("联 系 人:张 雷 联系电话:56155520", "张雷", "56155520"),
        ("联系人:浙江省公路管理局计财处,戴京国", "戴京国", None),
        ("联系人：计财处 戴京国", "戴京国", None),
        ("承办人及联系电话:邓俊杰 0730-6231642", "邓俊杰", "0730-6231642"),
        ("联系单位电话:莒南县住房和城乡建设局0539—7312468", None, "0539—7312468"),
        ("(联系人:夏五洲)", "夏五洲", None),
        # a contact run together with another key, whose phone is not the contact's
        ("责任领导:杨宏辉承办人:阳斌", "阳斌", None),
        (
            "主管领导人姓名:杨建军 联系电话:84847155\n具体经办人姓名:赵霜 联系电话:84835851",
            "赵霜",
            "84835851",
        ),
        # a key damaged in the copy: what is left of it, or nothing but its colon
        ("联系电话:19855043022\n: 孟炜", "孟炜", "19855043022"),
        ("  人:黎翔\n联系电话:19859102861", "黎翔", "19859102861"),
    ],
)
def test_contact_lines(line: str, name: str | None, phone: str | None) -> None:
    """Contact lines of many shapes give a name and a phone."""
    contact = text.loads(HEAD + f"已办。\n{line}").contact
    assert contact is not None
    assert (contact.name, contact.phone) == (name, phone)


@pytest.mark.parametrize(
    ("line", "note", "kind"),
    [
        ("（此件公开发布）", "此件公开发布", DisclosureKind.PUBLIC),
        ("(此件主动公开)", "此件主动公开", DisclosureKind.PUBLIC),
        ("注:“主动公开”。", "主动公开", DisclosureKind.PUBLIC),
    ],
)
def test_disclosure_notes_in_the_sign_off(line: str, note: str, kind: DisclosureKind) -> None:
    """Disclosure notes after the date are read without their wrapping."""
    disclosure = text.loads(HEAD + f"已办。\n2024年5月20日\n{line}").disclosure
    assert disclosure is not None
    assert (disclosure.text, disclosure.kind) == (note, kind)


def test_attachments_cc_and_cc_to_superiors() -> None:
    """附件：/附： notes; 抄报 and 抄送 lines as clean organ names, the final 。 in cc_stop."""
    letter = text.loads(HEAD + "已办。\n附：办理情况表\n抄报：市督查局 市政协提案委。")
    assert [(a.label, a.title) for a in letter.attachments] == [("附", "办理情况表")]
    assert (letter.cc, letter.cc_superiors, letter.cc_stop) == (
        (),
        ("市督查局", "市政协提案委"),
        True,
    )
    letter = text.loads(HEAD + "已办。\n抄报：市政府\n抄送：县政府办、县政协提案委")
    assert (letter.cc, letter.cc_superiors, letter.cc_stop) == (
        ("县政府办", "县政协提案委"),
        ("市政府",),
        False,
    )


def test_empty_attachment_widget_is_ignored_and_reported() -> None:
    """An empty 附件: (a web-page widget) is not an attachment."""
    result = text.parse(HEAD + "已办。\n2024年7月15日\n附件:")
    assert result.letter.attachments == ()
    assert "GT304" in _codes(result)


def test_web_debris_and_html_comments_are_dropped_and_reported() -> None:
    """Metadata lines and HTML comments around the letter are reported, not kept."""
    result = text.parse(
        "- 索引号: tssrmzfbgs/2025-00360\n发布时间:2023-07-21 来源:交通局\n"
        "关于第3号建议的答复\n" + HEAD + "已办。\n2018年6月4日\n<!--EndFragment-->"
    )
    assert result.letter.title == "关于第3号建议的答复"
    assert result.letter.date == datetime.date(2018, 6, 4)
    assert {"GT105", "GT206"} <= set(_codes(result))
    assert result.metadata == {
        "索引号": "tssrmzfbgs/2025-00360",
        "发布时间": "2023-07-21",
        "来源": "交通局",
    }


def test_html_comments_are_reported_at_their_lines() -> None:
    """Each removed comment is reported at the line it starts on, multi-line ones included."""
    result = text.parse("<!--a\nb-->\n" + HEAD + "<!--c-->已办。\n\n<!--d-->\n")
    lines = [f.line for f in result.findings if f.code == "GT105"]
    assert lines == [1, 5, 7]
    assert result.letter.sections == ()
    assert [p.text for p in result.letter.paragraphs] == ["已办。"]


def test_a_letter_flattened_onto_one_line_is_split() -> None:
    """A web copy with the whole letter on one line is split at its spaces."""
    result = text.parse(
        "关于第3号建议的答复 张凤娥等代表: 你们提出的建议收悉,现答复如下: "
        "已办。 感谢支持。 2018年7月30日 |"
    )
    letter = result.letter
    assert letter.addressees.names == ("张凤娥",)
    assert [p.text for p in letter.paragraphs] == ["已办。"]
    assert letter.closing == "感谢支持。"
    assert letter.date == datetime.date(2018, 7, 30)
    assert "GT108" in _codes(result)


def test_page_break_mid_sentence_is_joined() -> None:
    """A paragraph stopping at a comma before a blank line continues after it."""
    result = text.parse(HEAD + "我们根据需求和建设紧迫性，\n\n首先将连接线纳入规划。")
    assert [p.text for p in result.letter.paragraphs] == [
        "我们根据需求和建设紧迫性，首先将连接线纳入规划。"
    ]
    assert _repairs(result) == ["GT101"]


def test_page_break_repeated_fragment_is_kept_once() -> None:
    """A fragment printed on both sides of the break is dropped once."""
    first = "今年春学期，我局联合江西理工大学合力组织开展2024年春学期全区教育系统心"
    result = text.parse(HEAD + first + "\n\n区教育系统心理健康教育能力提升活动。")
    assert [p.text for p in result.letter.paragraphs] == [first + "理健康教育能力提升活动。"]
    assert _repairs(result) == ["GT102"]


def test_short_overlaps_are_not_treated_as_repeats() -> None:
    """A two-character overlap (的工 / 工作) is ordinary text: joined, nothing dropped."""
    first = "今年春学期，我局联合江西理工大学合力组织开展2024年春学期全区教育系统的工"
    result = text.parse(HEAD + first + "\n\n工作，活动涵盖经典案例。")
    assert [p.text for p in result.letter.paragraphs] == [first + "工作，活动涵盖经典案例。"]


def test_unpunctuated_paragraph_before_a_heading_is_not_a_break() -> None:
    """A paragraph ending without 。 followed by a labelled heading stays separate."""
    result = text.parse(
        HEAD + "我局高度重视并开展了大量工作具体情况如下\n\n一、加强领导\n\n已成立专班。"
    )
    assert [p.text for p in result.letter.paragraphs] == [
        "我局高度重视并开展了大量工作具体情况如下"
    ]
    assert [s.heading for s in result.letter.sections] == ["加强领导"]
    assert "GT101" not in _codes(result)


def test_short_unpunctuated_line_after_a_blank_is_a_heading_not_a_continuation() -> None:
    """A short line without punctuation after a long unfinished line is not joined to it."""
    long_line = "我局高度重视并开展了大量工作具体情况和下一步的工作打算如下所列"
    result = text.parse(HEAD + long_line + "\n\n加强领导\n\n已成立专班。")
    assert len(result.letter.paragraphs) == 3


def test_not_a_letter_is_an_error_with_a_caret() -> None:
    """Text with no addressee line and no opening is rejected at its first line."""
    with pytest.raises(TextParseError) as info:
        text.loads("会议纪要\n今天讨论了三个问题。")
    error = info.value
    assert (error.line, error.column) == (1, 1)
    assert str(error).splitlines()[-1].strip().startswith("^")


def test_an_opening_without_addressee_is_an_error_at_the_opening() -> None:
    """An opening with no addressee line above it is reported at the opening."""
    with pytest.raises(TextParseError, match="not preceded by an addressee") as info:
        text.loads("关于第3号建议的答复\n您提出的建议收悉，现答复如下：\n已办。")
    assert info.value.line == 2


def test_a_letter_cut_off_mid_sentence_parses_with_an_error_finding() -> None:
    """A partial letter reads as far as it goes, and is reported as cut off."""
    result = text.parse(HEAD + "一、加强管理\n建立联防联控工作机制，组建“学校吹哨、")
    assert result.letter.sections[0].paragraphs[0].text.endswith("吹哨、")
    cut = [f for f in result.findings if f.code == "GT305"]
    assert cut
    assert cut[0].severity.value == "error"


def test_a_greeting_line_joins_the_opening() -> None:
    """您好！ on its own line after the addressee is part of the opening."""
    letter = text.loads(
        "戴治委员：\n您好！\n您提出的《关于修楼的提案》已收悉，现答复如下：\n已办。"
    )
    assert letter.opening == "您好！您提出的《关于修楼的提案》已收悉，现答复如下："
    assert [p.text for p in letter.paragraphs] == ["已办。"]


def test_a_letter_cut_off_after_the_addressee_is_reported() -> None:
    """A text that ends at the addressee line still reads, with a cut-off finding."""
    result = text.parse("关于第3号建议的答复\n张三代表：")
    assert result.letter.addressees.names == ("张三",)
    assert "GT305" in _codes(result)


def test_second_dates_and_signers_in_the_sign_off_are_reported() -> None:
    """A sign-off part printed twice keeps the first and reports the second."""
    result = text.parse(HEAD + "已办。\n签发人：甲\n签发人：乙\n2024年5月20日\n2024年5月21日")
    assert result.letter.signer == "甲"
    assert result.letter.date == datetime.date(2024, 5, 20)
    assert _codes(result).count("GT303") == 2


def test_an_unfilled_template_sign_off_is_no_body_text() -> None:
    """A template's blank sign-off (承办单位 / 公章 / 二0 年 月 日) is reported, not body text."""
    result = text.parse(HEAD + "已办。\n承办单位:\n(公章)\n承办负责人:\n(签字)\n二0 年 月 日")
    assert [p.text for p in result.letter.paragraphs] == ["已办。"]
    assert result.letter.date is None
    assert any(f.code == "GT310" and "二0 年 月 日" in f.message for f in result.findings)


def test_a_contact_line_cut_inside_its_bracket_is_cut_off() -> None:
    """A sign-off that stops inside a bracket it opened (联:(0355…) was cut off."""
    result = text.parse(HEAD + "已办。\n感谢您的关心。\n部门负责人:元海波\n联:(03556015222")
    assert "GT305" in [f.code for f in result.findings]


def test_a_record_header_gives_the_session_and_the_unlabelled_number_below_it() -> None:
    """A handling record's bare session line and the number under it fill the reference."""
    record = "淄川区第十九届人民代表大会第二次会议\n24\n建议人: 张三\n\n"
    result = text.parse(record + HEAD + "已办。\n感谢您的关心。\n\n某某局\n2024年5月6日")
    reference = result.letter.reference
    assert reference is not None
    assert reference.number == 24
    assert reference.congress is not None
    assert reference.congress.term == 19
    assert [f.location for f in result.findings if f.code == "GT207"] == [
        "reference.number",
        "reference.congress",
    ]


def test_a_record_table_with_a_header_row_reads_its_cells_below() -> None:
    """Cells under a header row pair up with its keys; a date cell finds the date column."""
    record = (
        "主办单位 会办 交办日期\n省交通运输厅;    2016-03-01\n"
        "承办单位 答复日期 答复内容\n交通厅\n2016年7月29日\n"
    )
    result = text.parse(record + HEAD + "已办。\n感谢您的关心。\n\n某某局\n2016年7月1日")
    assert result.metadata == {
        "主办单位": "省交通运输厅;",
        "交办日期": "2016-03-01",
        "承办单位": "交通厅",
        "答复日期": "2016年7月29日",
    }
    assert result.letter.date == datetime.date(2016, 7, 1)


@pytest.mark.parametrize(
    ("line", "cc"),
    [
        ("抄送：县政府办 县政协提案委", ("县政府办", "县政协提案委")),
        ("抄送：区人大代工委、某某(中国)网站 督查室", ("区人大代工委", "某某(中国)网站 督查室")),
    ],
)
def test_cc_entries_split_at_separators_or_else_at_spaces(line: str, cc: tuple[str, ...]) -> None:
    """Spaces separate cc entries only in a line printed without separators."""
    assert text.loads(HEAD + f"已办。\n某某局\n2024年5月6日\n{line}").cc == cc


def test_a_signature_with_a_bracket_inside_is_the_signing_organ() -> None:
    """An organ's name may hold a bracket: 国家税务总局某某市税务局(稽查局)."""
    letter = text.loads(HEAD + "已办。\n\n某某(中国)网站 教育局\n2024年5月6日")
    assert letter.signed_by == "某某(中国)网站 教育局"


def test_a_wish_for_more_advice_is_the_closing() -> None:
    """希望以后多提宝贵意见… closes a letter as 感谢… does."""
    letter = text.loads(
        HEAD + "已办。\n希望以后多提宝贵意见,以利我们改进工作。\n某某镇人民政府\n2023年9月15日"
    )
    assert letter.closing == "希望以后多提宝贵意见,以利我们改进工作。"
    assert [p.text for p in letter.paragraphs] == ["已办。"]


def test_a_salutation_split_over_two_lines_of_one_character() -> None:
    """致 / 礼 printed a character a line is the salutation."""
    letter = text.loads(HEAD + "已办。\n感谢您的关心。\n致\n礼\n某某局\n2022年9月9日")
    assert letter.salutation == ("致", "礼")


def test_a_table_row_of_bracketed_keys_and_a_list_of_keys_and_values() -> None:
    """[ 索引号 ] | value | [ 发文字号 ] | 2022-92 | rows, and • key / value lines, are metadata."""
    rows = (
        "[ 索引号 ] | 1150/2022-00028 | [ 发文字号 ] | 2022-92 |\n"
        "[ 体裁分类 ] | 人大建议办理 | [ 有效性 ] | |\n"
    )
    bullets = "  • 发布机构\n    县交通运输局\n  • 时效性\n    有效\n"
    result = text.parse(
        rows + bullets + "关于第3号建议的答复\n" + HEAD + "已办。\n某某局\n2022年5月25日"
    )
    assert result.metadata == {
        "索引号": "1150/2022-00028",
        "发文字号": "2022-92",
        "体裁分类": "人大建议办理",
        "发布机构": "县交通运输局",
        "时效性": "有效",
    }
    assert str(result.letter.doc_number) == "2022-92"  # filled from the page: year and serial
    assert result.letter.issuer == "县交通运输局"


def test_a_number_in_brackets_after_the_title_and_the_page_line_under_it() -> None:
    """对…的答复(桂建函〔2018〕331号): the number and its brackets leave the title.

    The page's time-stamped line below it does not join the title.
    """
    header = (
        "对自治区十三届人大一次会议第205号建议的答复(桂建函〔2018〕331号)\n\n"
        "2018-06-27 09:51:22 来源:某某网 收藏\n"
    )
    result = text.parse(header + HEAD + "已办。\n某某厅\n2018年6月1日")
    assert result.letter.title == "对自治区十三届人大一次会议第205号建议的答复"
    assert str(result.letter.doc_number) == "桂建函〔2018〕331号"
    assert any(f.code == "GT201" and "09:51:22" in f.message for f in result.findings)


def test_a_place_holding_the_character_of_a_stop_word_is_read() -> None:
    """马关县 holds 关 (as in 关于): the session is still read from the title."""
    title = "马关县农业农村和科学技术局关于政协马关县第十届委员会第四次会议第22号提案的答复函\n"
    reference = text.loads(title + HEAD + "已办。\n某某局\n2020年11月3日").reference
    assert reference is not None
    assert reference.congress is not None
    congress = reference.congress
    assert (congress.level, congress.term, congress.session) == ("马关县", 10, 4)


def test_the_page_title_in_the_metadata_gives_the_reference_as_an_inferred_field() -> None:
    """A letter printed without a title takes its item's number and session from 标题:."""
    page = "标题:关于对县政协十届二次会议第119号提案的答复 | |\n"
    result = text.parse(
        page + "尊敬的张宏飞委员:\n您提出的提案收悉,现答复如下:\n已办。\n某某局\n2022年9月9日"
    )
    reference = result.letter.reference
    assert reference is not None
    assert reference.number == 119
    assert reference.congress is not None
    assert reference.congress.term == 10
    assert reference.title is None  # the page's 标题 is the reply's title, not the item's
    inferred = [f.location for f in result.findings if f.code == "GT207"]
    assert inferred == ["reference.number", "reference.congress"]
    assert result.review.needed


def test_a_date_cut_before_its_day_is_cut_off() -> None:
    """A text that stops in its date (2018年7月3, no 日) was cut off."""
    result = text.parse(HEAD + "已办。\n感谢您的关心。\n某某办公室\n2018年7月3")
    assert "GT305" in _codes(result)


def test_a_date_and_the_contact_after_it_on_one_line() -> None:
    """2024年5月6日 承办单位联系人…:王岩158… is the date, then the contact."""
    letter = text.loads(HEAD + "已办。\n2024年5月6日 承办单位联系人姓名及电话:王岩15804350857")
    assert letter.date == datetime.date(2024, 5, 6)
    assert letter.contact is not None
    assert (letter.contact.name, letter.contact.phone) == ("王岩", "15804350857")


def test_a_lone_date_cell_under_a_header_row_is_the_date_column() -> None:
    """主办单位 会办 交办日期 with only the date filled below: the date goes to 交办日期."""
    record = "主办单位 会办 交办日期\n    2011-05-19\n"
    result = text.parse(record + HEAD + "已办。\n某某局\n2011年9月20日")
    assert result.metadata == {"交办日期": "2011-05-19"}


def test_a_second_organ_line_above_the_title_is_reported() -> None:
    """Two organ lines above the title: the first is the issuer, the second a finding."""
    header = "兴庆区住房和城乡建设局\n兴庆区住房和城乡建设局\n关于第16号建议的答复\n"
    result = text.parse(header + HEAD + "已办。\n某某局\n2019年7月26日")
    assert result.letter.issuer == "兴庆区住房和城乡建设局"
    assert any(f.code == "GT201" and "second organ line" in f.message for f in result.findings)
