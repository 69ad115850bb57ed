"""Find a font for each typeface of the official layout, and refuse to print missing glyphs.

Each typeface the standard names (a :data:`~govreply.formats._layout.FontRole`) has a chain of
font names, most wanted first (:class:`~govreply.formats._layout.Typefaces`). A name matches a
face by its full name (``Noto Serif CJK SC Bold``) or PostScript name, else by its family
(``仿宋``, then the face nearest to regular weight). Faces are looked for, in this order, in

1. the directories the caller gives (``font_dirs``), searched recursively;
2. fontconfig's list (``fc-list``), which knows the system's and the user's fonts on Linux and
   on macOS or Windows where fontconfig is installed;
3. the usual font folders fontconfig may not know: Windows' ``Fonts`` folders, macOS' Library
   folders, and TeX Live's Fandol folder (the free GB 2312 仿宋, 楷体, 黑体 and 宋体).

The first face of the chain that maps every character to be set in it wins. Each role that had
to fall back (a name not installed, or a face lacking some characters) is reported as a
``GW101`` finding; a role that no face can print raises :class:`~govreply.errors.FontError`
naming the missing characters, so a letter never prints with tofu or a silent substitute.
"""

from __future__ import annotations

import functools
import os
import shutil
import subprocess
import sys
import tempfile
import unicodedata
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Literal

import attrs

from govreply.errors import FontError
from govreply.formats._layout import FONT_ROLES, FontRole, Typefaces
from govreply.formats.pdf._fonts_sfnt import FaceInfo, coverage, faces_in, metrics
from govreply.model import Finding, Severity

__all__ = ["ResolvedFont", "Source", "resolve", "system_folders"]

#: Where a face was found.
Source = Literal["font_dirs", "fontconfig", "system"]

#: fontconfig's weight scale to CSS weights (fontconfig.h: FC_WEIGHT_*).
_FC_WEIGHTS = ((0, 100), (40, 200), (50, 300), (80, 400), (100, 500), (180, 600), (200, 700),
               (205, 800), (210, 900))  # fmt: skip
_FC_FORMAT = "%{file}\\t%{index}\\t%{family}\\t%{fullname}\\t%{postscriptname}\\t%{weight}\\n"
_FC_TIMEOUT_S = 20
_SPACES = frozenset(" \t\n\u3000")


@attrs.frozen
class ResolvedFont:
    """The face chosen for a typeface: which chain entry it answered, and where it is.

    ``family`` is the face's family name and ``weight`` its CSS weight; ``source`` says whether
    it came from ``font_dirs``, ``fontconfig`` or a ``system`` folder. ``ascent``, ``descent``
    and ``em_top`` are its vertical metrics in ems (see
    :class:`govreply.formats.html._css.Metrics`).
    """

    role: FontRole
    name: str
    family: str
    weight: int
    path: Path
    index: int
    source: Source
    ascent: float
    descent: float
    em_top: float


def _fc_weight(value: str) -> int:
    try:
        weight = float(value.split()[0].strip("[]"))
    except (ValueError, IndexError):
        return 400
    return min(_FC_WEIGHTS, key=lambda pair: abs(pair[0] - weight))[1]


def _split_names(value: str) -> tuple[str, ...]:
    r"""Fontconfig lists localized names separated by commas (a literal comma is ``\\,``)."""
    names: list[str] = []
    current = ""
    escaped = False
    for char in value:
        if escaped:
            current += char
            escaped = False
        elif char == "\\":
            escaped = True
        elif char == ",":
            names.append(current)
            current = ""
        else:
            current += char
    names.append(current)
    return tuple(n.strip() for n in names if n.strip())


@functools.lru_cache(maxsize=1)
def _fontconfig_faces() -> tuple[FaceInfo, ...]:
    """Every face fontconfig knows, or none when ``fc-list`` is not installed."""
    fc_list = shutil.which("fc-list")
    if fc_list is None:
        return ()
    try:
        done = subprocess.run(
            [fc_list, "--format", _FC_FORMAT],
            capture_output=True,
            check=False,
            timeout=_FC_TIMEOUT_S,
        )
    except (OSError, subprocess.SubprocessError):
        return ()
    faces = []
    for line in done.stdout.decode("utf-8", "replace").splitlines():
        parts = line.split("\t")
        if len(parts) != 6 or not parts[0]:
            continue
        file, index, family, full, postscript, weight = parts
        try:
            number = int(index or 0)
        except ValueError:
            continue
        faces.append(
            FaceInfo(
                Path(file),
                number,
                _split_names(family),
                _split_names(full) + _split_names(postscript),
                _fc_weight(weight),
            )
        )
    return tuple(faces)


def system_folders() -> tuple[Path, ...]:
    """The usual font folders of Windows and macOS, and TeX Live's Fandol folder, that exist.

    On a machine without ``fc-list`` the usual Linux folders are included too.
    """
    home = Path.home()
    candidates = [
        Path(os.environ.get("WINDIR", "C:\\Windows")) / "Fonts",
        Path(os.environ.get("LOCALAPPDATA", home / "AppData" / "Local"))
        / "Microsoft"
        / "Windows"
        / "Fonts",
        Path("/System/Library/Fonts"),
        Path("/Library/Fonts"),
        home / "Library" / "Fonts",
        Path("/usr/share/texlive/texmf-dist/fonts/opentype/public/fandol"),
        Path("/usr/share/texmf/fonts/opentype/public/fandol"),
        Path("/usr/local/texlive/texmf-dist/fonts/opentype/public/fandol"),
    ]
    if shutil.which("fc-list") is None:
        candidates += [
            Path("/usr/share/fonts"),
            Path("/usr/local/share/fonts"),
            home / ".local" / "share" / "fonts",
            home / ".fonts",
        ]
    if sys.platform != "win32":
        candidates = candidates[2:]
    return tuple(dict.fromkeys(p for p in candidates if p.is_dir()))


def _key(name: str) -> str:
    return unicodedata.normalize("NFKC", name).casefold().replace(" ", "").replace("-", "")


_Found = tuple[FaceInfo, "Source"]


@attrs.frozen
class _Index:
    """The faces found, by the key of each full, PostScript and family name they answer to."""

    by_full: dict[str, list[_Found]]
    by_family: dict[str, list[_Found]]

    @classmethod
    def of(cls, faces: Iterable[_Found]) -> _Index:
        by_full: dict[str, list[_Found]] = {}
        by_family: dict[str, list[_Found]] = {}
        for found in faces:
            face = found[0]
            for name in face.full_names:
                by_full.setdefault(_key(name), []).append(found)
            for name in face.families:
                by_family.setdefault(_key(name), []).append(found)
        return cls(by_full, by_family)

    def match(self, name: str) -> _Found | None:
        """The face answering ``name``: by full or PostScript name, else by family near 400."""
        key = _key(name)
        exact = self.by_full.get(key)
        if exact:
            return exact[0]
        family = self.by_family.get(key)
        if not family:
            return None
        return min(family, key=lambda found: abs(found[0].weight - 400))


def _faces(font_dirs: tuple[Path, ...], system_fonts: bool) -> list[_Found]:
    found: list[_Found] = []
    for directory in font_dirs:
        found += [(face, "font_dirs") for face in faces_in(directory)]
    if system_fonts:
        found += [(face, "fontconfig") for face in _fontconfig_faces()]
        for directory in system_folders():
            found += [(face, "system") for face in _cached_folder(directory)]
    return found


@functools.lru_cache(maxsize=32)
def _cached_folder(directory: Path) -> tuple[FaceInfo, ...]:
    return tuple(faces_in(directory))


def _printed(text: str) -> str:
    """The characters of ``text`` that need a glyph (not spaces or line breaks)."""
    return "".join(dict.fromkeys(c for c in text if c not in _SPACES))


def _show(chars: str, limit: int = 12) -> str:
    shown = " ".join(f"{c} (U+{ord(c):04X})" for c in chars[:limit])
    return shown + (f" and {len(chars) - limit} more" if len(chars) > limit else "")


def resolve(
    texts: Mapping[FontRole, str],
    *,
    typefaces: Typefaces,
    font_dirs: tuple[Path, ...] = (),
    system_fonts: bool = True,
) -> tuple[dict[FontRole, ResolvedFont], tuple[Finding, ...]]:
    """Choose a face for each role that has every character of ``texts[role]``.

    Returns the faces and a ``GW101`` finding per role that fell back from its chain's first
    name.

    Raises:
        FontError: no face of a role's chain has every character to print.
    """
    index = _Index.of(_faces(font_dirs, system_fonts))
    chosen: dict[FontRole, ResolvedFont] = {}
    findings: list[Finding] = []
    for role in FONT_ROLES:
        need = _printed(texts.get(role, ""))
        chain = typefaces.chain(role)
        absent: list[str] = []
        lacking: list[str] = []
        fewest: tuple[str, str] | None = None
        for name in chain:
            match = index.match(name)
            if match is None:
                absent.append(name)
                continue
            face, source = match
            missing = coverage(face.path, face.index).missing(need)
            if missing:
                lacking.append(f"{name} lacks {_show(missing, 3)}")
                if fewest is None or len(missing) < len(fewest[1]):
                    fewest = (name, missing)
                continue
            ascent, descent, em_top = metrics(face.path, face.index)
            family = face.families[0] if face.families else name
            chosen[role] = ResolvedFont(
                role, name, family, face.weight, face.path, face.index, source,
                ascent, descent, em_top,
            )  # fmt: skip
            break
        else:
            if fewest is None:
                message = (
                    f"no font for {role} is installed (looked for {', '.join(chain)}); install "
                    "one (Debian: fonts-noto-cjk) or pass font_dirs"
                )
                raise FontError(message, role=role, tried=chain)
            name, missing = fewest
            message = (
                f"no font for {role} has every character to print: {name}, the closest, lacks "
                f"{_show(missing)} (looked for {', '.join(chain)})"
            )
            raise FontError(message, role=role, missing=missing, tried=chain)
        if absent or lacking:
            font = chosen[role]
            why = ([f"not installed: {', '.join(absent)}"] if absent else []) + lacking
            findings.append(
                Finding(
                    code="GW101",
                    severity=Severity.WARNING,
                    message=f"{'; '.join(why)}; set in {font.name} ({font.path})",
                    location=f"fonts.{role}",
                )
            )
    return chosen, tuple(findings)


@functools.lru_cache(maxsize=16)
def single_face(path: Path, index: int) -> Path:
    """A file holding only face ``index`` of a collection, for engines that load whole files.

    A collection's face 0, and any plain font file, is returned as it is.
    """
    if index == 0:
        return path
    from fontTools.ttLib.ttCollection import TTCollection

    folder = Path(tempfile.mkdtemp(prefix="govreply-fonts-"))
    target = folder / f"{path.stem}-{index}.otf"
    with TTCollection(str(path)) as collection:
        collection.fonts[index].save(str(target))
    return target
