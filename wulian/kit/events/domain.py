"""The base of every service's domain events: what happened, on which subject it is published, who is told.

An event class names its ``service``, ``aggregate`` and ``name`` (class variables) and so its NATS subject
``wulian.<service>.<aggregate>.<name>``; it says which aggregate it is about (``aggregate_id``) and who sees
it in the gateway's event stream (``audience()``, selectors "role:<role>", "subject:<sub>",
"org_unit:<unit>"). Pure: no I/O; ``messages.EventMessages`` turns events into their protobuf messages.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from dataclasses import dataclass
from typing import ClassVar


@dataclass(frozen=True, slots=True)
class DomainEvent(ABC):
    service: ClassVar[str] = ""
    name: ClassVar[str] = ""
    aggregate: ClassVar[str] = ""

    @property
    @abstractmethod
    def aggregate_id(self) -> str: ...

    @property
    def topic(self) -> str:
        """The NATS subject the event is published on."""
        return f"wulian.{self.service}.{self.aggregate}.{self.name}"

    @abstractmethod
    def audience(self) -> list[str]:
        """Who is told of this event, as selectors."""


def subject(sub: str) -> list[str]:
    """The selector of one login, or none when there is no login."""
    return [f"subject:{sub}"] if sub else []


def org_unit(unit: str) -> str:
    return f"org_unit:{unit}"
