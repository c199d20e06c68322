"""Per-field input problems, collected so that a clerk sees all of them in one answer.

Every service checks its commands with one of these and raises ``InvalidArgument`` with
``details`` = [{"field", "message"}]; the gateway passes the details on as they are.
"""

from __future__ import annotations

from enum import StrEnum
from typing import TypeVar

from wulian.kit.errors import InvalidArgument

E = TypeVar("E", bound=StrEnum)
NOTE_MAX = 2000  # free text other than a document's own body


class Problems:
    def __init__(self) -> None:
        self.details: list[dict[str, str]] = []

    def add(self, field: str, message: str) -> None:
        self.details.append({"field": field, "message": message})

    def text(self, field: str, value: str, label: str, *, required: bool = True, limit: int = NOTE_MAX) -> str:
        """``value`` trimmed; a problem when it is empty (and required) or longer than ``limit``."""
        value = value.strip()
        if required and not value:
            self.add(field, f"{label}不能为空")
        elif len(value) > limit:
            self.add(field, f"{label}不能超过 {limit} 个字")
        return value

    def choice(self, field: str, value: str, kind: type[E], label: str) -> E | None:
        if value in kind.__members__.values():
            return kind(value)
        self.add(field, f"{label}不在可选范围内")
        return None

    def raise_if_any(self, message: str) -> None:
        if self.details:
            raise InvalidArgument(message, details=self.details)


def checked_text(field: str, value: str, label: str, *, required: bool = True, limit: int = NOTE_MAX) -> str:
    """One free-text input (a reason, a note) trimmed and checked on its own: ``InvalidArgument`` naming
    ``field`` when it is empty (and required) or longer than ``limit``."""
    problems = Problems()
    text = problems.text(field, value, label, required=required, limit=limit)
    problems.raise_if_any(f"{label}未通过校验")
    return text
