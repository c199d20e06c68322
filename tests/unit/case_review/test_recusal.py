"""Recusal: each rule excludes whom it should and nobody else, with a code and a reason for the record."""

from __future__ import annotations

import dataclasses
from datetime import UTC, datetime, timedelta, timezone

import pytest

from services.case_review.recusal import (
    Candidate,
    CaseFacts,
    Category,
    Party,
    PastReview,
    ReasonCode,
    RecusalRules,
    batch_exclusions,
    exclusions,
    normalise,
)
from wulian.kit.errors import InvalidArgument

NOW = datetime(2026, 6, 30, 2, 0, tzinfo=UTC)  # 30 June 2026, 10:00 in Beijing
RULES = RecusalRules(cooling_off_days=180)
COURT = "黄石市中级人民法院"
FIRM = "湖北楚天律师事务所"
CASE = CaseFacts(
    case_id="（2026）鄂02民初123号",
    unit=COURT,
    judge_id="judge-7",
    judge_unit=COURT,
    parties=(Party("黄石华新建材有限公司", True), Party("张某", False)),
    lawyer_firms=(FIRM,),
    judge_name="李法官",
)


def expert(expert_id: str = "e1", **changes: object) -> Candidate:
    base = Candidate(expert_id, Category.PROFESSOR, frozenset({"commercial"}), "湖北师范大学")
    return dataclasses.replace(base, **changes)  # type: ignore[arg-type]


def codes(candidate: Candidate, case: CaseFacts = CASE, now: datetime = NOW) -> list[ReasonCode]:
    return [r.code for r in exclusions([candidate], case, RULES, now).get(candidate.expert_id, [])]


def test_an_unrelated_expert_is_eligible() -> None:
    assert exclusions([expert()], CASE, RULES, NOW) == {}


def test_represented_a_party() -> None:
    assert codes(expert(), dataclasses.replace(CASE, represented_by=frozenset({"e1"}))) == [
        ReasonCode.REPRESENTED_PARTY
    ]
    assert codes(expert(), dataclasses.replace(CASE, represented_by=frozenset({"e2"}))) == []


def test_employed_by_a_party_as_marked_or_by_employer() -> None:
    assert codes(expert(), dataclasses.replace(CASE, employed_by_party=frozenset({"e1"}))) == [
        ReasonCode.EMPLOYED_BY_PARTY
    ]
    assert codes(expert(employer=" 黄石华新建材 有限公司")) == [ReasonCode.EMPLOYED_BY_PARTY]
    assert codes(expert(employer="黄石华新水泥有限公司")) == []


def test_same_unit_as_the_judge_or_the_court() -> None:
    assert codes(expert(employer=COURT)) == [ReasonCode.SAME_UNIT]
    tribunal = dataclasses.replace(CASE, judge_unit="黄石市中级人民法院执行局")
    assert codes(expert(employer="黄石市中级人民法院执行局"), tribunal) == [ReasonCode.SAME_UNIT]
    assert codes(expert(employer="黄石市人民检察院")) == []


def test_same_firm_as_a_lawyer_of_the_case() -> None:
    lawyer = expert(category=Category.LAWYER, employer=FIRM)
    assert codes(lawyer) == [ReasonCode.SAME_FIRM]
    assert codes(dataclasses.replace(lawyer, employer="湖北楚天律师事务所黄石分所")) == []


@pytest.mark.parametrize("declared", [FIRM, COURT, "张某", "黄石华新建材有限公司", "李法官"])
def test_a_declared_conflict_that_names_the_case(declared: str) -> None:
    reasons = exclusions([expert(conflicts=frozenset({declared}))], CASE, RULES, NOW)["e1"]
    assert [r.code for r in reasons] == [ReasonCode.DECLARED_CONFLICT]
    assert declared in reasons[0].text


def test_a_declared_conflict_is_matched_as_a_whole_name() -> None:
    assert codes(expert(conflicts=frozenset({"法院", "律师事务所", "张"}))) == []
    assert codes(expert(conflicts=frozenset({"湖北楚天律师事务所（黄石）"}))) == []
    english = dataclasses.replace(CASE, parties=(Party("Huaxin", True),))
    assert codes(expert(conflicts=frozenset({"ＨＵＡＸＩＮ"})), english) == [ReasonCode.DECLARED_CONFLICT]


def test_normalise_folds_width_case_space_and_punctuation() -> None:
    assert normalise(" 湖北（楚天）律师 事务所。") == normalise("湖北(楚天)律师事务所") == "湖北楚天律师事务所"
    assert normalise("ＡＢＣ Ltd.") == "abcltd"


def reviewed(days_ago: int, judge_id: str = "judge-7", hour_utc: int = 2) -> Candidate:
    when = datetime(2026, 6, 30, hour_utc, 0, tzinfo=UTC) - timedelta(days=days_ago)
    return expert(recent_reviews=(PastReview(judge_id, when),))


def test_cooling_off_counts_calendar_days_in_beijing() -> None:
    assert codes(reviewed(179)) == [ReasonCode.COOLING_OFF]  # 2 January: day 179 of 180
    assert codes(reviewed(180)) == []  # 1 January: free again on day 180
    assert codes(reviewed(0)) == [ReasonCode.COOLING_OFF]
    # 17:00 UTC on 1 January is 01:00 on 2 January in Beijing: day 179, still excluded.
    late = expert(recent_reviews=(PastReview("judge-7", datetime(2026, 1, 1, 17, 0, tzinfo=UTC)),))
    assert codes(late) == [ReasonCode.COOLING_OFF]
    # 15:30 UTC on 1 January is still 1 January in Beijing (23:30); the draw at 00:30 on 30 June is day 180.
    early_now = datetime(2026, 6, 29, 16, 30, tzinfo=UTC)
    evening = expert(recent_reviews=(PastReview("judge-7", datetime(2026, 1, 1, 15, 30, tzinfo=UTC)),))
    assert codes(evening, now=early_now) == []
    assert codes(evening, now=early_now - timedelta(hours=1)) == [ReasonCode.COOLING_OFF]


def test_cooling_off_only_for_the_same_judge_and_cites_the_latest_review() -> None:
    assert codes(reviewed(10, judge_id="judge-8")) == []
    older, newer = NOW - timedelta(days=100), NOW - timedelta(days=20)
    candidate = expert(recent_reviews=(PastReview("judge-7", older), PastReview("judge-7", newer)))
    (reason,) = exclusions([candidate], CASE, RULES, NOW)["e1"]
    assert reason.text == "2026-06-10 曾评查承办人李法官办理的案件，未满 180 日回避期"


def test_a_review_after_now_is_within_the_period_and_zero_days_turns_the_rule_off() -> None:
    future = expert(recent_reviews=(PastReview("judge-7", NOW + timedelta(days=2)),))
    assert codes(future) == [ReasonCode.COOLING_OFF]
    assert exclusions([reviewed(0)], CASE, RecusalRules(0), NOW) == {}


def test_every_reason_is_listed_once_in_a_fixed_order_with_chinese_text() -> None:
    case = dataclasses.replace(CASE, represented_by=frozenset({"e1"}), employed_by_party=frozenset({"e1"}))
    candidate = expert(employer=COURT, conflicts=frozenset({FIRM, COURT}), recent_reviews=(PastReview("judge-7", NOW),))
    reasons = exclusions([candidate], case, RULES, NOW)["e1"]
    assert [r.code for r in reasons] == [
        ReasonCode.REPRESENTED_PARTY,
        ReasonCode.EMPLOYED_BY_PARTY,
        ReasonCode.SAME_UNIT,
        ReasonCode.DECLARED_CONFLICT,
        ReasonCode.COOLING_OFF,
    ]
    assert reasons[0].text == "曾代理本案当事人"
    assert reasons[2].text == f"与本案承办人同在“{COURT}”工作"


def test_results_are_sorted_by_expert_and_ignore_ids_outside_the_pool() -> None:
    pool = [expert("e9", employer=COURT), expert("e2", employer=COURT), expert("e5")]
    case = dataclasses.replace(CASE, represented_by=frozenset({"e5", "stranger"}))
    assert list(exclusions(pool, case, RULES, NOW)) == ["e2", "e5", "e9"]


def test_batch_exclusions_per_case() -> None:
    pool = [expert("e1", employer=COURT), expert("e2", employer="黄石市人民检察院")]
    procuratorial = CaseFacts("JC-1", "黄石市人民检察院", "prosecutor-1", "黄石市人民检察院")
    found = batch_exclusions(pool, [CASE, procuratorial], RULES, NOW)
    assert {case: list(experts) for case, experts in found.items()} == {CASE.case_id: ["e1"], "JC-1": ["e2"]}


def test_refuses_bad_input() -> None:
    with pytest.raises(InvalidArgument):
        exclusions([expert("e1"), expert("e1")], CASE, RULES, NOW)
    with pytest.raises(InvalidArgument):
        batch_exclusions([expert()], [CASE, CASE], RULES, NOW)
    with pytest.raises(InvalidArgument):
        exclusions([expert()], CASE, RULES, datetime(2026, 6, 30))
    with pytest.raises(InvalidArgument):
        exclusions([expert(recent_reviews=(PastReview("j", datetime(2026, 1, 1)),))], CASE, RULES, NOW)
    with pytest.raises(InvalidArgument):
        RecusalRules(-1)
    assert exclusions([expert()], CASE, RULES, NOW.astimezone(timezone(timedelta(hours=8)))) == {}
