"""Read models as the services answer them: JSON of the domain's view dataclasses, and lists filtered by the
aggregates' own visibility rules and paged in memory.

For the registers that stay short (campaigns, plans, meetings, bulletins: tens to hundreds a year) a list
loads the rows its filters select in the database, keeps those the caller may see — by the same rule that
decides a single read — and pages the result: totals and pages are exact, never a short page after a
count of rows the caller cannot see. Registers that grow with every case page in the database instead.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from enum import StrEnum
from typing import Any, TypeVar

from pydantic import TypeAdapter
from sqlalchemy import and_, select
from sqlmodel import Session

from wulian.kit.access import View
from wulian.kit.documents import Aggregate, Documents
from wulian.kit.errors import InvalidArgument
from wulian.kit.paging import DEFAULT_PAGE_SIZE, Page, encode_page_token, page_problems
from wulian.kit.principal import Principal
from wulian.kit.states import status_counts

A = TypeVar("A", bound=Aggregate)
YEARS = (2000, 2100)

_ADAPTERS: dict[type, TypeAdapter[Any]] = {}


def to_json(model: object) -> str:
    """A read model (a dataclass of the domain) as JSON: dates ISO, decimals as text, enums by value."""
    kind = type(model)
    adapter = _ADAPTERS.get(kind) or _ADAPTERS.setdefault(kind, TypeAdapter(kind))
    return adapter.dump_json(model).decode()


def paged(models: list[Any], page_size: int, page_token: str) -> Page:
    offset, problems = page_problems(page_size, page_token)
    if problems:
        raise InvalidArgument("查询条件未通过校验", details=problems)
    limit = page_size or DEFAULT_PAGE_SIZE
    token = encode_page_token(offset + limit) if offset + limit < len(models) else ""
    return Page([to_json(m) for m in models[offset : offset + limit]], token, len(models), {})


def year_filter(filters: Mapping[str, str]) -> int | None:
    text = filters.get("year", "")
    if not text:
        return None
    if not text.isdigit() or not YEARS[0] <= int(text) <= YEARS[1]:
        details = [{"field": "year", "message": f"年度应为 {YEARS[0]}–{YEARS[1]}"}]
        raise InvalidArgument("查询条件未通过校验", details=details)
    return int(text)


def selected(
    db: Session, documents: Documents[A], filters: Mapping[str, str], columns: Iterable[str], statuses: type[StrEnum]
) -> list[A]:
    """The aggregates whose ``columns`` equal the given filters (``year`` as a number), in id order."""
    if filters.get("status") and filters["status"] not in statuses.__members__.values():
        raise InvalidArgument("查询条件未通过校验", details=[{"field": "status", "message": "状态不在可选范围内"}])
    table = documents.table
    conditions = []
    for name in columns:
        if name == "year" and (year := year_filter(filters)) is not None:
            conditions.append(table.c.year == year)
        elif name != "year" and filters.get(name):
            conditions.append(table.c[name] == filters[name])
    query = select(table.c.document).where(and_(True, *conditions)).order_by(table.c.id)
    return [documents.parse(row.document) for row in db.execute(query)]


def visible_page(
    principal: Principal,
    aggregates: list[A],
    access: Callable[[A], View],
    view: Callable[[A], Any],
    status: Callable[[A], Any],
    statuses: type[StrEnum],
    page: tuple[int, str],
) -> Page:
    """The caller's page of ``aggregates``: the rows of the limited view and up; for a counts-only role
    (``platform_admin``), the numbers per status and no row."""
    levels = [(a, access(a)) for a in aggregates]
    rows = [view(a) for a, level in levels if level >= View.LIMITED]
    if not rows and "platform_admin" in principal.roles:
        counts = status_counts(statuses, (status(a) for a, level in levels if level is View.COUNTS))
        return Page([], "", sum(counts.values()), {str(k): v for k, v in counts.items()})
    return paged(rows, *page)
