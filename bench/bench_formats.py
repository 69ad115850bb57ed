# ruff: noqa: RUF009  # xsdata declares fields through dataclasses.field() helpers
"""Benchmark govreply's JSON and XML formats against peers, in one process, on the seed letter.

JSON: ``loads(dumps(letter))`` against pydantic v2 (``model_validate_json(model_dump_json())``)
and msgspec (``decode(encode())``), each on an equivalent strict model written below with the
same invariants (non-blank text, positive integers, four-digit year, classification codes,
names without 、, a contact with a name or a phone, sections nested at most four levels).

XML: ``loads(dumps(letter))`` (XSD validation included) against xsdata on equivalent dataclasses
written below with xsdata's field metadata, rendering with ``XmlSerializer`` and parsing with
``XmlParser``, plus the same XSD validation on load.

Run ``python bench/bench_formats.py`` (``--repeat N`` for more runs). It prints the median time
per round trip of each library and the ratio peer / govreply (above 1.0: govreply is faster).
"""

from __future__ import annotations

import argparse
import dataclasses
import datetime
import json
import statistics
import sys
import timeit
from collections.abc import Callable
from typing import Annotated, Any, Literal

import msgspec
import pydantic
from lxml import etree

from govreply.examples import seed_letter
from govreply.formats import json as gjson
from govreply.formats import xml as gxml
from govreply.schemas import xml_schema

# ------------------------------------------------------------------------ pydantic v2 (strict)

# The same "has a non-space character" rule as the model's str.strip() check.
_NONBLANK = r"[^\t-\r\x1c- \x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]"
PText = Annotated[str, pydantic.StringConstraints(pattern=_NONBLANK)]
PName = Annotated[
    PText, pydantic.AfterValidator(lambda s: _raise("a name holds 、") if "、" in s else s)
]
PPositive = Annotated[int, pydantic.Field(ge=1)]
PRating = Literal["satisfied", "basically-satisfied", "dissatisfied"]
PKind = Literal["suggestion", "proposal"]


def _raise(message: str) -> Any:
    raise ValueError(message)


class PModel(pydantic.BaseModel):
    model_config = pydantic.ConfigDict(strict=True, extra="forbid", frozen=True)


class PDocumentNumber(PModel):
    agency_code: PText
    year: Annotated[int, pydantic.Field(ge=1000, le=9999)]
    serial: PPositive
    printed: PText | None = None


class PClassification(PModel):
    code: Annotated[str, pydantic.StringConstraints(pattern=r"^[A-D甲乙丙丁][1-9]?$")]


class PDisclosure(PModel):
    text: PText
    kind: Literal["public", "on-request", "not-public", "consent", "no-consent", "unknown"] = (
        "unknown"
    )


class PCongress(PModel):
    body: Literal["npc", "cppcc"]
    level: PText | None = None
    term: PPositive = 1
    session: PPositive | None = None


class PItemReference(PModel):
    kind: PKind
    congress: PCongress | None = None
    number: PPositive | None = None
    category: PText | None = None
    title: PText | None = None


class PAddressees(PModel):
    names: Annotated[tuple[PName, ...], pydantic.Field(min_length=1)]
    total: PPositive | None = None
    role: PText | None = None


class PParagraph(PModel):
    text: PText


class PSection(PModel):
    heading: PText
    paragraphs: tuple[PParagraph, ...] = ()
    subsections: tuple[PSection, ...] = ()

    @pydantic.model_validator(mode="after")
    def _depth(self) -> PSection:
        if _p_depth(self) > 4:
            raise ValueError("sections nest more than 4 levels")
        return self


def _p_depth(section: PSection) -> int:
    return 1 + max((_p_depth(s) for s in section.subsections), default=0)


class PAttachmentNote(PModel):
    title: PText
    label: PText = "附件"


class PContact(PModel):
    name: PText | None = None
    phone: PText | None = None

    @pydantic.model_validator(mode="after")
    def _one(self) -> PContact:
        if self.name is None and self.phone is None:
            raise ValueError("a contact needs a name or a phone")
        return self


class PFeedbackForm(PModel):
    title: PText
    deputies: PAddressees
    address: PText | None = None
    phone: PText | None = None
    item: PItemReference
    classification_options: tuple[PText, ...] = ()
    classification: PClassification | None = None
    handler: PText | None = None
    attitude: PRating | None = None
    result: PRating | None = None
    opinion: PText | None = None
    remarks: tuple[PText, ...] = ()


class PReplyLetter(PModel):
    kind: PKind
    role: Literal["reply", "co-handling"] = "reply"
    issuer: PText | None = None
    doc_number: PDocumentNumber | None = None
    signer: PText | None = None
    classification: PClassification | None = None
    disclosure: PDisclosure | None = None
    title: PText
    reference: PItemReference
    addressees: PAddressees
    opening: PText | None = None
    paragraphs: tuple[PParagraph, ...] = ()
    sections: tuple[PSection, ...] = ()
    closing: PText | None = None
    attachments: tuple[PAttachmentNote, ...] = ()
    signed_by: PText | None = None
    date: datetime.date | None = None
    notes: tuple[PText, ...] = ()
    contact: PContact | None = None
    cc: tuple[PText, ...] = ()
    feedback_form: PFeedbackForm | None = None


class PEnvelope(PModel):
    format: Literal["govreply.reply-letter"]
    version: Literal[1]
    letter: PReplyLetter


# ---------------------------------------------------------------------------- msgspec (strict)

MText = Annotated[str, msgspec.Meta(pattern=_NONBLANK)]
MPositive = Annotated[int, msgspec.Meta(ge=1)]
MRating = Literal["satisfied", "basically-satisfied", "dissatisfied"]


class MStruct(msgspec.Struct, forbid_unknown_fields=True, omit_defaults=True):
    pass


class MDocumentNumber(MStruct):
    agency_code: MText
    year: Annotated[int, msgspec.Meta(ge=1000, le=9999)]
    serial: MPositive
    printed: MText | None = None


class MClassification(MStruct):
    code: Annotated[str, msgspec.Meta(pattern=r"^[A-D甲乙丙丁][1-9]?$")]


class MDisclosure(MStruct):
    text: MText
    kind: Literal["public", "on-request", "not-public", "consent", "no-consent", "unknown"] = (
        "unknown"
    )


class MCongress(MStruct):
    body: Literal["npc", "cppcc"]
    level: MText | None = None
    term: MPositive = 1
    session: MPositive | None = None


class MItemReference(MStruct):
    kind: PKind
    congress: MCongress | None = None
    number: MPositive | None = None
    category: MText | None = None
    title: MText | None = None


class MAddressees(MStruct):
    names: Annotated[tuple[MText, ...], msgspec.Meta(min_length=1)]
    total: MPositive | None = None
    role: MText | None = None


class MParagraph(MStruct):
    text: MText


class MSection(MStruct):
    heading: MText
    paragraphs: tuple[MParagraph, ...] = ()
    subsections: tuple[MSection, ...] = ()


class MAttachmentNote(MStruct):
    title: MText
    label: MText = "附件"


class MContact(MStruct):
    name: MText | None = None
    phone: MText | None = None

    def __post_init__(self) -> None:
        if self.name is None and self.phone is None:
            raise ValueError("a contact needs a name or a phone")


class MFeedbackForm(MStruct):
    title: MText
    deputies: MAddressees
    item: MItemReference
    address: MText | None = None
    phone: MText | None = None
    classification_options: tuple[MText, ...] = ()
    classification: MClassification | None = None
    handler: MText | None = None
    attitude: MRating | None = None
    result: MRating | None = None
    opinion: MText | None = None
    remarks: tuple[MText, ...] = ()


class MReplyLetter(MStruct):
    kind: PKind
    title: MText
    reference: MItemReference
    addressees: MAddressees
    role: Literal["reply", "co-handling"] = "reply"
    issuer: MText | None = None
    doc_number: MDocumentNumber | None = None
    signer: MText | None = None
    classification: MClassification | None = None
    disclosure: MDisclosure | None = None
    opening: MText | None = None
    paragraphs: tuple[MParagraph, ...] = ()
    sections: tuple[MSection, ...] = ()
    closing: MText | None = None
    attachments: tuple[MAttachmentNote, ...] = ()
    signed_by: MText | None = None
    date: datetime.date | None = None
    notes: tuple[MText, ...] = ()
    contact: MContact | None = None
    cc: tuple[MText, ...] = ()
    feedback_form: MFeedbackForm | None = None

    def __post_init__(self) -> None:
        if any(_m_depth(s) > 4 for s in self.sections):
            raise ValueError("sections nest more than 4 levels")
        for name in self.addressees.names:
            if "、" in name:
                raise ValueError("a name holds 、")


def _m_depth(section: MSection) -> int:
    return 1 + max((_m_depth(s) for s in section.subsections), default=0)


class MEnvelope(MStruct):
    format: Literal["govreply.reply-letter"]
    version: Literal[1]
    letter: MReplyLetter


# ---------------------------------------------------------------------------------- xsdata
# The same document as xsdata dataclasses, written by hand with xsdata's field metadata (what
# ``xsdata generate`` makes of our XSD, minus its inner classes).

_NS = "urn:govreply:reply-letter:1"


def _el(name: str | None = None, *, required: bool = False, wrapper: str | None = None) -> Any:
    metadata: dict[str, Any] = {"type": "Element", "namespace": _NS}
    if name:
        metadata["name"] = name
    if required:
        metadata["required"] = True
    if wrapper:
        metadata["wrapper"] = wrapper
    return metadata


def _opt(name: str | None = None) -> Any:
    return dataclasses.field(default=None, metadata=_el(name))


def _req(name: str | None = None) -> Any:
    return dataclasses.field(metadata=_el(name, required=True))


def _many(wrapper: str, item: str) -> Any:
    return dataclasses.field(default_factory=list, metadata=_el(item, wrapper=wrapper))


@dataclasses.dataclass(kw_only=True)
class XDocumentNumber:
    agency_code: str = _req("agency-code")
    year: int = _req()
    serial: int = _req()
    printed: str | None = _opt()


@dataclasses.dataclass(kw_only=True)
class XClassification:
    code: str = _req()


@dataclasses.dataclass(kw_only=True)
class XDisclosure:
    text: str = _req()
    kind: str | None = _opt()


@dataclasses.dataclass(kw_only=True)
class XCongress:
    body: str = _req()
    level: str | None = _opt()
    term: int | None = _opt()
    session: int | None = _opt()


@dataclasses.dataclass(kw_only=True)
class XItemReference:
    kind: str = _req()
    congress: XCongress | None = _opt()
    number: int | None = _opt()
    category: str | None = _opt()
    title: str | None = _opt()


@dataclasses.dataclass(kw_only=True)
class XAddressees:
    names: list[str] = _many("names", "name")
    total: int | None = _opt()
    role: str | None = _opt()


@dataclasses.dataclass(kw_only=True)
class XParagraph:
    text: str = _req()


@dataclasses.dataclass(kw_only=True)
class XSection:
    heading: str = _req()
    paragraphs: list[XParagraph] = _many("paragraphs", "paragraph")
    subsections: list[XSection] = _many("subsections", "section")


@dataclasses.dataclass(kw_only=True)
class XAttachmentNote:
    title: str = _req()
    label: str | None = _opt()


@dataclasses.dataclass(kw_only=True)
class XContact:
    name: str | None = _opt()
    phone: str | None = _opt()


@dataclasses.dataclass(kw_only=True)
class XFeedbackForm:
    title: str = _req()
    deputies: XAddressees = _req()
    address: str | None = _opt()
    phone: str | None = _opt()
    item: XItemReference = _req()
    classification_options: list[str] = _many("classification-options", "option")
    classification: XClassification | None = _opt()
    handler: str | None = _opt()
    attitude: str | None = _opt()
    result: str | None = _opt()
    opinion: str | None = _opt()
    remarks: list[str] = _many("remarks", "remark")


@dataclasses.dataclass(kw_only=True)
class XReplyLetter:
    class Meta:
        name = "reply-letter"
        namespace = _NS

    version: str = dataclasses.field(default="1", metadata={"type": "Attribute"})
    kind: str = _req()
    role: str | None = _opt()
    issuer: str | None = _opt()
    doc_number: XDocumentNumber | None = _opt("doc-number")
    signer: str | None = _opt()
    classification: XClassification | None = _opt()
    disclosure: XDisclosure | None = _opt()
    title: str = _req()
    reference: XItemReference = _req()
    addressees: XAddressees = _req()
    opening: str | None = _opt()
    paragraphs: list[XParagraph] = _many("paragraphs", "paragraph")
    sections: list[XSection] = _many("sections", "section")
    closing: str | None = _opt()
    attachments: list[XAttachmentNote] = _many("attachments", "attachment")
    signed_by: str | None = _opt("signed-by")
    date: str | None = _opt()
    notes: list[str] = _many("notes", "note")
    contact: XContact | None = _opt()
    cc: list[str] = _many("cc", "recipient")
    feedback_form: XFeedbackForm | None = _opt("feedback-form")


def _xsdata_round_trip(xml_text: str) -> Callable[[], object]:
    from xsdata.formats.dataclass.parsers import XmlParser
    from xsdata.formats.dataclass.parsers.config import ParserConfig
    from xsdata.formats.dataclass.serializers import XmlSerializer

    parser = XmlParser(config=ParserConfig(fail_on_unknown_properties=True))
    serializer = XmlSerializer()
    schema = etree.XMLSchema(etree.fromstring(xml_schema().encode("utf-8")))
    hardened = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False)
    instance = parser.from_string(xml_text, XReplyLetter)

    def round_trip() -> object:
        data = serializer.render(instance).encode("utf-8")
        schema.assertValid(etree.fromstring(data, hardened))
        return parser.from_bytes(data, XReplyLetter)

    if round_trip() != instance or gxml.loads(serializer.render(instance)) != seed_letter():
        raise SystemExit("xsdata does not round-trip the seed letter")
    return round_trip


# ------------------------------------------------------------------------------------ timing


def _median_us(fn: Callable[[], object], repeat: int) -> float:
    timer = timeit.Timer(fn)
    number, _ = timer.autorange()
    runs = timer.repeat(repeat=repeat, number=number)
    return statistics.median(runs) / number * 1e6


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=7, help="timed runs per case (median)")
    args = parser.parse_args()

    letter = seed_letter()
    json_text = gjson.dumps(letter)
    pyd = PEnvelope.model_validate_json(json_text)
    msg = msgspec.json.decode(json_text, type=MEnvelope, strict=True)
    if gjson.loads(json_text) != letter:
        raise SystemExit("govreply JSON does not round-trip the seed letter")
    pyd_json = pyd.model_dump_json(exclude_none=True)
    if PEnvelope.model_validate_json(pyd_json) != pyd:
        raise SystemExit("pydantic does not round-trip the seed letter")

    cases: list[tuple[str, str, Callable[[], object]]] = [
        ("JSON", "govreply", lambda: gjson.loads(gjson.dumps(letter))),
        (
            "JSON",
            "pydantic v2",
            lambda: PEnvelope.model_validate_json(pyd.model_dump_json(exclude_none=True)),
        ),
        (
            "JSON",
            "msgspec",
            lambda: msgspec.json.decode(msgspec.json.encode(msg), type=MEnvelope, strict=True),
        ),
        ("XML", "govreply", lambda: gxml.loads(gxml.dumps(letter))),
    ]
    cases.append(("XML", "xsdata", _xsdata_round_trip(gxml.dumps(letter))))
    results = {(fmt, lib): _median_us(fn, args.repeat) for fmt, lib, fn in cases}

    print(
        f"round trip of the seed letter, median of {args.repeat} runs "
        f"(Python {sys.version.split()[0]}, pydantic {pydantic.VERSION}, "
        f"msgspec {msgspec.__version__})"
    )
    for fmt, lib in results:
        print(f"  {fmt:4} {lib:12} {results[fmt, lib]:9.1f} µs")
    document = json.loads(json_text)
    floor = _median_us(lambda: json.loads(json.dumps(document, ensure_ascii=False)), args.repeat)
    print(f"  (stdlib json.dumps + json.loads of the same document, no model: {floor:.1f} µs)")
    print("ratios (peer time / govreply time; above 1.0 means govreply is faster):")
    for fmt, lib in results:
        if lib != "govreply":
            ratio = results[fmt, lib] / results[fmt, "govreply"]
            print(f"  {fmt:4} vs {lib:12} {ratio:6.2f}x")


if __name__ == "__main__":
    main()
