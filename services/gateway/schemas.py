"""Request and response bodies of the HTTP API (the public shapes; never the services' tables)."""

from __future__ import annotations

from datetime import datetime
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

SuggestionCategory = Literal[
    "economy",
    "urban_construction",
    "transport",
    "education",
    "health",
    "social_security",
    "environment",
    "agriculture",
    "rule_of_law",
    "other",
]


class Strict(BaseModel):
    """Request bodies: unknown fields are refused, strings are not coerced from numbers."""

    model_config = ConfigDict(extra="forbid", strict=True)


class MePublic(BaseModel):
    subject: str
    username: str
    name: str
    body: str
    org_unit: str
    roles: list[str]


class SuggestionCreate(Strict):
    title: str = Field(min_length=1, max_length=100, description="标题", examples=["关于增开城乡公交线路的建议"])
    content: str = Field(min_length=1, max_length=5000, description="建议内容")
    category: SuggestionCategory = Field(description="类别")


class SuggestionPublic(BaseModel):
    id: str
    number: str = Field(description="年度编号，如 2026-0001")
    title: str
    content: str
    category: str
    status: str
    deputy_subject: str
    deputy_name: str
    submitted_at: datetime


class SuggestionsPublic(BaseModel):
    items: list[SuggestionPublic]
    total: int
    next_page_token: str | None = None
