"""Pages of a list: opaque page tokens and the page-size rule every list of the platform follows."""

from __future__ import annotations

import base64
from dataclasses import dataclass

MAX_PAGE_SIZE = 100
DEFAULT_PAGE_SIZE = 20


def encode_page_token(offset: int) -> str:
    return base64.urlsafe_b64encode(f"o:{offset}".encode()).decode()


def decode_page_token(token: str) -> int:
    """The offset a page token stands for; ValueError for a token we did not issue."""
    if not token:
        return 0
    raw = base64.urlsafe_b64decode(token.encode()).decode()
    if not raw.startswith("o:"):
        raise ValueError(token)
    offset = int(raw[2:])
    if offset < 0:
        raise ValueError(token)
    return offset


def page_problems(page_size: int, page_token: str) -> tuple[int, list[dict[str, str]]]:
    """The offset of ``page_token`` and the per-field problems of the paging parameters."""
    problems = []
    if not 0 <= page_size <= MAX_PAGE_SIZE:
        problems.append({"field": "page_size", "message": f"每页条数应在 1 到 {MAX_PAGE_SIZE} 之间"})
    try:
        offset = decode_page_token(page_token)
    except ValueError:
        problems.append({"field": "page_token", "message": "分页标记无效，请从第一页重新查询"})
        offset = 0
    return offset, problems


@dataclass(frozen=True)
class Shown:
    """One object as its caller may see it: ``json`` its read model (the gRPC ``Document``)."""

    id: str
    version: int
    json: str


@dataclass(frozen=True)
class Page:
    """A page of a list: ``items`` the read models as JSON; ``counts`` per status for counts-only roles."""

    items: list[str]
    next_page_token: str
    total: int
    counts: dict[str, int]
