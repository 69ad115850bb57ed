"""Exchange profile: a reply letter in the Chinese element vocabulary of OA exchange payloads.

Government OA systems exchange official documents as XML payloads whose elements are Chinese
words: ``<电子公文>`` holding ``<发文机关 办理类别="主办">``, then ``<公文体>`` with ``<眉首>``
(发文字号…), ``<主体>`` (标题, 主送机关, 正文, 公文生效标识, 成文日期, 附注, 关联收文 — the
incoming document answered) and ``<版记>`` (``<抄送机关 抄送类型="抄报">``). That vocabulary
belongs to the GB/T 19667 family (基于XML的电子公文格式规范). :func:`dumps` writes a
:class:`~govreply.model.ReplyLetter` in it and :func:`loads` reads it back, losslessly::

    <电子公文 公文种类="函" 事项类型="建议" 交换格式="govreply.exchange" 格式版本="1">
      <发文机关 办理类别="主办">赣州市赣县区教育科技体育局</发文机关>
      <公文体>
        <眉首><发文字号><发文机关代字>赣区教议</发文机关代字><发文年号>2024</发文年号>…
        <主体><标题>关于区二届人大四次会议第55号建议答复的函</标题><发文号>赣区教议〔2024〕2号</发文号>
          <关联收文 事项类型="建议"><会议>…</会议><编号>55</编号>…</关联收文>
          <主送机关><名称>马雪梅</名称>…<人数>12</人数><身份>代表</身份></主送机关>
          <正文><开头>…</开头><层次><小标题>…</小标题><段落>…</段落></层次>…</正文>…
        <版记><抄送机关 抄送类型="抄送">区人大选任联工委</抄送机关>…

**What this is, honestly.** The profile follows that vocabulary as it appears in public
integration code of OA systems. We could not read the GB/T 19667 standards themselves, so this
is not an implementation of them, and a payload valid against the profile's schema
(:func:`govreply.schemas.exchange_schema`) claims no conformance to any standard. Where the
vocabulary has no element for a part of the letter (its classification, disclosure note,
opening, numbered sections, contact line, feedback form…), the profile adds its own Chinese
elements; the field-by-field mapping, with which names are whose, is on the documentation page
*Exchange profile*. Two differences from payloads seen in the wild: ``<正文>`` holds the text
as elements rather than an encoded file (版式文件), and ``<关联收文>`` describes the item
answered (kind, congress, number, title) rather than an exchange platform's document ID.

``<发文号>`` repeats the document number as printed (``str(doc_number)``) for receivers that
read only that; :func:`loads` checks that it agrees with ``<发文字号>``.

:func:`loads` is hardened exactly as :func:`govreply.formats.xml.loads` (no DTD, no entities, no
network, size and depth limits, :class:`~govreply.formats.xml.XmlOptions`) and validates
against the profile's XSD, reporting every violation with its line and element path::

    >>> from govreply.examples import seed_letter
    >>> payload = dumps(seed_letter())
    >>> loads(payload) == seed_letter()
    True
    >>> try:
    ...     loads(payload.replace('办理类别="主办"', '办理类别="会办"'))
    ... except XmlParseError as exc:
    ...     print(exc.problems[0].path)
    /电子公文/发文机关
"""

from __future__ import annotations

from lxml import etree

from govreply.errors import Problem, XmlParseError  # noqa: F401  # the docstring example catches it
from govreply.formats import _xmlsafe as safe
from govreply.formats._xmlsafe import DEFAULT_OPTIONS, XmlOptions
from govreply.formats.exchange import _names as n
from govreply.formats.exchange._read import element_path, read
from govreply.formats.exchange._write import build
from govreply.model import ReplyLetter
from govreply.schemas import exchange_schema

__all__ = ["PROFILE", "VERSION", "dumps", "loads"]

#: The value of the root's ``交换格式`` attribute.
PROFILE = n.PROFILE_NAME
#: The value of the root's ``格式版本`` attribute.
VERSION = n.VERSION

_SCHEMA: etree.XMLSchema | None = None
_PARSER = safe.hardened_parser()


def _schema() -> etree.XMLSchema:
    global _SCHEMA  # compiled on first use: most programs never read a payload
    if _SCHEMA is None:
        _SCHEMA = etree.XMLSchema(etree.fromstring(exchange_schema().encode("utf-8"), _PARSER))
    return _SCHEMA


def dumps(letter: ReplyLetter, /, *, indent: int | None = None) -> str:
    """Write ``letter`` as an exchange payload (a ``str``, without XML declaration).

    >>> from govreply.examples import seed_letter
    >>> print(dumps(seed_letter(), indent=1).splitlines()[1])
     <发文机关 办理类别="主办">赣州市赣县区教育科技体育局</发文机关>

    Args:
        letter: the letter.
        indent: spaces per nesting level; ``None`` (the default) writes one line. Text is
            never indented.

    Raises:
        ValidationError: a text holds a character XML 1.0 cannot carry; ``field`` names it.
    """
    root = build(letter)
    if indent is not None:
        etree.indent(root, space=" " * indent)
    return etree.tostring(root, encoding="unicode")


def loads(data: str | bytes, /, *, options: XmlOptions = DEFAULT_OPTIONS) -> ReplyLetter:
    """Read a letter from an untrusted exchange payload.

    Args:
        data: the payload; ``bytes`` in the encoding its declaration names (UTF-8 without
            one), ``str`` as the text it is.
        options: size and depth limits.

    Raises:
        XmlParseError: the payload is too large or too deep, has a DOCTYPE or an entity
            reference, is not well-formed, is not valid against the profile's XSD, or breaks a
            model invariant; ``problems`` lists each with its line and element path.
    """
    root = safe.parse_untrusted(data, options)
    if root.tag != n.ROOT:
        tag = root.tag if isinstance(root.tag, str) else "?"
        safe.fail([Problem(f"/{tag}", f"expected <{n.ROOT}> (no namespace)", safe.line(root))])
    safe.refuse_entities(root, element_path)
    safe.schema_problems(_schema(), root, element_path)
    return read(root)
