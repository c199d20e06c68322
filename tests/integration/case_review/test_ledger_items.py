"""Case-review opinions in the rectification ledger, with the real case-review and evaluation services: an
issued opinion becomes one ledger item, whatever the retries; the court's plan and reports, the send-back
and the close-out show on it; an accepted explanation withdraws it; while the evaluation service is down
the finding goes on and the ledger catches up once it is up, across a restart of the case-review service;
and only the platform's services may take a step in an official's name."""

from __future__ import annotations

import json
import logging
import time
from collections.abc import Callable, Iterator
from datetime import UTC, datetime
from typing import Any, TypeVar

import grpc
import jwt
import pytest
from sqlalchemy import select, update

from services.case_review import commands, draw_handlers, handlers
from services.case_review.main import MIGRATIONS, load_keys
from services.case_review.main import build as build_case_review
from services.case_review.repository import FindingLedgerRow
from services.evaluation.main import build as build_evaluation
from tests.support.identity import Tokens
from tests.support.processes import ThreadedLoop, wait_until
from tests.unit.case_review import builders as b
from wulian.case_review.v1 import case_review_pb2 as cr
from wulian.case_review.v1.case_review_pb2_grpc import CaseReviewServiceStub
from wulian.evaluation.v1 import evaluation_pb2 as ev
from wulian.evaluation.v1.evaluation_pb2_grpc import EvaluationServiceStub
from wulian.kit.db import Database, make_engine, migrate
from wulian.kit.runtime import ServiceRuntime
from wulian.kit.service_token import ServiceToken
from wulian.kit.settings import Settings

T = TypeVar("T")
COURT_UNIT = "intermediate_court"  # the demo court's org_unit in the realm file
COURT = b.who("court", subject="court-official", org_unit=COURT_UNIT)
OPINIONS = {"source": "case_review_opinion"}
LEDGER = FindingLedgerRow.__table__  # type: ignore[attr-defined]
BUILDS = {"case_review": build_case_review, "evaluation": build_evaluation}


def run(db: Database, fn: Callable[..., T], *args: Any) -> T:
    with db.session() as session:
        return fn(session, *args)


class Link:
    """The two services on a loop thread, each started and stopped by the test, and the case-review
    database, on which the test builds a closed review and reads the ledger rows."""

    def __init__(self, settings: Settings, tokens: Tokens) -> None:
        self.settings, self.tokens = settings, tokens
        self.loop = ThreadedLoop()
        self.running: dict[str, ServiceRuntime] = {}
        engine = make_engine(settings.database_url_for("case_review"), schema="case_review")
        migrate(engine, MIGRATIONS)
        self.db = Database(engine)

    def start(self, name: str) -> None:
        runtime, register = BUILDS[name](self.settings)
        self.loop.run(runtime.start(register))
        self.running[name] = runtime

    def stop(self, name: str) -> None:
        self.loop.run(self.running.pop(name).stop())

    def close(self) -> None:
        for name in list(self.running):
            self.stop(name)
        self.loop.close()
        self.db.close()

    def user(self, username: str) -> tuple[tuple[str, str], ...]:
        return (("authorization", f"Bearer {self.tokens.access(username)}"),)

    def service(self) -> tuple[tuple[str, str], ...]:
        return tuple(self.loop.run(ServiceToken(self.settings).metadata()))

    def case_review(self, method: str, request: Any, username: str) -> dict[str, Any]:
        with grpc.insecure_channel(self.settings.grpc_address("case_review")) as channel:
            answer = getattr(CaseReviewServiceStub(channel), method)(request, metadata=self.user(username), timeout=10)
        return dict(json.loads(answer.json))

    def evaluation(self, method: str, request: Any, metadata: tuple[tuple[str, str], ...]) -> Any:
        with grpc.insecure_channel(self.settings.grpc_address("evaluation")) as channel:
            return getattr(EvaluationServiceStub(channel), method)(request, metadata=metadata, timeout=10)

    def ledger(self) -> list[dict[str, Any]]:
        """The case-review opinions in the ledger, as the congress clerk lists them."""
        listed = self.evaluation(
            "ListRectifications", ev.ListRequest(page_size=50, filters=OPINIONS), self.user("clerk")
        )
        return [json.loads(item) for item in listed.items]

    def item(self, item_id: str) -> dict[str, Any]:
        return dict(json.loads(self.evaluation("GetRectification", ev.Ref(id=item_id), self.user("clerk")).json))

    def progress(self, finding_id: str) -> tuple[int, int, str]:
        """(steps logged, steps the ledger holds, the item's id) of a finding."""
        with self.db.session() as session:
            row = session.execute(select(LEDGER).where(LEDGER.c.finding_id == finding_id)).one()
        return row.steps, row.applied, row.item_id


@pytest.fixture
def link(settings: Settings, tokens: Tokens) -> Iterator[Link]:
    opened = Link(settings.model_copy(update={"relay_retry_s": 0.2}), tokens)
    yield opened
    opened.close()


def closed_review(link: Link, findings: int) -> list[str]:
    """A review of one case of the demo court, drawn, scored and closed, with ``findings`` drafted findings."""
    ctx = handlers.Context(load_keys(link.settings))
    subjects = {}
    for n, category in enumerate(("lawyer", "lawyer", "professor", "professor", "deputy", "deputy"), start=1):
        profile = b.profile(name=f"专家{n}", category=category, employer=f"某单位{n}", phone=f"139{n:08d}",
                            id_number=b.ID_N[n], conflicts=(), account_subject=f"expert-{n}")  # fmt: skip
        subjects[run(link.db, handlers.join_expert, b.CLERK, commands.JoinExpert(profile), ctx).id] = f"expert-{n}"
    case_id = run(link.db, handlers.register_case, COURT, commands.RegisterCase(b.details()), ctx).id
    rules = b.rules(case_ids=(case_id,), max_cases_per_expert=1)
    batch_id = run(link.db, handlers.create_batch, b.CLERK, commands.CreateBatch(rules), ctx).id
    begun = json.loads(run(link.db, draw_handlers.begin_draw, b.CLERK, batch_id, ctx).json)
    fixed = json.loads(run(link.db, draw_handlers.witness_draw, b.STATION, begun["id"], b"6 2 4 1 5 3", ctx).json)
    main = [expert["expert_id"] for expert in fixed["result"][0]["main"]]
    for expert_id in main:
        answer = commands.AnswerAssignment(case_id, True, expert_id=expert_id)
        run(link.db, draw_handlers.answer_assignment, b.CLERK, batch_id, answer, ctx)
    run(link.db, handlers.start_review, b.CLERK, batch_id, ctx)
    for expert_id in main:
        run(
            link.db,
            handlers.save_score_form,
            b.who("expert", subject=subjects[expert_id]),
            batch_id,
            b.form(case_id),
            ctx,
        )
    run(link.db, handlers.close_batch, b.CLERK, batch_id, ctx)
    draft = commands.DraftFinding(case_id, b.finding_text())
    return [run(link.db, handlers.draft_finding, b.CLERK, batch_id, draft, ctx).id for _ in range(findings)]


def subject(link: Link, username: str) -> str:
    return str(jwt.decode(link.tokens.access(username), options={"verify_signature": False})["sub"])


def wait_for_item(link: Link, finding_id: str, status: str) -> dict[str, Any]:
    """The finding's ledger item once it has ``status`` (the relay works in the background)."""
    found: dict[str, Any] = {}

    def reached() -> bool:
        item_id = link.case_review("GetFinding", cr.Ref(id=finding_id), "clerk")["ledger_item_id"]
        found.update(link.item(item_id) if item_id else {})
        return found.get("status") == status

    wait_until(reached, timeout_s=20)
    return found


REPORT = cr.RectificationReportRequest(
    kinds=["corrected_case", "rule_adopted"],
    text="已解除超标的冻结；出台《执行案款专人专管办法》。",
    corrected_case_number="（2026）鄂02执异5号",
    rule_title="执行案款专人专管办法",
)


def report(finding_id: str) -> cr.RectificationReportRequest:
    request = cr.RectificationReportRequest()
    request.CopyFrom(REPORT)
    request.id = finding_id
    return request


def test_an_opinion_is_followed_in_the_ledger_from_its_issue_to_its_close_out(link: Link) -> None:
    link.start("evaluation")
    link.start("case_review")
    rectified, explained = closed_review(link, 2)

    issued = link.case_review("IssueFinding", cr.Ref(id=rectified), "clerk")
    item = wait_for_item(link, rectified, "open")
    assert (item["source"], item["source_ref"], item["raising_body"]) == (
        "case_review_opinion",
        f"finding/{rectified}",
        "congress",
    )
    assert (item["unit"], item["unit_kind"], item["unit_name"]) == (COURT_UNIT, "court", "黄石市中级人民法院")
    assert (item["problem"], item["required_measures"]) == (b.PROBLEM, b.OPINION)
    assert (item["raised_by"], item["status"], item["plans"]) == (subject(link, "clerk"), "open", [])
    assert datetime.fromisoformat(item["due_at"]) == datetime.fromisoformat(issued["due_at"])

    link.case_review(
        "AnswerOpinion", cr.AnswerOpinionRequest(id=rectified, answer="accept", text="立即解除冻结"), "court"
    )
    item = wait_for_item(link, rectified, "rectifying")
    assert item["plan"]["measures"] == "立即解除冻结" and item["plan"]["leader"]
    link.case_review("ReportRectification", report(rectified), "court")
    item = wait_for_item(link, rectified, "reported")
    assert item["reports"][0]["kind"] == "final" and item["reports"][0]["text"] == REPORT.text
    assert item["reports"][0]["measures_taken"].startswith("纠正问题案件（（2026）鄂02执异5号）")

    link.case_review("SendBackReport", cr.ReasonRequest(id=rectified, reason="未附制度文本"), "clerk")
    item = wait_for_item(link, rectified, "rectifying")
    assert item["assessments"][0]["grade"] == "dissatisfied" and item["reopenings"][0]["reason"] == "未附制度文本"
    assert item["due_at"] == item["reopenings"][0]["previous_due_at"]  # the same due date, as the finding's
    link.case_review("ReportRectification", report(rectified), "court")
    wait_for_item(link, rectified, "reported")
    closed = link.case_review("CloseOutFinding", cr.NoteRequest(id=rectified, note="经核实整改到位"), "committee")
    item = wait_for_item(link, rectified, "closed")
    assert item["closing"]["grade"] == "satisfied" and item["closing"]["note"] == "经核实整改到位"
    assert datetime.fromisoformat(item["closing"]["at"]) == datetime.fromisoformat(closed["closing"]["closed_at"])
    assert [len(item[k]) for k in ("plans", "reports", "assessments")] == [1, 2, 2]

    link.case_review("IssueFinding", cr.Ref(id=explained), "clerk")
    link.case_review(
        "AnswerOpinion", cr.AnswerOpinionRequest(id=explained, answer="explain", text="冻结依法有据"), "court"
    )
    link.case_review("AcceptExplanation", cr.NoteRequest(id=explained, note="理由成立"), "clerk")
    withdrawn = wait_for_item(link, explained, "withdrawn")
    assert withdrawn["withdrawal"]["reason"] == "评查意见的说明理由已被采纳：理由成立"

    ledger = link.ledger()
    assert sorted(i["source_ref"] for i in ledger) == sorted([f"finding/{rectified}", f"finding/{explained}"])
    assert all(i["unit"] == COURT_UNIT and i["source"] == "case_review_opinion" for i in ledger)

    # Every answer lost: the relay takes every step again, and the ledger has each of them once.
    versions = {
        i["id"]: link.evaluation("GetRectification", ev.Ref(id=i["id"]), link.user("clerk")).version for i in ledger
    }
    with link.db.session() as session:
        session.execute(update(LEDGER).values(applied=0))
        session.commit()
    wait_until(lambda: all(link.progress(f)[0] == link.progress(f)[1] for f in (rectified, explained)), timeout_s=20)
    again = link.ledger()
    assert len(again) == 2 and {i["id"] for i in again} == set(versions)
    assert {
        i["id"]: link.evaluation("GetRectification", ev.Ref(id=i["id"]), link.user("clerk")).version for i in again
    } == versions
    item = link.item(wait_for_item(link, rectified, "closed")["id"])
    assert [len(item[k]) for k in ("plans", "reports", "assessments")] == [1, 2, 2]


def test_the_ledger_catches_up_once_the_evaluation_service_is_up_even_after_a_restart(
    link: Link, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.INFO)
    link.start("case_review")  # the evaluation service is not there
    (finding_id,) = closed_review(link, 1)
    link.case_review("IssueFinding", cr.Ref(id=finding_id), "clerk")
    answered = link.case_review(
        "AnswerOpinion", cr.AnswerOpinionRequest(id=finding_id, answer="accept", text="立即解除冻结"), "court"
    )
    assert answered["status"] == "rectifying" and answered["ledger_item_id"] == ""  # the finding goes on
    time.sleep(0.5)  # a few rounds of the relay against nobody
    assert link.progress(finding_id) == (2, 0, "")

    link.stop("case_review")  # what is pending is in the database: a restart loses none of it
    link.start("evaluation")
    link.start("case_review")
    item = wait_for_item(link, finding_id, "rectifying")  # raised, then planned: in the finding's order
    assert item["plan"]["measures"] == "立即解除冻结"
    assert link.progress(finding_id) == (2, 2, item["id"])
    assert [i["id"] for i in link.ledger()] == [item["id"]]
    assert "calls answered by the evaluation service" in caplog.text  # ids and counts only
    assert b.PROBLEM not in caplog.text and "Bearer" not in caplog.text


def step(link: Link, item_id: str, username: str, at: datetime | None, org_unit: str = "") -> ev.ServiceStep:
    request = ev.ServiceStep(
        item_id=item_id, official_subject=subject(link, username), official_name="经办人", org_unit=org_unit
    )
    if at is not None:
        request.at.FromDatetime(at)
    return request


def test_only_services_take_steps_in_an_official_s_name_and_a_step_is_taken_once(link: Link) -> None:
    link.start("evaluation")
    service = link.service()
    content = ev.ItemContent(unit=COURT_UNIT, unit_name="市中级人民法院", problem="超标的冻结", unit_kind="court")
    raised = ev.RaiseForService(
        raising_body="congress",
        official_subject=subject(link, "clerk"),
        item=ev.RaiseItem(source="case_review_opinion", source_ref="finding/f-1", content=content),
    )
    item_id = link.evaluation("RaiseRectificationForService", raised, service).id
    at = datetime(2026, 4, 20, 2, 0, tzinfo=UTC)
    plan = ev.DeclarePlanForService(
        step=step(link, item_id, "court", at, COURT_UNIT),
        plan=ev.DeclarePlan(measures="解除冻结", leader="院长", person="执行局长"),
    )
    calls = {
        "DeclarePlanForService": plan,
        "ReportRectificationForService": ev.ReportForService(
            step=step(link, item_id, "court", at, COURT_UNIT),
            report=ev.ReportRectification(kind="progress", text="进展"),
        ),
        "CloseOutRectificationForService": ev.CloseOutForService(
            step=step(link, item_id, "clerk", at), close_out=ev.CloseOutItem(grade="satisfied")
        ),
        "WithdrawRectificationForService": ev.WithdrawForService(
            step=step(link, item_id, "clerk", at), withdrawal=ev.WithdrawItem(reason="误报")
        ),
    }
    for username in ("clerk", "court"):  # the officials themselves use the ordinary calls
        for method, request in calls.items():
            with pytest.raises(grpc.RpcError) as refused:
                link.evaluation(method, request, link.user(username))
            assert refused.value.code() is grpc.StatusCode.PERMISSION_DENIED, (method, username)
    assert link.item(item_id)["status"] == "open"

    first = link.evaluation("DeclarePlanForService", plan, service)
    again = link.evaluation("DeclarePlanForService", plan, service)  # a retry after a lost answer
    assert (first.id, first.version) == (again.id, again.version) == (item_id, 2)
    planned = link.item(item_id)
    assert len(planned["plans"]) == 1 and planned["plans"][0]["declared_by"] == subject(link, "court")
    assert datetime.fromisoformat(planned["plans"][0]["declared_at"]) == at

    elsewhere = ev.ReportForService(
        step=step(link, item_id, "court", at, "dy-court"), report=ev.ReportRectification(kind="progress", text="进展")
    )
    with pytest.raises(grpc.RpcError) as refused:  # the item's own rule: its unit reports
        link.evaluation("ReportRectificationForService", elsewhere, service)
    assert refused.value.code() is grpc.StatusCode.PERMISSION_DENIED
    undated = ev.ReportForService(step=step(link, item_id, "court", None, COURT_UNIT), report=elsewhere.report)
    with pytest.raises(grpc.RpcError) as refused:
        link.evaluation("ReportRectificationForService", undated, service)
    assert refused.value.code() is grpc.StatusCode.INVALID_ARGUMENT
    assert [len(link.item(item_id)[k]) for k in ("plans", "reports")] == [1, 0]
