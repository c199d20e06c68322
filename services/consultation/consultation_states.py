"""The states of a consultation (征求意见) and of an opinion, the actions each allows, the words that refuse
the others, and the decisions on an opinion (采纳 / 部分采纳 / 不予采纳). Pure: no I/O.

A consultation::

    action \\ state       open       closed
    give an opinion      open       -
    close                closed     -

An opinion::

    action \\ state       awaiting   decided
    record adoption      decided    -
"""

from __future__ import annotations

from enum import StrEnum

from services.consultation.domain import StateTable


class ConsultationStatus(StrEnum):
    OPEN = "open"
    CLOSED = "closed"


CONSULTATION_STATUS_LABELS: dict[ConsultationStatus, str] = {
    ConsultationStatus.OPEN: "征求意见中",
    ConsultationStatus.CLOSED: "已结束",
}


class ConsultationAction(StrEnum):
    GIVE_OPINION = "give_opinion"
    CLOSE = "close"


CONSULTATION_STATES: StateTable[ConsultationStatus, ConsultationAction] = StateTable(
    allowed={
        ConsultationAction.GIVE_OPINION: frozenset({ConsultationStatus.OPEN}),
        ConsultationAction.CLOSE: frozenset({ConsultationStatus.OPEN}),
    },
    phrases={ConsultationStatus.OPEN: "该征求意见正在进行", ConsultationStatus.CLOSED: "该征求意见已结束"},
    action_labels={ConsultationAction.GIVE_OPINION: "提出意见", ConsultationAction.CLOSE: "结束征求意见"},
)


class OpinionStatus(StrEnum):
    AWAITING = "awaiting"
    DECIDED = "decided"


OPINION_STATUS_LABELS: dict[OpinionStatus, str] = {
    OpinionStatus.AWAITING: "待研究",
    OpinionStatus.DECIDED: "已研究",
}


class OpinionAction(StrEnum):
    RECORD_ADOPTION = "record_adoption"


OPINION_STATES: StateTable[OpinionStatus, OpinionAction] = StateTable(
    allowed={OpinionAction.RECORD_ADOPTION: frozenset({OpinionStatus.AWAITING})},
    phrases={OpinionStatus.AWAITING: "该意见尚待研究", OpinionStatus.DECIDED: "该意见已记录采纳情况"},
    action_labels={OpinionAction.RECORD_ADOPTION: "再次记录采纳情况"},
)


class Decision(StrEnum):
    """What the asking body made of an opinion."""

    ADOPTED = "adopted"
    PARTLY_ADOPTED = "partly_adopted"
    NOT_ADOPTED = "not_adopted"


DECISION_LABELS: dict[Decision, str] = {
    Decision.ADOPTED: "采纳",
    Decision.PARTLY_ADOPTED: "部分采纳",
    Decision.NOT_ADOPTED: "不予采纳",
}
