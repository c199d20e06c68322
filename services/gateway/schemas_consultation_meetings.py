"""Request bodies of the joint meetings (联席会议), bulletins (通报) and joint analyses (联合研判) of the
consultation link; the plans' and consultations' are in ``schemas_consultation``, which says how a body becomes
the service's command and which rules are left to the service.
"""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import Field

from services.gateway.schemas import Day, Moment, Strict
from services.gateway.schemas_consultation import (
    BODIES,
    LIST_MAX,
    NAME_MAX,
    TEXT_MAX,
    TITLE_MAX,
    Bodies,
    BodyName,
    LongText,
    Name,
    Reason,
    ShortText,
    Title,
)

MeetingStatus = Literal["planned", "held", "closed", "cancelled"]
BulletinKind = Literal["inspection_tour", "special_campaign", "report_heard", "meeting", "other"]
BulletinStatus = Literal["issued", "withdrawn"]
AnalysisStatus = Literal["open", "concluded"]

Topics = list[Annotated[str, Field(min_length=1, max_length=TITLE_MAX)]]
Lines = list[Annotated[str, Field(min_length=1, max_length=TEXT_MAX)]]


# --- 联席会议: joint meetings -----------------------------------------------------------------------------


class ConveneMeeting(Strict):
    """A joint meeting called in the name of the caller's body, with at least one other body."""

    title: Title = Field(description="会议名称")
    held_at: Moment = Field(description="会议时间（带时区，如 2026-03-10T09:00:00+08:00）")
    place: Title = Field(description="会议地点")
    bodies: Bodies = Field(min_length=2, description=f"参会机关（至少两个，含本机关）：{BODIES}")
    agenda: Topics = Field(min_length=1, max_length=LIST_MAX, description="会议议题，每项一条")


class AttendeeEntry(Strict):
    body: BodyName = Field(description="所在机关（参会机关之一）")
    name: Name = Field(description="姓名")
    position: str = Field("", max_length=NAME_MAX, description="职务")


class ActionItemEntry(Strict):
    """督办事项: a matter handed to one participating body, due by the end of a Beijing day."""

    title: Title = Field(description="督办事项")
    owner_body: BodyName = Field(description="责任机关（参会机关之一）")
    due_on: Day = Field(description="办结期限（北京时间的日期，不早于今天）")


class RecordMinutes(Strict):
    """The minutes of a meeting whose time has come: who attended (every participating body), what was said and
    decided, the action items it set."""

    minutes: LongText = Field(description="会议纪要")
    attendees: list[AttendeeEntry] = Field(
        min_length=1, max_length=LIST_MAX, description="出席人员（每个参会机关至少一人）"
    )
    decisions: Lines = Field(default_factory=list, max_length=LIST_MAX, description="会议决定，每项一条")
    action_items: list[ActionItemEntry] = Field(default_factory=list, max_length=LIST_MAX, description="督办事项")


class AmendMinutes(Strict):
    """A new version of the minutes (text, attendees, decisions), with the reason; earlier ones are kept."""

    minutes: LongText = Field(description="会议纪要")
    attendees: list[AttendeeEntry] = Field(min_length=1, max_length=LIST_MAX, description="出席人员")
    reason: Reason = Field(description="修改的理由")
    decisions: Lines = Field(default_factory=list, max_length=LIST_MAX, description="会议决定，每项一条")


class CompleteActionItem(Strict):
    note: ShortText = Field(description="办理情况")


class CancelActionItem(Strict):
    reason: Reason = Field(description="撤销的理由")


class CancelMeeting(Strict):
    reason: Reason = Field(description="取消的理由")


# --- 通报: bulletins --------------------------------------------------------------------------------------


class IssueBulletin(Strict):
    """A bulletin from the caller's body to the bodies it chooses."""

    kind: BulletinKind = Field(
        description="通报类别：inspection_tour 巡察安排、special_campaign 专项整治、report_heard 听取报告、"
        "meeting 会议情况、other 其他"
    )
    title: Title = Field(description="通报标题")
    text: LongText = Field(description="通报内容")
    recipients: Bodies = Field(min_length=1, description=f"接收机关（不含本机关）：{BODIES}")


class WithdrawBulletin(Strict):
    reason: Reason = Field(description="撤回的理由")


# --- 联合研判: joint analyses ------------------------------------------------------------------------------


class OpenAnalysis(Strict):
    topic: Title = Field(description="研判议题")
    bodies: Bodies = Field(min_length=2, description=f"参与研判的机关（至少两个，含本机关）：{BODIES}")


class AddAnalysisNote(Strict):
    text: LongText = Field(description="研判意见")


class ConcludeAnalysis(Strict):
    conclusions: Lines = Field(min_length=1, max_length=LIST_MAX, description="研判结论，每项一条")
    agreeing_bodies: Bodies = Field(min_length=1, description="同意结论的机关（含发起研判的机关）")
