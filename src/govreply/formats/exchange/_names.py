"""The element and attribute names of the exchange profile, and the words of its values.

Names from the OA exchange vocabulary (电子公文, 公文体, 眉首, 主体, 版记, 发文机关 with 办理类别,
发文字号, 发文号, 标题, 主送机关, 正文, 附件, 公文生效标识, 发文机关署名, 签发人署名, 成文日期,
附注, 关联收文, 抄送机关 with 抄送类型) are used as that vocabulary uses them; the others are this
profile's own, for what it has no element for. The mapping table is in the module docs.
"""

from __future__ import annotations

from govreply.model import ItemKind, ReplyRole

__all__ = ["HANDLING_WORDS", "ROOT", "root_attributes"]

ROOT = "电子公文"
DOC_TYPE = "公文种类"
DOC_TYPE_LETTER = "函"
ITEM_KIND = "事项类型"
PROFILE = "交换格式"
PROFILE_NAME = "govreply.exchange"
PROFILE_VERSION = "格式版本"
VERSION = "1"

ISSUER = "发文机关"
HANDLING = "办理类别"
HANDLING_WORDS = {ReplyRole.REPLY: "主办", ReplyRole.CO_HANDLING: "协办"}

BODY_ROOT = "公文体"
HEAD = "眉首"
MAIN = "主体"
TAIL = "版记"

DOC_NUMBER = "发文字号"
AGENCY_CODE = "发文机关代字"
YEAR = "发文年号"
SERIAL = "发文序号"
PRINTED = "原文"
DOC_NUMBER_TEXT = "发文号"
CLASSIFICATION = "答复类别"
DISCLOSURE = "公开属性"
DISCLOSURE_KIND = "类型"

TITLE = "标题"
INCOMING = "关联收文"
CONGRESS = "会议"
BODY = "机构"
LEVEL = "层级"
TERM = "届次"
SESSION = "会次"
NUMBER = "编号"
PRINTED_NUMBER = "原编号"
CATEGORY = "类别"

ADDRESSEES = "主送机关"
NAME = "名称"
TOTAL = "人数"
ROLE = "身份"
ET_AL = "等"
UNIT = "所在单位"

TEXT = "正文"
OPENING = "开头"
PARAGRAPH = "段落"
SECTION = "层次"
HEADING = "小标题"
CLOSING = "结尾"
SALUTATION = "致敬语"

ATTACHMENT_NOTES = "附件说明"
ATTACHMENT = "附件名称"
ATTACHMENT_LABEL = "标注"
SIGNATURE = "公文生效标识"
SIGNED_BY = "发文机关署名"
SIGNER = "签发人署名"
DATE = "成文日期"
NOTE = "附注"
CONTACT = "联系方式"
CONTACT_NAME = "联系人"
PHONE = "联系电话"
CONTACT_UNIT = "联系单位"

ATTACHED = "附件"
FORM = "征询意见表"
FORM_DEPUTIES = "代表委员"
FORM_ADDRESS = "通讯地址"
FORM_ITEM = "事项"
FORM_OPTIONS = "类别选项"
FORM_OPTION = "选项"
FORM_HANDLER = "承办单位"
FORM_ATTITUDE = "办理态度"
FORM_RESULT = "办理结果"
FORM_OPINION = "意见"
FORM_REMARK = "备注"

CC = "抄送机关"
CC_KIND = "抄送类型"
CC_SUPERIORS = "抄报"
CC_COPIES = "抄送"
CC_STOP = "抄送句号"

# Repeated elements, numbered in element paths (/电子公文/公文体/主体/正文/段落[3]).
ITEMS = frozenset(
    {NAME, PARAGRAPH, SECTION, SALUTATION, ATTACHMENT, NOTE, FORM_OPTION, FORM_REMARK, CC}
)


def root_attributes(kind: ItemKind) -> dict[str, str]:
    """The attributes of the root element of a letter answering a ``kind`` item."""
    return {
        DOC_TYPE: DOC_TYPE_LETTER,
        ITEM_KIND: kind.chinese,
        PROFILE: PROFILE_NAME,
        PROFILE_VERSION: VERSION,
    }
