"""Benchmark reading case files and exchange payloads against schema validation alone.

A case file of the seed letter, a co-handling opinion, two assignments, feedback and a history
of ``--size`` events is read three ways, each timed as the median of ``--repeat`` runs:

- JSON: ``govreply.formats.json.loads_case`` (parse, check, build the model) against the peer
  ``jsonschema`` validating the same document against the published case-file JSON Schema
  (``json.loads`` + ``Draft202012Validator.validate``), which checks but builds nothing;
- XML: ``govreply.formats.xml.loads_case`` (hardened parse, XSD validation, build) against the
  peer lxml parsing the document and validating it against the case-file XSD, building nothing;
- exchange: ``govreply.formats.exchange.loads`` against ``govreply.formats.xml.loads`` on the
  same letter, and ``govreply.case.check_case`` on the case.

It prints each time and the ratio peer / govreply (above 1.0: govreply is faster). Run
``python bench/bench_case.py`` (``--size 500`` for a longer history).
"""

from __future__ import annotations

import argparse
import datetime
import json
import statistics
import sys
import timeit
from collections.abc import Callable

import attrs
import jsonschema
from lxml import etree

from govreply.case import (
    Assignment,
    CaseFile,
    Event,
    Feedback,
    HandlingType,
    State,
    UnitRole,
    check_case,
)
from govreply.examples import seed_letter
from govreply.formats import exchange
from govreply.formats import json as gjson
from govreply.formats import xml as gxml
from govreply.model import Addressees, Classification, Rating, ReplyRole
from govreply.schemas import case_json_schema, case_xml_schema, xml_schema

CST = datetime.timezone(datetime.timedelta(hours=8))
LEAD, CO = "赣州市赣县区教育科技体育局", "区财政局"


def sample_case(events: int) -> CaseFile:
    """A joint case with both letters, feedback and ``events`` history entries."""
    opinion = attrs.evolve(
        seed_letter(),
        role=ReplyRole.CO_HANDLING,
        issuer=CO,
        addressees=Addressees((LEAD,)),
        feedback_form=None,
        date=datetime.date(2024, 3, 25),
    )
    start = datetime.datetime(2024, 3, 1, 9, tzinfo=CST)
    history = [
        Event(at=start + datetime.timedelta(hours=i), actor="张伟", unit=LEAD, note=f"第{i}次沟通")
        for i in range(events)
    ]
    case = CaseFile.from_letter(
        attrs.evolve(seed_letter(), date=datetime.date(2024, 5, 20)),
        {"交办日期": "2024-03-01"},
        handling=HandlingType.JOINT,
        assignments=[
            Assignment(unit=LEAD, role=UnitRole.LEAD, assigned_on=datetime.date(2024, 3, 1)),
            Assignment(unit=CO, role=UnitRole.ASSISTING, assigned_on=datetime.date(2024, 3, 1)),
        ],
        approved_classification=Classification("A2"),
        feedback=[Feedback(respondent="马雪梅", work=Rating.SATISFIED, result=Rating.SATISFIED)],
        history=history,
    )
    case = attrs.evolve(case, letters=(*case.letters, opinion))
    return case.record(
        Event(at=start + datetime.timedelta(days=120), actor="x", state=State.CLOSED)
    )


def _median_us(fn: Callable[[], object], repeat: int, number: int | None = None) -> float:
    timer = timeit.Timer(fn)
    if number is None:
        number, _ = timer.autorange()
    return statistics.median(timer.repeat(repeat=repeat, number=number)) / number * 1e6


class _Resolver(etree.Resolver):
    def resolve(self, system_url: str, public_id: str, context: object) -> object:  # type: ignore[override]
        if system_url.endswith("reply-letter-2.xsd"):
            return self.resolve_string(xml_schema(), context)  # type: ignore[call-arg]
        return None


def _xsd() -> etree.XMLSchema:
    parser = etree.XMLParser(resolve_entities=False, no_network=True)
    parser.resolvers.add(_Resolver())
    root = etree.fromstring(case_xml_schema().encode("utf-8"), parser, base_url="case-file-1.xsd")
    return etree.XMLSchema(root)


def main(argv: list[str] | None = None) -> int:
    """Print the times and ratios; return 0 (1 if a document does not read back)."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", type=int, default=50, help="history events in the case file")
    parser.add_argument("--repeat", type=int, default=7, help="timed runs per measurement")
    parser.add_argument(
        "--number", type=int, help="calls per timed run (default: enough for about 0.2 s)"
    )
    parser.add_argument("--tiny", action="store_true", help="2 events, one call (test suite)")
    args = parser.parse_args(argv)
    if args.tiny:
        args.size, args.repeat, args.number = 2, 1, 1

    def median_us(fn: Callable[[], object]) -> float:
        return _median_us(fn, args.repeat, args.number)

    case = sample_case(args.size)
    as_json, as_xml = gjson.dumps_case(case), gxml.dumps_case(case)
    letter = case.letters[0]
    payload, letter_xml = exchange.dumps(letter), gxml.dumps(letter)
    if (gjson.loads_case(as_json), gxml.loads_case(as_xml)) != (case, case) or (
        exchange.loads(payload) != letter
    ):
        print("a document does not read back")
        return 1
    validator = jsonschema.Draft202012Validator(json.loads(case_json_schema()))
    xsd = _xsd()
    plain = etree.XMLParser(resolve_entities=False, no_network=True)
    raw_xml = as_xml.encode("utf-8")

    rows: list[tuple[str, str, float, float]] = [
        (
            "case JSON",
            "jsonschema",
            median_us(lambda: gjson.loads_case(as_json)),
            median_us(lambda: validator.validate(json.loads(as_json))),
        ),
        (
            "case XML",
            "lxml + XSD",
            median_us(lambda: gxml.loads_case(as_xml)),
            median_us(lambda: xsd.assertValid(etree.fromstring(raw_xml, plain))),
        ),
        (
            "exchange",
            "govreply XML",
            median_us(lambda: exchange.loads(payload)),
            median_us(lambda: gxml.loads(letter_xml)),
        ),
    ]
    print(
        f"reading a case file with {args.size} events, median of {args.repeat} runs "
        f"(Python {sys.version.split()[0]}, jsonschema {_version('jsonschema')}, "
        f"lxml {etree.__version__})"
    )
    for what, peer, ours, theirs in rows:
        print(
            f"  {what:10} govreply {ours:10.1f} µs   {peer:13} {theirs:10.1f} µs   "
            f"ratio {theirs / ours:5.2f}x"
        )
    checked = median_us(lambda: check_case(case))
    print(f"  check_case {checked:10.1f} µs ({len(check_case(case))} findings)")
    print("ratios: peer time / govreply time; above 1.0 means govreply is faster")
    return 0


def _version(name: str) -> str:
    from importlib.metadata import version

    return version(name)


if __name__ == "__main__":
    sys.exit(main())
