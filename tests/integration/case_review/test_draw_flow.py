"""The case-review service's use cases on a real database: commit, witness, reveal; what the draw is
refused for; answers and replacements; scoring, closing and what each body sees; the audit trail."""

from __future__ import annotations

import hashlib
import json
import threading
from collections.abc import Callable
from typing import Any, TypeVar

import pytest
from sqlalchemy import select

from services.case_review import commands, draw, draw_handlers, handlers, repository
from services.case_review.handlers import Context
from tests.integration.case_review.conftest import Clock
from tests.support.workbooks import xlsx
from tests.unit.case_review import builders as b
from wulian.kit.db import Database
from wulian.kit.errors import Conflict, InvalidArgument, NotFound, PermissionDenied
from wulian.kit.events.outbox import OutboxMessage

T = TypeVar("T")


def run(db: Database, fn: Callable[..., T], *args: Any) -> T:
    """``fn(session, *args)`` in a session of its own, as the servicer runs it."""
    with db.session() as session:
        return fn(session, *args)


POOL = [
    ("lawyer", "陈律师", "湖北某某律师事务所", ("civil",)),  # the lawyer of case 1: represented a party
    ("lawyer", "周律师", "湖北甲律师事务所", ("commercial",)),
    ("lawyer", "吴律师", "湖北乙律师事务所", ("civil", "enforcement")),
    ("lawyer", "郑律师", "湖北丙律师事务所", ("administrative",)),
    ("professor", "钱教授", "湖北师范大学", ("civil",)),
    ("professor", "孙教授", "湖北理工学院", ("criminal",)),
    ("professor", "李教授", "武汉大学", ("commercial",)),
    ("deputy", "王代表", "黄石市中级人民法院", ("civil",)),  # works at the court of case 1
    ("deputy", "冯代表", "大冶有色金属集团", ("enforcement",)),
    ("deputy", "蒋代表", "黄石港区某社区", ("civil",)),
]


def _join_pool(db: Database, ctx: Context) -> dict[str, str]:
    """The pool: name → expert id; expert n has the login expert-n."""
    ids = {}
    for n, (category, name, employer, specialties) in enumerate(POOL, start=1):
        profile = b.profile(
            name=name,
            category=category,
            employer=employer,
            specialties=specialties,
            phone=f"139{n:08d}",
            id_number=b.id_number(f"420202197501{n:02d}{n:03d}"),
            conflicts=(),
            account_subject=f"expert-{n}",
        )
        shown = run(db, handlers.join_expert, b.CLERK, commands.JoinExpert(profile), ctx)
        ids[name] = shown.id
    return ids


@pytest.fixture
def world(db: Database, ctx: Context) -> dict[str, Any]:
    experts = _join_pool(db, ctx)
    court = run(db, handlers.register_case, b.COURT, commands.RegisterCase(b.details()), ctx)
    procuratorate = run(
        db, handlers.register_case, b.PROCURATORATE, commands.RegisterCase(b.procuratorate_details()), ctx
    )
    rules = b.rules(
        case_ids=(court.id, procuratorate.id),
        category_quotas={"lawyer": 1, "professor": 1},
        max_cases_per_expert=1,
        backups_per_case=3,
    )
    batch = run(db, handlers.create_batch, b.CLERK, commands.CreateBatch(rules), ctx)
    return {"experts": experts, "cases": (court.id, procuratorate.id), "batch": batch.id}


def _doc(shown: Any) -> dict[str, Any]:
    return json.loads(shown.json)


def _outbox(db: Database) -> list[str]:
    with db.session() as session:
        return list(session.execute(select(OutboxMessage.subject).order_by(OutboxMessage.seq)).scalars())


def _draw(db: Database, ctx: Context, world: dict[str, Any]) -> dict[str, Any]:
    return _doc(run(db, draw_handlers.begin_draw, b.CLERK, world["batch"], ctx))


def _witnessed(db: Database, ctx: Context, world: dict[str, Any], entropy: bytes = b"31415926") -> dict[str, Any]:
    begun = _draw(db, ctx, world)
    return _doc(run(db, draw_handlers.witness_draw, b.STATION, begun["id"], entropy, ctx))


def test_the_seed_is_committed_and_hidden_until_the_station_witnesses(
    db: Database, ctx: Context, world: dict[str, Any]
) -> None:
    begun = _draw(db, ctx, world)
    assert begun["status"] == "open" and begun["seed"] is None and begun["result"] is None
    assert len(begun["seed_commitment"]) == 64 and len(begun["pool_snapshot_hash"]) == 64
    assert begun["pool_size"] == len(POOL)
    batch = _doc(run(db, handlers.get_batch, b.STATION, world["batch"]))
    assert batch["status"] == "drawing" and batch["draws"][0]["seed_commitment"] == begun["seed_commitment"]
    assert "wulian.case_review.batch.draw_begun" in _outbox(db)
    case = _doc(run(db, handlers.get_case, b.COURT, world["cases"][0]))
    assert case["status"] == "under_review"

    fixed = _doc(run(db, draw_handlers.witness_draw, b.STATION, begun["id"], b"dice: 6 2 4 1 5 3", ctx))
    assert fixed["status"] == "fixed" and fixed["witnessed_by"] == b.STATION.subject
    assert hashlib.sha256(bytes.fromhex(fixed["seed"])).hexdigest() == begun["seed_commitment"]
    assert bytes.fromhex(fixed["witness_entropy"]) == b"dice: 6 2 4 1 5 3"
    main = {c["case_id"]: [e["name"] for e in c["main"]] for c in fixed["result"]}
    assert all(len(names) == 2 for names in main.values())
    everyone = [n for names in main.values() for n in names]
    assert len(set(everyone)) == 4  # at most one case per expert
    court_case = world["cases"][0]
    excluded = {(x["name"], x["reasons"][0]["code"]) for x in fixed["exclusions"] if x["case_id"] == court_case}
    assert ("陈律师", "represented_party") in excluded and ("王代表", "same_unit") in excluded
    assert not {"陈律师", "王代表"} & set(main[court_case])
    assert _doc(run(db, handlers.get_batch, b.CLERK, world["batch"]))["status"] == "drawn"


def test_the_record_verifies_from_itself_and_a_changed_record_does_not(
    db: Database, ctx: Context, world: dict[str, Any]
) -> None:
    fixed = _witnessed(db, ctx, world)
    verified = _doc(run(db, draw_handlers.verify_draw, b.STATION, fixed["id"]))
    assert verified["ok"] and verified["problems"] == []
    files = run(db, draw_handlers.draw_record, b.CLERK, fixed["id"])
    assert files.pdf.startswith(b"%PDF")
    record = draw.record_from_json(files.json)
    assert draw.verify(record).ok
    body = json.loads(files.json)
    body["witness_entropy"] = b"another".hex()
    assert not draw.verify(draw.record_from_json(json.dumps(body))).ok


def test_a_draw_is_witnessed_once_and_never_rerun(db: Database, ctx: Context, world: dict[str, Any]) -> None:
    fixed = _witnessed(db, ctx, world)
    with pytest.raises(Conflict, match="不能再次见证"):
        run(db, draw_handlers.witness_draw, b.STATION, fixed["id"], b"other entropy", ctx)
    with pytest.raises(Conflict, match="不能取消"):
        run(db, draw_handlers.cancel_draw, b.CLERK, fixed["id"], "结果不理想", ctx)
    with pytest.raises(Conflict):
        run(db, draw_handlers.begin_draw, b.CLERK, world["batch"], ctx)
    again = _doc(run(db, draw_handlers.get_draw, b.CLERK, fixed["id"]))
    assert again["seed"] == fixed["seed"] and again["result"] == fixed["result"]


def test_two_stations_witnessing_at_once_fix_one_result(db: Database, ctx: Context, world: dict[str, Any]) -> None:
    begun = _draw(db, ctx, world)
    outcomes: list[object] = []

    def witness(entropy: bytes) -> None:
        try:
            outcomes.append(_doc(run(db, draw_handlers.witness_draw, b.STATION, begun["id"], entropy, ctx)))
        except Conflict as error:
            outcomes.append(error)

    threads = [threading.Thread(target=witness, args=(f"entropy {i}".encode(),)) for i in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    fixed = [o for o in outcomes if isinstance(o, dict)]
    assert len(fixed) == 1 and len(outcomes) == 4
    stored = _doc(run(db, draw_handlers.get_draw, b.STATION, begun["id"]))
    assert stored["witness_entropy"] == fixed[0]["witness_entropy"]


def test_only_the_station_witnesses_and_only_with_entropy(db: Database, ctx: Context, world: dict[str, Any]) -> None:
    begun = _draw(db, ctx, world)
    for who in (b.CLERK, b.COMMISSION, b.COURT, b.EXPERT):
        with pytest.raises(PermissionDenied):
            run(db, draw_handlers.witness_draw, who, begun["id"], b"1234", ctx)
    for entropy in (b"", b"x" * 4097):
        with pytest.raises(InvalidArgument):
            run(db, draw_handlers.witness_draw, b.STATION, begun["id"], entropy, ctx)
    for who in (b.COURT, b.PROCURATORATE, b.EXPERT, b.DEPUTY, b.ADMIN):
        with pytest.raises(NotFound):
            run(db, draw_handlers.get_draw, who, begun["id"])
    assert _doc(run(db, draw_handlers.get_draw, b.STATION, begun["id"]))["status"] == "open"


def test_a_cancelled_draw_keeps_its_reason_and_a_new_draw_has_a_new_seed(
    db: Database, ctx: Context, world: dict[str, Any]
) -> None:
    first = _draw(db, ctx, world)
    with pytest.raises(InvalidArgument):
        run(db, draw_handlers.cancel_draw, b.CLERK, first["id"], " ", ctx)
    cancelled = _doc(run(db, draw_handlers.cancel_draw, b.CLERK, first["id"], "见证人未到场", ctx))
    assert cancelled["status"] == "cancelled" and cancelled["reason"] == "见证人未到场"
    assert cancelled["seed"] is None  # a cancelled draw never reveals a seed nobody witnessed
    assert _doc(run(db, handlers.get_case, b.COURT, world["cases"][0]))["status"] == "registered"
    second = _draw(db, ctx, world)
    assert second["seed_commitment"] != first["seed_commitment"]
    with pytest.raises(Conflict):
        run(db, draw_handlers.witness_draw, b.STATION, first["id"], b"late", ctx)


def test_rules_the_pool_cannot_meet_are_refused_before_any_seed(
    db: Database, ctx: Context, world: dict[str, Any], clock: Clock
) -> None:
    rules = b.rules(case_ids=world["cases"], category_quotas={"professor": 4}, experts_per_case=4)
    run(db, handlers.edit_batch, b.CLERK, world["batch"], commands.EditBatch(rules), ctx)
    with pytest.raises(Conflict):
        run(db, draw_handlers.begin_draw, b.CLERK, world["batch"], ctx)
    with db.session() as session:
        assert repository.draws_of_batch(session, world["batch"]) == []
    assert _doc(run(db, handlers.get_batch, b.CLERK, world["batch"]))["status"] == "draft"


def _seats(db: Database, batch_id: str) -> dict[str, list[dict[str, Any]]]:
    batch = _doc(run(db, handlers.get_batch, b.CLERK, batch_id))
    return {c["case_id"]: c["reviewers"] for c in batch["cases"]}


def _subject(world: dict[str, Any], expert_id: str) -> str:
    name = next(n for n, i in world["experts"].items() if i == expert_id)
    n = next(i for i, row in enumerate(POOL, start=1) if row[1] == name)
    return f"expert-{n}"


def test_a_decline_brings_in_the_backup_the_record_names_or_leaves_the_seat_vacant(
    db: Database, ctx: Context, world: dict[str, Any]
) -> None:
    fixed = _witnessed(db, ctx, world)
    case_id = fixed["result"][0]["case_id"]
    declined = fixed["result"][0]["main"][0]
    record = draw.record_from_json(run(db, draw_handlers.draw_record, b.CLERK, fixed["id"]).json)
    assert record.result is not None
    try:
        expected = draw.replace(record.result, record.pool, record.rules, case_id, declined["expert_id"]).replacement
    except Conflict:
        expected = ""
    command = commands.AnswerAssignment(case_id, False, "与当事人有业务往来", expert_id=declined["expert_id"])
    run(db, draw_handlers.answer_assignment, b.CLERK, world["batch"], command, ctx)
    every = _seats(db, world["batch"])[case_id]
    assert [s["answer"] for s in every if s["expert_id"] == declined["expert_id"]] == ["declined"]
    holding = [s for s in every if s["answer"] != "declined"]
    if expected:
        replacement = next(s for s in holding if s["replaces"] == declined["expert_id"])
        assert replacement["expert_id"] == expected and len(holding) == 2
        assert {"lawyer", "professor"} <= {s["category"] for s in holding}  # the quotas still hold
    else:
        assert len(holding) == 1 and "wulian.case_review.batch.seat_left_vacant" in _outbox(db)
    trail = run(db, handlers.list_audit_entries, b.STATION, 50, "")
    answered = [json.loads(e)["entry"] for e in trail.items if json.loads(e)["entry"]["action"].endswith("answered")]
    assert answered and answered[0].get("replacement", "") == expected


def test_the_review_is_scored_closed_and_the_court_sees_reviewers_only_then(
    db: Database, ctx: Context, world: dict[str, Any], clock: Clock
) -> None:
    fixed = _witnessed(db, ctx, world)
    for case in fixed["result"]:
        for expert in case["main"]:
            command = commands.AnswerAssignment(case["case_id"], True, expert_id=expert["expert_id"])
            run(db, draw_handlers.answer_assignment, b.CLERK, world["batch"], command, ctx)
    court_view = _doc(run(db, handlers.get_batch, b.COURT, world["batch"]))
    assert all(c["reviewers"] is None for c in court_view["cases"])
    run(db, handlers.start_review, b.CLERK, world["batch"], ctx)
    for case in fixed["result"]:
        for expert in case["main"]:
            who = b.who("expert", subject=_subject(world, expert["expert_id"]))
            form = b.form(case["case_id"])
            run(db, handlers.save_score_form, who, world["batch"], form, ctx)
    closed = _doc(run(db, handlers.close_batch, b.CLERK, world["batch"], ctx))
    assert closed["status"] == "closed"
    court_view = _doc(run(db, handlers.get_batch, b.COURT, world["batch"]))
    own = [c for c in court_view["cases"] if c["unit"] == b.COURT_UNIT]
    assert len(own) == 1 and own[0]["reviewers"] and own[0]["rating"] is not None
    assert _doc(run(db, handlers.get_case, b.COURT, world["cases"][0]))["status"] == "reviewed"


def test_the_overdue_findings_are_counted_and_paged_in_the_query(
    db: Database, ctx: Context, world: dict[str, Any], clock: Clock
) -> None:
    test_the_review_is_scored_closed_and_the_court_sees_reviewers_only_then(db, ctx, world, clock)
    court_case, procuratorate_case = world["cases"]
    ids = []
    for case_id, n in ((court_case, 1), (procuratorate_case, 2), (court_case, 3)):
        draft = commands.DraftFinding(case_id, commands.FindingText(f"问题{n}", "依法纠正"))
        ids.append(run(db, handlers.draft_finding, b.CLERK, world["batch"], draft, ctx).id)
    for finding_id in ids[:2]:
        run(db, handlers.issue_finding, b.CLERK, finding_id, ctx)
    clock.advance(days=200)  # past the 3-month rectification period of these two
    run(db, handlers.issue_finding, b.CLERK, ids[2], ctx)  # issued today: awaiting, not overdue
    overdue = run(db, handlers.list_findings, b.CLERK, 1, "", {"overdue": "true"}, clock())
    assert overdue.total == 2 and len(overdue.items) == 1 and overdue.next_page_token
    rest = run(db, handlers.list_findings, b.CLERK, 1, overdue.next_page_token, {"overdue": "true"}, clock())
    assert len(rest.items) == 1 and not rest.next_page_token
    assert {json.loads(i)["id"] for i in (*overdue.items, *rest.items)} == set(ids[:2])
    court = run(db, handlers.list_findings, b.COURT, 50, "", {"overdue": "true"}, clock())
    assert court.total == 1 and [json.loads(i)["id"] for i in court.items] == [ids[0]]
    assert run(db, handlers.list_findings, b.CLERK, 50, "", {}, clock()).total == 3


def test_the_pool_masks_numbers_for_all_but_the_organizers(db: Database, ctx: Context, world: dict[str, Any]) -> None:
    expert_id = world["experts"]["周律师"]
    full = _doc(run(db, handlers.get_expert, b.CLERK, expert_id))
    masked = _doc(run(db, handlers.get_expert, b.STATION, expert_id))
    assert full["phone"] == "13900000002" and "*" in masked["phone"] and "*" in masked["id_number"]
    own = run(db, handlers.list_experts, b.E[2], 50, "", {})
    assert [json.loads(i)["name"] for i in own.items] == ["周律师"]
    for who in (b.COURT, b.PROCURATORATE, b.DEPUTY, b.COMMISSION):
        with pytest.raises(PermissionDenied):
            run(db, handlers.list_experts, who, 50, "", {})
        with pytest.raises(NotFound):
            run(db, handlers.get_expert, who, expert_id)
    counts = run(db, handlers.list_experts, b.ADMIN, 50, "", {})
    assert counts.items == [] and counts.counts == {"active": len(POOL)}


def test_the_same_person_and_the_same_case_number_are_refused(
    db: Database, ctx: Context, world: dict[str, Any]
) -> None:
    again = b.profile(id_number=b.id_number("42020219750101001"), phone="13900000001", name="陈律师")
    with pytest.raises(Conflict, match="已在专家库中"):
        run(db, handlers.join_expert, b.CLERK, commands.JoinExpert(again), ctx)
    with pytest.raises(Conflict, match="已备案"):
        run(db, handlers.register_case, b.COURT, commands.RegisterCase(b.details()), ctx)


def test_an_excel_import_joins_every_row_or_none(db: Database, ctx: Context) -> None:
    header = ["姓名", "类别", "专业", "工作单位", "职务职称", "手机号码", "身份证号码", "申报的利益冲突"]
    rows = [
        ["甲专家", "律师", "民事、商事", "湖北丁律师事务所", "律师", "13700000001", b.ID_N[1], ""],
        ["乙专家", "教授", "刑事", "湖北大学", "教授", "13700000002", b.ID_N[2], ""],
    ]
    with pytest.raises(InvalidArgument) as refused:
        run(db, handlers.import_experts, b.CLERK, xlsx([header, *rows, rows[0]]), False, ctx)
    assert "重复" in json.dumps(refused.value.details, ensure_ascii=False)
    with pytest.raises(InvalidArgument, match="Excel"):
        run(db, handlers.import_experts, b.CLERK, b"not a workbook", False, ctx)
    assert run(db, handlers.list_experts, b.CLERK, 50, "", {}).total == 0
    assert len(run(db, handlers.import_experts, b.CLERK, xlsx([header, *rows]), True, ctx)) == 2
    assert run(db, handlers.list_experts, b.CLERK, 50, "", {}).total == 0  # a dry run writes nothing
    ids = run(db, handlers.import_experts, b.CLERK, xlsx([header, *rows]), False, ctx)
    assert run(db, handlers.list_experts, b.CLERK, 50, "", {}).total == len(ids) == 2
    with pytest.raises(PermissionDenied):
        run(db, handlers.import_experts, b.STATION, xlsx([header, *rows]), False, ctx)
    header_out, table = run(db, handlers.export_experts, b.STATION, {})
    assert header_out[1] == "姓名" and len(table) == 2 and all("*" in r[6] for r in table)


def test_every_step_of_the_pool_and_the_draw_is_on_the_trail(db: Database, ctx: Context, world: dict[str, Any]) -> None:
    expert_id = world["experts"]["蒋代表"]
    run(
        db, handlers.act_on_expert, b.CLERK, expert_id, "expert.suspended",
        lambda e, now: e.suspend(b.CLERK, commands.SuspendExpert("工作调动"), now), ctx,
    )  # fmt: skip
    fixed = _witnessed(db, ctx, world)
    trail = [json.loads(e)["entry"] for e in run(db, handlers.list_audit_entries, b.STATION, 100, "").items]
    actions = [e["action"] for e in reversed(trail)]
    assert actions.count("expert.joined") == len(POOL)
    assert actions[-3:] == ["expert.suspended", "draw.committed", "draw.witnessed"]
    witnessed = trail[0]
    files = run(db, draw_handlers.draw_record, b.STATION, fixed["id"])
    assert witnessed["record_sha256"] == hashlib.sha256(files.json.encode()).hexdigest()
    committed = trail[1]
    assert committed["seed_commitment"] == fixed["seed_commitment"] and committed["pool_size"] == len(POOL) - 1
    text = json.dumps(trail, ensure_ascii=False)
    assert "1390000" not in text and "工作调动" not in text  # no numbers, no reasons
    for who in (b.COURT, b.EXPERT, b.COMMISSION, b.DEPUTY):
        with pytest.raises(PermissionDenied):
            run(db, handlers.list_audit_entries, who, 10, "")
