"""Mutation fuzzing of the public parsers from the real corpus (``nox -s fuzz``).

Each input is a corpus letter (``tests/data/letters``) or its JSON/XML rendering, mutated by
character and byte flips, truncation, splicing two letters, control characters, lone
surrogates, BOMs and re-encoding. A failure is any exception not from ``govreply.errors``, or a
parse slower than ``--hang`` seconds. Prints the inputs tried and the failures; exits 1 on any.

    python tests/fuzz.py --budget 60
"""

from __future__ import annotations

import argparse
import random
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from govreply.errors import GovReplyError
from govreply.formats import html, json, text, xml
from govreply.model import Addressees, Classification, Congress, Disclosure, DocumentNumber

LETTERS = sorted((Path(__file__).parent / "data" / "letters").glob("*.txt"))
JUNK = [
    "\x00",
    "\x01",
    "\ufeff",
    "\ud800",
    "\udfff",
    "\u3000",
    "\t",
    "\r",
    "一、",
    "（",
    "〔",
    "《",
]

PARSERS: dict[str, Callable[[str | bytes], object]] = {
    "text.parse": text.parse,
    "json.loads": json.loads,
    "xml.loads": xml.loads,
    "html.loads": lambda d: html.loads(d if isinstance(d, bytes) else d.encode("utf-8", "replace")),
    "Addressees.parse": lambda d: Addressees.parse(_str(d)[:200]),
    "Classification.parse": lambda d: Classification.parse(_str(d)[:40]),
    "Congress.parse": lambda d: Congress.parse(_str(d)[:60]),
    "Disclosure.parse": lambda d: Disclosure.parse(_str(d)[:60]),
    "DocumentNumber.parse": lambda d: DocumentNumber.parse(_str(d)[:40]),
}


def _str(data: str | bytes) -> str:
    return data.decode("utf-8", "replace") if isinstance(data, bytes) else data


def mutate(rng: random.Random, seeds: list[str]) -> str | bytes:
    """One mutated input: a seed with one to four random damages."""
    data: str | bytes = rng.choice(seeds)
    for _ in range(rng.randint(1, 4)):
        s = _str(data)
        op = rng.randrange(8)
        i = rng.randrange(len(s) + 1)
        if op == 0 and s:  # character flip
            data = s[:i] + chr(rng.randrange(0x20, 0x9FFF)) + s[i + 1 :]
        elif op == 1:  # truncation
            data = s[:i]
        elif op == 2:  # splice with another seed
            other = rng.choice(seeds)
            data = s[:i] + other[rng.randrange(len(other) + 1) :]
        elif op == 3:  # control characters, surrogates, BOMs, labels
            data = s[:i] + rng.choice(JUNK) * rng.randint(1, 50) + s[i:]
        elif op == 4:  # a repeated run
            data = s[:i] + s[i : i + rng.randint(1, 5)] * rng.randint(10, 2000) + s[i:]
        elif op == 5:  # another encoding
            data = s.encode(rng.choice(["gb18030", "utf-16", "utf-8-sig"]), "replace")
        elif op == 6:  # byte flip
            raw = bytearray(s.encode("utf-8", "surrogatepass"))
            if raw:
                raw[rng.randrange(len(raw))] = rng.randrange(256)
            data = bytes(raw)
        else:
            data = s.replace("\n", rng.choice(["\r\n", " ", "", "\n\n"]))
    return data


def run_cli(data: str | bytes, hang: float) -> str | None:
    """Run ``govreply parse`` and ``check`` on ``data`` in a subprocess; what went wrong."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "letter.txt"
        path.write_bytes(data if isinstance(data, bytes) else data.encode("utf-8", "surrogatepass"))
        for command in (["parse"], ["check"]):
            try:
                done = subprocess.run(
                    [sys.executable, "-m", "govreply", *command, str(path)],
                    capture_output=True,
                    timeout=hang + 10,
                    check=False,
                )
            except subprocess.TimeoutExpired:
                return f"govreply {command[0]} hung"
            if done.returncode not in (0, 1) or b"Traceback" in done.stderr:
                return f"govreply {command[0]} exit {done.returncode}: {done.stderr[-300:]!r}"
    return None


def run(
    budget: float,
    seed: int,
    hang: float,
    out: Callable[[str], None] = print,
    cli_every: int = 200,
) -> int:
    """Fuzz for ``budget`` seconds; the number of failures (the CLI every ``cli_every``)."""
    corpus = [p.read_text("utf-8") for p in LETTERS]
    seeds = list(corpus)
    for raw in corpus[:10]:
        try:
            letter = text.loads(raw)
            seeds += [json.dumps(letter), xml.dumps(letter)]
        except GovReplyError:
            pass
    rng = random.Random(seed)
    tried = failures = cli_runs = 0
    stop = time.monotonic() + budget
    while time.monotonic() < stop:
        data = mutate(rng, seeds)
        if cli_every and tried % (cli_every * len(PARSERS)) == 0:
            cli_runs += 1
            problem = run_cli(data, hang)
            if problem is not None:
                failures += 1
                out(f"FAIL {problem} on {data[:120]!r}")
        for name, parse in PARSERS.items():
            tried += 1
            start = time.perf_counter()
            try:
                parse(data)
            except GovReplyError:
                pass
            except Exception as exc:
                failures += 1
                out(f"FAIL {name}: {type(exc).__name__}: {exc} on {data[:120]!r}")
            elapsed = time.perf_counter() - start
            if elapsed > hang:
                failures += 1
                out(f"SLOW {name}: {elapsed:.1f} s on {len(data)} chars {data[:80]!r}")
    out(
        f"fuzz: {tried} parser inputs and {cli_runs} CLI inputs tried, {failures} failures, "
        f"budget {budget:g} s, seed {seed}"
    )
    return failures


def main(argv: list[str] | None = None) -> int:
    """Command line: ``--budget`` seconds (or $GOVREPLY_FUZZ_BUDGET), ``--seed``, ``--hang``."""
    import os

    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument(
        "--budget", type=float, default=float(os.environ.get("GOVREPLY_FUZZ_BUDGET", "60"))
    )
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--hang", type=float, default=5.0)
    args = parser.parse_args(argv)
    return 1 if run(args.budget, args.seed, args.hang) else 0


if __name__ == "__main__":
    sys.exit(main())
