"""What the case-review routes share: path parameters, paging, downloads and the list request."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import Path, Query, Response

from services.gateway import export as xlsx
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
PageSize = Annotated[int, Query(ge=1, le=100, description="每页条数")]
PageToken = Annotated[str, Query(max_length=200, description="上一页返回的 next_page_token")]
IdFilter = Annotated[str, Query(max_length=ID_MAX, pattern=r"^[A-Za-z0-9_-]*$")]
XLSX_RESPONSE: dict[int | str, dict[str, Any]] = {
    200: {"content": {xlsx.XLSX_MEDIA_TYPE: {}}, "description": "Excel 工作簿（.xlsx）"}
}


def download(content: bytes | str, media_type: str, filename: str, ascii_filename: str) -> Response:
    disposition = xlsx.content_disposition(filename, ascii_filename)
    return Response(content, media_type=media_type, headers={"Content-Disposition": disposition})


def filters(**values: str | None) -> dict[str, str]:
    """The list's filters as the contract carries them: only those given."""
    return {name: value for name, value in values.items() if value}


def listing(page_size: int, page_token: str, **values: str | None) -> pb.ListRequest:
    return pb.ListRequest(page_size=page_size, page_token=page_token, filters=filters(**values))
