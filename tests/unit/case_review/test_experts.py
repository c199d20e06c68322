"""The expert pool: every state × action, every actor, every field's checks (phone, ID number with its
check digit), masking, and the Excel rows."""

from __future__ import annotations

import copy
import dataclasses
from collections.abc import Callable, Sequence
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal

import pytest

from services.case_review import commands
from services.case_review import events as ev
from services.case_review import experts as ex
from services.case_review.domain import Category, ExpertAction, ExpertStatus, Specialty
from services.case_review.experts import Expert
from tests.unit.case_review import builders as b
from wulian.kit.errors import Conflict, InvalidArgument, PermissionDenied
from wulian.kit.principal import Principal

NOW = b.T0 + timedelta(days=3)
TODAY = date(2026, 3, 2)
ES = ExpertStatus

# --- phone numbers -----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "normalized"),
    [
        ("13812345678", "13812345678"),
        ("138 1234 5678", "13812345678"),
        ("138-1234-5678", "13812345678"),
        ("+86 138 1234 5678", "13812345678"),
        ("+8613812345678", "13812345678"),
        ("8613812345678", "13812345678"),
        ("0086-138-1234-5678", "13812345678"),
        ("19912345678", "19912345678"),
        ("16612345678", "16612345678"),
        ("  15012345678 ", "15012345678"),
    ],
)
def test_a_mobile_number_in_any_common_writing(value: str, normalized: str) -> None:
    assert ex.phone_problem(value) is None
    assert ex.normalize_phone(value) == normalized


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("", "手机号码不能为空"),
        ("   ", "手机号码不能为空"),
        ("1381234567", "手机号码应为 11 位"),  # 10 digits
        ("138123456789", "手机号码应为 11 位"),  # 12 digits
        ("12812345678", "手机号码应为 11 位"),  # no 12x mobile range
        ("10812345678", "手机号码应为 11 位"),
        ("23812345678", "手机号码应为 11 位"),
        ("0714-6221234", "手机号码应为 11 位"),  # a Huangshi landline
        ("1381234567a", "手机号码应为 11 位"),
        ("+85213812345678", "手机号码应为 11 位"),  # another country code
        ("１３８１２３４５６７８", "手机号码应为 11 位"),  # full-width digits are not taken for a number
    ],
)
def test_not_a_mobile_number(value: str, message: str) -> None:
    problem = ex.phone_problem(value)
    assert problem is not None and problem.startswith(message)


# --- ID numbers ------------------------------------------------------------------------------------------


@pytest.mark.parametrize("value", [b.ID_1, b.ID_1.lower(), f" {b.ID_1} ", "110105 19491231 002X", *b.ID_N.values()])
def test_a_valid_id_number(value: str) -> None:
    assert ex.id_number_problem(value, TODAY) is None
    assert ex.normalize_id_number(value) in {b.ID_1, *b.ID_N.values()}


def test_the_check_character_is_iso_7064_mod_11_2() -> None:
    assert ex.id_check_char("11010519491231002") == "X"
    assert ex.id_check_char("44052418800101001") == "4"
    assert tuple(pow(2, 17 - i, 11) for i in range(17)) == ex.ID_WEIGHTS
    for first17 in ("42020219710211011", "32010219900307123", "00000000000000000", "99999999999999999"):
        assert ex.id_check_char(first17) == b.check_char(first17)


def test_every_wrong_check_character_is_refused() -> None:
    first17 = b.ID_N[1][:17]
    for char in "0123456789X":
        problem = ex.id_number_problem(first17 + char, TODAY)
        if char == b.check_char(first17):
            assert problem is None
        else:
            assert problem == "身份证号码的校验码不正确"


def test_a_swapped_pair_of_digits_is_caught() -> None:
    number = b.ID_N[2]
    swapped = number[:10] + number[11] + number[10] + number[12:]  # month 03 → 30: caught as a date
    assert ex.id_number_problem(swapped, TODAY) is not None
    seq_swapped = number[:14] + number[15] + number[14] + number[16:]
    assert ex.id_number_problem(seq_swapped, TODAY) == "身份证号码的校验码不正确"


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("", "身份证号码不能为空"),
        ("11010519491231002", "身份证号码应为 18 位"),
        ("11010519491231002XX", "身份证号码应为 18 位"),
        ("110105491231002", "身份证号码应为 18 位"),  # the old 15-digit numbers are no longer valid
        ("1101051949123100XX", "身份证号码前 17 位应为数字，末位为数字或 X"),
        ("11010519491231002Y", "身份证号码前 17 位应为数字，末位为数字或 X"),
        ("X10105194912310029", "身份证号码前 17 位应为数字，末位为数字或 X"),
        (b.id_number("00010519491231002"), "身份证号码的地区码不正确"),
        (b.id_number("99010519491231002"), "身份证号码的地区码不正确"),
        (b.id_number("11010519491331002"), "身份证号码中的出生日期不正确"),  # month 13
        (b.id_number("11010519490230002"), "身份证号码中的出生日期不正确"),  # 30 February
        (b.id_number("11010520270101002"), "身份证号码中的出生日期不正确"),  # born in the future
        (b.id_number("11010520260303002"), "身份证号码中的出生日期不正确"),  # tomorrow
        (b.ID_2, "身份证号码中的出生日期不正确"),  # the standard's 1880 example: nobody in the pool
        ("11010519491231002 1", "身份证号码的校验码不正确"),  # white space is dropped: 18 digits
    ],
)
def test_not_an_id_number(value: str, message: str) -> None:
    assert ex.id_number_problem(value, TODAY) == message


def test_born_today_is_allowed() -> None:
    assert ex.id_number_problem(b.id_number("42020220260302001"), TODAY) is None


# --- masking ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("function", "value", "masked"),
    [
        (ex.mask_phone, "13812345678", "138****5678"),
        (ex.mask_phone, "19900001111", "199****1111"),
        (ex.mask_phone, "1234567", "*******"),
        (ex.mask_phone, "", ""),
        (ex.mask_id_number, "320102199003071234", "3201**********1234"),
        (ex.mask_id_number, b.ID_1, "1101**********002X"),
        (ex.mask_id_number, "12345678", "********"),
        (ex.mask_id_number, "", ""),
    ],
)
def test_masking(function: Callable[[str], str], value: str, masked: str) -> None:
    assert function(value) == masked
    assert len(function(value)) == len(value)


# --- joining -----------------------------------------------------------------------------------------------


def test_an_organizer_adds_an_expert_to_the_pool() -> None:
    expert = b.joined(phone="+86 138-1234-5678", id_number=b.ID_1.lower(), specialties=("civil", "commercial", "civil"))
    assert expert.status is ES.ACTIVE and expert.drawable
    p = expert.profile
    assert (p.phone, p.id_number) == ("13812345678", b.ID_1)
    assert p.specialties == (Specialty.CIVIL, Specialty.COMMERCIAL)  # the list's order, once each
    assert p.category is Category.LAWYER
    assert expert.expert_id == "x-1" and expert.specialties == frozenset({"civil", "commercial"})
    assert expert.conflicts == frozenset({"湖北某某律师事务所", "黄石市某建材有限公司"})
    assert expert.employer == "湖北某某律师事务所" and expert.id_number_key == b.ID_1
    assert (expert.joined_by, expert.joined_at) == ("clerk-1", b.T0)
    [event] = expert.events
    assert isinstance(event, ev.ExpertJoined)
    assert (event.expert_id, event.category, event.specialties) == ("x-1", Category.LAWYER, p.specialties)


@pytest.mark.parametrize("person", b.NOT_ORGANIZERS, ids=lambda p: p.subject)
def test_only_organizers_add_experts(person: Principal) -> None:
    with pytest.raises(PermissionDenied, match=r"^只有人大常委会联络人员或专（工）委可以将专家纳入专家库$"):
        Expert.join("x-1", person, commands.JoinExpert(b.profile()), b.T0)


def test_the_committee_adds_experts_too() -> None:
    assert Expert.join("x-1", b.COMMITTEE, commands.JoinExpert(b.profile()), b.T0).joined_by == "committee-1"


def test_the_actor_is_checked_before_the_input() -> None:
    with pytest.raises(PermissionDenied):
        Expert.join("x-1", b.COURT, commands.JoinExpert(b.profile(phone="x", name="")), b.T0)


# (what is wrong, the profile's fields, the fields named in the refusal, in order)
BAD_PROFILES: list[tuple[str, dict[str, object], list[str]]] = [
    (
        "nothing at all",
        {"name": "", "category": "", "specialties": (), "employer": "", "phone": "", "id_number": "", "title": "",
         "conflicts": (), "account_subject": ""},
        ["name", "category", "specialties", "employer", "phone", "id_number"],
    ),
    ("name too long", {"name": "名" * 51}, ["name"]),
    ("unknown category", {"category": "judge"}, ["category"]),
    ("category by label", {"category": "律师"}, ["category"]),  # the API takes codes; Excel takes labels
    ("unknown specialty", {"specialties": ("civil", "maritime")}, ["specialties"]),
    ("no specialty", {"specialties": ()}, ["specialties"]),
    ("blank specialty", {"specialties": ("  ",)}, ["specialties"]),
    ("employer too long", {"employer": "单" * 101}, ["employer"]),
    ("title too long", {"title": "职" * 51}, ["title"]),
    ("landline", {"phone": "0714-6221234"}, ["phone"]),
    ("bad check digit", {"id_number": b.ID_1[:17] + "1"}, ["id_number"]),
    ("too many conflicts", {"conflicts": tuple(f"单位{i}" for i in range(51))}, ["conflicts"]),
    ("conflict too long", {"conflicts": ("冲" * 101,)}, ["conflicts"]),
    ("repeated conflict", {"conflicts": ("湖北某某律师事务所", " 湖北某某 律师事务所 ")}, ["conflicts"]),
    ("login with space", {"account_subject": "expert 1"}, ["account_subject"]),
    ("login too long", {"account_subject": "e" * 65}, ["account_subject"]),
    ("phone and id", {"phone": "123", "id_number": "123"}, ["phone", "id_number"]),
]  # fmt: skip


@pytest.mark.parametrize(("what", "fields", "named"), BAD_PROFILES, ids=[c[0] for c in BAD_PROFILES])
def test_bad_input_is_refused_per_field(what: str, fields: dict[str, object], named: list[str]) -> None:
    with pytest.raises(InvalidArgument) as caught:
        Expert.join("x-1", b.CLERK, commands.JoinExpert(b.profile(**fields)), b.T0)
    assert caught.value.message == "专家信息未通过校验"
    assert [d["field"] for d in caught.value.details] == named
    assert all(d["message"] for d in caught.value.details)


def test_messages_never_echo_the_numbers() -> None:
    with pytest.raises(InvalidArgument) as caught:
        Expert.join(
            "x-1", b.CLERK, commands.JoinExpert(b.profile(phone="1381234567", id_number=b.ID_1[:17] + "1")), b.T0
        )
    text = repr(caught.value.details) + caught.value.message
    assert "1381234567" not in text and b.ID_1[:17] not in text


def test_empty_conflict_entries_are_dropped_and_spaces_collapsed() -> None:
    expert = b.joined(conflicts=("", "  湖北  某某律师事务所 ", "   "))
    assert expert.profile.conflicts == ("湖北 某某律师事务所",)


def test_an_expert_may_have_no_login_yet() -> None:
    expert = b.joined(account_subject="")
    assert expert.account_subject == ""
    assert expert.events[0].audience() == ["role:congress_clerk", "role:congress_committee", "role:discipline_station"]


def test_the_birth_date_is_checked_against_the_beijing_date() -> None:
    born = b.id_number("42020220260303001")  # born 3 March 2026
    late_on_2_march = datetime(2026, 3, 2, 15, 59, tzinfo=UTC)  # 23:59 in Beijing
    with pytest.raises(InvalidArgument):
        Expert.join("x-1", b.CLERK, commands.JoinExpert(b.profile(id_number=born)), late_on_2_march)
    just_after = datetime(2026, 3, 2, 16, 0, tzinfo=UTC)  # 00:00 on 3 March in Beijing
    assert Expert.join("x-1", b.CLERK, commands.JoinExpert(b.profile(id_number=born)), just_after)


def test_a_naive_time_is_a_programming_error() -> None:
    with pytest.raises(ValueError, match="naive"):
        Expert.join("x-1", b.CLERK, commands.JoinExpert(b.profile()), datetime(2026, 3, 2))


# --- every state × action ---------------------------------------------------------------------------------

LEGAL: dict[tuple[ExpertStatus, ExpertAction], ExpertStatus] = {
    (ES.ACTIVE, ExpertAction.EDIT): ES.ACTIVE,
    (ES.SUSPENDED, ExpertAction.EDIT): ES.SUSPENDED,
    (ES.ACTIVE, ExpertAction.SUSPEND): ES.SUSPENDED,
    (ES.SUSPENDED, ExpertAction.REINSTATE): ES.ACTIVE,
    (ES.ACTIVE, ExpertAction.LEAVE): ES.LEFT,
    (ES.SUSPENDED, ExpertAction.LEAVE): ES.LEFT,
}


def _do(action: ExpertAction, person: Principal = b.CLERK) -> Callable[[Expert], object]:
    return {
        ExpertAction.EDIT: lambda x: x.edit(person, commands.EditExpert(b.profile(title="教授")), NOW),
        ExpertAction.SUSPEND: lambda x: x.suspend(person, commands.SuspendExpert("身体原因"), NOW),
        ExpertAction.REINSTATE: lambda x: x.reinstate(person, NOW),
        ExpertAction.LEAVE: lambda x: x.leave(person, commands.LeaveExpert(), NOW),
    }[action]


CELLS = [(s, a) for s in ES for a in ExpertAction]
EVENT_OF = {
    ExpertAction.EDIT: ev.ExpertEdited,
    ExpertAction.SUSPEND: ev.ExpertSuspended,
    ExpertAction.REINSTATE: ev.ExpertReinstated,
    ExpertAction.LEAVE: ev.ExpertLeft,
}


@pytest.mark.parametrize(("state", "action"), CELLS, ids=[f"{s}-{a}" for s, a in CELLS])
def test_every_state_and_action(state: ExpertStatus, action: ExpertAction) -> None:
    expert = b.expert_in(state)
    if (state, action) in LEGAL:
        _do(action)(expert)
        assert expert.status is LEGAL[state, action]
        assert [type(e) for e in expert.events] == [EVENT_OF[action]]
        return
    before = copy.deepcopy(expert)
    with pytest.raises(Conflict) as caught:
        _do(action, b.COURT)(expert)  # the state is checked first, whoever asks
    assert caught.value.message.startswith("该专家")
    assert (expert.status, expert.profile, expert.events) == (before.status, before.profile, [])


STEPS = [(a, s) for (s, a) in LEGAL]


@pytest.mark.parametrize(("action", "state"), STEPS, ids=[f"{a}-{s}" for a, s in STEPS])
@pytest.mark.parametrize("person", b.NOT_ORGANIZERS, ids=lambda p: p.subject)
def test_only_organizers_keep_the_pool(action: ExpertAction, state: ExpertStatus, person: Principal) -> None:
    expert = b.expert_in(state)
    with pytest.raises(PermissionDenied, match=r"^只有人大常委会联络人员或专（工）委可以"):
        _do(action, person)(expert)
    assert expert.status is state and expert.events == []


def test_the_expert_cannot_edit_their_own_entry() -> None:
    with pytest.raises(PermissionDenied):
        b.joined().edit(b.E[1], commands.EditExpert(b.profile(phone="13900000000")), NOW)


def test_an_edit_names_the_changed_fields_and_no_change_records_nothing() -> None:
    expert = b.expert_in(ES.ACTIVE)
    changed = expert.edit(b.CLERK, commands.EditExpert(b.profile(phone="139 0000 1111", conflicts=())), NOW)
    assert changed == ("phone", "conflicts")
    assert expert.profile.phone == "13900001111" and expert.profile.conflicts == ()
    [event] = expert.events
    assert isinstance(event, ev.ExpertEdited) and event.fields == ("phone", "conflicts")
    expert.events.clear()
    assert expert.edit(b.CLERK, commands.EditExpert(b.profile(phone="13900001111", conflicts=())), NOW) == ()
    assert expert.events == []


def test_a_bad_edit_changes_nothing() -> None:
    expert = b.expert_in(ES.ACTIVE)
    with pytest.raises(InvalidArgument):
        expert.edit(b.CLERK, commands.EditExpert(b.profile(id_number="123")), NOW)
    assert expert.profile.id_number == b.ID_1 and expert.events == []


def test_suspension_needs_a_reason_and_is_kept_until_reinstated() -> None:
    expert = b.expert_in(ES.ACTIVE)
    with pytest.raises(InvalidArgument) as caught:
        expert.suspend(b.CLERK, commands.SuspendExpert("  "), NOW)
    assert caught.value.details == [{"field": "reason", "message": "暂停的理由不能为空"}]
    with pytest.raises(InvalidArgument):
        expert.suspend(b.CLERK, commands.SuspendExpert("理" * 2001), NOW)
    assert expert.status is ES.ACTIVE and expert.events == []
    expert.suspend(b.CLERK, commands.SuspendExpert(" 身体原因 "), NOW)
    assert expert.suspension == ex.Suspension("身体原因", "clerk-1", NOW) and not expert.drawable
    expert.reinstate(b.COMMITTEE, NOW + timedelta(days=1))
    assert expert.suspension is None and expert.drawable


def test_leaving_keeps_the_reason_if_any_and_ends_the_suspension() -> None:
    expert = b.expert_in(ES.SUSPENDED)
    expert.leave(b.CLERK, commands.LeaveExpert("任期届满"), NOW)
    assert expert.departure == ex.Departure("任期届满", "clerk-1", NOW)
    assert expert.suspension is None and not expert.drawable
    with pytest.raises(InvalidArgument):
        b.expert_in(ES.ACTIVE).leave(b.CLERK, commands.LeaveExpert("理" * 2001), NOW)


# --- Excel ---------------------------------------------------------------------------------------------

HEADER = ["姓名", "专家类别", "专业领域", "工作单位", "职务职称", "手机号码", "身份证号码", "申报的利益冲突"]


def row(**cells: object) -> list[object]:
    base: dict[str, object] = {
        "姓名": "王律师",
        "专家类别": "律师",
        "专业领域": "商事、民事",
        "工作单位": "湖北某某律师事务所",
        "职务职称": "高级合伙人",
        "手机号码": 13812345678.0,  # Excel keeps a number typed into a cell as a float
        "身份证号码": b.ID_1,
        "申报的利益冲突": "湖北某某律师事务所；黄石市某建材有限公司",
    }
    merged = {**base, **cells}
    return [merged[h] for h in HEADER]


def test_a_sheet_becomes_join_commands() -> None:
    rows: list[Sequence[object]] = [
        HEADER,
        row(),
        row(姓名="李教授", 专家类别="高校教授", 专业领域="行政,刑事", 身份证号码=b.ID_N[1]),
    ]
    result = ex.parse_rows(rows, b.T0)
    assert result.problems == ()
    result.raise_if_any()
    assert [r.row for r in result.rows] == [2, 3]
    first = result.rows[0].command.profile
    assert first.category == "lawyer" and first.specialties == ("commercial", "civil")
    assert first.phone == "13812345678" and first.conflicts == ("湖北某某律师事务所", "黄石市某建材有限公司")
    second = result.rows[1].command.profile
    assert second.category == "professor" and second.specialties == ("administrative", "criminal")
    expert = Expert.join("x-2", b.CLERK, result.rows[1].command, b.T0)
    assert expert.profile.specialties == (Specialty.ADMINISTRATIVE, Specialty.CRIMINAL)


def test_columns_are_found_by_name_in_any_order_with_aliases_and_extra_columns() -> None:
    header = ["备注", "身份证号", "手机", "*姓名", "类别", "专业", "单位", "利益冲突"]
    values = ["新入库", b.ID_1, "13812345678", "王律师", "lawyer", "civil", "某律所", ""]
    result = ex.parse_rows([[], header, values, [None, None]], b.T0)
    assert result.problems == ()
    [only] = result.rows
    assert only.row == 3 and only.command.profile.name == "王律师" and only.command.profile.conflicts == ()


def test_codes_labels_and_loose_words_are_accepted() -> None:
    for word, category in [("人大代表", "deputy"), ("代表", "deputy"), ("教授", "professor"), ("其他", "other")]:
        result = ex.parse_rows([HEADER, row(专家类别=word)], b.T0)
        assert result.rows[0].command.profile.category == category


def test_every_problem_of_every_row_is_reported_with_its_row_and_field() -> None:
    rows: list[Sequence[object]] = [
        HEADER,
        row(手机号码="0714-6221234"),
        row(身份证号码=b.ID_1[:17] + "1", 专家类别="法官"),
        row(专业领域="海事"),
        row(身份证号码=b.ID_N[2]),
        row(身份证号码=b.ID_N[2]),  # the same person twice in the file
    ]
    result = ex.parse_rows(rows, b.T0)
    assert [(p["row"], p["field"]) for p in result.problems] == [
        (2, "phone"),
        (3, "category"),
        (3, "id_number"),
        (4, "specialties"),
        (6, "id_number"),
    ]
    assert result.problems[-1]["message"] == "与第 5 行的身份证号码重复"
    assert [r.row for r in result.rows] == [5]
    with pytest.raises(InvalidArgument) as caught:
        result.raise_if_any()
    assert caught.value.details == list(result.problems)


def test_an_id_number_typed_as_a_number_is_refused_as_such() -> None:
    result = ex.parse_rows([HEADER, row(身份证号码=420202197102110117), row(身份证号码=4.2020219710211e17)], b.T0)
    assert [(p["row"], p["field"], p["message"]) for p in result.problems] == [
        (2, "id_number", "身份证号码须以文本格式填写（数字格式会丢失末几位）"),
        (3, "id_number", "身份证号码须以文本格式填写（数字格式会丢失末几位）"),
    ]


def test_experts_already_in_the_pool_are_refused() -> None:
    result = ex.parse_rows([HEADER, row()], b.T0, known_id_numbers={b.ID_1})
    assert result.problems == ({"row": 2, "field": "id_number", "message": "该身份证号码的专家已在专家库中"},)


@pytest.mark.parametrize(
    ("rows", "problems"),
    [
        ([], [(0, "", "表格中没有内容")]),
        ([[None, ""], []], [(0, "", "表格中没有内容")]),
        ([HEADER], [(1, "", "表格中没有专家")]),
        ([HEADER[:5]], [(1, "phone", "缺少“手机号码”列"), (1, "id_number", "缺少“身份证号码”列")]),
        ([[*HEADER, "手机"], row()], [(1, "phone", "“手机号码”列重复")]),
    ],
)
def test_a_sheet_that_is_not_a_pool(rows: list[list[object]], problems: list[tuple[int, str, str]]) -> None:
    result = ex.parse_rows(rows, b.T0)
    assert [(p["row"], p["field"], p["message"]) for p in result.problems] == problems
    assert result.rows == ()


def test_too_many_rows() -> None:
    rows: list[Sequence[object]] = [HEADER, *([row()] * (ex.IMPORT_ROWS_MAX + 1))]
    assert ex.parse_rows(rows, b.T0).problems[0]["message"] == "一次最多导入 2000 名专家"


def test_cells_of_every_type() -> None:
    assert ex._cell(None) == "" and ex._cell(True) == "是" and ex._cell(False) == "否"
    assert ex._cell(13812345678.0) == "13812345678" and ex._cell(1.5) == "1.5"
    assert ex._cell(Decimal("13812345678")) == "13812345678" and ex._cell(Decimal("1.50")) == "1.50"
    assert ex._cell(" 文本 ") == "文本" and ex._cell(7) == "7"


def test_the_export_shows_what_the_caller_may_see() -> None:
    expert = b.joined()
    full = ex.export_rows([expert], b.CLERK)
    masked = ex.export_rows([expert], b.STATION)
    assert full[0] == ex.export_header() == [c.header for c in ex.EXPERT_COLUMNS]
    assert full[1] == [
        "x-1",
        "王律师",
        "律师",
        "民事、商事",
        "湖北某某律师事务所",
        "高级合伙人",
        "13812345678",
        b.ID_1,
        "湖北某某律师事务所；黄石市某建材有限公司",
        "在库",
    ]
    assert masked[1][6:8] == ["138****5678", "1101**********002X"]
    assert masked[1][:6] == full[1][:6]


@pytest.mark.parametrize("person", [p for p in b.EVERYONE if not p.has_any("congress_clerk", "congress_committee",
                                                                              "discipline_station")],
                         ids=lambda p: p.subject)  # fmt: skip
def test_only_organizers_and_the_station_export(person: Principal) -> None:
    with pytest.raises(PermissionDenied):
        ex.export_rows([b.joined()], person)


def test_an_export_reads_back_as_the_same_experts() -> None:
    pool = [
        b.joined(),
        Expert.join("x-2", b.CLERK, commands.JoinExpert(b.profile(id_number=b.ID_N[3], conflicts=())), b.T0),
    ]
    exported = ex.export_rows(pool, b.CLERK)
    result = ex.parse_rows(exported, b.T0)
    assert result.problems == ()
    for imported, expert in zip(result.rows, pool, strict=True):
        again = Expert.join(expert.id, b.CLERK, imported.command, b.T0)
        assert again.profile == dataclasses.replace(expert.profile, account_subject="")  # logins are not in Excel


def test_a_masked_export_does_not_import() -> None:
    result = ex.parse_rows(ex.export_rows([b.joined()], b.STATION), b.T0)
    assert {p["field"] for p in result.problems} == {"phone", "id_number"}
