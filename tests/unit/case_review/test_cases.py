"""Registration (备案): who registers what, the case number, every field's checks, every state × action."""

from __future__ import annotations

import copy
from collections.abc import Callable
from datetime import UTC, datetime, timedelta

import pytest

from services.case_review import cases as cs
from services.case_review import commands
from services.case_review import events as ev
from services.case_review.cases import Case
from services.case_review.domain import CaseAction, CaseStatus, CaseType, Rating
from tests.unit.case_review import builders as b
from wulian.kit.errors import Conflict, InvalidArgument, PermissionDenied
from wulian.kit.principal import Principal

NOW = b.T0 + timedelta(days=3)
CS = CaseStatus
T, EN, PS = CaseType.TRIAL, CaseType.ENFORCEMENT, CaseType.PROCURATORIAL_SUPERVISION

# --- case numbers ------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("number", "case_type", "normalized"),
    [
        ("（2025）鄂02民初123号", T, "（2025）鄂02民初123号"),
        ("(2025)鄂02民初123号", T, "（2025）鄂02民初123号"),
        (" （2025） 鄂02 民初 123号 ", T, "（2025）鄂02民初123号"),
        ("（2024）鄂民终7号", T, "（2024）鄂民终7号"),  # the high court: no digits
        ("（2025）鄂0202民初1号", T, "（2025）鄂0202民初1号"),  # a district court
        ("（2023）京73民初123号", T, "（2023）京73民初123号"),  # the Beijing IP court
        ("（2025）最高法民终1号", T, "（2025）最高法民终1号"),
        ("（2025）鄂02刑终45号", T, "（2025）鄂02刑终45号"),
        ("（2025）鄂02行初9号", T, "（2025）鄂02行初9号"),
        ("（2025）鄂02民再3号", T, "（2025）鄂02民再3号"),
        ("（2025）鄂02执123号", EN, "（2025）鄂02执123号"),
        ("（2025）鄂0202执恢12号", EN, "（2025）鄂0202执恢12号"),
        ("（2025）鄂02执异5号", EN, "（2025）鄂02执异5号"),
        ("鄂黄检民监〔2025〕42020000012号", PS, "鄂黄检民监〔2025〕42020000012号"),
        ("黄检民(行)监[2025]12号", PS, "黄检民（行）监〔2025〕12号"),
        ("鄂黄检民监【2025】3号", PS, "鄂黄检民监〔2025〕3号"),
        ("（2026）鄂02民初1号", T, "（2026）鄂02民初1号"),  # this year
        ("（1949）京民初1号", T, "（1949）京民初1号"),
        ("（2025）鄂02民初123号", None, "（2025）鄂02民初123号"),
        ("鄂黄检民监〔2025〕3号", None, "鄂黄检民监〔2025〕3号"),
    ],
)
def test_a_valid_case_number(number: str, case_type: CaseType | None, normalized: str) -> None:
    assert cs.case_number_problem(number, case_type, 2026) is None
    assert cs.normalize_case_number(number) == normalized


@pytest.mark.parametrize(
    ("number", "case_type", "message"),
    [
        ("", T, "案号不能为空"),
        ("  ", T, "案号不能为空"),
        ("（2025）鄂02民初" + "1" * 60 + "号", T, "案号不能超过 60 个字符"),
        ("2025鄂02民初123号", T, "案号格式不正确，应如（2025）鄂02民初123号"),  # no brackets
        ("（25）鄂02民初123号", T, "案号格式不正确，应如（2025）鄂02民初123号"),
        ("（2025）02民初123号", T, "案号格式不正确，应如（2025）鄂02民初123号"),  # no province
        ("（2025）美02民初123号", T, "案号格式不正确，应如（2025）鄂02民初123号"),  # not a province
        ("（2025）鄂02123号", T, "案号格式不正确，应如（2025）鄂02民初123号"),  # no type code
        ("（2025）鄂02民初号", T, "案号格式不正确，应如（2025）鄂02民初123号"),  # no sequence
        ("（2025）鄂02民初123", T, "案号格式不正确，应如（2025）鄂02民初123号"),  # no 号
        ("（2025）鄂02民初一二三号", T, "案号格式不正确，应如（2025）鄂02民初123号"),
        ("（2025）鄂02民初123号之一", T, "案号格式不正确，应如（2025）鄂02民初123号"),
        ("（2025）鄂02abc123号", T, "案号格式不正确，应如（2025）鄂02民初123号"),
        ("（2027）鄂02民初1号", T, "案号中的年份不正确"),  # next year
        ("（1948）鄂02民初1号", T, "案号中的年份不正确"),
        ("（2025）鄂02民初123号", EN, "执行案件的案号应含以“执”开头的类型代字，如（2025）鄂02执123号"),
        ("（2025）鄂02执123号", T, "案号的类型代字是执行案件的，请将案件类型选为执行案件"),
        ("鄂黄检民监〔2025〕12号", T, "案号格式不正确，应如（2025）鄂02民初123号"),
        ("（2025）鄂02民初123号", PS, "检察监督案件的案号格式不正确，应如鄂黄检民监〔2025〕12号"),
        ("鄂黄民监〔2025〕12号", PS, "检察监督案件的案号格式不正确，应如鄂黄检民监〔2025〕12号"),  # no 检
        ("鄂黄检民监〔2030〕12号", PS, "案号中的年份不正确"),
        ("民初123", None, "案号格式不正确，应如（2025）鄂02民初123号或鄂黄检民监〔2025〕12号"),
    ],
)
def test_not_a_case_number(number: str, case_type: CaseType | None, message: str) -> None:
    assert cs.case_number_problem(number, case_type, 2026) == message


# --- who registers -----------------------------------------------------------------------------------------


def test_the_court_registers_its_own_case_under_its_own_unit() -> None:
    case = b.registered(number="(2025)鄂02民初123号", unit="")
    d = case.details
    assert (case.unit, case.status, case.registered_by, case.registered_at) == (
        b.COURT_UNIT,
        CS.REGISTERED,
        "court-1",
        b.T0,
    )
    assert d.number == "（2025）鄂02民初123号" and d.type is T and d.unit_name == "黄石市中级人民法院"
    assert d.presiding_unit == "黄石市中级人民法院"  # the case's own unless named
    assert d.parties == (cs.Party("黄石市某建材有限公司", True), cs.Party("张某", False))
    assert d.lawyers == (cs.Lawyer("陈律师", "湖北某某律师事务所"),)
    assert case.involves_enterprise and case.lawyer_firms == ("湖北某某律师事务所",)
    [event] = case.events
    assert isinstance(event, ev.CaseRegistered)
    assert (event.case_id, event.unit, event.type, event.registered_by) == ("c-1", b.COURT_UNIT, T, "court-1")


def test_the_court_may_name_itself() -> None:
    assert b.registered(unit=b.COURT_UNIT).unit == b.COURT_UNIT


def test_the_procuratorate_registers_supervision_cases() -> None:
    case = b.procuratorate_case()
    assert case.unit == b.PROCURATORATE_UNIT and case.details.type is PS


@pytest.mark.parametrize("person", [b.CLERK, b.COMMITTEE], ids=lambda p: p.subject)
def test_organizers_register_any_unit_s_case(person: Principal) -> None:
    case = Case.register("c-9", person, commands.RegisterCase(b.details(unit=b.OTHER_COURT_UNIT)), b.T0)
    assert case.unit == b.OTHER_COURT_UNIT and case.registered_by == person.subject
    supervision = Case.register("c-8", person, commands.RegisterCase(b.procuratorate_details(unit="hs-proc")), b.T0)
    assert supervision.unit == "hs-proc"


REFUSED = [p for p in b.EVERYONE if not p.has_any("congress_clerk", "congress_committee", "court", "procuratorate")] + [
    b.COURT_WITHOUT_UNIT
]


@pytest.mark.parametrize("person", REFUSED, ids=lambda p: p.subject)
def test_nobody_else_registers(person: Principal) -> None:
    with pytest.raises(PermissionDenied, match=r"^只有人大常委会联络人员、专（工）委或法院、检察院可以备案案件$"):
        Case.register("c-9", person, commands.RegisterCase(b.details()), b.T0)


# (who, what is wrong, the details, the fields named in the refusal)
BAD: list[tuple[Principal, str, dict[str, object], list[str]]] = [
    (b.COURT, "nothing", {"number": "", "type": "", "cause": "", "unit_name": "", "presiding_id": "",
                          "presiding_name": "", "parties": (), "lawyers": ()},
     ["type", "number", "cause", "unit_name", "presiding_id", "presiding_name", "parties"]),
    (b.COURT, "another court's case", {"unit": b.OTHER_COURT_UNIT}, ["unit"]),
    (b.COURT, "a supervision case", {"type": "procuratorial_supervision", "number": "鄂黄检民监〔2025〕3号"}, ["type"]),
    (b.PROCURATORATE, "a trial", {}, ["type"]),
    (b.PROCURATORATE, "the court's unit", {"unit": b.COURT_UNIT, "type": "procuratorial_supervision",
                                           "number": "鄂黄检民监〔2025〕3号"}, ["unit"]),
    (b.CLERK, "no unit", {"unit": ""}, ["unit"]),
    (b.CLERK, "unit with spaces", {"unit": "hs court"}, ["unit"]),
    (b.CLERK, "unit too long", {"unit": "u" * 65}, ["unit"]),
    (b.COURT, "unknown type", {"type": "civil"}, ["type"]),
    (b.COURT, "bad number", {"number": "123"}, ["number"]),
    (b.COURT, "enforcement with a trial number", {"type": "enforcement"}, ["number"]),
    (b.COURT, "cause too long", {"cause": "由" * 101}, ["cause"]),
    (b.COURT, "unit name too long", {"unit_name": "院" * 101}, ["unit_name"]),
    (b.COURT, "judge id with space", {"presiding_id": "judge li"}, ["presiding_id"]),
    (b.COURT, "judge id too long", {"presiding_id": "j" * 65}, ["presiding_id"]),
    (b.COURT, "judge name too long", {"presiding_name": "名" * 51}, ["presiding_name"]),
    (b.COURT, "judge unit too long", {"presiding_unit": "院" * 101}, ["presiding_unit"]),
    (b.COURT, "blank party", {"parties": (commands.PartyInput(" "),)}, ["parties"]),
    (b.COURT, "party too long", {"parties": (commands.PartyInput("当" * 101),)}, ["parties"]),
    (b.COURT, "repeated party", {"parties": (commands.PartyInput("张某"), commands.PartyInput(" 张某 "))}, ["parties"]),
    (b.COURT, "too many parties", {"parties": tuple(commands.PartyInput(f"当事人{i}") for i in range(51))},
     ["parties"]),
    (b.COURT, "lawyer without firm", {"lawyers": (commands.LawyerInput("陈律师", ""),)}, ["lawyers"]),
    (b.COURT, "lawyer without name", {"lawyers": (commands.LawyerInput("", "某律所"),)}, ["lawyers"]),
    (b.COURT, "lawyer name too long", {"lawyers": (commands.LawyerInput("名" * 51, "某律所"),)}, ["lawyers"]),
    (b.COURT, "firm too long", {"lawyers": (commands.LawyerInput("陈律师", "所" * 101),)}, ["lawyers"]),
    (b.COURT, "repeated lawyer", {"lawyers": (commands.LawyerInput("陈律师", "某律所"),) * 2}, ["lawyers"]),
    (b.COURT, "too many lawyers", {"lawyers": tuple(commands.LawyerInput(f"律师{i}", "某律所") for i in range(51))},
     ["lawyers"]),
]  # fmt: skip


@pytest.mark.parametrize(("person", "what", "fields", "named"), BAD, ids=[c[1] for c in BAD])
def test_bad_registration_is_refused_per_field(
    person: Principal, what: str, fields: dict[str, object], named: list[str]
) -> None:
    with pytest.raises(InvalidArgument) as caught:
        Case.register("c-9", person, commands.RegisterCase(b.details(**fields)), b.T0)
    assert caught.value.message == "案件备案信息未通过校验"
    assert [d["field"] for d in caught.value.details] == named


def test_the_messages_say_what_a_unit_may_register() -> None:
    with pytest.raises(InvalidArgument) as caught:
        Case.register("c-9", b.PROCURATORATE, commands.RegisterCase(b.details()), b.T0)
    assert caught.value.details[0]["message"] == "检察院只能备案检察监督案件"
    with pytest.raises(InvalidArgument) as caught:
        Case.register("c-9", b.COURT, commands.RegisterCase(b.procuratorate_details()), b.T0)
    assert caught.value.details[0]["message"] == "法院只能备案审判或执行案件"


def test_the_case_number_year_is_checked_against_the_beijing_year() -> None:
    new_year_beijing = datetime(2026, 12, 31, 16, 0, tzinfo=UTC)  # 1 January 2027, 00:00 in Beijing
    details = b.details(number="（2027）鄂02民初1号")
    with pytest.raises(InvalidArgument):
        Case.register("c-9", b.COURT, commands.RegisterCase(details), new_year_beijing - timedelta(seconds=1))
    assert Case.register("c-9", b.COURT, commands.RegisterCase(details), new_year_beijing)


def test_a_judge_seconded_from_elsewhere_keeps_their_unit() -> None:
    case = b.registered(presiding_unit="大冶市人民法院")
    assert case.details.presiding_unit == "大冶市人民法院"


def test_a_case_without_enterprises() -> None:
    case = b.registered(parties=(commands.PartyInput("张某"), commands.PartyInput("李某")))
    assert not case.involves_enterprise


# --- every state × action ---------------------------------------------------------------------------------

LEGAL: dict[tuple[CaseStatus, CaseAction], CaseStatus] = {
    (CS.REGISTERED, CaseAction.EDIT): CS.REGISTERED,
    (CS.REGISTERED, CaseAction.WITHDRAW): CS.WITHDRAWN,
    (CS.REGISTERED, CaseAction.TAKE_INTO_REVIEW): CS.UNDER_REVIEW,
    (CS.UNDER_REVIEW, CaseAction.RELEASE): CS.REGISTERED,
    (CS.UNDER_REVIEW, CaseAction.MARK_REVIEWED): CS.REVIEWED,
}


def _do(action: CaseAction, person: Principal = b.COURT) -> Callable[[Case], object]:
    return {
        CaseAction.EDIT: lambda c: c.edit(
            person, commands.EditCase(b.details(cause="借款合同纠纷", unit=b.COURT_UNIT)), NOW
        ),
        CaseAction.WITHDRAW: lambda c: c.withdraw(person, commands.WithdrawCase("案件已发回重审"), NOW),
        CaseAction.TAKE_INTO_REVIEW: lambda c: c.take_into_review("b-1", NOW),
        CaseAction.RELEASE: lambda c: c.release("b-1", NOW),
        CaseAction.MARK_REVIEWED: lambda c: c.mark_reviewed("b-1", Rating.FLAWED, NOW),
    }[action]


EVENT_OF = {
    CaseAction.EDIT: ev.CaseEdited,
    CaseAction.WITHDRAW: ev.CaseWithdrawn,
    CaseAction.TAKE_INTO_REVIEW: ev.CaseTakenIntoReview,
    CaseAction.RELEASE: ev.CaseReleased,
    CaseAction.MARK_REVIEWED: ev.CaseReviewed,
}
CELLS = [(s, a) for s in CS for a in CaseAction]


@pytest.mark.parametrize(("state", "action"), CELLS, ids=[f"{s}-{a}" for s, a in CELLS])
def test_every_state_and_action(state: CaseStatus, action: CaseAction) -> None:
    case = b.case_in(state)
    if (state, action) in LEGAL:
        _do(action)(case)
        assert case.status is LEGAL[state, action]
        assert [type(e) for e in case.events] == [EVENT_OF[action]]
        assert case.events[0].status is case.status  # type: ignore[attr-defined]
        return
    before = copy.deepcopy(case)
    with pytest.raises(Conflict) as caught:
        _do(action, b.DEPUTY)(case)  # the state is checked first, whoever asks
    assert caught.value.message.startswith("该案件")
    assert (case.status, case.details, case.batch_id, case.events) == (
        before.status,
        before.details,
        before.batch_id,
        [],
    )


@pytest.mark.parametrize(
    ("state", "action", "message"),
    [
        (CS.UNDER_REVIEW, CaseAction.EDIT, "该案件已纳入评查批次，不能修改备案信息"),
        (CS.UNDER_REVIEW, CaseAction.WITHDRAW, "该案件已纳入评查批次，不能撤回备案"),
        (CS.UNDER_REVIEW, CaseAction.TAKE_INTO_REVIEW, "该案件已纳入评查批次，不能纳入评查"),
        (CS.REVIEWED, CaseAction.EDIT, "该案件已评查完毕，不能修改备案信息"),
        (CS.WITHDRAWN, CaseAction.TAKE_INTO_REVIEW, "该案件已撤回备案，不能纳入评查"),
        (CS.REGISTERED, CaseAction.MARK_REVIEWED, "该案件已备案，尚未纳入评查，不能登记评查结果"),
    ],
)
def test_conflict_messages(state: CaseStatus, action: CaseAction, message: str) -> None:
    with pytest.raises(Conflict) as caught:
        _do(action)(b.case_in(state))
    assert caught.value.message == message


KEEPERS = {b.COURT, b.CLERK, b.OTHER_CLERK, b.COMMITTEE}


@pytest.mark.parametrize("action", [CaseAction.EDIT, CaseAction.WITHDRAW])
@pytest.mark.parametrize("person", b.EVERYONE, ids=lambda p: p.subject)
def test_only_organizers_and_the_case_s_own_unit_edit_or_withdraw(action: CaseAction, person: Principal) -> None:
    case = b.case_in(CS.REGISTERED)
    if person in KEEPERS:
        _do(action, person)(case)
        assert case.events
        return
    with pytest.raises(PermissionDenied, match=r"^只有人大常委会联络人员、专（工）委或承办该案的法院、检察院可以"):
        _do(action, person)(case)
    assert case.status is CS.REGISTERED and case.events == []


def test_an_edit_names_the_changed_fields_and_no_change_records_nothing() -> None:
    case = b.case_in(CS.REGISTERED)
    changed = case.edit(b.COURT, commands.EditCase(b.details(cause="借款合同纠纷", lawyers=())), NOW)
    assert changed == ("cause", "lawyers") and case.details.cause == "借款合同纠纷"
    [event] = case.events
    assert isinstance(event, ev.CaseEdited) and event.fields == ("cause", "lawyers")
    case.events.clear()
    assert case.edit(b.COURT, commands.EditCase(b.details(cause="借款合同纠纷", lawyers=())), NOW) == ()
    assert case.events == []


def test_an_organizer_moves_a_case_to_another_unit_and_both_units_are_told() -> None:
    case = b.case_in(CS.REGISTERED)
    case.edit(b.CLERK, commands.EditCase(b.details(unit=b.OTHER_COURT_UNIT)), NOW)
    assert case.unit == b.OTHER_COURT_UNIT
    assert [e.unit for e in case.events] == [b.COURT_UNIT, b.OTHER_COURT_UNIT]  # type: ignore[attr-defined]


def test_the_court_edits_a_case_an_organizer_registered_for_it() -> None:
    case = Case.register("c-9", b.CLERK, commands.RegisterCase(b.details(unit=b.COURT_UNIT)), b.T0)
    case.edit(b.COURT, commands.EditCase(b.details(cause="借款合同纠纷")), NOW)
    assert case.unit == b.COURT_UNIT and case.details.cause == "借款合同纠纷"


def test_a_bad_edit_changes_nothing() -> None:
    case = b.case_in(CS.REGISTERED)
    with pytest.raises(InvalidArgument):
        case.edit(b.COURT, commands.EditCase(b.details(number="123")), NOW)
    assert case.number == "（2025）鄂02民初123号" and case.events == []


def test_a_withdrawal_needs_a_reason() -> None:
    case = b.case_in(CS.REGISTERED)
    with pytest.raises(InvalidArgument) as caught:
        case.withdraw(b.COURT, commands.WithdrawCase(""), NOW)
    assert caught.value.details == [{"field": "reason", "message": "撤回备案的理由不能为空"}]
    case.withdraw(b.COURT, commands.WithdrawCase(" 案件已发回重审 "), NOW)
    assert case.withdrawal == cs.Withdrawal("案件已发回重审", "court-1", NOW)


def test_a_batch_takes_a_case_releases_it_and_marks_it_reviewed() -> None:
    case = b.case_in(CS.REGISTERED)
    case.take_into_review("b-1", NOW)
    assert (case.status, case.batch_id) == (CS.UNDER_REVIEW, "b-1")
    with pytest.raises(Conflict, match=r"^该案件不在这个评查批次中$"):
        case.release("b-2", NOW)
    with pytest.raises(Conflict, match=r"^该案件不在这个评查批次中$"):
        case.mark_reviewed("b-2", Rating.EXCELLENT, NOW)
    case.release("b-1", NOW)
    assert (case.status, case.batch_id) == (CS.REGISTERED, "")
    case.take_into_review("b-3", NOW)
    case.mark_reviewed("b-3", Rating.UNACCEPTABLE, NOW)
    assert (case.status, case.batch_id, case.rating) == (CS.REVIEWED, "b-3", Rating.UNACCEPTABLE)
    assert [e.name for e in case.events] == ["taken_into_review", "released", "taken_into_review", "reviewed"]
