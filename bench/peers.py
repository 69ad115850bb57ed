"""The peers' models, generated at run time from govreply's published schemas.

The benchmarks compare govreply with pydantic v2, msgspec and xsdata on *equivalent* models.
Written by hand, such models go stale as soon as the data contract grows a field (they did: a
pydantic model without ``salutation`` failed every run). So they are generated here, every run,
from the schemas govreply publishes:

* :func:`pydantic_model` and :func:`msgspec_type` translate the JSON Schema
  (``govreply schema json``): every property becomes a typed field with the schema's constraints
  (patterns, bounds, lengths, enums, constants), ``additionalProperties: false`` forbids unknown
  keys, and the constraints the libraries cannot state natively (``not`` a pattern, the
  object-level ``anyOf`` / ``not`` / ``if``-``then`` rules) run as validators. A schema keyword
  the translation does not know stops it (so the benchmark fails rather than compare less).
* :func:`xsdata_module` runs xsdata's own code generator (``xsdata generate``) over the XSD
  (``govreply schema xml``) and imports the dataclasses it writes, as an xsdata user would.
"""

from __future__ import annotations

import datetime
import importlib
import os
import re
import subprocess
import sys
import tempfile
from collections.abc import Callable, Iterator, Mapping
from pathlib import Path
from types import ModuleType
from typing import Annotated, Any, Literal, Optional

__all__ = ["msgspec_type", "pydantic_model", "xsdata_module"]

# The keywords the translation understands; anything else in the schema is an error.
_FIELD_KEYS = frozenset(
    {"type", "pattern", "format", "enum", "const", "default", "description", "$ref", "anyOf",
     "allOf", "not", "items", "minItems", "maxItems", "minimum", "maximum"}
)  # fmt: skip
_OBJECT_KEYS = frozenset(
    {"type", "description", "properties", "required", "additionalProperties", "anyOf", "not",
     "if", "then", "title", "$schema", "$id", "$defs"}
)  # fmt: skip
_RULE_KEYS = frozenset({"required", "properties", "anyOf", "not", "if", "then"})
_VALUE_KEYS = frozenset({"type", "const", "minItems"})
_JSON_TYPES: dict[str, tuple[type, ...]] = {
    "string": (str,),
    "integer": (int,),
    "boolean": (bool,),
    "array": (tuple, list),
}


class SchemaError(Exception):
    """The schema uses something the translation cannot express (the model would be weaker)."""


def _camel(name: str) -> str:
    return "".join(part.capitalize() for part in re.split(r"[-_]", name))


def _known(node: Mapping[str, Any], allowed: frozenset[str], where: str) -> None:
    unknown = set(node) - allowed
    if unknown:
        raise SchemaError(f"{where}: keywords {sorted(unknown)} are not translated")


# ---------------------------------------------------------------------- object-level rules


def _check_rule(rule: Mapping[str, Any], where: str) -> None:
    """Refuse object-level rules the evaluator below does not understand."""
    _known(rule, _RULE_KEYS, where)
    for sub in rule.get("properties", {}).values():
        _known(sub, _VALUE_KEYS, where)
    for key in ("anyOf",):
        for sub in rule.get(key, ()):
            _check_rule(sub, where)
    for key in ("not", "if", "then"):
        if key in rule:
            _check_rule(rule[key], where)


def _holds(rule: Mapping[str, Any], values: Mapping[str, Any]) -> bool:
    """Whether an object with these field values (``None``: absent) satisfies ``rule``."""
    if any(values.get(key) is None for key in rule.get("required", ())):
        return False
    for key, sub in rule.get("properties", {}).items():
        value = values.get(key)
        if value is None:
            continue
        if "type" in sub and not isinstance(value, _JSON_TYPES[sub["type"]]):
            return False
        if "const" in sub and value != sub["const"]:
            return False
        if "minItems" in sub and len(value) < sub["minItems"]:
            return False
    if "anyOf" in rule and not any(_holds(sub, values) for sub in rule["anyOf"]):
        return False
    if "not" in rule and _holds(rule["not"], values):
        return False
    return not ("if" in rule and _holds(rule["if"], values) and not _holds(rule["then"], values))


def _object_rule(node: Mapping[str, Any], where: str) -> dict[str, Any] | None:
    rule = {key: node[key] for key in ("anyOf", "not", "if", "then") if key in node}
    if rule:
        _check_rule(rule, where)
    return rule or None


# ---------------------------------------------------------------------- the translation


class _Translator:
    """Walks a JSON Schema and builds one model class per object definition."""

    def __init__(self, schema: Mapping[str, Any], library: Literal["pydantic", "msgspec"]) -> None:
        self.schema = schema
        self.defs: Mapping[str, Any] = schema.get("$defs", {})
        self.library = library
        self.classes: dict[str, Any] = {}
        if library == "pydantic":
            import pydantic

            self.pydantic = pydantic
        else:
            import msgspec

            self.msgspec = msgspec

    def root(self) -> Any:
        return self.object_class("envelope", self.schema)

    def ref(self, node: Mapping[str, Any]) -> Mapping[str, Any]:
        return self.defs[node["$ref"].removeprefix("#/$defs/")]

    def field(self, node: Mapping[str, Any], where: str) -> tuple[Any, list[Callable[[Any], None]]]:
        """The annotation for a property, and checks to run on its value in Python."""
        _known(node, _FIELD_KEYS, where)
        if "$ref" in node:
            name = node["$ref"].removeprefix("#/$defs/")
            target = self.ref(node)
            if target.get("type") == "object":
                return self.object_class(name, target), []
            return self.field(target, f"$defs/{name}")
        if "anyOf" in node:
            options = [o for o in node["anyOf"] if o != {"type": "null"}]
            if len(options) != 1 or len(node["anyOf"]) != 2:
                raise SchemaError(f"{where}: only anyOf [X, null] is translated")
            inner, checks = self.field(options[0], where)
            return Optional[inner], checks  # noqa: UP045  # built at run time
        if "allOf" in node:
            base: Any = None
            checks: list[Callable[[Any], None]] = []
            for part in node["allOf"]:
                if set(part) == {"not"} and set(part["not"]) == {"pattern"}:
                    checks.append(_not_pattern(part["not"]["pattern"], where))
                elif base is None:
                    base, more = self.field(part, where)
                    checks += more
                else:
                    raise SchemaError(f"{where}: allOf of two types")
            return base, checks
        if "const" in node:
            return Literal[node["const"]], []
        if "enum" in node:
            return Literal[tuple(node["enum"])], []
        kind = node.get("type")
        if kind == "string":
            if node.get("format") == "date":
                return self.constrained(datetime.date, {}), [_date_pattern(node.get("pattern"))]
            return self.constrained(str, {"pattern": node.get("pattern")}), []
        if kind == "integer":
            bounds = {"ge": node.get("minimum"), "le": node.get("maximum")}
            return self.constrained(int, bounds), []
        if kind == "boolean":
            return bool, []
        if kind == "array":
            # An array without items is one that must stay empty (maxItems 0).
            item, item_checks = (
                self.field(node["items"], f"{where}[]") if "items" in node else (Any, [])
            )
            lengths = {"min_length": node.get("minItems"), "max_length": node.get("maxItems")}
            checks = [_each(check) for check in item_checks]
            return self.constrained(tuple[item, ...], lengths), checks  # type: ignore[valid-type]
        raise SchemaError(f"{where}: type {kind!r} is not translated")

    def constrained(self, tp: Any, constraints: Mapping[str, Any]) -> Any:
        given = {key: value for key, value in constraints.items() if value is not None}
        if not given:
            return tp
        if self.library == "msgspec":
            return Annotated[tp, self.msgspec.Meta(**given)]
        if "pattern" in given:
            return Annotated[tp, self.pydantic.StringConstraints(**given)]
        return Annotated[tp, self.pydantic.Field(**given)]

    def object_class(self, name: str, node: Mapping[str, Any]) -> Any:
        if name in self.classes:
            return self.classes[name]
        _known(node, _OBJECT_KEYS, name)
        if node.get("additionalProperties") is not False:
            raise SchemaError(f"{name}: objects must forbid additional properties")
        required = set(node.get("required", ()))
        fields: list[tuple[str, Any, Any]] = []  # name, annotation, default (... = required)
        checks: dict[str, list[Callable[[Any], None]]] = {}
        for key, sub in node["properties"].items():
            annotation, field_checks = self.field(sub, f"{name}.{key}")
            if field_checks:
                checks[key] = field_checks
            if key in required:
                default: Any = ...
            elif "default" in sub:
                default = (
                    tuple(sub["default"]) if isinstance(sub["default"], list) else sub["default"]
                )
            else:
                default = None
            fields.append((key, annotation, default))
        rule = _object_rule(node, name)
        validate = _validator(name, checks, rule)
        cls = self.build(_camel(name), fields, validate)
        self.classes[name] = cls
        return cls

    def build(
        self, name: str, fields: list[tuple[str, Any, Any]], validate: Callable[[Any], None] | None
    ) -> Any:
        if self.library == "pydantic":
            pydantic = self.pydantic
            config = pydantic.ConfigDict(strict=True, extra="forbid", frozen=True)
            definitions = {key: (tp, default) for key, tp, default in fields}
            validators = {}
            if validate is not None:

                def after(self: Any) -> Any:
                    validate(self)
                    return self

                validators["check"] = pydantic.model_validator(mode="after")(after)
            return pydantic.create_model(  # type: ignore[call-overload]
                name, __config__=config, __validators__=validators, **definitions
            )
        msgspec = self.msgspec
        ordered = [(k, tp) for k, tp, d in fields if d is ...]
        ordered += [(k, tp, d) for k, tp, d in fields if d is not ...]
        namespace = {}
        if validate is not None:
            namespace["__post_init__"] = lambda self: validate(self)
        return msgspec.defstruct(
            name,
            ordered,
            namespace=namespace,
            forbid_unknown_fields=True,
            omit_defaults=True,
            frozen=True,
        )


def _not_pattern(pattern: str, where: str) -> Callable[[Any], None]:
    search = re.compile(pattern).search

    def check(value: Any) -> None:
        if value is not None and search(value):
            raise ValueError(f"{where}: {value!r} matches {pattern!r}")

    return check


def _date_pattern(pattern: str | None) -> Callable[[Any], None]:
    # The model's dates are plain dates; the pattern only restates the ISO form both parse.
    def check(value: Any) -> None:
        if value is not None and value.__class__ is not datetime.date:
            raise ValueError(f"expected a date, got {value!r}")

    return check


def _each(check: Callable[[Any], None]) -> Callable[[Any], None]:
    def check_all(values: Any) -> None:
        for value in values or ():
            check(value)

    return check_all


def _validator(
    name: str, checks: Mapping[str, list[Callable[[Any], None]]], rule: Mapping[str, Any] | None
) -> Callable[[Any], None] | None:
    if not checks and rule is None:
        return None
    keys = tuple(checks)
    rule_keys = tuple(_rule_fields(rule)) if rule else ()

    def validate(obj: Any) -> None:
        for key in keys:
            for check in checks[key]:
                check(getattr(obj, key))
        if rule is not None:
            values = {key: getattr(obj, key) for key in rule_keys}
            if not _holds(rule, values):
                raise ValueError(f"{name}: breaks {rule}")

    return validate


def _rule_fields(rule: Mapping[str, Any]) -> Iterator[str]:
    yield from rule.get("required", ())
    yield from rule.get("properties", {})
    for sub in rule.get("anyOf", ()):
        yield from _rule_fields(sub)
    for key in ("not", "if", "then"):
        if key in rule:
            yield from _rule_fields(rule[key])


def pydantic_model(schema: Mapping[str, Any]) -> Any:
    """A strict pydantic v2 model of the JSON Schema's root object (the envelope)."""
    return _Translator(schema, "pydantic").root()


def msgspec_type(schema: Mapping[str, Any]) -> Any:
    """A msgspec ``Struct`` of the JSON Schema's root object (the envelope)."""
    return _Translator(schema, "msgspec").root()


# ------------------------------------------------------------------------------- xsdata


def xsdata_module(xsd: str, package: str = "govreply_xsdata_peer") -> ModuleType:
    """The dataclasses ``xsdata generate`` writes for ``xsd``, imported as ``package``.

    The code is generated into a temporary directory that stays on ``sys.path`` for the life
    of the process (the module must stay importable for xsdata's type lookups).
    """
    if package in sys.modules:
        return sys.modules[package]
    out = Path(tempfile.mkdtemp(prefix="govreply-bench-xsdata-"))
    (out / "schema.xsd").write_text(xsd, encoding="utf-8")
    # xsdata formats what it writes with ruff, found on PATH next to this Python.
    env = {**os.environ, "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ['PATH']}"}
    done = subprocess.run(
        [sys.executable, "-m", "xsdata", "generate", "schema.xsd", "--package", package],
        cwd=out,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    if done.returncode != 0:
        raise SchemaError(f"xsdata generate failed:\n{done.stdout}{done.stderr}")
    sys.path.insert(0, str(out))
    return importlib.import_module(package)
