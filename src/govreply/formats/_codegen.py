"""The code generation the fast paths of JSON (msgspec) and XML share.

Source lines, the values they name and the checks of a text rule, compiled into one namespace.
"""

from __future__ import annotations

import re
from typing import Any

from govreply.model._validators import Rule

__all__ = ["CodeGenerator"]


class CodeGenerator:
    """Collects the source of generated functions and the values they refer to by name.

    The namespace holds ``_new`` (``object.__new__``) and ``_Rejected`` (the exception a
    generated function raises for what it will not accept) besides ``names``.
    """

    def __init__(self, filename: str, rejected: type[Exception], names: dict[str, Any]) -> None:
        self.filename = filename
        self.namespace: dict[str, Any] = {"_new": object.__new__, "_Rejected": rejected, **names}
        self.lines: list[str] = []

    def name(self, value: Any, prefix: str = "_n") -> str:
        """A fresh name bound to ``value`` in the namespace."""
        key = f"{prefix}{len(self.namespace)}"
        self.namespace[key] = value
        return key

    def text_checks(self, var: str, rule: Rule | None) -> list[str]:
        """The checks of the text rule (non-blank, and the rule's pattern) on ``var``."""
        if rule is None:
            return []
        checks = [f"if not {var} or {var}.isspace(): raise _Rejected"]
        if rule.pattern is not None:
            matches = self.name(re.compile(rule.pattern).fullmatch)
            checks.append(f"if {matches}({var}) is None: raise _Rejected")
        return checks

    def compile(self) -> dict[str, Any]:
        """Run the collected source; the namespace, now holding the generated functions."""
        exec(compile("\n".join(self.lines), self.filename, "exec"), self.namespace)
        return self.namespace
