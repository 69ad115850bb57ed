"""Benchmark govreply's JSON and XML round trips against peers, in one process, on real letters.

The peers' models are generated at run time from govreply's published schemas (see
``bench/peers.py``), so they follow the data contract:

- JSON: ``loads(dumps(letter))`` against pydantic v2 (``model_validate_json(model_dump_json())``
  on a strict model translated from the JSON Schema: no coercion, unknown keys forbidden, every
  pattern, bound and object rule of the schema) and msgspec (``decode(encode())`` on the same
  translation as ``Struct`` types). govreply keeps its own rules on top: repeated keys refused
  (pydantic and msgspec keep the last), every problem listed with its path.
- XML: ``loads(dumps(letter))`` (hardened parse, XSD validation, model) against the dataclasses
  ``xsdata generate`` writes for the XSD: ``XmlSerializer.render``, the same hardened lxml parse
  and XSD validation, then ``XmlParser`` over the validated tree.

Before timing, each peer must read govreply's documents and govreply the peer's, to the same
letter, and every peer must refuse the broken documents govreply refuses (a blank title, an
unknown key, a string for an integer…), so the models are equivalent.

Run ``python bench/bench_formats.py`` (``--repeat N`` for more runs; ``--tiny`` runs each case
once, for the test suite). It prints the median time per round trip, the ratio peer / govreply
(above 1.0: govreply is faster) and whether the targets hold: JSON at least 1.5x pydantic, XML at
least 8x xsdata.
"""

from __future__ import annotations

import argparse
import copy
import json
import statistics
import sys
import time
import timeit
from collections.abc import Callable
from typing import Any

import attrs
import msgspec
import pydantic
import xsdata
from lxml import etree
from peers import msgspec_type, pydantic_model, xsdata_module

from govreply.examples import seed_letter
from govreply.formats import json as gjson
from govreply.formats import xml as gxml
from govreply.model import ReplyLetter
from govreply.schemas import json_schema, xml_schema

#: The speed targets: peer time / govreply time at least this.
TARGETS = {("JSON", "pydantic v2"): 1.5, ("XML", "xsdata"): 8.0}

Case = Callable[[], object]


def letters() -> dict[str, ReplyLetter]:
    """The letters timed: the seed, and a long one (the seed's sections four times over)."""
    seed = seed_letter()
    return {"seed letter": seed, "long letter": attrs.evolve(seed, sections=seed.sections * 4)}


# ------------------------------------------------------------------------------- the peers


def _broken(document: dict[str, Any]) -> list[dict[str, Any]]:
    """Documents govreply refuses, each breaking one rule the peers must keep too."""
    changes: list[Callable[[dict[str, Any]], None]] = [
        lambda d: d["letter"].update(title=" "),
        lambda d: d["letter"].update(colour="red"),
        lambda d: d["letter"]["doc_number"].update(year="2024"),
        lambda d: d["letter"]["doc_number"].update(year=20240),
        lambda d: d["letter"]["addressees"].update(names=["马雪梅、黄春英"]),
        lambda d: d["letter"].update(cc=["区政府督查室。"]),
        lambda d: d["letter"].update(contact={}),
        lambda d: d["letter"].update(kind="建议"),
        lambda d: d["letter"]["classification"].update(code="E1"),
        lambda d: d["letter"].update(cc_stop=1),
    ]
    out = []
    for change in changes:
        broken = copy.deepcopy(document)
        change(broken)
        out.append(broken)
    return out


def _refuses(read: Callable[[str], object], text: str) -> bool:
    try:
        read(text)
    except Exception:
        return True
    return False


def json_cases(letter: ReplyLetter, check: bool) -> dict[str, Case]:
    schema = json.loads(json_schema())
    pyd_model = pydantic_model(schema)
    msg_type = msgspec_type(schema)
    text = gjson.dumps(letter)
    pyd = pyd_model.model_validate_json(text)
    msg = msgspec.json.decode(text, type=msg_type)
    if check:
        pyd_text = pyd.model_dump_json(exclude_none=True)
        assert gjson.loads(pyd_text) == letter, "pydantic writes another letter"
        assert gjson.loads(msgspec.json.encode(msg)) == letter, "msgspec writes another letter"
        for broken in _broken(json.loads(text)):
            bad = json.dumps(broken, ensure_ascii=False)
            assert _refuses(gjson.loads, bad), bad
            assert _refuses(pyd_model.model_validate_json, bad), f"pydantic accepts {bad}"
            assert _refuses(lambda t: msgspec.json.decode(t, type=msg_type), bad), bad
    decoder = msgspec.json.Decoder(msg_type)
    encoder = msgspec.json.Encoder()
    return {
        "govreply": lambda: gjson.loads(gjson.dumps(letter)),
        "pydantic v2": lambda: pyd_model.model_validate_json(
            pyd.model_dump_json(exclude_none=True)
        ),
        "msgspec": lambda: decoder.decode(encoder.encode(msg)),
    }


def xml_cases(letter: ReplyLetter, check: bool) -> dict[str, Case]:
    from xsdata.formats.dataclass.parsers import XmlParser
    from xsdata.formats.dataclass.parsers.config import ParserConfig
    from xsdata.formats.dataclass.serializers import XmlSerializer

    generated = xsdata_module(xml_schema())
    root_class = generated.ReplyLetter
    parser = XmlParser(config=ParserConfig(fail_on_unknown_properties=True))
    serializer = XmlSerializer()
    schema = etree.XMLSchema(etree.fromstring(xml_schema().encode("utf-8")))
    hardened = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False)
    instance = parser.from_string(gxml.dumps(letter), root_class)

    def xsdata_round_trip() -> object:
        data = serializer.render(instance).encode("utf-8")
        tree = etree.fromstring(data, hardened)
        schema.assertValid(tree)
        return parser.parse(tree, root_class)

    if check:
        assert xsdata_round_trip() == instance, "xsdata does not round-trip the letter"
        assert gxml.loads(serializer.render(instance)) == letter, "xsdata writes another letter"
    return {
        "govreply": lambda: gxml.loads(gxml.dumps(letter)),
        "xsdata": xsdata_round_trip,
    }


# ------------------------------------------------------------------------------------ timing


def _medians(cases: dict[str, Case], repeat: int, number: int | None) -> dict[str, float]:
    """Median µs of CPU time per call of each case, the cases' runs interleaved.

    The time is the thread's CPU time, not the wall clock: on a machine shared with other
    work the process waits for a core now and then, and waiting is not the library's cost.
    """
    timers = {name: timeit.Timer(fn, timer=time.thread_time) for name, fn in cases.items()}
    numbers = {name: number or max(1, t.autorange()[0] // 5) for name, t in timers.items()}
    runs: dict[str, list[float]] = {name: [] for name in cases}
    for _ in range(repeat):
        for name, timer in timers.items():
            runs[name].append(timer.timeit(number=numbers[name]) / numbers[name] * 1e6)
    return {name: statistics.median(times) for name, times in runs.items()}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=9, help="timed runs per case (median)")
    parser.add_argument("--tiny", action="store_true", help="one run of one call (test suite)")
    args = parser.parse_args(argv)
    repeat, number = (1, 1) if args.tiny else (args.repeat, None)

    print(
        f"round trips, median of {repeat} runs (Python {sys.version.split()[0]}, "
        f"pydantic {pydantic.VERSION}, msgspec {msgspec.__version__}, xsdata {xsdata.__version__})"
    )
    met = True
    for title, letter in letters().items():
        size = len(gjson.dumps(letter).encode("utf-8"))
        print(f"{title} ({size} bytes of JSON):")
        for fmt, make in (("JSON", json_cases), ("XML", xml_cases)):
            times = _medians(make(letter, check=True), repeat, number)
            for lib, us in times.items():
                print(f"  {fmt:4} {lib:12} {us:9.1f} µs")
            for lib, us in times.items():
                if lib == "govreply":
                    continue
                ratio = us / times["govreply"]
                target = TARGETS.get((fmt, lib))
                verdict = ""
                if target is not None:
                    verdict = f"  (target {target}x: {'met' if ratio >= target else 'NOT met'})"
                    met = met and ratio >= target
                print(f"  ratio {fmt} vs {lib:12} {ratio:6.2f}x{verdict}")
    print("targets met" if met else "targets NOT met (see the ratios above)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
