"""Wire formats of a reply letter, each with ``dumps`` and ``loads``.

``json`` and ``xml`` are govreply's own records, ``text`` the official layout, ``exchange`` the
Chinese element vocabulary of OA exchange payloads. Every format module satisfies
:class:`Format`, so callers (the CLI among them) look formats up by name with
:func:`get_format` instead of branching::

    >>> from govreply.examples import seed_letter
    >>> fmt = get_format("json")
    >>> fmt.loads(fmt.dumps(seed_letter())) == seed_letter()
    True
"""

from __future__ import annotations

import importlib
from typing import Literal, Protocol, cast

from govreply.model import ReplyLetter

__all__ = ["FORMAT_NAMES", "Format", "FormatName", "get_format"]

FormatName = Literal["json", "xml", "text", "exchange"]

#: The format names :func:`get_format` knows, in the order the CLI lists them.
FORMAT_NAMES: tuple[FormatName, ...] = ("json", "xml", "text", "exchange")


class Format(Protocol):
    """What every format module provides."""

    def dumps(self, letter: ReplyLetter, /) -> str:
        """Serialize ``letter`` to a string."""
        ...

    def loads(self, data: str | bytes, /) -> ReplyLetter:
        """Read a letter from ``data``; raise a :class:`govreply.errors.ParseError` leaf if bad."""
        ...


def get_format(name: str) -> Format:
    """Return the format module called ``name`` (``json``, ``xml``, ``text`` or ``exchange``).

    Raises:
        ValueError: ``name`` is not a known format.
    """
    if name not in FORMAT_NAMES:
        raise ValueError(f"unknown format {name!r} (expected one of {', '.join(FORMAT_NAMES)})")
    return cast(Format, importlib.import_module(f"govreply.formats.{name}"))
