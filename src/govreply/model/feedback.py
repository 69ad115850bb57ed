"""The feedback form (征询意见表) attached to a reply, on which the deputy rates the handling."""

from __future__ import annotations

import attrs

from govreply.model import _validators as v
from govreply.model._enums import Rating
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

    title: str = attrs.field(validator=v.text(optional=False))
    deputies: Addressees = attrs.field(validator=v.instance(Addressees, optional=False))
    address: str | None = attrs.field(default=None, validator=v.text())
    phone: str | None = attrs.field(default=None, validator=v.text())
    item: ItemReference = attrs.field(validator=v.instance(ItemReference, optional=False))
    classification_options: tuple[str, ...] = attrs.field(
        default=(), converter=v.to_tuple, validator=v.texts()
    )
    classification: Classification | None = attrs.field(
        default=None, validator=v.instance(Classification)
    )
    handler: str | None = attrs.field(default=None, validator=v.text())
    attitude: Rating | None = attrs.field(
        default=None, validator=v.enum_value(Rating, optional=True)
    )
    result: Rating | None = attrs.field(default=None, validator=v.enum_value(Rating, optional=True))
    opinion: str | None = attrs.field(default=None, validator=v.text())
    remarks: tuple[str, ...] = attrs.field(default=(), converter=v.to_tuple, validator=v.texts())
