"""Use cases of the case-review service: load, let the aggregate decide, save with its events and its audit
entry, all in one transaction (``trail.commit``). The draw's own steps are in ``draw_handlers``.

What each caller sees of an object is the domain's read model (``expert_view``, ``batch_view``,
``finding_view``, the case for those ``case_view`` lets see it), serialised here as JSON once.
"""

from __future__ import annotations

import io
import json
import uuid
import zipfile
from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace
from datetime import datetime
from typing import Any, TypeVar

from pydantic import TypeAdapter
from sqlalchemy import and_, select, true
from sqlalchemy.exc import IntegrityError
from sqlmodel import Session

from services.case_review import commands, experts, repository, trail
from services.case_review.cases import Case
from services.case_review.domain import (
    BatchStatus,
    BatchViewer,
    CaseStatus,
    Category,
    ExpertStatus,
    FindingStatus,
    FindingViewer,
    View,
    case_view,
    ensure_readable,
    is_organizer,
    is_supervisor,
    judicial_unit,
    pool_view,
    require_organizer,
)
from services.case_review.experts import Expert, ExpertView, expert_view
from services.case_review.findings import Finding, FindingView, finding_view
from services.case_review.repository import BATCHES, CASES, EXPERTS, FINDINGS
from services.case_review.reviews import BatchView, ReviewBatch, batch_view
from services.case_review.trail import Keys
from wulian.kit.audit import log as audit_log
from wulian.kit.clock import Clock, utc_now
from wulian.kit.errors import Conflict, InvalidArgument, NotFound, PermissionDenied
from wulian.kit.paging import DEFAULT_PAGE_SIZE, Page, Shown, encode_page_token, page_problems
from wulian.kit.principal import Principal

A = TypeVar("A", Expert, Case, ReviewBatch, Finding)
_EXPERT_VIEW = TypeAdapter(ExpertView)
_BATCH_VIEW = TypeAdapter(BatchView)
_FINDING_VIEW = TypeAdapter(FindingView)
_CASE = TypeAdapter(Case)
IMPORT_ROWS_MAX = 2000


@dataclass(frozen=True)
class Context:
    keys: Keys
    clock: Clock = utc_now
    rectification_months: int = 3


def _page_args(page_size: int, page_token: str) -> tuple[int, int]:
    offset, problems = page_problems(page_size, page_token)
    if problems:
        raise InvalidArgument("查询条件未通过校验", details=problems)
    return offset, page_size or DEFAULT_PAGE_SIZE


def _next_token(offset: int, limit: int, total: int) -> str:
    return encode_page_token(offset + limit) if offset + limit < total else ""


def _choice(filters: dict[str, str], name: str, kind: type[Any], label: str) -> str:
    value = filters.get(name, "").strip()
    if value and value not in {m.value for m in kind}:
        raise InvalidArgument("查询条件未通过校验", details=[{"field": name, "message": f"{label}不在可选范围内"}])
    return value


# --- the expert pool ------------------------------------------------------------------------------------


def expert_json(expert: Expert, principal: Principal) -> str:
    return _EXPERT_VIEW.dump_json(expert_view(expert, principal)).decode()


def _shown_expert(expert: Expert, version: int, principal: Principal) -> Shown:
    return Shown(expert.id, version, expert_json(expert, principal))


def _expert_entry(action: str, expert: Expert, principal: Principal, now: datetime, **facts: Any) -> bytes:
    return trail.entry(action, "expert", expert.id, principal, now, category=expert.category.value, **facts)


def join_expert(session: Session, principal: Principal, command: commands.JoinExpert, ctx: Context) -> Shown:
    now = ctx.clock()
    expert = Expert.join(str(uuid.uuid4()), principal, command, now)
    if repository.expert_by_id_number(session, expert.id_number_key) is not None:
        raise Conflict("该身份证号码的专家已在专家库中")
    try:
        EXPERTS.insert(session, expert)
        trail.commit(
            session, ctx.keys, principal, expert.events, [_expert_entry("expert.joined", expert, principal, now)]
        )
    except IntegrityError as error:  # the same person joined meanwhile
        session.rollback()
        raise Conflict("该身份证号码的专家已在专家库中") from error
    return _shown_expert(expert, 1, principal)


def act_on_expert(
    session: Session,
    principal: Principal,
    expert_id: str,
    action: str,
    step: Callable[[Expert, datetime], tuple[str, ...] | None],
    ctx: Context,
) -> Shown:
    """Load an expert the caller may see, apply ``step``, save it with its events and audit entry."""
    loaded = EXPERTS.existing(session, expert_id)
    expert = loaded.aggregate
    ensure_readable(expert.view_for(principal), message="未找到该专家")
    now = ctx.clock()
    changed = step(expert, now) or ()
    if not expert.events:  # nothing changed (an edit to the same values)
        return _shown_expert(expert, loaded.version, principal)
    try:
        version = EXPERTS.save(session, expert, loaded.version)
        entry = _expert_entry(action, expert, principal, now, fields=list(changed))
        trail.commit(session, ctx.keys, principal, expert.events, [entry])
    except IntegrityError as error:
        session.rollback()
        raise Conflict("该身份证号码的专家已在专家库中") from error
    return _shown_expert(expert, version, principal)


def get_expert(session: Session, principal: Principal, expert_id: str) -> Shown:
    loaded = EXPERTS.existing(session, expert_id)
    return _shown_expert(loaded.aggregate, loaded.version, principal)


def _expert_scope(principal: Principal) -> tuple[View, Any]:
    view = pool_view(principal, own="expert" in principal.roles)
    table = EXPERTS.table
    if view is View.LIMITED and not is_supervisor(principal):  # an expert: their own entry only
        return view, table.c.account_subject == principal.subject
    return view, true()


def list_experts(
    session: Session, principal: Principal, page_size: int, page_token: str, filters: dict[str, str]
) -> Page:
    view, scope = _expert_scope(principal)
    if view is View.NONE:
        raise PermissionDenied("您的角色无权查看专家库")
    table = EXPERTS.table
    conditions = [scope]
    if status := _choice(filters, "status", ExpertStatus, "专家状态"):
        conditions.append(table.c.status == status)
    if category := _choice(filters, "category", Category, "专家类别"):
        conditions.append(table.c.category == category)
    if name := filters.get("name", "").strip():
        conditions.append(table.c.name.contains(name, autoescape=True))
    offset, limit = _page_args(page_size, page_token)
    if view is View.COUNTS:
        counts = EXPERTS.counts(session)
        return Page([], "", sum(counts.values()), counts)
    items, total = EXPERTS.page(session, and_(*conditions), [table.c.joined_at, table.c.id], offset, limit)
    return Page([expert_json(i.aggregate, principal) for i in items], _next_token(offset, limit, total), total, {})


def export_experts(
    session: Session, principal: Principal, filters: dict[str, str]
) -> tuple[list[str], list[list[str]]]:
    """The pool as a table (header, rows) for Excel, with what the caller may see of each entry."""
    view, scope = _expert_scope(principal)
    if view < View.LIMITED:
        raise PermissionDenied("您的角色无权导出专家库")
    table = EXPERTS.table
    conditions = [scope]
    if status := _choice(filters, "status", ExpertStatus, "专家状态"):
        conditions.append(table.c.status == status)
    query = select(table.c.document).where(and_(*conditions)).order_by(table.c.joined_at, table.c.id)
    pool = [EXPERTS.parse(row.document) for row in session.execute(query)]
    header, *rows = experts.export_rows(pool, principal)  # the header comes first
    return header, rows


def _workbook_rows(workbook: bytes) -> list[tuple[object, ...]]:
    from openpyxl import load_workbook  # imported here: only imports read workbooks
    from openpyxl.utils.exceptions import InvalidFileException

    try:
        book = load_workbook(io.BytesIO(workbook), read_only=True, data_only=True)
    except (InvalidFileException, zipfile.BadZipFile, OSError, KeyError, ValueError) as error:
        raise InvalidArgument("无法读取上传的文件，请上传 Excel 工作簿（.xlsx）") from error
    try:
        sheet = book.worksheets[0]
        rows: list[tuple[object, ...]] = []
        for row in sheet.iter_rows(values_only=True):
            if len(rows) > IMPORT_ROWS_MAX:
                raise InvalidArgument(f"一次最多导入 {IMPORT_ROWS_MAX} 名专家，请分批导入")
            rows.append(tuple(row))
        return rows
    finally:
        book.close()


def import_experts(session: Session, principal: Principal, workbook: bytes, dry_run: bool, ctx: Context) -> list[str]:
    """Join every row of the workbook, or none: a row with a problem, an ID number twice in the file or
    already in the pool refuses the whole import with each problem by row."""
    require_organizer(principal, message="只有人大常委会联络人员或专（工）委可以导入专家库")
    now = ctx.clock()
    known = repository.id_number_keys(session)
    result = experts.parse_rows(_workbook_rows(workbook), now, known_id_numbers=known)
    if result.problems:
        raise InvalidArgument("专家名单未通过校验，未导入任何专家", details={"problems": list(result.problems)})
    pool = [Expert.join(str(uuid.uuid4()), principal, row.command, now) for row in result.rows]
    if dry_run or not pool:
        return [e.id for e in pool]
    try:
        for expert in pool:
            EXPERTS.insert(session, expert)
        entries = [_expert_entry("expert.joined", e, principal, now, source="excel") for e in pool]
        trail.commit(session, ctx.keys, principal, [event for e in pool for event in e.events], entries)
    except IntegrityError as error:
        session.rollback()
        raise Conflict("导入期间有专家已被他人纳入专家库，请重新导入") from error
    return [e.id for e in pool]


# --- cases ------------------------------------------------------------------------------------------------


def case_json(case: Case) -> str:
    return _CASE.dump_json(case, exclude={"events"}).decode()


def _case_readable(session: Session, principal: Principal, case: Case) -> None:
    assigned = "expert" in principal.roles and repository.expert_holds_case(session, principal.subject, case.id)
    ensure_readable(case.view_for(principal, assigned=assigned), message="未找到该案件")


def register_case(session: Session, principal: Principal, command: commands.RegisterCase, ctx: Context) -> Shown:
    now = ctx.clock()
    case = Case.register(str(uuid.uuid4()), principal, command, now)
    if repository.case_by_number(session, case.number) is not None:
        raise Conflict(f"案号 {case.number} 已备案")
    try:
        CASES.insert(session, case)
        entry = trail.entry("case.registered", "case", case.id, principal, now, unit=case.unit)
        trail.commit(session, ctx.keys, principal, case.events, [entry])
    except IntegrityError as error:
        session.rollback()
        raise Conflict(f"案号 {case.number} 已备案") from error
    return Shown(case.id, 1, case_json(case))


def act_on_case(
    session: Session,
    principal: Principal,
    case_id: str,
    action: str,
    step: Callable[[Case, datetime], Any],
    ctx: Context,
) -> Shown:
    loaded = CASES.existing(session, case_id)
    case = loaded.aggregate
    _case_readable(session, principal, case)
    now = ctx.clock()
    step(case, now)
    if not case.events:
        return Shown(case.id, loaded.version, case_json(case))
    try:
        version = CASES.save(session, case, loaded.version)
        entry = trail.entry(action, "case", case.id, principal, now, unit=case.unit)
        trail.commit(session, ctx.keys, principal, case.events, [entry])
    except IntegrityError as error:
        session.rollback()
        raise Conflict(f"案号 {case.number} 已备案") from error
    return Shown(case.id, version, case_json(case))


def get_case(session: Session, principal: Principal, case_id: str) -> Shown:
    loaded = CASES.existing(session, case_id)
    _case_readable(session, principal, loaded.aggregate)
    return Shown(loaded.aggregate.id, loaded.version, case_json(loaded.aggregate))


def list_cases(
    session: Session, principal: Principal, page_size: int, page_token: str, filters: dict[str, str]
) -> Page:
    table = CASES.table
    if is_organizer(principal) or is_supervisor(principal):
        scope: Any = true()
    elif unit := judicial_unit(principal):
        scope = table.c.unit == unit
    elif "expert" in principal.roles:
        scope = table.c.id.in_(repository.case_ids_of_expert(principal.subject))
    elif case_view(principal, unit="") is View.COUNTS:
        scope = None
    else:
        raise PermissionDenied("您的角色无权查看案件")
    conditions = [scope] if scope is not None else []
    if status := _choice(filters, "status", CaseStatus, "案件状态"):
        conditions.append(table.c.status == status)
    if unit_filter := filters.get("unit", "").strip():
        conditions.append(table.c.unit == unit_filter)
    if batch_id := filters.get("batch_id", "").strip():
        conditions.append(table.c.batch_id == batch_id)
    enterprise = filters.get("enterprise", "").strip()
    if enterprise not in ("", "true", "false"):
        raise InvalidArgument(
            "查询条件未通过校验", details=[{"field": "enterprise", "message": "涉企筛选只能是 true 或 false"}]
        )
    if enterprise:
        conditions.append(table.c.enterprise == (enterprise == "true"))
    offset, limit = _page_args(page_size, page_token)
    if scope is None:
        counts = CASES.counts(session)
        return Page([], "", sum(counts.values()), counts)
    items, total = CASES.page(session, and_(*conditions), [table.c.registered_at.desc(), table.c.id], offset, limit)
    return Page([case_json(i.aggregate) for i in items], _next_token(offset, limit, total), total, {})


# --- review batches --------------------------------------------------------------------------------------


def batch_json(batch: ReviewBatch, principal: Principal) -> str:
    return _BATCH_VIEW.dump_json(batch_view(batch, principal)).decode()


def cases_of(session: Session, case_ids: Iterable[str]) -> dict[str, Case]:
    return {case_id: loaded.aggregate for case_id, loaded in CASES.load_many(session, case_ids).items()}


def _batch_entry(action: str, batch: ReviewBatch, principal: Principal | None, now: datetime, **facts: Any) -> bytes:
    return trail.entry(action, "batch", batch.id, principal, now, **facts)


def create_batch(session: Session, principal: Principal, command: commands.CreateBatch, ctx: Context) -> Shown:
    require_organizer(principal, message="只有人大常委会联络人员或专（工）委可以组织案件评查")
    now = ctx.clock()
    cases = cases_of(session, (c.strip() for c in command.rules.case_ids))
    batch = ReviewBatch.create(str(uuid.uuid4()), principal, command, now, cases.values())
    repository.insert_batch(session, batch, cases)
    entry = _batch_entry("batch.created", batch, principal, now, cases=list(batch.rules.case_ids))
    trail.commit(session, ctx.keys, principal, batch.events, [entry])
    return Shown(batch.id, 1, batch_json(batch, principal))


@dataclass
class BatchStep:
    """What a step on a batch touched besides the batch: its cases (saved with it when changed)."""

    batch: ReviewBatch
    cases: dict[str, Case]
    now: datetime
    facts: dict[str, Any]


def act_on_batch(
    session: Session,
    principal: Principal,
    batch_id: str,
    action: str,
    step: Callable[[BatchStep], None],
    ctx: Context,
) -> Shown:
    """Load a batch the caller may see and its cases, apply ``step``, save the batch and every case the
    step changed, with their events and the step's audit entry, in one transaction."""
    loaded = BATCHES.existing(session, batch_id)
    batch = loaded.aggregate
    if batch.viewer(principal) in _NO_BATCH:
        raise NotFound("未找到该评查批次")
    cases = {case_id: item for case_id, item in CASES.load_many(session, batch.rules.case_ids).items()}
    work = BatchStep(batch, {k: v.aggregate for k, v in cases.items()}, ctx.clock(), {})
    step(work)
    version = repository.save_batch(session, batch, loaded.version, work.cases)
    events = list(batch.events)
    for case_id, case in work.cases.items():
        if case.events:
            CASES.save(session, case, cases[case_id].version)
            events += case.events
    trail.commit(session, ctx.keys, principal, events, [_batch_entry(action, batch, principal, work.now, **work.facts)])
    batch.events.clear()
    return Shown(batch.id, version, batch_json(batch, principal))


_NO_BATCH = (BatchViewer.NONE, BatchViewer.COUNTS)


def edit_batch(
    session: Session, principal: Principal, batch_id: str, command: commands.EditBatch, ctx: Context
) -> Shown:
    def edit(step: BatchStep) -> None:
        wanted = cases_of(session, (c.strip() for c in command.rules.case_ids))
        step.batch.edit(principal, command, step.now, wanted.values())
        step.facts["cases"] = list(step.batch.rules.case_ids)

    return act_on_batch(session, principal, batch_id, "batch.edited", edit, ctx)


def start_review(session: Session, principal: Principal, batch_id: str, ctx: Context) -> Shown:
    return act_on_batch(
        session, principal, batch_id, "batch.review_started", lambda s: s.batch.start_review(principal, s.now), ctx
    )


def close_batch(session: Session, principal: Principal, batch_id: str, ctx: Context) -> Shown:
    def close(step: BatchStep) -> None:
        ratings = step.batch.close(principal, step.now)
        for case_id, rating in ratings.items():
            step.cases[case_id].mark_reviewed(step.batch.id, rating, step.now)
        step.facts["ratings"] = {case_id: rating.value for case_id, rating in ratings.items()}

    return act_on_batch(session, principal, batch_id, "batch.closed", close, ctx)


def cancel_batch(
    session: Session, principal: Principal, batch_id: str, command: commands.CancelBatch, ctx: Context
) -> Shown:
    def cancel(step: BatchStep) -> None:
        open_draws = [d.draw_id for d in step.batch.draws if d.outcome == "open"]
        for case_id in step.batch.cancel(principal, command, step.now):
            step.cases[case_id].release(step.batch.id, step.now)
        for draw_id in open_draws:
            row = repository.load_draw(session, draw_id)
            if row is not None and row["status"] == "open":
                values = {"status": "cancelled", "reason": step.batch.cancel_reason, "ended_at": step.now}
                repository.update_draw(session, draw_id, row["version"], values)
        step.facts["draws_cancelled"] = open_draws

    return act_on_batch(session, principal, batch_id, "batch.cancelled", cancel, ctx)


def save_score_form(
    session: Session, principal: Principal, batch_id: str, command: commands.SaveScoreForm, ctx: Context
) -> Shown:
    def save(step: BatchStep) -> None:
        form = step.batch.save_form(principal, command, step.now)
        on_behalf = bool(command.expert_id.strip()) and "expert" not in principal.roles
        step.facts |= {"case": form.case_id, "expert": form.expert_id, "submitted": form.submitted}
        step.facts |= {"on_behalf": True} if on_behalf else {}

    return act_on_batch(session, principal, batch_id, "batch.score_form_saved", save, ctx)


def get_batch(session: Session, principal: Principal, batch_id: str) -> Shown:
    loaded = BATCHES.existing(session, batch_id)
    return Shown(loaded.aggregate.id, loaded.version, batch_json(loaded.aggregate, principal))


def list_batches(
    session: Session, principal: Principal, page_size: int, page_token: str, filters: dict[str, str]
) -> Page:
    table = BATCHES.table
    if is_organizer(principal) or is_supervisor(principal):
        scope: Any = true()
    elif unit := judicial_unit(principal):
        scope = table.c.id.in_(repository.batch_ids_of_unit(unit))
    elif "expert" in principal.roles:
        scope = table.c.id.in_(repository.batch_ids_of_expert(principal.subject))
    elif "platform_admin" in principal.roles:
        scope = None
    else:
        raise PermissionDenied("您的角色无权查看评查批次")
    conditions = [scope] if scope is not None else []
    if status := _choice(filters, "status", BatchStatus, "批次状态"):
        conditions.append(table.c.status == status)
    offset, limit = _page_args(page_size, page_token)
    if scope is None:
        counts = BATCHES.counts(session)
        return Page([], "", sum(counts.values()), counts)
    items, total = BATCHES.page(session, and_(*conditions), [table.c.created_at.desc(), table.c.id], offset, limit)
    return Page([batch_json(i.aggregate, principal) for i in items], _next_token(offset, limit, total), total, {})


# --- findings ------------------------------------------------------------------------------------------


def finding_json(finding: Finding, principal: Principal, ledger_item_id: str = "") -> str:
    view = replace(finding_view(finding, principal), ledger_item_id=ledger_item_id)
    return _FINDING_VIEW.dump_json(view).decode()


def _finding_json(session: Session, finding: Finding, principal: Principal) -> str:
    """The finding as ``principal`` sees it, with its rectification ledger item."""
    return finding_json(finding, principal, repository.ledger_item_ids(session, [finding.id]).get(finding.id, ""))


def _finding_entry(action: str, finding: Finding, principal: Principal | None, now: datetime) -> bytes:
    return trail.entry(action, "finding", finding.id, principal, now, batch=finding.batch_id, case=finding.case_id)


def draft_finding(
    session: Session, principal: Principal, batch_id: str, command: commands.DraftFinding, ctx: Context
) -> Shown:
    require_organizer(principal, message="只有人大常委会联络人员或专（工）委可以提出评查意见")
    batch = BATCHES.existing(session, batch_id).aggregate
    case = CASES.load(session, command.case_id.strip())
    if case is None:
        raise NotFound("本评查批次不含该案件")
    now = ctx.clock()
    finding = Finding.draft(str(uuid.uuid4()), principal, command, now, batch=batch, case=case.aggregate)
    FINDINGS.insert(session, finding)
    trail.commit(
        session, ctx.keys, principal, finding.events, [_finding_entry("finding.drafted", finding, principal, now)]
    )
    return Shown(finding.id, 1, finding_json(finding, principal))


def act_on_finding(
    session: Session,
    principal: Principal | None,
    finding_id: str,
    action: str,
    step: Callable[[Finding, datetime], Any],
    ctx: Context,
    *,
    viewer: Principal | None = None,
) -> tuple[Finding, int]:
    """Load a finding (one the caller may see), apply ``step``, save it with its events and audit entry.
    ``principal`` None: the service's own step (the scheduler, the clue relay)."""
    loaded = FINDINGS.existing(session, finding_id)
    finding = loaded.aggregate
    if principal is not None and finding.viewer(principal) in (FindingViewer.NONE, FindingViewer.COUNTS):
        raise NotFound("未找到该评查意见")
    now = ctx.clock()
    step(finding, now)
    if not finding.events:
        return finding, loaded.version
    version = repository.save_finding(session, finding, loaded.version)
    trail.commit(session, ctx.keys, principal, finding.events, [_finding_entry(action, finding, principal, now)])
    finding.events.clear()
    return finding, version


def finding_step(
    session: Session,
    principal: Principal,
    finding_id: str,
    action: str,
    step: Callable[[Finding, datetime], Any],
    ctx: Context,
) -> Shown:
    finding, version = act_on_finding(session, principal, finding_id, action, step, ctx)
    return Shown(finding.id, version, _finding_json(session, finding, principal))


def issue_finding(session: Session, principal: Principal, finding_id: str, ctx: Context) -> Shown:
    def issue(finding: Finding, now: datetime) -> None:
        batch = BATCHES.existing(session, finding.batch_id).aggregate
        finding.issue(principal, now, batch_status=batch.status, months=ctx.rectification_months)

    return finding_step(session, principal, finding_id, "finding.issued", issue, ctx)


def get_finding(session: Session, principal: Principal, finding_id: str) -> Shown:
    loaded = FINDINGS.existing(session, finding_id)
    return Shown(loaded.aggregate.id, loaded.version, _finding_json(session, loaded.aggregate, principal))


def list_findings(
    session: Session, principal: Principal, page_size: int, page_token: str, filters: dict[str, str], now: datetime
) -> Page:
    table = FINDINGS.table
    if is_organizer(principal) or is_supervisor(principal):
        scope: Any = true()
    elif unit := judicial_unit(principal):
        scope = and_(table.c.unit == unit, table.c.issued == true())
    elif "platform_admin" in principal.roles:
        scope = None
    else:
        raise PermissionDenied("您的角色无权查看评查意见")
    conditions = [scope] if scope is not None else []
    if status := _choice(filters, "status", FindingStatus, "评查意见状态"):
        conditions.append(table.c.status == status)
    for name in ("batch_id", "case_id"):
        if value := filters.get(name, "").strip():
            conditions.append(table.c[name] == value)
    overdue = filters.get("overdue", "").strip()
    if overdue not in ("", "true"):
        raise InvalidArgument("查询条件未通过校验", details=[{"field": "overdue", "message": "逾期筛选只能是 true"}])
    offset, limit = _page_args(page_size, page_token)
    if scope is None:
        counts = FINDINGS.counts(session)
        return Page([], "", sum(counts.values()), counts)
    if overdue:
        conditions.append(repository.finding_overdue(now))
    items, total = FINDINGS.page(session, and_(*conditions), [table.c.drafted_at.desc(), table.c.id], offset, limit)
    item_ids = repository.ledger_item_ids(session, (i.aggregate.id for i in items))
    shown = [finding_json(i.aggregate, principal, item_ids.get(i.aggregate.id, "")) for i in items]
    return Page(shown, _next_token(offset, limit, total), total, {})


def raise_deadlines(session: Session, finding_id: str, ctx: Context) -> int:
    """The scheduler's step: raise a finding's due rectification notices, each once."""
    raised: list[int] = []

    def step(finding: Finding, now: datetime) -> None:
        raised.append(len(finding.raise_due_deadlines(now)))

    if FINDINGS.load(session, finding_id) is None:
        return 0
    act_on_finding(session, None, finding_id, "finding.deadline_raised", step, ctx)
    return raised[0] if raised else 0


# --- the audit trail ------------------------------------------------------------------------------------


def list_audit_entries(session: Session, principal: Principal, page_size: int, page_token: str) -> Page:
    """The trail, newest first, for the discipline station and the organizers."""
    if not (is_supervisor(principal) or is_organizer(principal)):
        raise PermissionDenied("只有派驻纪检监察组和人大常委会组织人员可以查看评查工作的审计记录")
    offset, limit = _page_args(page_size, page_token)
    size = audit_log.size(session)
    stop = max(size - offset, 0)
    start = max(stop - limit, 0)
    entries = [json.dumps(e, ensure_ascii=False) for e in reversed(trail.read(session, start, stop))]
    return Page(entries, _next_token(offset, limit, size), size, {})
