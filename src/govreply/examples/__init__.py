"""Bundled example letters.

The seed letter is a real, public reply of 赣州市赣县区教育科技体育局 (Ganzhou, Jiangxi) to
suggestion No. 55 of the 4th session of the 2nd 赣县区 people's congress, on the mental health of
students and teachers. :func:`seed_text` returns it as published (text copied out of the PDF);
:func:`seed_letter` returns the same letter built in Python, part by part.

Two page-break repairs are made in :func:`seed_letter`, both in the body:

1. Section 二: the PDF breaks ``…全区教育系统心`` / ``区教育系统心理健康教育…`` and
   repeats the fragment ``区教育系统心`` on both sides of the break; the paragraph is joined and the
   fragment kept once (``…全区教育系统心理健康教育能力提升活动…``).
2. Section 三: the PDF breaks the word 心理健康 as ``…中小学心理`` / ``健康成长档案…``; the
   paragraph is joined with nothing dropped.

Everything else is kept as printed, including the misprints that :func:`govreply.check`
reports (the attachment note's 附 for 附件, the 抄送 line without a final 。) and the spaces in
``达 10 人``. The title's layout space (``…四次会议 第55号…``) is not part of the title.
"""

from __future__ import annotations

from importlib import resources

from govreply.model import (
    Addressees,
    AttachmentNote,
    Classification,
    Congress,
    CongressBody,
    Contact,
    Disclosure,
    DisclosureKind,
    DocumentNumber,
    FeedbackForm,
    ItemKind,
    ItemReference,
    Paragraph,
    ReplyLetter,
    Section,
)

__all__ = ["SEED_NAME", "seed_letter", "seed_text"]

#: File name of the seed letter inside this package.
SEED_NAME = "ganxian-suggestion-55-reply.txt"

_ISSUER = "赣州市赣县区教育科技体育局"
_ITEM_TITLE = "关于关注师生心理健康的建议"
_DEPUTIES = Addressees(("马雪梅", "黄春英", "李珍"), total=12, role="代表")


def seed_text() -> str:
    """The seed letter exactly as published (UTF-8 text copied from the PDF).

    >>> seed_text().splitlines()[2]
    '赣州市赣县区教育科技体育局'
    """
    return resources.files(__name__).joinpath(SEED_NAME).read_text(encoding="utf-8")


def seed_letter() -> ReplyLetter:
    """The seed letter as a fully populated :class:`~govreply.model.ReplyLetter`.

    >>> letter = seed_letter()
    >>> str(letter.doc_number), letter.classification.code, len(letter.sections)
    ('赣区教议〔2024〕2号', 'A1', 3)
    """
    return ReplyLetter(
        kind=ItemKind.SUGGESTION,
        issuer=_ISSUER,
        doc_number=DocumentNumber("赣区教议", 2024, 2),
        classification=Classification("A1"),
        disclosure=Disclosure("同意对外公开", DisclosureKind.CONSENT),
        title="关于区二届人大四次会议第55号建议答复的函",
        reference=ItemReference(
            kind=ItemKind.SUGGESTION,
            congress=Congress(CongressBody.NPC, "区", 2, 4),
            number=55,
            title=_ITEM_TITLE,
        ),
        addressees=_DEPUTIES,
        opening="您提出的《关于关注师生心理健康的建议》（第55号建议）收悉，经认真研究办理，现答复如下：",
        sections=_SECTIONS,
        closing="感谢您对教育工作的关心和支持。",
        attachments=(AttachmentNote("区人大代表建议办理情况征询意见表", label="附"),),
        cc=("区人大选任联工委", "区政府督查室"),
        cc_stop=False,  # printed without the final 。 (GR430)
        contact=Contact("马国有", "0797—4436219"),
        feedback_form=FeedbackForm(
            title="区人大代表建议办理情况征询意见表",
            deputies=_DEPUTIES,
            address="赣县区南塘中学",
            phone="18707070780",
            item=ItemReference(
                kind=ItemKind.SUGGESTION, number=55, category="教科文卫类", title=_ITEM_TITLE
            ),
            classification_options=("A1", "A2", "A3", "B1", "B2", "C1", "C2"),
            classification=Classification("A1"),
            handler=_ISSUER,
            remarks=(
                "建议分类务必按要求和实际情况填写；",
                "每位代表均需签名，且必须代表本人签名。",
            ),
        ),
    )


_SECTIONS = (
    Section(
        "全力推进学校减负工作",
        (
            Paragraph(
                "我局严格贯彻落实区委、区政府《赣州市赣县区中小学和教师减负正面清单》要求，全"
                "力推进落实学校减负工作。一是要求各校（园）严格落实社会事务（活动）“进校园”"
                "审核制度，明确归口责任，规范审批流程，实现清单管理。"
            ),
            Paragraph(
                "坚持凡进必审、从严把关、精简整合原则，保证“进校园”社会事务（活动）数量只减"
                "不增。二是推动各校（园）、机关各股（室）严格落实《中共赣州市赣县区委教育工作"
                "领导小组秘书组转发〈关于进一步规范社会事务（活动）进校园切实减轻中小学教师负"
                "担的通知〉的通知》，将“进校园”社会事务（活动）纳入年度工作计划，与课堂教学"
                "、班团队会、课后服务、校园文化等有机融合，不给师生增加额外负担。三是督促学校"
                "和教师不得通过“家长群”等渠道向学生家长布置与教育教学无关的答题、接龙、点赞"
                "、投票等任务，不得随意反复采集、绑定学生及学生家长相关信息，有效减轻学生及家"
                "长的负担。"
            ),
        ),
    ),
    Section(
        "持续深化校政心理合作",
        (
            Paragraph(
                "区政府将学生心理健康工作作为与高校合作的重要内容，与江西理工大学签订了赣县区"
                "教育系统心理服务能力提升合作协议。以开展中小学心理健康指导、心理技能提升活动"
                "、心理知识宣讲活动、心理健康状况普查、心理咨询个案服务、心理素质拓展活动、心"
                "理危机干预服务、心理健康教育特色创建等工作为主要合作内容，充分利用高校专业资"
                "源，推动校政合作，提升全区学生心理健康工作水平。每年专项拨款服务费30万元，"
                "现已累计拨付两年服务费60万元。去年，开展了学生心理普查、心理健康教师及班主"
                "任心理健康技能培训等工作。今年春学期，联合江西理工大学合力组织开展2024年"
                "春学期全区教育系统心理健康教育能力提升活动，活动涵盖经典案例督导学习观摩、心"
                "理健康教育课观摩与指导、全区中小学校书记（含校长）及分管校长心理健康教育培训"
                "、班主任（含心理健康教师）专业技能培训、学生心理素质拓展活动、学生及家长心理"
                "知识宣讲活动等内容，进一步提升全区教师心理健康教育专业技能，做好全区学校心理"
                "健康教育工作，切实提高我区心理健康教育水平。"
            ),
        ),
    ),
    Section(
        "织密学生心理防护网",
        (
            Paragraph(
                "一是打造一支心理健康服务队。建立了以江西理工大学专家团队为主要力量的区中小学"
                "心理健康教育工作服务队，首批心理健康工作队成员达 10 人，采用“订单”模式"
                "，为全区学校教职工、学生提供心理健康咨询、心理调适、心理疏导等服务。目前，已"
                "为湖新中学、湖江中学、红金学校等开展服务。"
            ),
            Paragraph(
                "二是构建心理健康工作机制。落实定期筛查机制。组织全区四年级以上学生进行心理普"
                "查，并要求学校书记校长、心理健康老师、班主任要熟练掌握重点学生情况。丰富宣传"
                "教育机制。通过黑板报、手抄报、微信公众号、国旗下讲话、开展主题班会、举办心理"
                "情景剧大赛等形式开展丰富多样的心理健康教育活动。推广省、市、区心理健康服务热"
                "线，在学校显眼位置张贴，引导学生在需要心理疏导时，能主动前往心理咨询室咨询，"
                "敢于拨打心理服务热线，或通过写周记、日记等形式拓宽学生心理宣泄渠道。规范档案"
                "管理机制。印制了赣县区中小学心理健康成长档案，中、重度学生“一生一案”，要求"
                "学生在毕业或者转学时心理健康档案由转出学校将档案整理密封移交至区教科体局，后"
                "由区教科体局移交至接收学校。“档随人走”的工作模式，实现学生从小学、中学、高"
                "中的心理健康档案有交接，工作措施有衔接，成为学生心理健康的动态监测手段。针对"
                "留守、离异家庭孩子较多的情况，开展“暖心一句话”活动；针对亲子关系紧张的情况"
                "，开展“感恩教育一堂课”活动。针对学生学业压力大的情况，开展“系列多彩大课间"
                "”活动。提高学生心理健康水平，为学生阳光健康成长保驾护航。"
            ),
        ),
    ),
)
