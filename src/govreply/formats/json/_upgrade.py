"""Reading version-1 documents: the mapping of version 1 rewritten as version 2.

Version 2 changed what version 1 got wrong about real letters (see the changelog). Only one
change needs rewriting: version 1 kept the ``cc`` entries as printed, so the last entry carried
the line's final ``。`` when the letter printed one. Version 2 keeps clean names and records a
missing ``。`` in ``cc_stop``. Every other version-1 value means the same in version 2 (fields
that became optional, and new fields, are simply absent).
"""

from __future__ import annotations

from typing import Any

__all__ = ["upgrade_letter"]


def upgrade_letter(letter: Any) -> Any:
    """The version-2 mapping of a version-1 ``letter`` mapping (anything else is returned as is).

    >>> upgrade_letter({"cc": ["区人大选任联工委", "区政府督查室。"]})
    {'cc': ['区人大选任联工委', '区政府督查室']}
    >>> upgrade_letter({"cc": ["区人大选任联工委", "区政府督查室"]})
    {'cc': ['区人大选任联工委', '区政府督查室'], 'cc_stop': False}
    """
    if type(letter) is not dict:
        return letter
    cc = letter.get("cc")
    if type(cc) is not list or not cc or not all(type(name) is str for name in cc):
        return letter
    upgraded = dict(letter)
    last = cc[-1]
    if last.endswith("。"):
        upgraded["cc"] = [*cc[:-1], last[:-1]]
    else:
        upgraded["cc"] = list(cc)
        upgraded["cc_stop"] = False
    return upgraded
