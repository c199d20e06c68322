"""评查批次 — a review batch: its cases and draw rules, the drawn experts' seats, their score forms and the
rating of each case.

Life of a batch (``domain.BATCH_STATES``). The organizers draft it (cases, experts per case, backups per
case, most cases per expert, minimums per case by category and by specialty, the recusal period) and
begin a draw: the draw (``draw``, not imported here) commits its seed and the batch is *drawing*; its
cases are taken into review. The station witnesses; the witnessed result is recorded (*drawn*) — or the
draw fails or is cancelled with a reason, and the batch returns to draft for a new draw with a new seed.
A recorded result is never discarded: only the whole batch is cancelled. Each drawn expert accepts or
declines (with a reason); a decline is replaced by the backup ``draw.replace`` chooses within the quotas,
or the seat is left vacant when none fits. The organizers start the review once every seat is answered,
every declined seat settled, every case has an accepted reviewer and every reviewer has a login. The
experts score (*reviewing*); the organizers close the batch once every accepted reviewer has submitted,
which fixes the rating of each case (*closed*).

Score form (评分表). Four items with these maxima — 实体 substance 40, 程序 procedure 30, 文书 documents 20,
效果 effect 10 — which sum to 100. The seeds give the 100-point scale (百分制, Luoyang) but no weights; these
follow the usual order of weight in case-quality reviews, where the merits (facts, evidence, law)
weigh most and procedure next. Scores are steps of 0.5 from 0 to the item's maximum. A form may be saved
incomplete and changed until it is submitted; a submitted form has every item, a reason for every item
scored below its maximum (扣分理由), and an overall opinion. A ``declared_total`` must equal the sum.

Rating of a case (``rate``), from the submitted forms of its reviewers, computed exactly (fractions):

- the mean total T (the mean of the forms' totals) gives 优秀 excellent when T ≥ 90, 合格 acceptable when
  75 ≤ T < 90, 瑕疵 flawed when 60 ≤ T < 75, 不合格 unacceptable when T < 60;
- floor: when the mean score of any item is below 60% of that item's maximum (substance < 24, procedure
  < 18, documents < 12, effect < 6), the rating is at most 瑕疵 flawed — a case wrong on the merits is not
  "acceptable" however tidy its file.

Who sees what (``batch_view``): organizers and the station everything; the court or procuratorate its own
cases, and their reviewers' names and ratings only once the batch is closed; an expert only the cases
they hold a seat on and only their own forms; ``platform_admin`` counts.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from datetime import datetime
from decimal import Decimal, InvalidOperation
from fractions import Fraction
from typing import TypeVar

from services.case_review import commands
from services.case_review import events as ev
from services.case_review.cases import Case
from services.case_review.domain import (
    BATCH_CASES_MAX,
    BATCH_STATES,
    BATCH_STATUS_LABELS,
    FINDING_MAX,
    ID_MAX,
    NAME_MAX,
    RATING_LABELS,
    SCORE_ITEM_LABELS,
    TEXT_MAX,
    BatchAction,
    BatchStatus,
    BatchViewer,
    CaseStatus,
    Category,
    Rating,
    ScoreItem,
    SeatAnswer,
    Specialty,
    as_utc,
    batch_viewer,
    checked_text,
    ensure_readable,
    is_organizer,
    judicial_unit,
    require_organizer,
    sees_reviewers,
)
from services.case_review.domain import View as AccessView
from wulian.kit.errors import Conflict, InvalidArgument, NotFound, PermissionDenied
from wulian.kit.principal import Principal
from wulian.kit.problems import Problems

Q = TypeVar("Q", Category, Specialty)
BATCH_NAME_MAX = 100
ITEM_MAXIMA: dict[ScoreItem, int] = {
    ScoreItem.SUBSTANCE: 40,
    ScoreItem.PROCEDURE: 30,
    ScoreItem.DOCUMENTS: 20,
    ScoreItem.EFFECT: 10,
}
SCORE_STEP = Decimal("0.5")
RATING_THRESHOLDS: tuple[tuple[int, Rating], ...] = (
    (90, Rating.EXCELLENT),
    (75, Rating.ACCEPTABLE),
    (60, Rating.FLAWED),
)
ITEM_FLOOR = Fraction(3, 5)  # below 60% of an item's maximum caps the rating
FLOOR_CAP = Rating.FLAWED
# The bounds ``draw`` accepts, so that rules a batch takes are rules its draw takes.
EXPERTS_PER_CASE = (1, 50)
BACKUPS_PER_CASE = (0, 50)
CASES_PER_EXPERT = (1, 1000)
COOLING_OFF_DAYS = (0, 3660)

# --- rules --------------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Rules:
    name: str
    case_ids: tuple[str, ...]  # in draw order
    experts_per_case: int
    backups_per_case: int
    max_cases_per_expert: int
    category_quotas: tuple[tuple[Category, int], ...]  # minimums per case, zeros dropped, by category
    specialty_quotas: tuple[tuple[Specialty, int], ...]
    cooling_off_days: int

    @property
    def category_minimums(self) -> dict[str, int]:
        return {c.value: n for c, n in self.category_quotas}

    @property
    def specialty_minimums(self) -> dict[str, int]:
        return {s.value: n for s, n in self.specialty_quotas}


def _number(problems: Problems, field_name: str, value: object, label: str, bounds: tuple[int, int]) -> int:
    low, high = bounds
    if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
        problems.add(field_name, f"{label}应为 {low} 至 {high} 之间的整数")
        return low
    return value


def rules_from(command: commands.BatchRules, cases: Iterable[Case]) -> Rules:
    """The checked rules; ``cases`` are those the handler found for ``command.case_ids``, each must be
    registered and not yet under review elsewhere."""
    problems = Problems()
    name = problems.text("name", command.name, "批次名称", limit=BATCH_NAME_MAX)
    case_ids = _case_ids(problems, command.case_ids, {c.id: c for c in cases})
    per_case = _number(problems, "experts_per_case", command.experts_per_case, "每案专家人数", EXPERTS_PER_CASE)
    backups = _number(problems, "backups_per_case", command.backups_per_case, "每案备选专家人数", BACKUPS_PER_CASE)
    most = _number(
        problems, "max_cases_per_expert", command.max_cases_per_expert, "每名专家最多评查案件数", CASES_PER_EXPERT
    )
    cooling = _number(problems, "cooling_off_days", command.cooling_off_days, "回避期天数", COOLING_OFF_DAYS)
    by_category = _quotas(problems, "category_quotas", command.category_quotas, Category, "专家类别", per_case)
    by_specialty = _quotas(problems, "specialty_quotas", command.specialty_quotas, Specialty, "专业领域", per_case)
    category_total = sum(n for _, n in by_category)
    total = category_total + sum(n for _, n in by_specialty)
    if total > per_case and not any(d["field"].endswith("_quotas") for d in problems.details):
        where = "category_quotas" if category_total > per_case else "specialty_quotas"
        problems.add(where, f"各项配额合计 {total} 名，超过每案专家人数 {per_case} 名")
    problems.raise_if_any("评查批次未通过校验")
    return Rules(name, case_ids, per_case, backups, most, by_category, by_specialty, cooling)


def _case_ids(problems: Problems, values: Iterable[str], known: Mapping[str, Case]) -> tuple[str, ...]:
    ids = tuple(value.strip() for value in values)
    if not ids:
        problems.add("case_ids", "请至少选择一件案件")
    elif len(ids) > BATCH_CASES_MAX:
        problems.add("case_ids", f"一个评查批次最多 {BATCH_CASES_MAX} 件案件")
    elif len(set(ids)) != len(ids):
        problems.add("case_ids", "案件不能重复")
    else:
        for case_id in ids:
            case = known.get(case_id)
            if case is None:
                problems.add("case_ids", f"未找到案件 {case_id}")
            elif case.status is not CaseStatus.REGISTERED:
                problems.add("case_ids", f"案件 {case.number} 已撤回备案或已在其他批次中评查，不能纳入本批次")
    return ids


def _quotas(
    problems: Problems, field_name: str, values: Mapping[str, int], kind: type[Q], label: str, per_case: int
) -> tuple[tuple[Q, int], ...]:
    quotas: dict[Q, int] = {}
    for key, minimum in values.items():
        if key not in kind.__members__.values():
            problems.add(field_name, f"配额中的{label}「{key}」不在可选范围内")
        elif isinstance(minimum, bool) or not isinstance(minimum, int) or not 0 <= minimum <= per_case:
            problems.add(field_name, f"配额「{key}」应为 0 至每案专家人数之间的整数")
        elif minimum:
            quotas[kind(key)] = minimum
    return tuple((k, quotas[k]) for k in kind if k in quotas)


# --- scores and ratings -------------------------------------------------------------------------------


def parse_score(value: commands.Score, label: str, maximum: int) -> tuple[Decimal | None, str | None]:
    """A score as a Decimal, or why it is not one: a number of 0.5-point steps from 0 to ``maximum``."""
    if isinstance(value, bool) or value is None or (isinstance(value, str) and not value.strip()):
        return None, f"请填写{label}"
    try:
        score = Decimal(str(value).strip()) if not isinstance(value, Decimal) else value
    except InvalidOperation:
        return None, f"{label}应为数字"
    if not score.is_finite():
        return None, f"{label}应为数字"
    if not 0 <= score <= maximum:
        return None, f"{label}应在 0 至 {maximum} 分之间"
    if score % SCORE_STEP != 0:
        return None, f"{label}的最小单位为 {SCORE_STEP} 分"
    return score.normalize() if score != 0 else Decimal(0), None


@dataclass(frozen=True, slots=True)
class ScoreForm:
    case_id: str
    expert_id: str
    scores: Mapping[ScoreItem, Decimal]
    comments: Mapping[ScoreItem, str]
    opinion: str
    saved_at: datetime
    submitted_at: datetime | None = None

    @property
    def total(self) -> Decimal:
        return sum(self.scores.values(), Decimal(0))

    @property
    def submitted(self) -> bool:
        return self.submitted_at is not None


def form_from(command: commands.SaveScoreForm, *, expert_id: str, now: datetime) -> ScoreForm:
    """A checked form; a submission must be complete (see the module's docstring)."""
    problems = Problems()
    scores = _scores(problems, command.scores)
    comments = _comments(problems, command.comments)
    opinion = problems.text("opinion", command.opinion, "评查意见", required=command.submit, limit=FINDING_MAX)
    if command.declared_total is not None and scores is not None:
        declared, message = parse_score(command.declared_total, "总分", 100)
        total = sum(scores.values(), Decimal(0))
        if message:
            problems.add("declared_total", message)
        elif declared != total:
            problems.add("declared_total", f"总分 {declared} 与各项得分之和 {total} 不一致")
    if command.submit and scores is not None:
        _complete(problems, scores, comments)
    problems.raise_if_any("评分表未通过校验")
    assert scores is not None
    submitted_at = now if command.submit else None
    return ScoreForm(command.case_id, expert_id, scores, comments, opinion, now, submitted_at)


def _scores(problems: Problems, values: Mapping[str, commands.Score]) -> dict[ScoreItem, Decimal] | None:
    scores: dict[ScoreItem, Decimal] = {}
    ok = True
    for key, raw in values.items():
        if key not in ScoreItem.__members__.values():
            problems.add("scores", f"评分项「{key}」不在评分表中")
            ok = False
            continue
        item = ScoreItem(key)
        if raw is None or (isinstance(raw, str) and not raw.strip()):
            continue  # left blank in a draft
        score, message = parse_score(raw, f"{SCORE_ITEM_LABELS[item]}得分", ITEM_MAXIMA[item])
        if message:
            problems.add(f"scores.{key}", message)
            ok = False
        elif score is not None:
            scores[item] = score
    return {item: scores[item] for item in ScoreItem if item in scores} if ok else None


def _comments(problems: Problems, values: Mapping[str, str]) -> dict[ScoreItem, str]:
    comments: dict[ScoreItem, str] = {}
    for key, raw in values.items():
        if key not in ScoreItem.__members__.values():
            problems.add("comments", f"评分项「{key}」不在评分表中")
            continue
        item = ScoreItem(key)
        text = problems.text(f"comments.{key}", raw, f"{SCORE_ITEM_LABELS[item]}评语", required=False, limit=TEXT_MAX)
        if text:
            comments[item] = text
    return comments


def _complete(problems: Problems, scores: Mapping[ScoreItem, Decimal], comments: Mapping[ScoreItem, str]) -> None:
    for item in ScoreItem:
        label = SCORE_ITEM_LABELS[item]
        if item not in scores:
            problems.add(f"scores.{item.value}", f"请填写{label}得分")
        elif scores[item] < ITEM_MAXIMA[item] and item not in comments:
            problems.add(f"comments.{item.value}", f"{label}有扣分，须写明扣分理由")


@dataclass(frozen=True, slots=True)
class CaseRating:
    """The rating of one case from ``forms`` submitted forms. Means are exact fractions; ``mean_total``
    and ``item_means`` give them rounded to two decimals for display."""

    case_id: str
    forms: int
    total: Fraction
    items: Mapping[ScoreItem, Fraction]
    rating: Rating
    below_floor: tuple[ScoreItem, ...]  # items whose mean is below the floor (they capped the rating)

    @property
    def label(self) -> str:
        return RATING_LABELS[self.rating]

    @property
    def mean_total(self) -> Decimal:
        return _rounded(self.total)

    @property
    def item_means(self) -> dict[ScoreItem, Decimal]:
        return {item: _rounded(mean) for item, mean in self.items.items()}


def _rounded(value: Fraction) -> Decimal:
    return (Decimal(value.numerator) / Decimal(value.denominator)).quantize(Decimal("0.01"))


def rating_of(total: Fraction | Decimal | int, items: Mapping[ScoreItem, Fraction | Decimal | int]) -> Rating:
    """The documented rule: thresholds on the mean total, capped at flawed by an item below its floor."""
    return _rating(Fraction(total), {item: Fraction(score) for item, score in items.items()})[0]


def _rating(total: Fraction, items: Mapping[ScoreItem, Fraction]) -> tuple[Rating, tuple[ScoreItem, ...]]:
    rating = next((r for threshold, r in RATING_THRESHOLDS if total >= threshold), Rating.UNACCEPTABLE)
    below = tuple(item for item in ScoreItem if items.get(item, Fraction(0)) < ITEM_FLOOR * ITEM_MAXIMA[item])
    if below and rating in (Rating.EXCELLENT, Rating.ACCEPTABLE):
        rating = FLOOR_CAP
    return rating, below


def rate(case_id: str, forms: Iterable[ScoreForm]) -> CaseRating | None:
    """The rating of a case from its submitted forms; None while none is submitted."""
    submitted = [form for form in forms if form.submitted]
    if not submitted:
        return None
    n = len(submitted)
    items = {item: sum((Fraction(f.scores.get(item, 0)) for f in submitted), Fraction(0)) / n for item in ScoreItem}
    total = sum(items.values(), Fraction(0))
    rating, below = _rating(total, items)
    return CaseRating(case_id, n, total, items, rating, below)


# --- seats ---------------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Reviewer:
    """A drawn expert as the pool knew them at the draw."""

    expert_id: str
    name: str
    category: Category
    subject: str


@dataclass(frozen=True, slots=True)
class Seat:
    reviewer: Reviewer
    backup_rank: int  # 0 on the main list; n for the n-th backup brought in
    replaces: str = ""  # the declined expert this one replaced
    answer: SeatAnswer = SeatAnswer.PENDING
    answered_at: datetime | None = None
    answered_by: str = ""
    decline_reason: str = ""
    settled: bool = False  # a decline whose replacement (or vacancy) is recorded

    @property
    def expert_id(self) -> str:
        return self.reviewer.expert_id

    @property
    def holding(self) -> bool:
        """Pending or accepted: the expert is (still) on the case."""
        return self.answer is not SeatAnswer.DECLINED


@dataclass
class BatchCase:
    case_id: str
    number: str
    unit: str
    seats: list[Seat] = field(default_factory=list)  # every seat ever, in the order called
    backups: tuple[Reviewer, ...] = ()
    forms: dict[str, ScoreForm] = field(default_factory=dict)  # by expert id
    rating: CaseRating | None = None  # fixed at close

    def seat_of(self, expert_id: str) -> Seat | None:
        return next((s for s in reversed(self.seats) if s.expert_id == expert_id), None)

    def holding_seat(self, subject: str) -> Seat | None:
        return next((s for s in self.seats if s.holding and s.reviewer.subject == subject and subject), None)

    @property
    def reviewers(self) -> list[Seat]:
        return [s for s in self.seats if s.holding]

    @property
    def accepted(self) -> list[Seat]:
        return [s for s in self.seats if s.answer is SeatAnswer.ACCEPTED]

    def _replace_seat(self, old: Seat, new: Seat) -> None:
        self.seats = [new if s is old else s for s in self.seats]


@dataclass(frozen=True, slots=True)
class DrawAttempt:
    draw_id: str
    begun_by: str
    begun_at: datetime
    seed_commitment: str = ""
    pool_snapshot_hash: str = ""
    outcome: str = "open"  # open | fixed | cancelled | failed
    reason: str = ""
    ended_at: datetime | None = None


# --- the aggregate --------------------------------------------------------------------------------------


@dataclass(eq=False)
class ReviewBatch:
    """A review batch. Transitions check state (``Conflict``), actor (``PermissionDenied``) and input
    (``InvalidArgument``), in that order, and record events; those without a principal record what
    another part of the service decided (the draw, the replacement it chose)."""

    id: str
    rules: Rules
    cases: list[BatchCase]
    created_by: str
    created_at: datetime
    status: BatchStatus = BatchStatus.DRAFT
    draws: list[DrawAttempt] = field(default_factory=list)
    cancel_reason: str = ""
    closed_at: datetime | None = None
    events: list[ev.Event] = field(default_factory=list, repr=False)

    @classmethod
    def create(
        cls, batch_id: str, principal: Principal, command: commands.CreateBatch, now: datetime, cases: Iterable[Case]
    ) -> ReviewBatch:
        now = as_utc(now)
        require_organizer(principal, message="只有人大常委会联络人员或专（工）委可以组织案件评查")
        cases = list(cases)
        rules = rules_from(command.rules, cases)
        batch = cls(batch_id, rules, _batch_cases(rules, cases), principal.subject, now)
        batch.events.append(ev.BatchCreated(batch_id, now, rules.case_ids))
        return batch

    def edit(self, principal: Principal, command: commands.EditBatch, now: datetime, cases: Iterable[Case]) -> None:
        BATCH_STATES.ensure(BatchAction.EDIT, self.status)
        now = as_utc(now)
        require_organizer(principal, message="只有人大常委会联络人员或专（工）委可以修改评查批次")
        cases = list(cases)
        self.rules = rules_from(command.rules, cases)
        self.cases = _batch_cases(self.rules, cases)
        self.events.append(ev.BatchEdited(self.id, now, self.rules.case_ids))

    # --- the draw -------------------------------------------------------------------------------------

    def begin_draw(self, principal: Principal, command: commands.BeginDraw, now: datetime) -> tuple[str, ...]:
        """The draw is created and its seed committed; returns the cases to take into review."""
        BATCH_STATES.ensure(BatchAction.BEGIN_DRAW, self.status)
        now = as_utc(now)
        require_organizer(principal, message="只有人大常委会联络人员或专（工）委可以组织抽取")
        draw_id = _identifier(command.draw_id, "draw_id", "抽取编号")
        if any(d.draw_id == draw_id for d in self.draws):
            raise Conflict("该抽取编号已在本批次使用过，每次抽取须使用新的编号和种子")
        commitment, snapshot = command.seed_commitment.strip(), command.pool_snapshot_hash.strip()
        self.draws.append(DrawAttempt(draw_id, principal.subject, now, commitment, snapshot))
        self.status = BatchStatus.DRAWING
        self.events.append(ev.DrawBegun(self.id, now, draw_id, commitment, snapshot))
        return self.rules.case_ids

    def cancel_draw(self, principal: Principal, command: commands.CancelDraw, now: datetime) -> tuple[str, ...]:
        """An organizer cancels the open draw with a reason; returns the cases to release."""
        BATCH_STATES.ensure(BatchAction.CANCEL_DRAW, self.status)
        now = as_utc(now)
        require_organizer(principal, message="只有人大常委会联络人员或专（工）委可以取消抽取")
        self._open_draw(command.draw_id)
        reason = checked_text("reason", command.reason, "取消抽取的理由")
        return self._end_draw("cancelled", reason, now)

    def record_draw_failure(self, draw_id: str, reason: str, now: datetime) -> tuple[str, ...]:
        """The witnessed draw could not meet the rules (``draw.DrawFailed``): no result, back to draft."""
        BATCH_STATES.ensure(BatchAction.CANCEL_DRAW, self.status)
        now = as_utc(now)
        self._open_draw(draw_id)
        return self._end_draw("failed", reason.strip() or "专家库不能满足抽取规则", now)

    def record_draw_result(self, command: commands.RecordDrawResult, now: datetime) -> None:
        """The result the witnessed draw fixed: the main lists and backups of every case."""
        BATCH_STATES.ensure(BatchAction.RECORD_DRAW_RESULT, self.status)
        now = as_utc(now)
        attempt = self._open_draw(command.draw_id)
        drawn = _drawn_cases(command, self.rules)
        for case in self.cases:
            main, backups = drawn[case.case_id]
            case.seats = [Seat(reviewer, 0) for reviewer in main]
            case.backups = backups
        self._replace_draw(replace(attempt, outcome="fixed", ended_at=now))
        self.status = BatchStatus.DRAWN
        self.events.append(ev.BatchDrawn(self.id, now, attempt.draw_id, self.rules.case_ids))
        for case in self.cases:
            for seat in case.seats:
                r = seat.reviewer
                self.events.append(ev.ExpertDrawn(self.id, now, case.case_id, r.expert_id, r.subject, 0))

    # --- answers and replacements ---------------------------------------------------------------------

    def answer_assignment(self, principal: Principal, command: commands.AnswerAssignment, now: datetime) -> None:
        """A drawn expert accepts or declines a case; a decline says why and awaits its replacement. An
        organizer may record the answer an expert gave by phone (``command.expert_id``); the event says
        so (``on_behalf``), for the station to see who answered for whom."""
        BATCH_STATES.ensure(BatchAction.ANSWER_ASSIGNMENT, self.status)
        now = as_utc(now)
        case, seat = self._answering(principal, command)
        if seat.answer is not SeatAnswer.PENDING:
            raise Conflict("该专家已确认参加该案件的评查")
        reason = checked_text("reason", command.reason, "不参加的理由", required=not command.accept)
        answer = SeatAnswer.ACCEPTED if command.accept else SeatAnswer.DECLINED
        answered = replace(seat, answer=answer, answered_at=now, answered_by=principal.subject)
        case._replace_seat(seat, replace(answered, decline_reason=reason if not command.accept else ""))
        on_behalf = principal.subject != seat.reviewer.subject
        self.events.append(ev.AssignmentAnswered(self.id, now, case.case_id, seat.expert_id, answer, on_behalf))

    def _answering(self, principal: Principal, command: commands.AnswerAssignment) -> tuple[BatchCase, Seat]:
        """The seat an answer is for: the caller's own, or the one an organizer names."""
        case = self._case_or_none(command.case_id)
        named = command.expert_id.strip()
        if named and is_organizer(principal):
            seat = case.seat_of(named) if case else None
            if case is None or seat is None or not seat.holding:
                raise NotFound("该专家未被抽取评查该案件")
            return case, seat
        own = case.holding_seat(principal.subject) if case and "expert" in principal.roles else None
        if case is None or own is None:
            raise PermissionDenied("您未被抽取评查该案件")
        return case, own

    def record_replacement(self, command: commands.RecordReplacement, now: datetime) -> None:
        """The backup ``draw.replace`` chose for a declined seat, or none ("": the seat stays vacant).
        Recording the same replacement again has no effect, so a retry is safe."""
        BATCH_STATES.ensure(BatchAction.RECORD_REPLACEMENT, self.status)
        now = as_utc(now)
        case = self._case(command.case_id)
        declined = case.seat_of(command.declined_expert_id.strip())
        if declined is None or declined.answer is not SeatAnswer.DECLINED:
            raise Conflict("该专家未拒绝参加该案件的评查，不能递补")
        wanted = command.replacement_expert_id.strip()
        if declined.settled:
            if _replacement_of(case, declined) == wanted:
                return
            raise Conflict("该专家的递补已登记")
        if not wanted:
            case._replace_seat(declined, replace(declined, settled=True))
            self.events.append(ev.SeatLeftVacant(self.id, now, case.case_id, declined.expert_id))
            return
        rank, backup = _backup(case, wanted)
        case._replace_seat(declined, replace(declined, settled=True))
        case.seats.append(Seat(backup, rank, replaces=declined.expert_id))
        declined_id, r = declined.expert_id, backup
        self.events.append(ev.ExpertReplaced(self.id, now, case.case_id, declined_id, r.expert_id, rank))
        self.events.append(ev.ExpertDrawn(self.id, now, case.case_id, r.expert_id, r.subject, rank))

    def start_review(self, principal: Principal, now: datetime) -> None:
        BATCH_STATES.ensure(BatchAction.START_REVIEW, self.status)
        now = as_utc(now)
        require_organizer(principal, message="只有人大常委会联络人员或专（工）委可以开始评查")
        if problems := self._not_ready():
            raise Conflict(f"尚不能开始评查：{problems[0]}", details={"problems": problems})
        self.status = BatchStatus.REVIEWING
        self.events.append(ev.ReviewStarted(self.id, now, self.rules.case_ids))
        for case, seat in self._seats(accepted_only=True):
            r = seat.reviewer
            self.events.append(ev.ScoringOpened(self.id, now, case.case_id, r.expert_id, r.subject))

    def _not_ready(self) -> list[str]:
        problems: list[str] = []
        for case in self.cases:
            if any(s.answer is SeatAnswer.PENDING for s in case.seats):
                problems.append(f"案件 {case.number} 有专家尚未确认是否参加")
            elif any(s.answer is SeatAnswer.DECLINED and not s.settled for s in case.seats):
                problems.append(f"案件 {case.number} 有拒绝参加的专家尚未递补")
            elif not case.accepted:
                problems.append(f"案件 {case.number} 没有同意参加的专家")
        return problems

    # --- scoring --------------------------------------------------------------------------------------

    def save_form(self, principal: Principal, command: commands.SaveScoreForm, now: datetime) -> ScoreForm:
        """An expert saves (or submits) their form for one of their own cases; changeable until submitted."""
        BATCH_STATES.ensure(BatchAction.SAVE_FORM, self.status)
        now = as_utc(now)
        case, seat = self._scoring(principal, command)
        before = case.forms.get(seat.expert_id)
        if before is not None and before.submitted:
            raise Conflict("您已提交该案件的评分表，不能再修改")
        form = form_from(command, expert_id=seat.expert_id, now=now)
        form = replace(form, case_id=case.case_id)
        case.forms[seat.expert_id] = form
        if form.submitted:
            r = seat.reviewer
            on_behalf = principal.subject != r.subject
            self.events.append(ev.ScoreFormSubmitted(self.id, now, case.case_id, r.expert_id, r.subject, on_behalf))
        return form

    def _scoring(self, principal: Principal, command: commands.SaveScoreForm) -> tuple[BatchCase, Seat]:
        """The seat a form is for: the expert's own, or — a paper form an organizer enters (代为录入) — the
        accepted seat of the expert it names."""
        case = self._case_or_none(command.case_id)
        named = command.expert_id.strip()
        if named and is_organizer(principal):
            seat = case.seat_of(named) if case else None
            if case is None or seat is None or seat.answer is not SeatAnswer.ACCEPTED:
                raise NotFound("该专家未被抽取评查该案件或未同意参加")
            return case, seat
        seat = case.holding_seat(principal.subject) if case and "expert" in principal.roles else None
        if case is None or seat is None or seat.answer is not SeatAnswer.ACCEPTED:
            raise PermissionDenied("只有抽取到该案件并同意参加的专家可以为其评分")
        return case, seat

    def close(self, principal: Principal, now: datetime) -> dict[str, Rating]:
        """Close the review once every accepted reviewer has submitted; fixes and returns the ratings."""
        BATCH_STATES.ensure(BatchAction.CLOSE, self.status)
        now = as_utc(now)
        require_organizer(principal, message="只有人大常委会联络人员或专（工）委可以结束评查")
        missing = [
            f"案件 {case.number} 的专家 {seat.reviewer.name} 尚未提交评分表"
            for case in self.cases
            for seat in case.accepted
            if not (form := case.forms.get(seat.expert_id)) or not form.submitted
        ]
        if missing:
            raise Conflict(f"尚不能结束评查：{missing[0]}", details={"problems": missing})
        ratings: dict[str, Rating] = {}
        for case in self.cases:
            case.rating = rate(case.case_id, (case.forms[s.expert_id] for s in case.accepted))
            assert case.rating is not None
            ratings[case.case_id] = case.rating.rating
        self.status, self.closed_at = BatchStatus.CLOSED, now
        self.events.append(ev.BatchClosed(self.id, now, tuple(ratings), tuple(ratings.values()), self.units_in_order()))
        return ratings

    def cancel(self, principal: Principal, command: commands.CancelBatch, now: datetime) -> tuple[str, ...]:
        """Cancel the batch with a reason; returns the cases to release (none while in draft)."""
        BATCH_STATES.ensure(BatchAction.CANCEL, self.status)
        now = as_utc(now)
        require_organizer(principal, message="只有人大常委会联络人员或专（工）委可以取消评查批次")
        reason = checked_text("reason", command.reason, "取消的理由")
        taken = self.status is not BatchStatus.DRAFT
        for attempt in self.draws:
            if attempt.outcome == "open":
                self._replace_draw(replace(attempt, outcome="cancelled", reason=reason, ended_at=now))
        self.status, self.cancel_reason = BatchStatus.CANCELLED, reason
        self.events.append(ev.BatchCancelled(self.id, now))
        for case, seat in self._seats(accepted_only=False):
            r = seat.reviewer
            self.events.append(ev.SeatCancelled(self.id, now, case.case_id, r.expert_id, r.subject))
        return self.rules.case_ids if taken else ()

    # --- queries ------------------------------------------------------------------------------------

    @property
    def units(self) -> frozenset[str]:
        return frozenset(case.unit for case in self.cases)

    def units_in_order(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(case.unit for case in self.cases))

    def reviewer_subjects(self) -> tuple[str, ...]:
        """The logins of the experts holding a seat (pending or accepted), each once."""
        subs = (s.reviewer.subject for case in self.cases for s in case.reviewers if s.reviewer.subject)
        return tuple(dict.fromkeys(subs))

    def case(self, case_id: str) -> BatchCase:
        return self._case(case_id)

    def assigned_case_ids(self, principal: Principal) -> tuple[str, ...]:
        """The cases on which ``principal`` (an expert) holds a seat."""
        if "expert" not in principal.roles:
            return ()
        return tuple(c.case_id for c in self.cases if c.holding_seat(principal.subject))

    def viewer(self, principal: Principal) -> BatchViewer:
        return batch_viewer(principal, units=self.units, expert_subjects=frozenset(self.reviewer_subjects()))

    def ratings(self) -> dict[str, CaseRating | None]:
        """Fixed at close; before, provisional from the forms submitted so far."""
        return {c.case_id: c.rating if c.rating else rate(c.case_id, c.forms.values()) for c in self.cases}

    # --- helpers ------------------------------------------------------------------------------------

    def _case_or_none(self, case_id: str) -> BatchCase | None:
        return next((c for c in self.cases if c.case_id == case_id.strip()), None)

    def _case(self, case_id: str) -> BatchCase:
        case = self._case_or_none(case_id)
        if case is None:
            raise NotFound("本评查批次不含该案件")
        return case

    def _seats(self, *, accepted_only: bool) -> list[tuple[BatchCase, Seat]]:
        """The seats held (pending or accepted), or only the accepted ones, case by case."""
        return [(c, s) for c in self.cases for s in (c.accepted if accepted_only else c.reviewers)]

    def _open_draw(self, draw_id: str) -> DrawAttempt:
        attempt = next((d for d in self.draws if d.outcome == "open"), None)
        if attempt is None or attempt.draw_id != draw_id.strip():
            raise Conflict("该抽取不是本批次正在进行的抽取")
        return attempt

    def _end_draw(self, outcome: str, reason: str, now: datetime) -> tuple[str, ...]:
        attempt = self._open_draw(self.draws[-1].draw_id)
        self._replace_draw(replace(attempt, outcome=outcome, reason=reason, ended_at=now))
        self.status = BatchStatus.DRAFT
        self.events.append(ev.DrawCancelled(self.id, now, attempt.draw_id, outcome == "failed"))
        return self.rules.case_ids

    def _replace_draw(self, attempt: DrawAttempt) -> None:
        self.draws = [attempt if d.draw_id == attempt.draw_id else d for d in self.draws]


def _replacement_of(case: BatchCase, declined: Seat) -> str:
    """The expert id that replaced a settled decline, "" when the seat was left vacant."""
    replacement = next((s for s in case.seats if s.replaces == declined.expert_id), None)
    return replacement.expert_id if replacement else ""


def _batch_cases(rules: Rules, cases: Iterable[Case]) -> list[BatchCase]:
    by_id = {case.id: case for case in cases}
    return [BatchCase(i, by_id[i].number, by_id[i].unit) for i in rules.case_ids]


def _identifier(value: str, field_name: str, label: str) -> str:
    ident = value.strip()
    if not ident or len(ident) > ID_MAX or any(ch.isspace() for ch in ident):
        raise InvalidArgument(f"{label}不正确", details=[{"field": field_name, "message": f"{label}不能为空或含空白"}])
    return ident


def _reviewer(problems: Problems, where: str, drawn: commands.DrawnExpert) -> Reviewer | None:
    if drawn.category not in Category.__members__.values() or not drawn.expert_id.strip():
        problems.add(where, f"抽取结果中的专家 {drawn.expert_id!r} 编号或类别不正确")
        return None
    name = " ".join(drawn.name.split())[:NAME_MAX]
    return Reviewer(drawn.expert_id.strip(), name, Category(drawn.category), drawn.subject.strip())


def _drawn_cases(
    command: commands.RecordDrawResult, rules: Rules
) -> dict[str, tuple[tuple[Reviewer, ...], tuple[Reviewer, ...]]]:
    """Check the result against the rules it was drawn under: every case once, E on each main list, at
    most B backups, nobody twice on a case, nobody on more than M cases, the category minimums met."""
    problems = Problems()
    result: dict[str, tuple[tuple[Reviewer, ...], tuple[Reviewer, ...]]] = {}
    load: Counter[str] = Counter()
    for drawn in command.cases:
        where = f"cases.{drawn.case_id}"
        if drawn.case_id not in rules.case_ids or drawn.case_id in result:
            problems.add("cases", f"抽取结果中的案件 {drawn.case_id} 不在本批次中或重复")
            continue
        main = tuple(r for r in (_reviewer(problems, where, d) for d in drawn.main) if r)
        backups = tuple(r for r in (_reviewer(problems, where, d) for d in drawn.backups) if r)
        ids = [r.expert_id for r in (*main, *backups)]
        if len(drawn.main) != rules.experts_per_case or len(drawn.backups) > rules.backups_per_case:
            problems.add(where, "抽取结果的专家或备选人数与抽取规则不符")
        if len(set(ids)) != len(ids):
            problems.add(where, "同一专家在一件案件中被抽取了两次")
        categories = Counter(r.category for r in main)
        if any(categories[c] < n for c, n in rules.category_quotas):
            problems.add(where, "抽取结果不满足专家类别配额")
        load.update(r.expert_id for r in main)  # backups do not count (draw.py, step 8e)
        result[drawn.case_id] = (main, backups)
    if set(result) != set(rules.case_ids) and not problems.details:
        problems.add("cases", "抽取结果未包含本批次的全部案件")
    if over := sorted(e for e, n in load.items() if n > rules.max_cases_per_expert):
        problems.add("cases", f"专家 {'、'.join(over)} 的案件数超过每名专家最多评查案件数")
    problems.raise_if_any("抽取结果与本批次的抽取规则不符")
    return result


def _backup(case: BatchCase, expert_id: str) -> tuple[int, Reviewer]:
    called = {s.expert_id for s in case.seats}
    for rank, backup in enumerate(case.backups, start=1):
        if backup.expert_id == expert_id:
            if expert_id in called:
                break
            return rank, backup
    detail = [{"field": "replacement_expert_id", "message": "递补专家须是该案件尚未递补的备选专家"}]
    raise InvalidArgument("递补专家不正确", details=detail)


# --- what a caller sees ---------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class SeatView:
    expert_id: str
    name: str
    category: Category
    backup_rank: int
    replaces: str
    answer: SeatAnswer
    decline_reason: str


@dataclass(frozen=True, slots=True)
class BatchCaseView:
    case_id: str
    number: str
    unit: str
    reviewers: tuple[SeatView, ...] | None  # None: not shown to this caller
    backups: tuple[Reviewer, ...] | None
    forms: tuple[ScoreForm, ...]
    rating: CaseRating | None


@dataclass(frozen=True, slots=True)
class BatchView:
    id: str
    name: str
    status: BatchStatus
    status_label: str
    viewer: BatchViewer
    rules: Rules | None  # the draw rules: organizers and the station
    cases: tuple[BatchCaseView, ...]
    draws: tuple[DrawAttempt, ...]
    cancel_reason: str


def batch_view(batch: ReviewBatch, principal: Principal) -> BatchView:
    """The batch as ``principal`` may see it (``NotFound`` for those who see nothing of it)."""
    viewer = batch.viewer(principal)
    ensure_readable(_ACCESS[viewer], message="未找到该评查批次")
    full = viewer in (BatchViewer.ORGANIZER, BatchViewer.SUPERVISOR)
    return BatchView(
        id=batch.id,
        name=batch.rules.name,
        status=batch.status,
        status_label=BATCH_STATUS_LABELS[batch.status],
        viewer=viewer,
        rules=batch.rules if full else None,
        cases=tuple(_case_view(batch, case, viewer, principal) for case in _visible_cases(batch, viewer, principal)),
        draws=tuple(batch.draws) if full else (),
        cancel_reason=batch.cancel_reason if full else "",
    )


_ACCESS: dict[BatchViewer, AccessView] = {
    BatchViewer.ORGANIZER: AccessView.FULL,
    BatchViewer.SUPERVISOR: AccessView.FULL,
    BatchViewer.UNIT: AccessView.LIMITED,
    BatchViewer.EXPERT: AccessView.LIMITED,
    BatchViewer.COUNTS: AccessView.COUNTS,
    BatchViewer.NONE: AccessView.NONE,
}


def _visible_cases(batch: ReviewBatch, viewer: BatchViewer, principal: Principal) -> list[BatchCase]:
    if viewer is BatchViewer.UNIT:
        return [c for c in batch.cases if c.unit == judicial_unit(principal)]
    if viewer is BatchViewer.EXPERT:
        return [c for c in batch.cases if c.holding_seat(principal.subject)]
    return list(batch.cases)


def _case_view(batch: ReviewBatch, case: BatchCase, viewer: BatchViewer, principal: Principal) -> BatchCaseView:
    full = viewer in (BatchViewer.ORGANIZER, BatchViewer.SUPERVISOR)
    if full:
        seats = case.seats
    elif viewer is BatchViewer.EXPERT:
        seats = [s for s in case.seats if s.holding and s.reviewer.subject == principal.subject]
    else:
        seats = case.accepted
    shown = full or viewer is BatchViewer.EXPERT or sees_reviewers(viewer, batch.status)
    reviewers = tuple(_seat_view(s, full) for s in seats) if shown else None
    if viewer is BatchViewer.EXPERT:
        forms = tuple(f for f in case.forms.values() if any(f.expert_id == s.expert_id for s in seats))
    else:
        forms = tuple(case.forms.values()) if full else ()
    rated = full or (viewer is BatchViewer.UNIT and batch.status is BatchStatus.CLOSED)
    rating = (case.rating or rate(case.case_id, case.forms.values())) if rated else None
    return BatchCaseView(case.case_id, case.number, case.unit, reviewers, case.backups if full else None, forms, rating)


def _seat_view(seat: Seat, full: bool) -> SeatView:
    r = seat.reviewer
    reason = seat.decline_reason if full else ""
    return SeatView(r.expert_id, r.name, r.category, seat.backup_rank, seat.replaces, seat.answer, reason)
