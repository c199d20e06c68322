"""The appraisal campaign (部门工作联评): its plan, states, references for the discipline roles and the
team only, the activities of 一听取三核查五征求, the results, and the suggestion figures from events."""

from __future__ import annotations

from dataclasses import fields
from datetime import UTC, date, datetime, timedelta

import pytest

from services.evaluation import appraisals as ap
from services.evaluation.appraisals import CampaignAction, CampaignStatus
from services.evaluation.domain import View
from wulian.kit.errors import Conflict, InvalidArgument, NotFound, PermissionDenied
from wulian.kit.principal import Principal

NOW = datetime(2026, 3, 2, 1, 0, tzinfo=UTC)


def who(*roles: str, subject: str, org_unit: str = "") -> Principal:
    return Principal(subject=subject, name=f"{subject}-name", body="", roles=frozenset(roles), org_unit=org_unit)


CLERK = who("congress_clerk", subject="clerk")
LEADER = who("congress_leader", subject="leader")  # leads the first team
MEMBER = who("congress_committee", subject="member-2")  # on the second team
DEPUTY_ON_TEAM = who("deputy", subject="deputy-1")  # invited to the first team
DEPUTY_ON_TEAM_2 = who("deputy", subject="deputy-2")  # invited to the second team
DEPUTY = who("deputy", subject="deputy-9")
COMMISSION = who("discipline_commission", subject="commission")
STATION = who("discipline_station", subject="station")
TRANSPORT = who("gov_department", subject="transport", org_unit="transport")
HOUSING = who("gov_department", subject="housing", org_unit="housing")
OFFICE = who("gov_supervision_office", subject="office")
COURT = who("court", subject="court", org_unit="court")
ADMIN = who("platform_admin", subject="admin")

DEPARTMENTS = (
    ap.DepartmentInput("transport", "交通运输局"),
    ap.DepartmentInput("housing", "住房和城乡建设局"),
    ap.DepartmentInput("health", "卫生健康局"),
)
TEAMS = (
    ap.TeamInput("第一评议调研组", "leader", "王副主任", ("deputy-1",), ("transport", "health")),
    ap.TeamInput("第二评议调研组", "member-2", "李委员", ("deputy-2",), ("housing",)),
)


def plan(**overrides: object) -> ap.CampaignPlan:
    base: dict[str, object] = {
        "year": 2026,
        "name": "2026年度政府工作部门工作评议",
        "departments": DEPARTMENTS,
        "teams": TEAMS,
    }
    return ap.CampaignPlan(**{**base, **overrides})  # type: ignore[arg-type]


def campaign(status: CampaignStatus = CampaignStatus.DRAFT) -> ap.Campaign:
    c = ap.Campaign.create("a-1", CLERK, plan(), NOW)
    if status is not CampaignStatus.DRAFT and status is not CampaignStatus.CANCELLED:
        c.start(CLERK, NOW)
    if status in (CampaignStatus.RESULTS_PUBLISHED, CampaignStatus.CONCLUDED):
        c.link_ballot(CLERK, "s-1", NOW)
        c.publish_results(results(), NOW)
    if status is CampaignStatus.CONCLUDED:
        c.conclude(CLERK, NOW)
    if status is CampaignStatus.CANCELLED:
        c.cancel(CLERK, "机构改革，评议延期", NOW)
    c.events.clear()
    assert c.status is status
    return c


def results() -> ap.PublishResults:
    return ap.PublishResults("s-1", ("housing", "transport", "health"), (1, 2, 2), (0.95, 0.9, 0.9), (False,) * 3)


ACTIONS = {
    CampaignAction.EDIT: lambda c: c.edit(CLERK, plan(name="改名"), NOW),
    CampaignAction.START: lambda c: c.start(CLERK, NOW),
    CampaignAction.FILE_REFERENCE: lambda c: c.file_reference(
        COMMISSION, ap.FileReference("transport", "inspection_tour", "巡察发现工程招投标不规范"), NOW
    ),
    CampaignAction.RECORD_ACTIVITY: lambda c: c.record_activity(
        LEADER, ap.RecordActivity("transport", "hearing", date(2026, 3, 1), "听取交通运输局工作汇报"), NOW
    ),
    CampaignAction.LINK_BALLOT: lambda c: c.link_ballot(CLERK, "s-1", NOW),
    CampaignAction.PUBLISH_RESULTS: lambda c: (
        setattr(c, "ballot_session_id", "s-1"),
        c.publish_results(results(), NOW),
    ),
    CampaignAction.LINK_RECTIFICATION: lambda c: c.link_rectification("transport", "r-1", NOW),
    CampaignAction.CONCLUDE: lambda c: c.conclude(CLERK, NOW),
    CampaignAction.CANCEL: lambda c: c.cancel(CLERK, "延期", NOW),
}


@pytest.mark.parametrize("status", list(CampaignStatus))
@pytest.mark.parametrize("action", list(CampaignAction))
def test_each_action_is_allowed_in_its_states_only(status: CampaignStatus, action: CampaignAction) -> None:
    c = campaign(status)
    if status in ap.CAMPAIGN_STATES.allowed[action]:
        ACTIONS[action](c)
    else:
        with pytest.raises(Conflict, match=f"，不能{ap.CAMPAIGN_STATES.action_labels[action]}$"):
            ACTIONS[action](c)


def test_the_plan_is_checked_field_by_field() -> None:
    bad = plan(
        year=1999,
        name=" ",
        departments=(ap.DepartmentInput("transport", "交通运输局"), ap.DepartmentInput("transport", "")),
        teams=(ap.TeamInput("一组", "", "", (), ("transport", "police")),),
    )
    with pytest.raises(InvalidArgument) as caught:
        ap.Campaign.create("a-1", CLERK, bad, NOW)
    fields_named = {d["field"] for d in caught.value.details}
    assert {"year", "name", "departments.1.unit", "departments.1.name", "teams.0.leader_subject",
            "teams.0.leader_name", "teams.0.units"} <= fields_named  # fmt: skip


def test_every_department_has_exactly_one_team() -> None:
    twice = (TEAMS[0], ap.TeamInput("二组", "member-2", "李委员", (), ("housing", "transport")))
    with pytest.raises(InvalidArgument) as caught:
        ap.Campaign.create("a-1", CLERK, plan(teams=twice), NOW)
    assert any("已由第一评议调研组联系" in d["message"] for d in caught.value.details)
    with pytest.raises(InvalidArgument) as caught:
        ap.Campaign.create("a-1", CLERK, plan(teams=TEAMS[:1]), NOW)
    assert any("housing" in d["message"] for d in caught.value.details)


def test_only_organizers_run_a_campaign() -> None:
    for p in (LEADER, DEPUTY, COMMISSION, STATION, TRANSPORT, OFFICE, ADMIN):
        with pytest.raises(PermissionDenied):
            ap.Campaign.create("a-1", p, plan(), NOW)
    c = campaign()
    for p in (LEADER, COMMISSION, TRANSPORT):
        with pytest.raises(PermissionDenied):
            c.start(p, NOW)


def test_references_come_from_the_commission_and_reach_the_discipline_roles_and_the_team_only() -> None:
    c = campaign(CampaignStatus.UNDER_WAY)
    for p in (CLERK, STATION, LEADER, TRANSPORT):
        with pytest.raises(PermissionDenied):
            c.file_reference(p, ap.FileReference("transport", "inspection_tour", "x"), NOW)
    c.file_reference(COMMISSION, ap.FileReference("transport", "inspection_tour", "巡察发现招投标不规范"), NOW)
    c.file_reference(COMMISSION, ap.FileReference("housing", "routine_supervision", "日常监督发现审批拖延"), NOW)
    seen = {p.subject: {r.unit for r in ap.campaign_view(c, p).references} for p in (
        COMMISSION, STATION, LEADER, DEPUTY_ON_TEAM, MEMBER, CLERK, OFFICE, TRANSPORT)}  # fmt: skip
    assert seen == {
        "commission": {"transport", "housing"},
        "station": {"transport", "housing"},
        "leader": {"transport"},  # the first team appraises transport and health
        "deputy-1": {"transport"},
        "member-2": {"housing"},
        "clerk": set(),  # an organizer not on the team does not see them
        "office": set(),
        "transport": set(),  # nor the department itself
    }
    assert c.events[-1].audience() == ["role:discipline_commission", "role:discipline_station"]


def test_a_reference_is_checked() -> None:
    c = campaign(CampaignStatus.UNDER_WAY)
    with pytest.raises(InvalidArgument) as caught:
        c.file_reference(COMMISSION, ap.FileReference("police", "gossip", " "), NOW)
    assert {d["field"] for d in caught.value.details} == {"unit", "kind", "text"}
    assert c.references == []


def test_activities_are_recorded_by_the_team_of_the_department_or_the_organizers() -> None:
    c = campaign(CampaignStatus.UNDER_WAY)
    opinions = ap.RecordActivity(
        "transport", "opinions", date(2026, 3, 1), "座谈", ("群众反映道路维修慢",), "service_objects"
    )
    activity = c.record_activity(DEPUTY_ON_TEAM, opinions, NOW)
    assert activity.opinion_group is ap.OpinionGroup.SERVICE_OBJECTS and activity.findings == ("群众反映道路维修慢",)
    with pytest.raises(PermissionDenied):
        c.record_activity(DEPUTY_ON_TEAM_2, opinions, NOW)  # the second team does not appraise transport
    for p in (TRANSPORT, STATION, DEPUTY):
        with pytest.raises(PermissionDenied):
            c.record_activity(p, opinions, NOW)
    c.record_activity(CLERK, ap.RecordActivity("housing", "site_check", date(2026, 3, 2), "现场核查"), NOW)


def test_an_activity_is_checked() -> None:
    c = campaign(CampaignStatus.UNDER_WAY)
    bad = ap.RecordActivity("transport", "opinions", date(2026, 3, 3), " ", ("x" * 5001,), "friends")
    with pytest.raises(InvalidArgument) as caught:
        c.record_activity(LEADER, bad, NOW)
    assert {d["field"] for d in caught.value.details} == {"opinion_group", "held_on", "summary", "findings"}
    with pytest.raises(InvalidArgument) as caught:
        c.record_activity(
            LEADER, ap.RecordActivity("transport", "hearing", date(2026, 3, 1), "汇报", (), "service_objects"), NOW
        )
    assert [d["field"] for d in caught.value.details] == ["opinion_group"]


def test_results_come_from_the_linked_session_and_are_published_at_once() -> None:
    c = campaign(CampaignStatus.UNDER_WAY)
    with pytest.raises(Conflict):
        c.publish_results(results(), NOW)  # no session linked
    c.link_ballot(CLERK, "s-1", NOW)
    with pytest.raises(Conflict):
        c.link_ballot(CLERK, "s-2", NOW)
    with pytest.raises(InvalidArgument):
        c.publish_results(ap.PublishResults("s-1", ("transport",), (1,), (0.9,), (False,)), NOW)
    with pytest.raises(Conflict):
        c.publish_results(
            ap.PublishResults("s-2", *[getattr(results(), f) for f in ("units", "ranks", "rates", "below_threshold")]),
            NOW,
        )
    c.publish_results(results(), NOW + timedelta(hours=2))
    assert c.status is CampaignStatus.RESULTS_PUBLISHED
    assert [(r.unit, r.rank) for r in c.results] == [("housing", 1), ("health", 2), ("transport", 2)]
    published = c.events[-1]
    assert published.name == "results_published" and "org_unit:transport" in published.audience()
    assert "role:discipline_commission" in published.audience()  # 评议成果与市纪委共享


def test_a_department_sees_its_own_result_and_items_once_published() -> None:
    c = campaign(CampaignStatus.UNDER_WAY)
    c.record_activity(LEADER, ap.RecordActivity("transport", "hearing", date(2026, 3, 1), "汇报", ("问题一",)), NOW)
    c.record_activity(CLERK, ap.RecordActivity("housing", "hearing", date(2026, 3, 1), "汇报", ("问题二",)), NOW)
    before = ap.campaign_view(c, TRANSPORT)
    assert before.results == () and before.activities == () and before.teams == ()
    c.link_ballot(CLERK, "s-1", NOW)
    c.publish_results(results(), NOW)
    c.link_rectification("transport", "r-1", NOW)
    c.link_rectification("housing", "r-2", NOW)
    c.link_rectification("transport", "r-1", NOW)  # again: no effect
    after = ap.campaign_view(c, TRANSPORT)
    assert [r.unit for r in after.results] == ["transport"]
    assert [a.unit for a in after.activities] == ["transport"]
    assert after.rectification_items == {"transport": ("r-1",)}
    assert len(ap.campaign_view(c, CLERK).rectification_items) == 2
    with pytest.raises(NotFound):
        c.link_rectification("police", "r-3", NOW)


@pytest.mark.parametrize(
    ("principal", "view"),
    [(CLERK, View.FULL), (LEADER, View.FULL), (DEPUTY_ON_TEAM, View.FULL), (STATION, View.FULL),
     (COMMISSION, View.FULL), (OFFICE, View.LIMITED), (TRANSPORT, View.LIMITED), (DEPUTY, View.NONE),
     (COURT, View.NONE), (ADMIN, View.COUNTS), (who("gov_department", subject="x", org_unit="police"), View.NONE)],
)  # fmt: skip
def test_who_sees_a_campaign(principal: Principal, view: View) -> None:
    c = campaign(CampaignStatus.UNDER_WAY)
    assert c.view_for(principal) is view
    if view < View.LIMITED:
        with pytest.raises(NotFound):
            ap.campaign_view(c, principal)


def test_suggestion_events_give_the_figures_per_department() -> None:
    stream = [
        ("assigned", {"lead_unit": "transport", "co_units": ["housing"]}),
        ("contact_recorded", {"unit": "transport", "within_48h": True}),
        ("contact_recorded", {"unit": "housing", "within_48h": False}),
        ("replied", {"unit": "transport", "on_time": True}),
        ("evaluated", {"lead_unit": "transport", "overall": "basically_satisfied"}),
        ("assigned", {"lead_unit": "transport", "co_units": []}),
        ("reply_overdue", {"lead_unit": "transport"}),
        ("evaluated", {"lead_unit": "transport", "overall": "dissatisfied"}),
        ("submitted", {"number": "2026-0001"}),  # not about a department
    ]
    figures: dict[str, ap.SuggestionFigures] = {}
    for name, body in stream:
        for unit, increments in ap.suggestion_event_units(name, body).items():
            figures[unit] = ap.add_figures(figures.get(unit, ap.SuggestionFigures()), increments)
    assert figures["transport"] == ap.SuggestionFigures(
        assigned=2, as_lead=2, contacted=1, contacted_within_48h=1, replied=1, replied_on_time=1,
        basically_satisfied=1, dissatisfied=1, reply_overdue=1,
    )  # fmt: skip
    assert figures["transport"].satisfaction_rate == 0.5
    assert figures["housing"] == ap.SuggestionFigures(assigned=1, contacted=1)
    assert figures["housing"].satisfaction_rate is None
    with pytest.raises(InvalidArgument):
        ap.add_figures(ap.SuggestionFigures(), {"bribes": 1})
    assert ap.beijing_year(datetime(2025, 12, 31, 17, 0, tzinfo=UTC)) == 2026


def test_events_carry_no_text() -> None:
    c = campaign(CampaignStatus.UNDER_WAY)
    c.file_reference(COMMISSION, ap.FileReference("transport", "inspection_tour", "巡察发现招投标不规范"), NOW)
    c.record_activity(LEADER, ap.RecordActivity("transport", "hearing", date(2026, 3, 1), "汇报内容", ("问题",)), NOW)
    for event in c.events:
        for f in fields(event):
            value = getattr(event, f.name)
            assert "巡察" not in str(value) and "汇报内容" not in str(value) and "问题" not in str(value)
        assert event.topic.startswith("wulian.evaluation.appraisal.")
