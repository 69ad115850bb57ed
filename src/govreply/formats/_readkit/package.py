"""ZIP packages (DOCX, OFD) read as hostile input: bombs, traversal, limits, hardened XML.

A package is refused before anything is decompressed when it has more members than
``max_members``, when a member claims more than ``max_member_bytes`` or all of them more than
``max_total_bytes``, when a member compresses better than :data:`MAX_RATIO` to one (a ZIP
bomb), or when a member name is absolute or climbs out of the package (``../``). Members are
then read with the claimed size as a hard cap, so a lying header cannot inflate further. XML
parts are parsed with the XML format's hardened lxml parser (no DTD, no entities, no network,
no recovery, libxml2's size limits) after refusing any DOCTYPE outright.
"""

from __future__ import annotations

import io
import posixpath
import zipfile
import zlib
from collections.abc import Callable
from typing import Final

import attrs
from lxml import etree

from govreply.errors import DocumentParseError, ValidationError
from govreply.formats._xmlsafe import hardened_parser

__all__ = ["MAX_RATIO", "Package", "PackageLimits", "resolve"]

#: The highest compression ratio accepted for a member larger than 1 MiB.
MAX_RATIO: Final = 200

_PARSER: Final = hardened_parser()
_DOCTYPE_MARKERS: Final = tuple("<!DOCTYPE".encode(c) for c in ("ascii", "utf-16-le", "utf-16-be"))


def _positive(instance: object, attribute: attrs.Attribute[int], value: int) -> None:
    if not isinstance(value, int) or isinstance(value, bool) or value < 1:
        raise ValidationError(
            f"{attribute.name} must be a positive integer, got {value!r}", field=attribute.name
        )


# the general-purpose flag bit of an encrypted ZIP member (zipfile then wants a password)
_ENCRYPTED = 0x1


@attrs.frozen(kw_only=True)
class PackageLimits:
    """Limits on a ZIP package (DOCX, OFD) read from untrusted input."""

    max_bytes: int = attrs.field(default=50 * 1024 * 1024, validator=_positive)
    max_members: int = attrs.field(default=2000, validator=_positive)
    max_member_bytes: int = attrs.field(default=20 * 1024 * 1024, validator=_positive)
    max_total_bytes: int = attrs.field(default=100 * 1024 * 1024, validator=_positive)
    max_depth: int = attrs.field(default=128, validator=_positive)


Error = Callable[..., DocumentParseError]


class Package:
    """The members of a ZIP package, looked up by normalised name (case-insensitively too)."""

    def __init__(self, data: bytes, limits: PackageLimits, error: Error) -> None:
        self.error = error
        self.limits = limits
        if not isinstance(data, (bytes, bytearray, memoryview)):
            raise TypeError(f"a package is bytes, not {type(data).__name__}")
        if len(data) > limits.max_bytes:
            raise error(f"the file is {len(data)} bytes, more than max_bytes={limits.max_bytes}")
        try:
            self.zip = zipfile.ZipFile(io.BytesIO(bytes(data)))
            infos = self.zip.infolist()
        except (
            zipfile.BadZipFile,
            zipfile.LargeZipFile,
            zlib.error,
            OSError,
            ValueError,
            EOFError,
            NotImplementedError,
        ) as exc:
            raise error(f"not a ZIP package, or a damaged one ({exc})") from exc
        if len(infos) > limits.max_members:
            raise error(
                f"the package has {len(infos)} members, more than max_members={limits.max_members}"
            )
        total = 0
        self.members: dict[str, zipfile.ZipInfo] = {}
        self.folded: dict[str, str] = {}
        for info in infos:
            name = _safe_name(info.filename)
            if name is None or info.filename.startswith(("/", "\\")):
                raise error(f"member name {info.filename!r} leaves the package (path traversal)")
            if info.is_dir():
                continue
            if info.file_size > limits.max_member_bytes:
                raise error(
                    f"member {name} claims {info.file_size} bytes, more than "
                    f"max_member_bytes={limits.max_member_bytes}"
                )
            if info.file_size > 1024 * 1024 and info.file_size > MAX_RATIO * max(
                info.compress_size, 1
            ):
                raise error(
                    f"member {name} compresses {info.file_size // max(info.compress_size, 1)} "
                    "to 1: a ZIP bomb"
                )
            total += info.file_size
            if total > limits.max_total_bytes:
                raise error(f"the members claim more than max_total_bytes={limits.max_total_bytes}")
            self.members[name] = info
            self.folded.setdefault(name.lower(), name)

    def find(self, name: str) -> str | None:
        """The member called ``name`` (exactly, else ignoring case), or ``None``."""
        safe = _safe_name(name)
        if safe is None:
            return None
        if safe in self.members:
            return safe
        return self.folded.get(safe.lower())

    def read(self, name: str) -> bytes:
        """The bytes of member ``name``; raise the reader's error if absent or damaged."""
        found = self.find(name)
        if found is None:
            raise self.error("the package has no such member", part=name)
        info = self.members[found]
        if info.flag_bits & _ENCRYPTED:
            raise self.error("the member is encrypted (a password-protected package)", part=found)
        try:
            with self.zip.open(info) as stream:
                data = stream.read(info.file_size + 1)
        except (
            zipfile.BadZipFile,
            zlib.error,
            OSError,
            ValueError,
            EOFError,
            NotImplementedError,
        ) as exc:
            raise self.error(f"the member cannot be read ({exc})", part=found) from exc
        if len(data) > info.file_size:
            raise self.error("the member is longer than its header says", part=found)
        return data

    def head(self, name: str, size: int = 4096) -> bytes:
        """The first ``size`` bytes of member ``name`` (``b""`` when it cannot be read)."""
        found = self.find(name)
        if found is None or self.members[found].flag_bits & _ENCRYPTED:
            return b""
        try:
            with self.zip.open(self.members[found]) as stream:
                return stream.read(size)
        except (zipfile.BadZipFile, zlib.error, OSError, ValueError, EOFError, NotImplementedError):
            return b""

    def xml(self, name: str) -> etree._Element:
        """Member ``name`` parsed as XML with the hardened parser."""
        return self.parse_xml(self.read(name), self.find(name) or name)

    def parse_xml(self, data: bytes, part: str) -> etree._Element:
        """``data`` parsed as XML: DOCTYPE refused, hardened parser, depth limit."""
        if any(marker in data for marker in _DOCTYPE_MARKERS):
            raise self.error("a DOCTYPE is not allowed (DTDs and entities are refused)", part=part)
        try:
            root = etree.fromstring(data, _PARSER)
        except etree.XMLSyntaxError as exc:
            raise self.error(f"not well-formed XML ({exc})", part=part) from exc
        if root is None:
            raise self.error("an empty XML part", part=part)
        depth = self.limits.max_depth
        if etree.XPath("boolean(/" + "/*" * (depth + 1) + ")")(root):
            raise self.error(f"elements nest deeper than max_depth={depth} levels", part=part)
        return root


def _safe_name(name: str) -> str | None:
    """``name`` normalised inside the package, or ``None`` when it would leave it."""
    clean = name.replace("\\", "/")
    if clean.startswith("/"):
        clean = clean.lstrip("/")
    if not clean or ":" in clean.split("/")[0]:
        return None
    normal = posixpath.normpath(clean)
    if normal == ".." or normal.startswith(("../", "/")):
        return None
    return "" if normal == "." else normal


def resolve(base: str, ref: str) -> str:
    """A reference inside the package (``Pages/Page_0/Content.xml``) from part ``base``.

    A leading ``/`` is the package root; otherwise the reference is relative to ``base``'s
    folder.
    """
    ref = ref.strip().replace("\\", "/")
    if ref.startswith("/"):
        return ref.lstrip("/")
    folder = posixpath.dirname(base)
    return posixpath.join(folder, ref) if folder else ref
