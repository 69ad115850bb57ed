"""The feedback form (征询意见表) attached to a reply, on which the deputy rates the handling."""

from __future__ import annotations

import attrs

from govreply.model._enums import Rating
from govreply.model._validators import nonempty, nonempty_items
from govreply.model.addressees import Addressees
from govreply.model.classification import Classification
from govreply.model.reference import ItemReference

__all__ = ["FeedbackForm"]


@attrs.frozen(kw_only=True)
class FeedbackForm:
    """A feedback form as attached to the letter, filled in or blank.

    ``classification_options`` are the codes the form offers (A1 A2 … on the seed's form);
    ``classification`` is the one entered. ``attitude`` and ``result`` are the deputy's
    ratings of the handling attitude (办理态度) and result (办理结果); ``None`` while blank.
    """

    title: str = attrs.field(validator=nonempty)
    deputies: Addressees
    address: str | None = attrs.field(default=None, validator=nonempty)
    phone: str | None = attrs.field(default=None, validator=nonempty)
    item: ItemReference
    classification_options: tuple[str, ...] = attrs.field(default=(), validator=nonempty_items)
    classification: Classification | None = None
    handler: str | None = attrs.field(default=None, validator=nonempty)
    attitude: Rating | None = None
    result: Rating | None = None
    opinion: str | None = attrs.field(default=None, validator=nonempty)
    remarks: tuple[str, ...] = attrs.field(default=(), validator=nonempty_items)
