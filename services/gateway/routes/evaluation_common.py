"""What the evaluation routes share: path parameters and the list request. A body becomes the service's
request message by the gateway's generic ``command`` (``routes.common``), as paging, the id filter and
downloads do.
"""

from __future__ import annotations

from typing import Annotated

from fastapi import Path, Query

from services.gateway.routes.common import command as command
from services.gateway.routes.common import list_request
from services.gateway.schemas_evaluation import (
    ID_MAX,
    ID_PATTERN,
    ORG_UNIT_MAX,
    YEARS,
)
from wulian.evaluation.v1 import evaluation_pb2 as pb

AppraisalId = Annotated[str, Path(max_length=ID_MAX, pattern=ID_PATTERN, description="评议编号")]
SessionId = Annotated[str, Path(max_length=ID_MAX, pattern=ID_PATTERN, description="测评场次编号")]
ItemId = Annotated[str, Path(max_length=ID_MAX, pattern=ID_PATTERN, description="整改事项编号")]
CandidateId = Annotated[str, Path(max_length=ID_MAX, pattern=ID_PATTERN, description="候选项目编号")]
VoteId = Annotated[str, Path(max_length=ID_MAX, pattern=ID_PATTERN, description="项目票决编号")]
ProjectId = Annotated[str, Path(max_length=ID_MAX, pattern=ID_PATTERN, description="民生实事项目编号")]
YearFilter = Annotated[int | None, Query(ge=YEARS[0], le=YEARS[1], description="年度")]
UnitFilter = Annotated[str, Query(max_length=ORG_UNIT_MAX, description="责任单位（org_unit）")]


def listing(page_size: int, page_token: str, **values: str | int | bool | None) -> pb.ListRequest:
    """A list request with the filters given (those empty, None or false are not sent)."""
    return list_request(pb.ListRequest, page_size, page_token, **values)
