"""How much of one object a caller sees, and the rule that below a limited view it does not exist."""

from __future__ import annotations

from enum import IntEnum

from wulian.kit.errors import NotFound


class View(IntEnum):
    """How much of one object a caller sees; a larger view includes the smaller ones."""

    NONE = 0  # not even that it exists (not found)
    COUNTS = 1  # only as a number in the counts
    LIMITED = 2  # the object less what this caller may not see (masked numbers, hidden names, …)
    FULL = 3


def ensure_readable(view: View, *, message: str) -> View:
    """One object is shown from the limited view up; below, it does not exist for the caller."""
    if view < View.LIMITED:
        raise NotFound(message)
    return view
