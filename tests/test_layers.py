"""Imports point one way: errors <- numerals <- model <- rules <- case, formats <- cli."""

from __future__ import annotations

import ast
from pathlib import Path

import govreply

SRC = Path(govreply.__file__).parent

# What each layer may import from govreply; a layer not listed here may import anything but cli.
ALLOWED = {
    "errors": set(),
    "numerals": {"errors", "numerals"},
    "model": {"errors", "numerals", "model"},
    "rules": {"errors", "numerals", "model", "rules"},
    "case": {"errors", "numerals", "model", "rules", "case"},
    "formats": {"errors", "numerals", "model", "case", "formats", "schemas"},
    "schemas": {"schemas"},
    "examples": {"errors", "numerals", "model", "examples"},
    "dataset": {"errors", "numerals", "model", "rules", "formats", "dataset"},
    "dask": {"formats", "dataset", "dask"},
    "report": {"errors", "dataset", "report"},
    "main": {"cli"},
}


def _layer(path: Path) -> str:
    part = path.relative_to(SRC).parts[0]
    return part.removesuffix(".py").strip("_")


def _govreply_imports(path: Path) -> set[str]:
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        names = []
        if isinstance(node, ast.Import):
            names = [a.name for a in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names = [node.module]
        for name in names:
            parts = name.split(".")
            if parts[0] == "govreply" and len(parts) > 1:
                found.add(parts[1].strip("_"))
    return found


def test_layers_import_only_downwards() -> None:
    """No module imports a layer above its own, and nothing in src imports testing or cli."""
    problems = []
    for path in SRC.rglob("*.py"):
        layer = _layer(path)
        imported = _govreply_imports(path)
        allowed = ALLOWED.get(layer)
        bad = imported - allowed if allowed is not None else imported & {"cli"}
        if layer not in ("testing", "cli", "main"):
            bad |= imported & {"testing"}
        if bad:
            problems.append(f"{path.relative_to(SRC)} imports {sorted(bad)}")
    assert problems == []


def test_errors_module_is_a_leaf() -> None:
    """errors.py imports nothing from govreply."""
    assert _govreply_imports(SRC / "errors.py") == set()
