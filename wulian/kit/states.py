"""State tables of the aggregates: in which states each action is allowed, and the words that refuse it."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from enum import StrEnum
from typing import Generic, TypeVar

from wulian.kit.errors import Conflict

S = TypeVar("S", bound=StrEnum)
A = TypeVar("A", bound=StrEnum)


@dataclass(frozen=True)
class StateTable(Generic[S, A]):
    """In which states each action is allowed, and the words that refuse the others:
    "<state phrase>，不能<action label>" (``Conflict``)."""

    allowed: Mapping[A, frozenset[S]]
    phrases: Mapping[S, str]
    action_labels: Mapping[A, str]

    def ensure(self, action: A, status: S) -> None:
        if status not in self.allowed[action]:
            raise Conflict(f"{self.phrases[status]}，不能{self.action_labels[action]}")


def status_counts(kind: type[S], statuses: Iterable[S]) -> dict[S, int]:
    """How many of each status, zeros included (what ``platform_admin`` sees of a register)."""
    counts = dict.fromkeys(kind, 0)
    for status in statuses:
        counts[status] += 1
    return counts
