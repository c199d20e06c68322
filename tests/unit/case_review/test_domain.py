"""The vocabulary and standing rules: state tables written out by hand against the domain's, labels for
every value, and the small rules of who acts."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone
from enum import StrEnum

import pytest

from services.case_review import domain as dm
from services.case_review.domain import (
    BATCH_STATES,
    CASE_STATES,
    EXPERT_STATES,
    FINDING_STATES,
    BatchAction,
    BatchStatus,
    CaseAction,
    CaseStatus,
    ExpertAction,
    ExpertStatus,
    FindingAction,
    FindingStatus,
    StateTable,
)
from tests.unit.case_review import builders as b
from wulian.kit.errors import Conflict, InvalidArgument
from wulian.kit.principal import Principal

ES, CS, BS, FS = ExpertStatus, CaseStatus, BatchStatus, FindingStatus

# The workflows of issue 5, written out independently of the domain's tables: (state, action) → next state.
EXPERT_WORKFLOW: dict[tuple[ExpertStatus, ExpertAction], ExpertStatus] = {
    (ES.ACTIVE, ExpertAction.EDIT): ES.ACTIVE,
    (ES.SUSPENDED, ExpertAction.EDIT): ES.SUSPENDED,
    (ES.ACTIVE, ExpertAction.SUSPEND): ES.SUSPENDED,
    (ES.SUSPENDED, ExpertAction.REINSTATE): ES.ACTIVE,
    (ES.ACTIVE, ExpertAction.LEAVE): ES.LEFT,
    (ES.SUSPENDED, ExpertAction.LEAVE): ES.LEFT,
}
CASE_WORKFLOW: dict[tuple[CaseStatus, CaseAction], CaseStatus] = {
    (CS.REGISTERED, CaseAction.EDIT): CS.REGISTERED,
    (CS.REGISTERED, CaseAction.WITHDRAW): CS.WITHDRAWN,
    (CS.REGISTERED, CaseAction.TAKE_INTO_REVIEW): CS.UNDER_REVIEW,
    (CS.UNDER_REVIEW, CaseAction.RELEASE): CS.REGISTERED,
    (CS.UNDER_REVIEW, CaseAction.MARK_REVIEWED): CS.REVIEWED,
}
BATCH_WORKFLOW: dict[tuple[BatchStatus, BatchAction], BatchStatus] = {
    (BS.DRAFT, BatchAction.EDIT): BS.DRAFT,
    (BS.DRAFT, BatchAction.BEGIN_DRAW): BS.DRAWING,
    (BS.DRAWING, BatchAction.CANCEL_DRAW): BS.DRAFT,
    (BS.DRAWING, BatchAction.RECORD_DRAW_RESULT): BS.DRAWN,
    (BS.DRAWN, BatchAction.ANSWER_ASSIGNMENT): BS.DRAWN,
    (BS.DRAWN, BatchAction.RECORD_REPLACEMENT): BS.DRAWN,
    (BS.DRAWN, BatchAction.START_REVIEW): BS.REVIEWING,
    (BS.REVIEWING, BatchAction.SAVE_FORM): BS.REVIEWING,
    (BS.REVIEWING, BatchAction.CLOSE): BS.CLOSED,
    (BS.DRAFT, BatchAction.CANCEL): BS.CANCELLED,
    (BS.DRAWING, BatchAction.CANCEL): BS.CANCELLED,
    (BS.DRAWN, BatchAction.CANCEL): BS.CANCELLED,
    (BS.REVIEWING, BatchAction.CANCEL): BS.CANCELLED,
}
FINDING_WORKFLOW: dict[tuple[FindingStatus, FindingAction], FindingStatus] = {
    (FS.DRAFT, FindingAction.EDIT): FS.DRAFT,
    (FS.DRAFT, FindingAction.ISSUE): FS.ISSUED,
    (FS.ISSUED, FindingAction.ANSWER): FS.RECTIFYING,  # or EXPLAINED, by the answer
    (FS.EXPLAINED, FindingAction.ACCEPT_EXPLANATION): FS.CLOSED,
    (FS.EXPLAINED, FindingAction.REJECT_EXPLANATION): FS.ISSUED,
    (FS.RECTIFYING, FindingAction.REPORT_RECTIFICATION): FS.REPORTED,
    (FS.REPORTED, FindingAction.SEND_BACK_REPORT): FS.RECTIFYING,
    (FS.REPORTED, FindingAction.CLOSE_OUT): FS.CLOSED,
    **{(s, FindingAction.MARK_MISCONDUCT): s for s in FS},
}

TABLES: list[
    tuple[str, StateTable[StrEnum, StrEnum], dict[tuple[StrEnum, StrEnum], StrEnum], type[StrEnum], type[StrEnum]]
] = [
    ("expert", EXPERT_STATES, EXPERT_WORKFLOW, ExpertStatus, ExpertAction),  # type: ignore[list-item]
    ("case", CASE_STATES, CASE_WORKFLOW, CaseStatus, CaseAction),  # type: ignore[list-item]
    ("batch", BATCH_STATES, BATCH_WORKFLOW, BatchStatus, BatchAction),  # type: ignore[list-item]
    ("finding", FINDING_STATES, FINDING_WORKFLOW, FindingStatus, FindingAction),  # type: ignore[list-item]
]


@pytest.mark.parametrize(("name", "table", "workflow", "states", "actions"), TABLES, ids=[t[0] for t in TABLES])
def test_the_state_table_is_the_workflow(
    name: str, table: StateTable[StrEnum, StrEnum], workflow: dict, states: type[StrEnum], actions: type[StrEnum]
) -> None:
    derived = {action: frozenset(s for (s, a) in workflow if a is action) for action in actions}
    assert derived == dict(table.allowed)


@pytest.mark.parametrize(("name", "table", "workflow", "states", "actions"), TABLES, ids=[t[0] for t in TABLES])
def test_every_state_and_action_has_words(
    name: str, table: StateTable[StrEnum, StrEnum], workflow: dict, states: type[StrEnum], actions: type[StrEnum]
) -> None:
    assert set(table.phrases) == set(states)
    assert set(table.action_labels) == set(actions)
    assert all(table.phrases.values()) and all(table.action_labels.values())


CELLS = [(t[0], t[1], s, a, (s, a) in t[2]) for t in TABLES for s in t[3] for a in t[4]]


@pytest.mark.parametrize(
    ("name", "table", "state", "action", "legal"), CELLS, ids=[f"{c[0]}-{c[2]}-{c[3]}" for c in CELLS]
)
def test_ensure_allows_the_legal_and_refuses_the_rest_with_words(
    name: str, table: StateTable[StrEnum, StrEnum], state: StrEnum, action: StrEnum, legal: bool
) -> None:
    if legal:
        table.ensure(action, state)
        return
    with pytest.raises(Conflict) as caught:
        table.ensure(action, state)
    assert caught.value.message == f"{table.phrases[state]}，不能{table.action_labels[action]}"


def test_final_states_take_nothing() -> None:
    finals: list[tuple[StateTable, set[StrEnum]]] = [
        (EXPERT_STATES, {ES.LEFT}),
        (CASE_STATES, {CS.REVIEWED, CS.WITHDRAWN}),
        (BATCH_STATES, {BS.CLOSED, BS.CANCELLED}),
    ]
    for table, states in finals:
        for state in states:
            assert all(state not in allowed for allowed in table.allowed.values())
    # a closed finding takes only the misconduct mark (misconduct may come to light after the close-out)
    assert [a for a, allowed in FINDING_STATES.allowed.items() if FS.CLOSED in allowed] == [
        FindingAction.MARK_MISCONDUCT
    ]


@pytest.mark.parametrize(
    ("labels", "kind"),
    [
        (dm.EXPERT_STATUS_LABELS, ExpertStatus),
        (dm.CASE_STATUS_LABELS, CaseStatus),
        (dm.BATCH_STATUS_LABELS, BatchStatus),
        (dm.FINDING_STATUS_LABELS, FindingStatus),
        (dm.CATEGORY_LABELS, dm.Category),
        (dm.SPECIALTY_LABELS, dm.Specialty),
        (dm.CASE_TYPE_LABELS, dm.CaseType),
        (dm.CASE_TYPE_BODIES, dm.CaseType),
        (dm.JUDICIAL_BODY_LABELS, dm.JudicialBody),
        (dm.SCORE_ITEM_LABELS, dm.ScoreItem),
        (dm.RATING_LABELS, dm.Rating),
        (dm.SEAT_ANSWER_LABELS, dm.SeatAnswer),
        (dm.OPINION_ANSWER_LABELS, dm.OpinionAnswer),
        (dm.RECTIFICATION_KIND_LABELS, dm.RectificationKind),
    ],
    ids=lambda v: getattr(v, "__name__", ""),
)
def test_every_value_has_a_chinese_label(labels: dict, kind: type[StrEnum]) -> None:
    assert set(labels) == set(kind)


def test_the_labels_a_clerk_reads() -> None:
    assert [dm.RATING_LABELS[r] for r in dm.RATING_ORDER] == ["优秀", "合格", "瑕疵", "不合格"]
    assert [dm.SCORE_ITEM_LABELS[i] for i in dm.ScoreItem] == ["实体", "程序", "文书", "效果"]
    assert dm.CATEGORY_LABELS[dm.Category.LAWYER] == "律师"
    assert dm.SPECIALTY_LABELS[dm.Specialty.PROCURATORIAL] == "检察监督"


def test_the_category_and_specialty_values_are_those_the_draw_and_recusal_use() -> None:
    """``recusal`` and ``draw`` take the categories from here (this layer does not import them); the
    specialty labels of the draw's records must stay these."""
    assert [c.value for c in dm.Category] == ["deputy", "lawyer", "professor", "other"]
    draw_labels = {"civil": "民事", "commercial": "商事", "enforcement": "执行", "administrative": "行政"}
    draw_labels |= {"criminal": "刑事", "procuratorial": "检察监督"}
    for key, label in draw_labels.items():
        assert dm.SPECIALTY_LABELS[dm.Specialty(key)] == label


def test_case_types_belong_to_a_body() -> None:
    assert dm.CASE_TYPE_BODIES == {
        dm.CaseType.TRIAL: dm.JudicialBody.COURT,
        dm.CaseType.ENFORCEMENT: dm.JudicialBody.COURT,
        dm.CaseType.PROCURATORIAL_SUPERVISION: dm.JudicialBody.PROCURATORATE,
    }


# --- who acts --------------------------------------------------------------------------------------------


@pytest.mark.parametrize("person", b.EVERYONE, ids=lambda p: p.subject)
def test_the_organizers_are_the_congress_clerk_and_committee(person: Principal) -> None:
    expected = person.has_any("congress_clerk", "congress_committee")
    assert dm.is_organizer(person) is expected
    assert dm.organizer_role(person) == (sorted(person.roles)[0] if expected else "")


def test_the_organizer_role_prefers_the_clerk() -> None:
    both = b.who("congress_committee", "congress_clerk", subject="both")
    assert dm.organizer_role(both) == "congress_clerk"


@pytest.mark.parametrize(
    ("person", "unit", "body"),
    [
        (b.COURT, b.COURT_UNIT, dm.JudicialBody.COURT),
        (b.PROCURATORATE, b.PROCURATORATE_UNIT, dm.JudicialBody.PROCURATORATE),
        (b.COURT_WITHOUT_UNIT, "", None),  # a court account without its unit acts for none
        (b.DEPARTMENT, "", None),  # an org_unit alone is not a judicial unit
        (b.CLERK, "", None),
    ],
    ids=lambda v: getattr(v, "subject", str(v)),
)
def test_the_judicial_unit_of_a_principal(person: Principal, unit: str, body: dm.JudicialBody | None) -> None:
    assert dm.judicial_unit(person) == unit
    assert dm.judicial_body(person) is body
    assert dm.acts_for_unit(person, b.COURT_UNIT) is (unit == b.COURT_UNIT)
    assert dm.acts_for_unit(person, "") is False


def test_an_expert_account_is_a_login_with_the_expert_role() -> None:
    assert dm.is_expert_account(b.E[1], "expert-1")
    assert not dm.is_expert_account(b.E[2], "expert-1")
    assert not dm.is_expert_account(b.E[1], "")
    impostor = b.who("court", subject="expert-1", org_unit=b.COURT_UNIT)
    assert not dm.is_expert_account(impostor, "expert-1")


def test_views_are_ordered() -> None:
    assert dm.View.NONE < dm.View.COUNTS < dm.View.LIMITED < dm.View.FULL
    for view in (dm.View.NONE, dm.View.COUNTS):
        with pytest.raises(Exception, match=r"^未找到$"):
            dm.ensure_readable(view, message="未找到")
    assert dm.ensure_readable(dm.View.LIMITED, message="x") is dm.View.LIMITED


def test_status_counts_for_the_admin() -> None:
    pool = [b.expert_in(ES.ACTIVE), b.expert_in(ES.ACTIVE), b.expert_in(ES.LEFT)]
    assert dm.status_counts(ExpertStatus, (e.status for e in pool)) == {ES.ACTIVE: 2, ES.SUSPENDED: 0, ES.LEFT: 1}
    batches = [b.batch_in(BS.DRAFT), b.batch_in(BS.CLOSED), b.batch_in(BS.CLOSED)]
    counted = dm.status_counts(BatchStatus, (x.status for x in batches))
    assert counted == {s: {BS.DRAFT: 1, BS.CLOSED: 2}.get(s, 0) for s in BS}
    assert dm.status_counts(FindingStatus, []) == dict.fromkeys(FindingStatus, 0)


def test_a_text_checked_on_its_own() -> None:
    assert dm.checked_text("reason", "  出差 ", "理由") == "出差"
    assert dm.checked_text("note", "", "备注", required=False) == ""
    with pytest.raises(InvalidArgument) as caught:
        dm.checked_text("reason", " ", "理由")
    assert (caught.value.message, caught.value.details) == (
        "理由未通过校验",
        [{"field": "reason", "message": "理由不能为空"}],
    )
    with pytest.raises(InvalidArgument, match=r"^编号未通过校验$"):
        dm.checked_text("id", "x" * 65, "编号", limit=64)


def test_times_are_aware_and_utc() -> None:
    beijing = datetime(2026, 3, 2, 9, 0, tzinfo=timezone(timedelta(hours=8)))
    assert dm.as_utc(beijing) == datetime(2026, 3, 2, 1, 0, tzinfo=UTC)
    assert dm.as_utc(beijing).tzinfo is UTC
    with pytest.raises(ValueError, match="naive"):
        dm.as_utc(datetime(2026, 3, 2, 9, 0))


def test_the_domain_modules_do_no_io_and_import_neither_draw_nor_recusal() -> None:
    import ast
    from pathlib import Path

    root = Path(dm.__file__).parent
    allowed_roots = {"__future__", "collections", "dataclasses", "datetime", "decimal", "enum", "fractions"}
    allowed_roots |= {"typing", "zoneinfo", "re", "calendar", "abc", "services", "wulian"}
    for name in ("domain", "commands", "experts", "cases", "reviews", "findings", "events"):
        tree = ast.parse((root / f"{name}.py").read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.Import | ast.ImportFrom):
                modules = [node.module or ""] if isinstance(node, ast.ImportFrom) else [a.name for a in node.names]
                for module in modules:
                    assert module.split(".")[0] in allowed_roots, f"{name} imports {module}"
                    assert "draw" not in module and "recusal" not in module, f"{name} imports {module}"
                    if module.startswith("wulian"):
                        assert module in {
                            "wulian.kit.clock",
                            "wulian.kit.errors",
                            "wulian.kit.principal",
                            "wulian.kit.problems",
                            "wulian.kit.states",
                            "wulian.kit.access",
                            "wulian.kit.events.domain",
                        }
                    if module.startswith("services"):
                        assert module == "services.case_review" or module.startswith("services.case_review.")
