"""Arrow types of the model, derived by walking its attrs classes, and the values that fill them.

Each model class becomes a struct with one child per attrs field, in field order, named as the
field (the JSON keys of the record); the types map as::

    str                 string
    int                 int64
    bool                bool
    datetime.date       date32
    an enum             string (its value: "suggestion", "npc", "satisfied"…)
    X | None            a nullable X
    tuple[X, ...]       list<X>
    an attrs class      struct<fields…>

Arrow types cannot refer to themselves, and a section holds sections. A class nested in itself
is unrolled to :data:`~govreply.model.MAX_SECTION_DEPTH` levels, the depth the model allows, and
the deepest level has no ``subsections`` child (the model guarantees it would be empty), so no
record is cut short.

A :class:`Codec` carries a type, a builder that fills an Arrow array column by column from model
values (far faster than building a dict per letter and handing the dicts to Arrow), and the
conversion back from the Python values Arrow gives (``dict`` for a struct, ``list`` for a list).
"""

from __future__ import annotations

import datetime
import enum
import functools
import types
import typing
from collections.abc import Callable
from typing import Any, Protocol

import attrs
import pyarrow as pa

from govreply.model import MAX_SECTION_DEPTH

__all__ = ["Builder", "Codec", "codec_of"]

_Convert = Callable[[Any], Any]


class Builder(Protocol):
    """Collects model values (``None`` for a missing one) and makes one Arrow array of them."""

    def add(self, value: Any, /) -> None:
        """Append one value."""
        ...

    def finish(self) -> pa.Array[Any]:
        """The array of every value added, in order."""
        ...


@attrs.frozen
class Codec:
    """An Arrow type, a maker of builders for it, and the conversion of its values back."""

    type: pa.DataType
    builder: Callable[[], Builder]
    from_arrow: _Convert


_SCALARS: dict[object, pa.DataType] = {
    str: pa.string(),
    int: pa.int64(),
    bool: pa.bool_(),
    datetime.date: pa.date32(),
}


def codec_of(hint: Any) -> Codec:
    """The codec of a model type hint (a class, ``X | None`` or ``tuple[X, ...]``).

    Raises:
        TypeError: the model uses a type this walker does not map (a bug to fix here).
    """
    return _codec(hint, ())


def _codec(hint: Any, stack: tuple[type, ...]) -> Codec:
    origin = typing.get_origin(hint)
    if origin in (typing.Union, types.UnionType):
        present = [arg for arg in typing.get_args(hint) if arg is not type(None)]
        if len(present) != 1:
            raise TypeError(f"no Arrow type for the union {hint!r}")
        inner = _codec(present[0], stack)  # every builder takes None already
        return Codec(inner.type, inner.builder, _optional(inner.from_arrow))
    if origin is tuple:
        args = typing.get_args(hint)
        if len(args) != 2 or args[1] is not Ellipsis:
            raise TypeError(f"no Arrow type for the tuple {hint!r}")
        item = _codec(args[0], stack)
        list_type = pa.list_(item.type)
        return Codec(
            list_type, functools.partial(_ListBuilder, list_type, item), _each(item.from_arrow)
        )
    if hint in _SCALARS:
        return Codec(_SCALARS[hint], functools.partial(_ScalarBuilder, _SCALARS[hint]), _same)
    if isinstance(hint, type) and issubclass(hint, enum.Enum):
        return Codec(pa.string(), _EnumBuilder, _optional(hint))
    if isinstance(hint, type) and attrs.has(hint):
        return _struct(hint, stack)
    raise TypeError(f"no Arrow type for {hint!r}")


def _same(value: Any) -> Any:
    return value


def _optional(convert: _Convert) -> _Convert:
    if convert is _same:
        return _same
    return lambda value: None if value is None else convert(value)


def _each(convert: _Convert) -> _Convert:
    if convert is _same:
        return lambda values: () if values is None else tuple(values)
    return lambda values: () if values is None else tuple(convert(v) for v in values)


@functools.cache
def _hints(cls: type) -> dict[str, Any]:
    return typing.get_type_hints(cls)


def _struct(cls: type, stack: tuple[type, ...]) -> Codec:
    stack = (*stack, cls)
    children: list[tuple[str, Codec]] = []
    for field in attrs.fields(cls):
        hint = _hints(cls)[field.name]
        if _refers_to(hint, cls) and stack.count(cls) >= MAX_SECTION_DEPTH:
            continue  # the deepest level the model allows: this child is always empty
        children.append((field.name, _codec(hint, stack)))
    struct_type = pa.struct([pa.field(name, child.type) for name, child in children])
    names = tuple(name for name, _ in children)
    from_each = tuple(child.from_arrow for _, child in children)

    def from_arrow(value: dict[str, Any] | None) -> Any:
        if value is None:
            return None
        return cls(
            **{name: convert(value[name]) for name, convert in zip(names, from_each, strict=True)}
        )

    return Codec(
        struct_type, functools.partial(_StructBuilder, struct_type, tuple(children)), from_arrow
    )


def _refers_to(hint: Any, cls: type) -> bool:
    return hint is cls or any(_refers_to(arg, cls) for arg in typing.get_args(hint))


class _ScalarBuilder:
    def __init__(self, arrow_type: pa.DataType) -> None:
        self.type = arrow_type
        self.values: list[Any] = []
        self.add = self.values.append

    def finish(self) -> pa.Array[Any]:
        return pa.array(self.values, type=self.type)


class _EnumBuilder:
    def __init__(self) -> None:
        self.values: list[str | None] = []

    def add(self, value: enum.Enum | None) -> None:
        self.values.append(None if value is None else value.value)

    def finish(self) -> pa.Array[Any]:
        return pa.array(self.values, type=pa.string())


class _ListBuilder:
    def __init__(self, list_type: pa.DataType, item: Codec) -> None:
        self.type = list_type
        self.items = item.builder()
        self.offsets = [0]
        self.end = 0
        self.missing: list[bool] = []
        self.any_missing = False

    def add(self, values: tuple[Any, ...] | None) -> None:
        if values is None:
            self.any_missing = True
        elif values:
            add = self.items.add
            for value in values:
                add(value)
            self.end += len(values)
        self.missing.append(values is None)
        self.offsets.append(self.end)

    def finish(self) -> pa.Array[Any]:
        offsets = pa.array(self.offsets, type=pa.int32())
        mask = pa.array(self.missing, type=pa.bool_()) if self.any_missing else None
        return pa.ListArray.from_arrays(offsets, self.items.finish(), type=self.type, mask=mask)


class _StructBuilder:
    def __init__(self, struct_type: pa.StructType, children: tuple[tuple[str, Codec], ...]) -> None:
        self.type = struct_type
        self.children = tuple((name, codec.builder()) for name, codec in children)
        self.missing: list[bool] = []
        self.any_missing = False

    def add(self, value: Any) -> None:
        if value is None:
            self.any_missing = True
            self.missing.append(True)
            for _, child in self.children:
                child.add(None)
            return
        self.missing.append(False)
        for name, child in self.children:
            child.add(getattr(value, name))

    def finish(self) -> pa.Array[Any]:
        arrays = [child.finish() for _, child in self.children]
        mask = pa.array(self.missing, type=pa.bool_()) if self.any_missing else None
        return pa.StructArray.from_arrays(arrays, fields=list(self.type), mask=mask)
