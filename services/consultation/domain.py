"""监督事项联商 — the vocabulary and standing rules of the consultation link. No I/O; the standard library and
the kit's pure modules (principal, errors, problems, states, access, clock) only.

Huangshi's link (seed 004): the congress and the discipline commission keep each other informed through
joint meetings (联席会议), joint reviews and regular bulletins (定期通报); the congress asks the commission for
opinions when it draws up its yearly supervision plan (and adopts them), the commission asks the congress's
leadership and deputies for opinions on its draft work report; they analyse problems together (联合研判).
Luoyang (seed 000) tells how a plan is built: items proposed by the committees from many sources, gathered,
reviewed level by level, approved, and adjusted during the year by a set procedure.

The link is split along its seams:

- ``domain`` (this module): the bodies, who acts for which body (deny by default), limits, the event base;
- ``plans``: the supervision plan (监督工作计划) — or the commission's draft work report — its items, the
  proposals of items, its status (drafting, consulting, approved) and every version of it, each change
  after approval with its reason; links from an item to the work it produced in the other links;
- ``consultations``: a request for opinions (征求意见) on a plan's version, to other bodies, with a reply
  deadline; the opinions (per item or general) and the asking body's adoption of each (采纳 / 部分采纳 /
  不予采纳, with a reason);
- ``meetings``: joint meetings (联席会议): agenda, attendees by body, minutes, decisions, action items with an
  owner body, a due date and a status (overdue ones raise events);
- ``bulletins``: one body informs chosen bodies (通报); recipients acknowledge reading;
- ``analyses``: joint analysis notes (联合研判) shared by the bodies that take part.

Who acts. A *body* acts through its staff: the congress through ``congress_clerk``,
``congress_committee`` and ``congress_leader``; the discipline commission through
``discipline_commission`` and ``discipline_station``; the government through
``gov_supervision_office``. Deputies (``deputy``) propose plan items and give opinions where the congress
is consulted on the commission's work report; departments, courts, experts and ``platform_admin`` take no
part (``platform_admin`` sees counts).
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from zoneinfo import ZoneInfo

from wulian.kit.access import View as View
from wulian.kit.access import ensure_readable as ensure_readable
from wulian.kit.clock import as_utc as as_utc
from wulian.kit.clock import beijing_date as beijing_date
from wulian.kit.clock import end_of_day as end_of_day
from wulian.kit.errors import PermissionDenied
from wulian.kit.events.domain import DomainEvent
from wulian.kit.principal import Principal
from wulian.kit.problems import Problems
from wulian.kit.problems import checked_text as checked_text
from wulian.kit.states import StateTable as StateTable
from wulian.kit.states import status_counts as status_counts

SHANGHAI = ZoneInfo("Asia/Shanghai")

TITLE_MAX = 200  # a plan's, an item's, a meeting's, a bulletin's title or topic
NAME_MAX = 50  # a person's name, a committee's name
ID_MAX = 64
TEXT_MAX = 2000  # reasons, notes, short texts
BODY_MAX = 20000  # minutes, a bulletin, an opinion, an analysis
LIST_MAX = 200  # items of a plan, agenda topics, attendees, action items, notes
YEARS = (2000, 2100)

DEPUTY_ROLE = "deputy"


class Body(StrEnum):
    """The bodies that consult one another."""

    CONGRESS = "congress"  # 人大常委会
    DISCIPLINE = "discipline"  # 纪委监委
    GOVERNMENT = "government"  # 市政府


BODY_LABELS: dict[Body, str] = {
    Body.CONGRESS: "人大常委会",
    Body.DISCIPLINE: "纪委监委",
    Body.GOVERNMENT: "市政府",
}

# The staff through whom each body acts (and who read what their body may read).
BODY_STAFF: dict[Body, tuple[str, ...]] = {
    Body.CONGRESS: ("congress_clerk", "congress_committee", "congress_leader"),
    Body.DISCIPLINE: ("discipline_commission", "discipline_station"),
    Body.GOVERNMENT: ("gov_supervision_office",),
}


def bodies_of(principal: Principal) -> frozenset[Body]:
    """The bodies ``principal`` acts for as staff (usually one)."""
    return frozenset(body for body, roles in BODY_STAFF.items() if principal.has_any(*roles))


def acts_for(principal: Principal, body: Body) -> bool:
    return principal.has_any(*BODY_STAFF[body])


def require_body(principal: Principal, body: Body, *, message: str) -> None:
    if not acts_for(principal, body):
        raise PermissionDenied(message)


def acting_body(principal: Principal, *, message: str) -> Body:
    """The one body ``principal`` acts for (congress first, should someone hold roles of two)."""
    for body in (Body.CONGRESS, Body.DISCIPLINE, Body.GOVERNMENT):
        if acts_for(principal, body):
            return body
    raise PermissionDenied(message)


def is_deputy(principal: Principal) -> bool:
    return DEPUTY_ROLE in principal.roles


def counts_only(principal: Principal) -> bool:
    """``platform_admin`` without a body's role: the numbers, never a row."""
    return "platform_admin" in principal.roles and not bodies_of(principal)


def body_audience(*bodies: Body) -> list[str]:
    """The event selectors of the staff of ``bodies``."""
    return [f"role:{role}" for body in bodies for role in BODY_STAFF[body]]


def checked_bodies(problems: Problems, field: str, values: tuple[str, ...], label: str) -> tuple[Body, ...]:
    """The distinct bodies ``values`` names, in their order; a problem on ``field[i]`` for an unknown or a
    repeated one."""
    chosen: list[Body] = []
    for index, value in enumerate(values):
        body = problems.choice(f"{field}[{index}]", value, Body, label)
        if body in chosen:
            problems.add(f"{field}[{index}]", f"{label}“{BODY_LABELS[body]}”重复")
        elif body is not None:
            chosen.append(body)
    return tuple(chosen)


def checked_texts(
    problems: Problems, field: str, values: tuple[str, ...], label: str, *, required: bool = True, limit: int
) -> tuple[str, ...]:
    """A list of short texts (agenda topics, decisions, conclusions), each trimmed and required, at most
    ``LIST_MAX`` of them; the list itself may be empty unless ``required``."""
    if required and not values:
        problems.add(field, f"{label}不能为空")
    elif len(values) > LIST_MAX:
        problems.add(field, f"{label}不能超过 {LIST_MAX} 项")
    return tuple(problems.text(f"{field}[{index}]", value, label, limit=limit) for index, value in enumerate(values))


def joint_bodies(problems: Problems, field: str, values: tuple[str, ...], own: Body, label: str) -> tuple[Body, ...]:
    """The bodies of a joint undertaking (a meeting, an analysis): at least two, ``own`` among them."""
    bodies = checked_bodies(problems, field, values, label)
    if len(values) < 2:
        problems.add(field, f"{label}至少为两个机关")
    elif own not in bodies:
        problems.add(field, f"{label}须包括本机关（{BODY_LABELS[own]}）")
    return bodies


# --- events ---------------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Event(DomainEvent):
    """The base of the link's events: published on ``wulian.consultation.<aggregate>.<name>``."""

    service = "consultation"
