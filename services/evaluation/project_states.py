"""民生实事联督 — the states of the livelihood projects and their labels: a candidate's, a project vote's and a
project's status with the actions each allows (``StateTable``), the computed progress of a target or a project,
the sources of a candidate and the bodies that take part in a joint inspection. Pure: the standard library and
``domain`` only."""

from __future__ import annotations

from enum import StrEnum

from services.evaluation.domain import StateTable


class CandidateSource(StrEnum):
    GOVERNMENT = "government"  # 政府提出
    DEPUTIES = "deputies"  # 代表建议
    PUBLIC = "public"  # 公开征集（实地调研、网络舆情等）


CANDIDATE_SOURCE_LABELS: dict[CandidateSource, str] = {
    CandidateSource.GOVERNMENT: "政府提出",
    CandidateSource.DEPUTIES: "代表建议",
    CandidateSource.PUBLIC: "公开征集",
}


class CandidateStatus(StrEnum):
    PROPOSED = "proposed"
    ON_BALLOT = "on_ballot"
    ELECTED = "elected"
    NOT_ELECTED = "not_elected"
    WITHDRAWN = "withdrawn"


CANDIDATE_STATUS_LABELS: dict[CandidateStatus, str] = {
    CandidateStatus.PROPOSED: "候选中",
    CandidateStatus.ON_BALLOT: "票决中",
    CandidateStatus.ELECTED: "已当选",
    CandidateStatus.NOT_ELECTED: "未当选",
    CandidateStatus.WITHDRAWN: "已撤回",
}


class CandidateAction(StrEnum):
    EDIT = "edit"
    WITHDRAW = "withdraw"
    PUT_ON_BALLOT = "put_on_ballot"
    RELEASE = "release"
    DECIDE = "decide"


CANDIDATE_STATES: StateTable[CandidateStatus, CandidateAction] = StateTable(
    allowed={
        CandidateAction.EDIT: frozenset({CandidateStatus.PROPOSED}),
        CandidateAction.WITHDRAW: frozenset({CandidateStatus.PROPOSED}),
        CandidateAction.PUT_ON_BALLOT: frozenset({CandidateStatus.PROPOSED}),
        CandidateAction.RELEASE: frozenset({CandidateStatus.ON_BALLOT}),
        CandidateAction.DECIDE: frozenset({CandidateStatus.ON_BALLOT}),
    },
    phrases={
        CandidateStatus.PROPOSED: "该候选项目尚未提交票决",
        CandidateStatus.ON_BALLOT: "该候选项目已提交票决",
        CandidateStatus.ELECTED: "该候选项目已票决当选",
        CandidateStatus.NOT_ELECTED: "该候选项目未当选",
        CandidateStatus.WITHDRAWN: "该候选项目已撤回",
    },
    action_labels={
        CandidateAction.EDIT: "修改",
        CandidateAction.WITHDRAW: "撤回",
        CandidateAction.PUT_ON_BALLOT: "提交票决",
        CandidateAction.RELEASE: "退出票决",
        CandidateAction.DECIDE: "登记票决结果",
    },
)


class VoteStatus(StrEnum):
    DRAFT = "draft"
    OPEN = "open"
    CLOSED = "closed"
    CANCELLED = "cancelled"


VOTE_STATUS_LABELS: dict[VoteStatus, str] = {
    VoteStatus.DRAFT: "筹备中",
    VoteStatus.OPEN: "投票中",
    VoteStatus.CLOSED: "已结束",
    VoteStatus.CANCELLED: "已取消",
}


class VoteAction(StrEnum):
    EDIT = "edit"
    OPEN = "open"
    CAST = "cast"
    CLOSE = "close"
    CANCEL = "cancel"


VOTE_STATES: StateTable[VoteStatus, VoteAction] = StateTable(
    allowed={
        VoteAction.EDIT: frozenset({VoteStatus.DRAFT}),
        VoteAction.OPEN: frozenset({VoteStatus.DRAFT}),
        VoteAction.CAST: frozenset({VoteStatus.OPEN}),
        VoteAction.CLOSE: frozenset({VoteStatus.OPEN}),
        VoteAction.CANCEL: frozenset({VoteStatus.DRAFT, VoteStatus.OPEN}),
    },
    phrases={
        VoteStatus.DRAFT: "该票决尚在筹备中",
        VoteStatus.OPEN: "该票决正在投票",
        VoteStatus.CLOSED: "该票决已结束",
        VoteStatus.CANCELLED: "该票决已取消",
    },
    action_labels={
        VoteAction.EDIT: "修改",
        VoteAction.OPEN: "开始投票",
        VoteAction.CAST: "投票",
        VoteAction.CLOSE: "结束投票",
        VoteAction.CANCEL: "取消",
    },
)


class ProjectStatus(StrEnum):
    IN_PROGRESS = "in_progress"
    COMPLETED = "completed"


PROJECT_STATUS_LABELS: dict[ProjectStatus, str] = {
    ProjectStatus.IN_PROGRESS: "实施中",
    ProjectStatus.COMPLETED: "已完成",
}


class ProjectAction(StrEnum):
    REPORT_PROGRESS = "report_progress"
    RECORD_INSPECTION = "record_inspection"
    LINK_SATISFACTION = "link_satisfaction"


PROJECT_STATES: StateTable[ProjectStatus, ProjectAction] = StateTable(
    allowed={
        ProjectAction.REPORT_PROGRESS: frozenset({ProjectStatus.IN_PROGRESS}),
        ProjectAction.RECORD_INSPECTION: frozenset(ProjectStatus),  # 验收视察 after completion too
        ProjectAction.LINK_SATISFACTION: frozenset(ProjectStatus),
    },
    phrases={ProjectStatus.IN_PROGRESS: "该项目正在实施", ProjectStatus.COMPLETED: "该项目已完成"},
    action_labels={
        ProjectAction.REPORT_PROGRESS: "报告进度",
        ProjectAction.RECORD_INSPECTION: "记录联合视察",
        ProjectAction.LINK_SATISFACTION: "关联满意度测评",
    },
)


class Progress(StrEnum):
    """Computed, never typed: where a target or a project stands on a Beijing date."""

    ON_TRACK = "on_track"
    LATE = "late"
    COMPLETED = "completed"


PROGRESS_LABELS: dict[Progress, str] = {
    Progress.ON_TRACK: "按计划推进",
    Progress.LATE: "滞后",
    Progress.COMPLETED: "已完成",
}


class InspectionBody(StrEnum):
    CONGRESS = "congress"
    DISCIPLINE = "discipline"
    GOVERNMENT = "government"
    OTHER = "other"


INSPECTION_BODY_LABELS: dict[InspectionBody, str] = {
    InspectionBody.CONGRESS: "人大（常委会、代表）",
    InspectionBody.DISCIPLINE: "纪委监委",
    InspectionBody.GOVERNMENT: "政府部门",
    InspectionBody.OTHER: "其他（群众代表、媒体等）",
}
