"""What the consultation routes share: path parameters — the objects' ids and the numbers that name their parts
(an item, a proposal, a link, an action item) — and the year filter. Paging, the id filter, the list request
and the way a body becomes the request message are the gateway's generic ones (``routes.common``).
"""

from __future__ import annotations

from typing import Annotated

from fastapi import Path, Query

from services.gateway.schemas_consultation import ID_MAX, ID_PATTERN, LIST_MAX, NUMBERS, YEARS

PlanId = Annotated[str, Path(max_length=ID_MAX, pattern=ID_PATTERN, description="计划编号")]
ConsultationId = Annotated[str, Path(max_length=ID_MAX, pattern=ID_PATTERN, description="征求意见编号")]
OpinionId = Annotated[str, Path(max_length=ID_MAX, pattern=ID_PATTERN, description="意见编号")]
MeetingId = Annotated[str, Path(max_length=ID_MAX, pattern=ID_PATTERN, description="联席会议编号")]
BulletinId = Annotated[str, Path(max_length=ID_MAX, pattern=ID_PATTERN, description="通报编号")]
AnalysisId = Annotated[str, Path(max_length=ID_MAX, pattern=ID_PATTERN, description="联合研判编号")]
ItemNo = Annotated[int, Path(ge=NUMBERS[0], le=NUMBERS[1], description="计划项目序号")]
ProposalNo = Annotated[int, Path(ge=NUMBERS[0], le=NUMBERS[1], description="项目建议序号")]
LinkNo = Annotated[int, Path(ge=NUMBERS[0], le=NUMBERS[1], description="关联序号")]
ActionItemNo = Annotated[int, Path(ge=1, le=LIST_MAX, description="督办事项序号")]
YearFilter = Annotated[int | None, Query(ge=YEARS[0], le=YEARS[1], description="年度")]
