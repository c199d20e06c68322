"""What the case-review routes share: path parameters and the list request."""

from __future__ import annotations

from typing import Annotated

from fastapi import Path

from services.gateway.routes.common import filters
from services.gateway.schemas_case_review import (
    ID_MAX,
    ID_PATTERN,
)
from wulian.case_review.v1 import case_review_pb2 as pb

ExpertId = Annotated[str, Path(max_length=ID_MAX, pattern=ID_PATTERN, description="专家编号")]
CaseId = Annotated[str, Path(max_length=ID_MAX, pattern=ID_PATTERN, description="案件编号")]
ReviewId = Annotated[str, Path(max_length=ID_MAX, pattern=ID_PATTERN, description="评查批次编号")]
DrawId = Annotated[str, Path(max_length=ID_MAX, pattern=ID_PATTERN, description="抽取编号")]
FindingId = Annotated[str, Path(max_length=ID_MAX, pattern=ID_PATTERN, description="评查意见编号")]


def listing(page_size: int, page_token: str, **values: str | None) -> pb.ListRequest:
    return pb.ListRequest(page_size=page_size, page_token=page_token, filters=filters(**values))
