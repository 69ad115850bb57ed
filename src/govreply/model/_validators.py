"""Invariant checks shared by the model classes; each raises ValidationError naming the field."""

from __future__ import annotations

from typing import Any

import attrs

from govreply.errors import ValidationError


def nonempty(_instance: Any, attribute: attrs.Attribute[Any], value: str | None) -> None:
    """Reject an empty or all-blank string (``None`` passes: optionality is the type's job)."""
    # isspace() answers like strip() would, without copying a long paragraph.
    if value is not None and (not value or value.isspace()):
        raise ValidationError(
            f"{attribute.name} must not be empty or blank", field=attribute.name, value=value
        )


def nonempty_items(_instance: Any, attribute: attrs.Attribute[Any], value: tuple[str, ...]) -> None:
    """Reject a tuple that holds an empty or all-blank string."""
    for i, item in enumerate(value):
        if not item or item.isspace():
            raise ValidationError(
                f"{attribute.name}[{i}] must not be empty or blank",
                field=f"{attribute.name}[{i}]",
                value=item,
            )


def positive(_instance: Any, attribute: attrs.Attribute[Any], value: int | None) -> None:
    """Reject an integer below 1 (``None`` passes)."""
    if value is not None and value < 1:
        raise ValidationError(
            f"{attribute.name} must be at least 1, got {value}", field=attribute.name, value=value
        )
