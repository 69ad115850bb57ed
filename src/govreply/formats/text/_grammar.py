"""The line grammar of the plain-text layout: folding, named patterns and small readers.

Every pattern here is matched against a *folded* line (:func:`fold`): full-width ASCII
variants become ASCII and ideographic spaces become spaces, one character for one, so a span
found in the folded line is the same span in the line as printed. Every quantifier that can
run over user text is bounded, so no pattern backtracks catastrophically on hostile input.
"""

from __future__ import annotations

import functools
import re

from govreply.formats.text._metadata import KEYS

__all__ = [
    "AGENCY_SUFFIXES",
    "AGENCY_SUFFIXES_RE",
    "LAYOUT_RESERVED",
    "META_MAX",
    "fold",
    "squash",
]

#: Lines longer than this are body text: no header or sign-off part is ever this long.
META_MAX = 160

# Ｆ／，（ and the ideographic and no-break spaces: the characters fold() maps
_WIDE = re.compile("[\uff01-\uff5e\u3000\u00a0]")
_NARROW = {chr(c): chr(c - 0xFEE0) for c in range(0xFF01, 0xFF5F)} | {"\u3000": " ", "\u00a0": " "}


def _narrow(match: re.Match[str]) -> str:
    return _NARROW[match[0]]


# the full-width characters letters print most, replaced in bulk before the general pass
_COMMON = tuple((c, _NARROW[c]) for c in "，：（）；！？\u3000")


# Traditional characters of the layout's words and common in letters, each with its simplified
# form (pairs: 關关 對对 …; none whose first is also a simplified character in use, such as 著):
# mirror sites publish letters converted to traditional characters, and the grammar is written
# in simplified ones. One character for one, so lengths are kept.
_TRADITIONAL = (
    "並并亞亚來来係系倉仓個个們们備备傳传債债傷伤價价儀仪優优兒儿內内兩两冊册劃划劑剂務务勞劳"
    "勢势勵励匯汇區区協协厲厉參参員员問问啓启啟启喪丧單单嚴严圍围園园圖图團团報报場场墾垦壓压"
    "壞坏壩坝壯壮夠够夥伙奪夺奮奋婦妇孫孙學学實实寧宁審审寫写寬宽將将專专對对導导屆届層层屬属"
    "峯峰島岛峽峡嶺岭嶽岳巖岩幣币幫帮幹干廟庙廠厂廢废廣广廳厅張张強强彈弹後后徑径從从復复徵征"
    "悅悦惡恶惱恼愛爱態态慶庆憂忧應应懷怀戰战戲戏戶户掃扫掛挂採采揚扬換换損损擁拥擇择擊击擔担"
    "據据擬拟擴扩攝摄敗败敵敌數数斷断於于昇升時时晉晋暢畅曆历曉晓書书會会東东條条業业構构槍枪"
    "樂乐樓楼標标樣样樹树橋桥機机橫横檔档檢检欄栏權权歡欢歲岁歷历歸归殘残殺杀氣气況况溝沟滅灭"
    "滬沪滿满漁渔漢汉潔洁潛潜潤润澤泽濕湿濟济瀏浏灣湾災灾為为烏乌無无煙烟熱热燈灯營营爐炉爭争"
    "爺爷牆墙犧牺狀状獎奖獨独獲获現现環环產产畝亩畢毕畫画異异當当療疗發发盡尽監监盤盘眾众確确"
    "礎础禦御禮礼稅税種种稱称穩稳窮穷竊窃競竞筆笔節节範范築筑簡简簽签籌筹糧粮糾纠紀纪約约紅红"
    "紙纸級级細细終终組组結结經经綜综綠绿綫线維维網网緊紧線线編编緩缓練练縣县縮缩總总績绩織织"
    "繫系繼继續续罰罚義义習习聖圣聞闻聯联聲声職职聽听肅肃脅胁脫脱腦脑臺台與与興兴舉举艙舱華华"
    "萬万葉叶蓋盖蔣蒋藝艺藥药蘇苏蘭兰處处虛虚號号蟲虫蠶蚕衆众術术衛卫衝冲衞卫補补裝装製制複复"
    "覆复覈核見见規规視视親亲覺觉覽览觀观訂订計计訊讯討讨託托記记訪访設设許许訴诉診诊評评詞词"
    "詢询試试詩诗話话該该詳详誌志認认誤误說说誰谁課课調调談谈請请論论諮咨諸诸謀谋謂谓講讲謝谢"
    "證证識识譜谱譯译議议護护讀读變变讓让讚赞豐丰貝贝負负財财貢贡貧贫貨货販贩責责貯贮貴贵費费"
    "貼贴賀贺資资賓宾賞赏賣卖質质賴赖購购贈赠贊赞贛赣趕赶趙赵跡迹踐践車车軌轨軍军軟软較较載载"
    "輔辅輕轻輛辆輪轮輸输轉转辦办辭辞農农這这連连進进運运過过達达遠远適适遷迁選选遼辽還还邊边"
    "邏逻郵邮鄉乡鄰邻醫医釋释釐厘針针鈴铃銀银銷销鋪铺鋼钢錄录錢钱錦锦錯错鍵键鎖锁鎮镇鏈链鐘钟"
    "鐵铁鑑鉴長长門门閉闭開开閒闲間间閣阁閩闽閱阅闊阔闖闯關关陝陕陣阵陳陈陸陆陽阳隊队際际隨随"
    "險险隱隐隴陇雖虽雙双雜杂雞鸡離离難难雲云電电靈灵靜静韓韩響响頁页頂顶項项順顺須须預预頒颁"
    "頓顿頗颇領领頭头頻频題题額额顏颜類类顧顾顯显風风飛飞飯饭飲饮飽饱養养餘余館馆馬马驅驱驗验"
    "驚惊髒脏體体髮发鬥斗鬧闹魚鱼魯鲁鮮鲜鳥鸟鳳凤鴨鸭鵝鹅鹹咸鹽盐麗丽麥麦黃黄點点黨党齊齐齒齿"
    "齡龄龍龙"
)
_SIMPLIFIED = str.maketrans(_TRADITIONAL[0::2], _TRADITIONAL[1::2])
# a fast scan first: most text holds no traditional character, and translate() is slow
_HAS_TRADITIONAL = re.compile("[" + _TRADITIONAL[0::2] + "]")
# any character fold() changes
_FOLDED = re.compile("[\uff01-\uff5e\u3000\u00a0" + _TRADITIONAL[0::2] + "]")


@functools.lru_cache(maxsize=4096)  # a line is folded by several readers of the grammar
def fold(text: str) -> str:
    """Fold full-width ASCII, wide spaces and traditional characters, one character for one.

    Full-width ASCII variants become ASCII, ideographic and no-break spaces become spaces, and
    traditional characters become simplified ones, so a span of the folded text is the same
    span of the text as printed.

    >>> fold("类别：（Ａ１）"), fold("對縣十七屆人大四次會議")
    ('类别:(A1)', '对县十七届人大四次会议')
    """
    if text.isascii() or not _FOLDED.search(text):
        return text  # nothing to fold (the common case): one scan, no copy
    for wide, narrow in _COMMON:
        if wide in text:
            text = text.replace(wide, narrow)
    if _HAS_TRADITIONAL.search(text):
        text = text.translate(_SIMPLIFIED)
    return _WIDE.sub(_narrow, text) if _WIDE.search(text) else text


def squash(text: str) -> str:
    """Drop every whitespace character (``类 别`` -> ``类别``)."""
    return "".join(text.split())


NUMERAL = "〇零一二两三四五六七八九十百千万"
_NUM = f"[{NUMERAL}0-9]"

# Words whose last characters make a line read as an agency name (issuer, signature).
AGENCY_SUFFIXES = (
    "局", "厅", "委", "会", "院", "办", "室", "府", "部", "处", "组", "站", "所", "队",
    "中心", "公司", "集团", "馆", "署", "校", "社", "行", "庭",
)  # fmt: skip

# 县教育局 / 市政府办  (a name ending with an agency word)
AGENCY_SUFFIXES_RE = re.compile("(?:" + "|".join(AGENCY_SUFFIXES) + ")$")

# The layout's keywords (with the characters of every rule below, see LAYOUT_RESERVED).
_KEYWORDS = (
    "关于 对 答复 复函 回复 意见 的函 会办 协办 代表 委员 同志 尊敬 您好 你好 等 名 位 们 如下 收悉"
    " 感谢 谢谢 支持 关心 此致 敬礼 附件 附 抄送 抄报 联系 电话 签发 签字 类别 办理 结果 公开 届"
    " 会议 人大 政协 建议 提案 议案 号 第 年 月 日 是 否 注 备 来源 发布 索引 字 标题 作者 浏览"
    " 访问 打印 经办 承办 传真 邮编 领导 您 你 请 以上 专此 特此 复 函 谨 交 转 悉 甲 乙 丙 丁"
    " 顺 首"
)

# --- labels ----------------------------------------------------------------------------------

# 一、全力推进学校减负工作  (level 1)
LABEL_1 = re.compile(rf"[{NUMERAL}]{{1,4}}\s*、\s*")
# （一）持续深化  /  (二)  (level 2)
LABEL_2 = re.compile(rf"[(（]\s*[{NUMERAL}]{{1,4}}\s*[)）]\s*[、.]?\s*")
# 1.加强安全隐患排查 / 2、 / 3．  (level 3; not 1.5米)
LABEL_3 = re.compile(r"[0-9]{1,3}\s*(?:[.．、](?![0-9]))\s*")
# （1）建立档案 / (2)  (level 4)
LABEL_4 = re.compile(r"[(（]\s*[0-9]{1,3}\s*[)）]\s*[、.]?\s*")

_LABELS = ((1, LABEL_1), (2, LABEL_2), (3, LABEL_3), (4, LABEL_4))


def label_at(folded: str) -> tuple[int, int] | None:
    """``(level, end)`` of a section label opening ``folded``; ``None`` without one.

    >>> label_at("一、全力推进"), label_at("（一）措施"), label_at("1.5米"), label_at("一是")
    ((1, 2), (2, 3), None, None)
    """
    for level, pattern in _LABELS:
        match = pattern.match(folded)
        if match is not None and match.end() < len(folded):
            return level, match.end()
    return None


# --- header lines ----------------------------------------------------------------------------

# 赣区教议〔2024〕2号 / 潼民发【2024】275号 / 建议字:〔2023〕8号 / 湘教提复字〔2019〕来信号 /
# 清政建复〔2022〕号 / 建议字[2019]3  (the serial may be no number, or missing; 号 may be lost at
# the end of the number)
DOC_NUMBER = re.compile(
    r"(?<![第A-Za-z0-9])(?P<code>[^\s〔〕\[\]【】()（）:,，。;第]{1,16}?)\s{0,3}:?\s{0,3}"
    r"[〔\[【(（]\s{0,3}(?P<year>[0-9]{4})\s{0,3}[〕\]】)）]\s{0,3}第?\s{0,3}"
    r"(?:(?P<serial>[0-9]{1,7})\s{0,3}(?:号|(?=[\s(|]|$))|(?P<placeholder>[^\s0-9号(（]{1,3})?\s{0,3}号)"
)
# 〔2024〕  (the year of a document number: a cheap test before DOC_NUMBER)
DOC_YEAR = re.compile(r"[〔\[【(（]\s*[0-9]{4}\s*[〕\]】)）]")
# 签发人:马文忠 / 领导签发:刘民华
SIGNER = re.compile(
    r"(?:签发人|领导签发|领导签批|签批人|签发|签批)\s*[:]\s*(?P<name>[^\s:,;。]{1,8}(?:\s{1,3}[^\s:,;。]{1,4})?)"
)
# (A1) / 类别:B / 类 别:B / 办理结果:(C) / 办复类别:B类 / A类 / (B类)
CLASSIFICATION = re.compile(
    r"(?:^|(?<=[\s)号]))[\[(【]?\s*"
    r"(?:(?:办理|办复|答复)?(?:类别|类型|分类|结果)\s*:?\s*[(]?\s*)?"
    r"(?P<code>[A-D甲乙丙丁][1-9]?)\s*类?\s*[)\]】]?(?:类|件)?\s*$"
)
# 类 别:B  (an explicit label; the code may be misprinted)
CLASS_LABEL = re.compile(r"^(?:办理|办复|答复)?(?:类别|办理结果)\s*:")
# (同意对外公开) / (此件公开发布) / 是否同意公开:是 / 注:“主动公开”。
DISCLOSURE = re.compile(
    r"(?:同意|此件|本件|主动|申请|不予|免予|予以|全文|不|可|是否)[^,，。]{0,6}公开|公开(?:发布|属性)"
)
# 发布时间:2023-07-21 / - 索引号: / 来源: / 字号:[ 大 中 小 ] / 浏览次数:
META = re.compile(
    r"^[-•*·\s]*(?:索引号|组配分类|主题分类|发文机关|成文日期|发文字号|发布时间|发布日期|发布机构|"
    r"关键词|主题词|标题|来源|信息来源|作者|字号|字体|浏览次数|访问次数|阅读次数|点击数|点击量|"
    r"有效性|生效日期|文号|相关附件|打印|分享|收藏|关闭)"
)
# 2018-07-11 09:01  (a web-page time stamp)
TIMESTAMP = re.compile(r"[0-9]{4}[-/.][0-9]{1,2}[-/.][0-9]{1,2}")
# 关于区二届人大四次会议第55号建议答复的函 / 对华容县…第69号建议的回复
# (对 starts a title when a suggestion, a proposal or a congress session follows: 对…届人大…)
TITLE_START = re.compile(
    r"^(?:[^,，。:;]{0,30}?(?:关于|对(?=[^,，。]{0,40}(?:建议|提案|议案|届))))"
)
# …答复 / …复函 / …的函 / …会办意见 / …的答复(B)  (how a title ends)
TITLE_END = re.compile(
    r"(?:答复|答复函|复函|回复|的函|意见|会办意见|协办意见|答复意见)(?:\([^)]{0,6}\))?$"
)

# --- addressees ------------------------------------------------------------------------------

# 马雪梅、黄春英、李珍等12名代表: / 尊敬的王爱珍代表: / 戴治委员: / 省文化和旅游厅:
ADDRESSEE = re.compile(r"^(?P<body>[^:,，。;!?]{1,80}?)\s*(?:您好|你好)?\s*[:]$")
# …代表: / …委员们: / …同志您好: / 尊敬的…  (an addressee beyond doubt)
ADDRESSEE_ROLE = re.compile(r"(?:代表|委员|同志)们?(?:您好|你好)?$|^尊敬的")
# 附件: / 联系人: / 现答复如下:  (keys that end in a colon but are never addressees)
NOT_ADDRESSEE = re.compile(
    r"(?:附件|附|抄送|抄报|联系人|联系电话|联系单位|电话|签发人|签字|签发|备注|注|说明|主送|"
    r"领导签字|承办人|经办人|办理结果|类别|时间|日期|来源|如下|意见|情况)$"
)

# --- body and sign-off -----------------------------------------------------------------------

# 现答复如下: / 现将…函告如下,请一并答复代表: / 现答复如下。
OPENING_END = re.compile(r"如下[^,，。:;]{0,12}?[:。]")
# 您提出的…收悉 / 你们在…提出 / …转交我局办理  (the words of an opening)
OPENING_WORDS = re.compile(r"收悉|如下|您提出|你们提出|您在|你们在|您所提|转交我|交由我|交我")
# 感谢您对教育工作的关心和支持。 / 希望以后多提宝贵意见,以利我们改进工作。
CLOSING = re.compile(r"感谢|谢谢|以上答复|专此|特此|谨此|此复|宝贵意见")
# 此致 / 敬礼 / 此致敬礼 / 顺致 身体健康,工作顺利! / 致 礼 (a line each)
SALUTATION = re.compile(
    r"^(?:此致|敬礼|此致\s*敬礼|顺致|顺颂|身体健康|工作顺利|万事如意)(?:[^。]{0,30})$|^[致礼]!?$"
)
# 2024年5月20日 / 二〇二四年五月二十日 / 二0一七年五月二十六日
DATE_LINE = re.compile(
    rf"^(?P<date>(?:{_NUM}|[oO○О]){{2,4}}\s*年\s*{_NUM}{{1,3}}\s*月\s*{_NUM}{{1,4}}\s*日)$"
)
# 附件:区人大代表建议办理情况征询意见表 / 附:… / 附件:1. …
ATTACHMENT = re.compile(r"^(?P<label>附件|附)\s*[0-9]{0,2}\s*[:]\s*(?P<rest>.*)$")
# 2. 现场照片  (the next note of a numbered attachment list)
ATTACHMENT_ITEM = re.compile(r"^(?P<n>[0-9]{1,2})\s*[.、]\s*(?=\S)")
# 抄送:区人大选任联工委、区政府督查室 / 抄 报: / 抄送单位:
CC = re.compile(r"^(?:抄\s*(?:送|报)|报)(?:单位|机关)?\s*:\s*(?P<rest>.*)$")
# 区人大选任联工委、区政府督查室 / 县政府办 县政协提案委  (between two cc entries: the
# separators, or spaces in a line printed without any)
CC_SPLIT = re.compile(r"\s*[、,，;；]\s*")
CC_SPACES = re.compile(r"\s+")
# 联系人及电话:马国有 0797—4436219 / 联系人:胡晓炜 / 经办人及联系电话:… / 电话:… / (联系人:夏五洲)
CONTACT = re.compile(
    r"^(?:(?:联系|经办|承办|办理)(?!负责人)[^:]{0,12}|电话|手机)\s*:"
    r"|^(?:联系人|经办人|承办人)(?![及和与])(?=[^\x00-\x7f:]{2,4}(?:\s|电话|联系电话|手机|$))"
)
# 联 系 人:张 雷 联系电话:56155520  (each key of a contact line, spaces between its characters)
CONTACT_FIELD = re.compile(
    # 联系人张三 电话…  (no colon: the key, then a name of two to four characters)
    r"(?P<bare>联系人|经办人|承办人)(?![及和与])(?=[^\x00-\x7f:]{2,4}(?:\s|电话|联系电话|手机|$))"
    r"|(?P<key>(?:联\s{0,3}系|经\s{0,3}办|承\s{0,3}办|办\s{0,3}理)(?:\s{0,3}[^:\s,;()]){0,12}?"
    r"|电\s{0,3}话|手\s{0,3}机)\s{0,3}:\s{0,3}"
)
# 0797—4436219 / 020-83881538 / 13855402597 / 8788586
PHONE = re.compile(
    r"(?<![0-9])(?:[0-9]{3,4}\s{0,2}[-—–－─‐‑‒―]\s{0,2})?[0-9]{7,8}(?![0-9])"
    r"|(?<![0-9])1[0-9]{10}(?![0-9])"
)
# 传真: / 邮编: / 承办负责人: / 领导签字:  (sign-off lines that carry nothing the model keeps)
TAIL_META = re.compile(
    r"^(?:传真|邮编|邮政编码|承办负责人|领导签字|签字|通讯地址|地址|单位负责人|分管领导|主管领导|"
    r"负责人|相关附件|联系地址|电子邮箱|邮箱|审核|核稿|校对|打印|印数)\s*:"
)
# 主管领导:周金辉 / 审核人:王某  (any short "key: value" line in the sign-off)
TAIL_PAIR = re.compile(r"^[^\s:,;。]{1,8}\s{0,3}:\s{0,3}\S")
# 桃矿街道党政办 2024年8月14日印发  (the printing line of an old-style 版记)
PRINTED = re.compile(r"(?:[0-9]{4}|[〇零一二三四五六七八九]{4})\s*年[^。]{0,12}印发$")
#: Sentence-final characters: a paragraph ending with one of these is not cut by a page break.
TERMINAL = frozenset("。！？；：!?;:…”’」』）)】》>")


def _grammar_characters() -> frozenset[str]:
    """Every CJK character a rule of this grammar (or a metadata key) matches on."""
    patterns = [value.pattern for value in globals().values() if isinstance(value, re.Pattern)]
    text = "".join(patterns) + "".join(KEYS) + "".join(_KEYWORDS.split()) + "".join(AGENCY_SUFFIXES)
    simplified = {c for c in text if "\u3400" <= c <= "\u9fff"}
    # fold() reads a traditional character as its simplified form: reserve both
    pairs = zip(_TRADITIONAL[0::2], _TRADITIONAL[1::2], strict=True)
    traditional = {t for t, s in pairs if s in simplified}
    return frozenset(simplified | traditional)


# Characters that a layout keyword starts or ends with, that labels and numbers use, or that any
# rule of the grammar matches on. Text made of other characters can never be mistaken for a part
# of the layout (see text.py).
LAYOUT_RESERVED = frozenset(NUMERAL + "〔〕《》〈〉“”‘’") | _grammar_characters()
