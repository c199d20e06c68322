"""What the evaluation routes share: path parameters, the list request, and the one way a body becomes the
service's request message.

Paging, the id filter and downloads are the gateway's generic ones, kept with the case-review routes
(``case_review_common``).
"""

from __future__ import annotations

from typing import Annotated, Any, TypeVar

from fastapi import Path, Query
from google.protobuf import json_format
from google.protobuf.message import Message
from pydantic import BaseModel

from services.gateway.routes.common import (
    filters,
)
from services.gateway.schemas_evaluation import (
    ID_MAX,
    ID_PATTERN,
    ORG_UNIT_MAX,
    YEARS,
)
from wulian.evaluation.v1 import evaluation_pb2 as pb

M = TypeVar("M", bound=Message)

AppraisalId = Annotated[str, Path(max_length=ID_MAX, pattern=ID_PATTERN, description="评议编号")]
SessionId = Annotated[str, Path(max_length=ID_MAX, pattern=ID_PATTERN, description="测评场次编号")]
ItemId = Annotated[str, Path(max_length=ID_MAX, pattern=ID_PATTERN, description="整改事项编号")]
CandidateId = Annotated[str, Path(max_length=ID_MAX, pattern=ID_PATTERN, description="候选项目编号")]
VoteId = Annotated[str, Path(max_length=ID_MAX, pattern=ID_PATTERN, description="项目票决编号")]
ProjectId = Annotated[str, Path(max_length=ID_MAX, pattern=ID_PATTERN, description="民生实事项目编号")]
YearFilter = Annotated[int | None, Query(ge=YEARS[0], le=YEARS[1], description="年度")]
UnitFilter = Annotated[str, Query(max_length=ORG_UNIT_MAX, description="责任单位（org_unit）")]


def command(kind: type[M], body: BaseModel, *, into: str = "command", **fields: str) -> M:
    """The request message ``kind`` with ``body`` (whose fields are the command's, by name) at ``into`` — a
    dotted path such as ``command.plan``, or "" for the message itself — beside ``fields`` (the object's id).
    Dates go as ISO text and times as RFC 3339, as the contract's JSON mapping reads them."""
    values: dict[str, Any] = body.model_dump(mode="json", exclude_none=True)
    for name in reversed(into.split(".") if into else []):
        values = {name: values}
    return json_format.ParseDict({**values, **fields}, kind())


def filter_text(value: str | int | bool | None) -> str:
    """A filter as the contract carries it: a year as text, a flag that is set as "true"; "" for none (the
    service reads an unset flag as false)."""
    if value is None or value is False:
        return ""
    return "true" if value is True else str(value)


def listing(page_size: int, page_token: str, **values: str | int | bool | None) -> pb.ListRequest:
    """A list request with the filters given (those empty, None or false are not sent)."""
    sent = filters(**{name: filter_text(value) for name, value in values.items()})
    return pb.ListRequest(page_size=page_size, page_token=page_token, filters=sent)
