"""Use cases of the appraisal campaigns: stored whole (``wulian.kit.documents``) with their status and year;
each step saved with its events. When the ballot session linked to a campaign closes, its ranking becomes
the campaign's published result in the same transaction (``publish_from_session``).
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from pydantic import TypeAdapter
from sqlalchemy import DateTime
from sqlmodel import Column, Field, Session, SQLModel, Text

from services.evaluation.appraisals import Campaign, CampaignPlan, CampaignView, PublishResults, campaign_view
from services.evaluation.ballots import SessionClosed
from services.evaluation.messages import commit, publish
from wulian.kit.clock import Clock, utc_now
from wulian.kit.documents import Documents
from wulian.kit.principal import Principal

_VIEW = TypeAdapter(CampaignView)


class CampaignRow(SQLModel, table=True):
    __tablename__ = "appraisal_campaign"

    id: str = Field(primary_key=True, max_length=36)
    version: int = 1
    year: int = Field(index=True)
    name: str = Field(max_length=100)
    status: str = Field(index=True, max_length=32)
    created_at: datetime = Field(index=True, sa_type=DateTime(timezone=True))  # type: ignore[call-overload]
    document: str = Field(sa_column=Column(Text, nullable=False))


def _columns(campaign: Campaign) -> dict[str, Any]:
    return {
        "year": campaign.year,
        "name": campaign.name,
        "status": campaign.status.value,
        "created_at": campaign.created_at,
    }


CAMPAIGNS = Documents(CampaignRow, Campaign, _columns, missing="未找到该评议")


@dataclass(frozen=True)
class Shown:
    view: CampaignView
    version: int

    @property
    def json(self) -> str:
        return _VIEW.dump_json(self.view).decode()


def create(db: Session, principal: Principal, command: CampaignPlan, clock: Clock = utc_now) -> Shown:
    campaign = Campaign.create(str(uuid.uuid4()), principal, command, clock())
    CAMPAIGNS.insert(db, campaign)
    commit(db, principal, campaign)
    return Shown(campaign_view(campaign, principal), 1)


def act(
    db: Session,
    principal: Principal,
    campaign_id: str,
    step: Callable[[Campaign, datetime], object],
    clock: Clock = utc_now,
) -> Shown:
    loaded = CAMPAIGNS.existing(db, campaign_id)
    campaign = loaded.aggregate
    campaign_view(campaign, principal)  # NotFound for whom the campaign does not exist
    step(campaign, clock())
    version = CAMPAIGNS.save(db, campaign, loaded.version)
    commit(db, principal, campaign)
    return Shown(campaign_view(campaign, principal), version)


def get(db: Session, principal: Principal, campaign_id: str) -> Shown:
    loaded = CAMPAIGNS.existing(db, campaign_id)
    return Shown(campaign_view(loaded.aggregate, principal), loaded.version)


def publish_from_session(db: Session, closed: SessionClosed, now: datetime) -> None:
    """In the closing session's transaction (the caller commits): the linked campaign's results."""
    if not closed.campaign_id or closed.purpose != "appraisal":
        return
    loaded = CAMPAIGNS.existing(db, closed.campaign_id)
    results = PublishResults(closed.session_id, closed.subjects, closed.ranks, closed.rates, closed.below_threshold)
    loaded.aggregate.publish_results(results, now)
    CAMPAIGNS.save(db, loaded.aggregate, loaded.version)
    publish(db, loaded.aggregate.events, None)
