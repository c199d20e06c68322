"""无记名测评 — secret ballot sessions: the deputies present grade every department (or project) once, in four
grades or with a 100-point score; the tally, the satisfaction rates and the ranking, published at the close.
Pure: the standard library, the kit's pure modules and ``domain`` only.

A ballot exists only as +1s on counters. ``BallotSession.cast`` checks the ballot and returns two things that
the storage layer keeps apart, in one transaction:

- a ``Receipt`` — the session id and the voter, nothing else: a row under a unique key (session, voter) that
  guarantees one ballot per voter (a second insert fails, the transaction rolls back, no counter moves). It
  proves participation, not content.
- a ``TallyDelta`` — the session id and counter increments: per department and grade +1 (grade mode), or per
  department +s on its score sum, +1 on its count and +1 on the bucket of score s (score mode). Nothing in it
  can name the voter, and it carries no time and no sequence; the increments come in the session's order of
  departments whatever order the voter marked them in, so two equal ballots give equal deltas.

The storage layer adds the delta to counters updated in place and stores neither the delta nor the ballot.
So the stored data cannot tie a ballot to a voter: there is no ballot row, no ballot id, no time or order of
a ballot (the receipt carries no time either, and must be stored without one), no per-ballot event and no
log line — nothing here logs, and a refused ballot's messages name the department and the field, never a
grade or a score given. The aggregate keeps no list of who voted: the receipts live in storage, and
``cast`` changes nothing in the session. (What the database keeps on its own — a write-ahead log, old row
versions — is the storage layer's to keep short; the domain gives it nothing to record.)

Nobody sees a counter before the close — not the organizers, not the discipline roles, not ``platform_admin``:
``results`` refuses ("投票结束前不公布结果"). The turnout (the number of receipts) is shown to the full view
(organizers, leaders, discipline roles) while the session is open, so that they know when everyone present
has voted; it is no counter and says nothing of content. At the close the electorate's size and the turnout are public
with the results. The close needs at least ``BALLOTS_MIN`` ballots: with one or two, the published counts
would be the ballots themselves to anyone who knows, from the receipts, who voted.

No per-ballot event (``ballot_cast``): an event is a row with an id and a time written in the ballot's own
transaction and published on NATS — a time and an order of ballots the rest of the design refuses to keep.
The organizers' screen reads the turnout instead.

Life of a session (``SESSION_STATES``): *draft* (title, purpose, departments or projects, mode, electorate;
edited freely) → *open* (fixed; deputies of the electorate cast) → *closed* (results computed from the
counters and published as ``SessionClosed``), or *cancelled* with a reason from draft or open. The
electorate is the deputies present (Lianjiang: "与会的人大代表……以无记名投票的方式"), fixed at the opening.
A session may set a deadline (``closes_at``) after which ballots are refused; the organizers close it.

Satisfaction rate (满意率). Lianjiang gives the grades but no formula: "按照'满意、较满意、基本满意、不满意'
四个等次，以无记名投票的方式对各政府职能部门进行满意度评议，评议结果现场公布". Jiangbei reports its rate with
basic satisfaction counted in — "满意率和基本满意率为100%" — and docks points when it is low: "代表对代表建议办理
满意率较低（低于60%）……被扣分". So every grade but 不满意 counts: rate = (满意 + 较满意 + 基本满意) / valid
ballots, where the valid ballots on a department are all ballots cast (a ballot grades every department).
The 满意 share and the 不满意 share are given beside it. A department is ``below_threshold`` when its rate is
strictly below the session's threshold (default 60%, Jiangbei).

Ranking. By a composite score, the mean of the grades weighted 满意 100, 较满意 80, 基本满意 60, 不满意 0 (the
grades as points on the 100-point scale, 基本满意 at its pass mark); ties by the satisfaction rate, higher
first; then by the 满意 count, more first; still equal, the departments share the rank ("并列": 1, 2, 2, 4).
The 不满意 count is no separate key: every department has the same number of valid ballots, so fewer
不满意 is exactly a higher rate. Everything is exact (``Fraction``); rounding is for display only.

Score mode (百分制, "where the session says so"): a 0–100 integer per department. Results: mean, min and max
(from the histogram), and the rate counts a score of 60 or more as satisfied (the pass mark, the weight of
基本满意), so the threshold means the same in both modes. Ranking by the mean, ties by the rate, then shared.

Who sees what (deny by default). Organizers, the congress's leaders and the discipline roles see the whole
session (the electorate included); a deputy of the electorate, the departments voted on and the
government's supervision office see the session less the electorate (a deputy learns only that they are in
it); after the close the results are published (Lianjiang: "评议结果现场公布……通过新闻媒体向社会公布") to every
congress, government and discipline role; ``platform_admin`` sees counts only, never a result.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from datetime import datetime
from decimal import ROUND_HALF_UP, Decimal
from enum import StrEnum
from fractions import Fraction

from services.evaluation.domain import (
    DEPARTMENTS_MAX,
    ELECTORATE_MAX,
    GRADE_LABELS,
    ID_MAX,
    NAME_MAX,
    OFFICE_ROLE,
    ORG_UNIT_MAX,
    VOTER_ROLE,
    Event,
    Grade,
    StateTable,
    View,
    as_utc,
    checked_text,
    department_unit,
    ensure_readable,
    is_congress_staff,
    is_discipline,
    require_organizer,
)
from wulian.kit.errors import Conflict, PermissionDenied
from wulian.kit.principal import ROLE_BODIES, Principal
from wulian.kit.problems import Problems

ELECTORATE_MIN = 3
BALLOTS_MIN = 3  # fewer, and the published counts are the ballots of voters the receipts name
SCORE_MAX = 100
PASS_SCORE = 60  # score mode: a score from here up counts as satisfied
THRESHOLD_PERCENT = 60  # Jiangbei: 满意率低于60% costs points
GRADE_WEIGHTS: dict[Grade, int] = {
    Grade.SATISFIED: 100,
    Grade.FAIRLY_SATISFIED: 80,
    Grade.BASICALLY_SATISFIED: 60,
    Grade.DISSATISFIED: 0,
}
SATISFIED_GRADES = frozenset({Grade.SATISFIED, Grade.FAIRLY_SATISFIED, Grade.BASICALLY_SATISFIED})
SCORE_SUM = "score_sum"
SCORE_COUNT = "score_count"
RESULTS_HIDDEN = "投票结束前不公布结果"
ALREADY_VOTED = "您已投票，不能重复投票"  # also the storage layer's answer when the receipt's unique key refuses
ORGANIZERS_ONLY = "只有人大常委会联络人员或专（工）委可以{}"


def bucket(score: int) -> str:
    """The histogram counter of one score."""
    return f"score:{score}"


# --- states and choices --------------------------------------------------------------------------------------


class SessionStatus(StrEnum):
    DRAFT = "draft"
    OPEN = "open"
    CLOSED = "closed"
    CANCELLED = "cancelled"


class SessionAction(StrEnum):
    EDIT = "edit"
    OPEN = "open"
    CAST = "cast"
    CLOSE = "close"
    CANCEL = "cancel"


SESSION_STATES: StateTable[SessionStatus, SessionAction] = StateTable(
    allowed={
        SessionAction.EDIT: frozenset({SessionStatus.DRAFT}),
        SessionAction.OPEN: frozenset({SessionStatus.DRAFT}),
        SessionAction.CAST: frozenset({SessionStatus.OPEN}),
        SessionAction.CLOSE: frozenset({SessionStatus.OPEN}),
        SessionAction.CANCEL: frozenset({SessionStatus.DRAFT, SessionStatus.OPEN}),
    },
    phrases={
        SessionStatus.DRAFT: "该测评尚在筹备",
        SessionStatus.OPEN: "该测评正在投票",
        SessionStatus.CLOSED: "该测评已结束投票",
        SessionStatus.CANCELLED: "该测评已取消",
    },
    action_labels={
        SessionAction.EDIT: "修改测评方案",
        SessionAction.OPEN: "开始投票",
        SessionAction.CAST: "投票",
        SessionAction.CLOSE: "结束投票",
        SessionAction.CANCEL: "取消测评",
    },
)
SESSION_STATUS_LABELS: dict[SessionStatus, str] = {
    SessionStatus.DRAFT: "筹备中",
    SessionStatus.OPEN: "投票中",
    SessionStatus.CLOSED: "已结束",
    SessionStatus.CANCELLED: "已取消",
}


class Purpose(StrEnum):
    APPRAISAL = "appraisal"  # 部门工作评议满意度测评
    PROJECT_SATISFACTION = "project_satisfaction"  # 民生实事项目满意度测评
    OTHER = "other"


class SubjectKind(StrEnum):
    DEPARTMENT = "department"  # ref: the department's org_unit
    PROJECT = "project"  # ref: the project's id


class Mode(StrEnum):
    GRADES = "grades"  # 满意 / 较满意 / 基本满意 / 不满意
    SCORE = "score"  # 0–100


PURPOSE_LABELS: dict[Purpose, str] = {
    Purpose.APPRAISAL: "部门工作评议",
    Purpose.PROJECT_SATISFACTION: "民生实事满意度测评",
    Purpose.OTHER: "其他测评",
}
MODE_LABELS: dict[Mode, str] = {Mode.GRADES: "四个等次", Mode.SCORE: "百分制"}
SUBJECT_KIND_LABELS: dict[SubjectKind, str] = {SubjectKind.DEPARTMENT: "部门", SubjectKind.PROJECT: "项目"}
# What each purpose votes on; "other" may vote on either.
PURPOSE_KINDS: dict[Purpose, frozenset[SubjectKind]] = {
    Purpose.APPRAISAL: frozenset({SubjectKind.DEPARTMENT}),
    Purpose.PROJECT_SATISFACTION: frozenset({SubjectKind.PROJECT}),
    Purpose.OTHER: frozenset(SubjectKind),
}
REF_LIMITS: dict[SubjectKind, int] = {SubjectKind.DEPARTMENT: ORG_UNIT_MAX, SubjectKind.PROJECT: ID_MAX}


# --- commands --------------------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class SubjectInput:
    """A department (``ref`` its org_unit) or a project (``ref`` its id), with its name as the ballot shows it."""

    ref: str
    name: str


@dataclass(frozen=True, slots=True)
class Subject:
    """A department or project on the ballot, checked."""

    ref: str
    name: str


@dataclass(frozen=True, slots=True)
class SessionPlan:
    """``purpose``, ``subject_kind`` and ``mode`` are ``Purpose``, ``SubjectKind`` and ``Mode`` values;
    ``electorate`` the logins of the deputies present; ``campaign_id`` the appraisal or other record the
    session belongs to ("" for none)."""

    title: str
    purpose: str
    subject_kind: str
    subjects: tuple[SubjectInput, ...]
    mode: str
    electorate: tuple[str, ...]
    campaign_id: str = ""
    threshold_percent: int = THRESHOLD_PERCENT
    closes_at: datetime | None = None


@dataclass(frozen=True, slots=True)
class CreateSession:
    plan: SessionPlan


@dataclass(frozen=True, slots=True)
class EditSession:
    plan: SessionPlan


@dataclass(frozen=True, slots=True)
class Mark:
    """One department on a ballot: a ``Grade`` value (grade mode) or an integer score (score mode)."""

    ref: str
    grade: str = ""
    score: int | None = None


@dataclass(frozen=True, slots=True)
class CastBallot:
    marks: tuple[Mark, ...] = field(repr=False)  # never in a log line, even by accident


@dataclass(frozen=True, slots=True)
class CancelSession:
    reason: str


# --- what casting returns, and what storage keeps --------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Receipt:
    """That ``voter`` voted in ``session_id``: the storage layer's one-per-voter unique key. Nothing else."""

    session_id: str
    voter: str


@dataclass(frozen=True, slots=True)
class Increment:
    """``amount`` added to the counter ``counter`` (a ``Grade`` value, ``SCORE_SUM``, ``SCORE_COUNT`` or a
    ``bucket``) of the department ``ref``."""

    ref: str
    counter: str
    amount: int


@dataclass(frozen=True, slots=True)
class TallyDelta:
    """A ballot as counter increments, in the session's order of departments. No voter, no time, no sequence."""

    session_id: str
    increments: tuple[Increment, ...]


@dataclass(frozen=True, slots=True)
class Tally:
    """The counters the storage layer kept: (ref, counter) → value, and the number of receipts."""

    session_id: str
    ballots_cast: int
    counters: Mapping[tuple[str, str], int]

    @classmethod
    def of(cls, session_id: str, deltas: Iterable[TallyDelta]) -> Tally:
        """The sum of ``deltas``, one ballot each — what the storage layer's counters hold."""
        counters: Counter[tuple[str, str]] = Counter()
        cast = 0
        for delta in deltas:
            if delta.session_id != session_id:
                raise ValueError(f"a ballot of session {delta.session_id} in the tally of session {session_id}")
            for inc in delta.increments:
                counters[inc.ref, inc.counter] += inc.amount
            cast += 1
        return cls(session_id, cast, dict(counters))

    def get(self, ref: str, counter: str) -> int:
        return self.counters.get((ref, counter), 0)


# --- results ---------------------------------------------------------------------------------------------------


def percent(value: Fraction) -> Decimal:
    """A share as a percentage rounded half up to two decimals, for display (87.50)."""
    return display(value * 100)


def display(value: Fraction) -> Decimal:
    """A score rounded half up to two decimals, for display."""
    return (Decimal(value.numerator) / Decimal(value.denominator)).quantize(Decimal("0.01"), ROUND_HALF_UP)


@dataclass(frozen=True, slots=True)
class SubjectResult:
    """One department's result. ``score`` is the composite (grade mode) or the mean score (score mode), 0–100;
    ``rate`` the satisfaction rate; ``counts`` the ballots per grade (grade mode, every grade present) and
    ``histogram`` the ballots per score given (score mode)."""

    ref: str
    name: str
    rank: int
    total: int
    score: Fraction
    rate: Fraction
    below_threshold: bool
    counts: Mapping[Grade, int] = field(default_factory=dict)
    histogram: Mapping[int, int] = field(default_factory=dict)

    @property
    def satisfied_share(self) -> Fraction | None:
        """满意 alone (grade mode)."""
        return Fraction(self.counts[Grade.SATISFIED], self.total) if self.counts else None

    @property
    def dissatisfied_share(self) -> Fraction:
        """不满意 (grade mode), or scores below the pass mark (score mode): what the rate leaves."""
        return 1 - self.rate

    @property
    def minimum(self) -> int | None:
        return min(self.histogram) if self.histogram else None

    @property
    def maximum(self) -> int | None:
        return max(self.histogram) if self.histogram else None

    @property
    def rate_percent(self) -> Decimal:
        return percent(self.rate)

    @property
    def score_display(self) -> Decimal:
        return display(self.score)


@dataclass(frozen=True, slots=True)
class SessionResults:
    """``rows`` in rank order; departments sharing a rank in the session's order."""

    session_id: str
    mode: Mode
    threshold: Fraction
    electorate: int
    ballots_cast: int
    rows: tuple[SubjectResult, ...]

    @property
    def turnout(self) -> Fraction:
        return Fraction(self.ballots_cast, self.electorate)

    def row(self, ref: str) -> SubjectResult:
        return next(r for r in self.rows if r.ref == ref)

    @property
    def below_threshold(self) -> tuple[str, ...]:
        return tuple(r.ref for r in self.rows if r.below_threshold)


@dataclass(frozen=True, slots=True)
class ResultRowView:
    """A result row as published: shares in percent and scores rounded half up to two decimals; in grade
    mode the ballots per grade keyed by the grade's value, in score mode the lowest and highest score."""

    ref: str
    name: str
    rank: int
    ballots: int
    score: Decimal
    rate_percent: Decimal
    below_threshold: bool
    counts: dict[str, int]
    satisfied_percent: Decimal | None
    minimum: int | None
    maximum: int | None


@dataclass(frozen=True, slots=True)
class ResultsView:
    session_id: str
    mode: Mode
    threshold_percent: Decimal
    electorate: int
    ballots_cast: int
    turnout_percent: Decimal
    rows: tuple[ResultRowView, ...]
    grade_labels: dict[str, str]


def results_view(computed: SessionResults) -> ResultsView:
    """The results as they are published (``SessionResults`` keeps exact fractions; this is for reading)."""
    rows = tuple(
        ResultRowView(
            r.ref, r.name, r.rank, r.total, r.score_display, r.rate_percent, r.below_threshold,
            {grade.value: n for grade, n in r.counts.items()},
            None if r.satisfied_share is None else percent(r.satisfied_share), r.minimum, r.maximum,
        )
        for r in computed.rows
    )  # fmt: skip
    labels = {g.value: GRADE_LABELS[g] for g in Grade} if computed.mode is Mode.GRADES else {}
    return ResultsView(
        computed.session_id, computed.mode, percent(computed.threshold), computed.electorate,
        computed.ballots_cast, percent(computed.turnout), rows, labels,
    )  # fmt: skip


def _grade_row(subject: Subject, tally: Tally, threshold: Fraction) -> SubjectResult:
    counts = {grade: tally.get(subject.ref, grade.value) for grade in Grade}
    total = sum(counts.values())
    composite = Fraction(sum(GRADE_WEIGHTS[g] * n for g, n in counts.items()), total)
    rate = Fraction(sum(counts[g] for g in SATISFIED_GRADES), total)
    return SubjectResult(subject.ref, subject.name, 0, total, composite, rate, rate < threshold, counts=counts)


def _score_row(subject: Subject, tally: Tally, threshold: Fraction) -> SubjectResult:
    histogram = {s: n for s in range(SCORE_MAX + 1) if (n := tally.get(subject.ref, bucket(s)))}
    total = tally.get(subject.ref, SCORE_COUNT)
    mean = Fraction(tally.get(subject.ref, SCORE_SUM), total)
    rate = Fraction(sum(n for s, n in histogram.items() if s >= PASS_SCORE), total)
    return SubjectResult(subject.ref, subject.name, 0, total, mean, rate, rate < threshold, histogram=histogram)


def _rank_key(row: SubjectResult) -> tuple[Fraction, Fraction, int]:
    return (-row.score, -row.rate, -row.counts.get(Grade.SATISFIED, 0))


def rank(rows: Iterable[SubjectResult]) -> tuple[SubjectResult, ...]:
    """The module's ranking rule: score, then rate, then 满意 count; equal keys share a rank (1, 2, 2, 4).
    Stable: equal rows keep the order given."""
    ordered = sorted(rows, key=_rank_key)
    ranked: list[SubjectResult] = []
    for i, row in enumerate(ordered):
        same = i > 0 and _rank_key(ordered[i - 1]) == _rank_key(row)
        place = ranked[-1].rank if same else i + 1
        ranked.append(replace(row, rank=place))
    return tuple(ranked)


def results(session: BallotSession, tally: Tally) -> SessionResults:
    """The results from the counters, once the session is closed — before, there are none, for anyone."""
    if session.status is SessionStatus.CANCELLED:
        raise Conflict("该测评已取消，没有结果")
    if session.status is not SessionStatus.CLOSED:
        raise Conflict(RESULTS_HIDDEN)
    if tally.ballots_cast != session.ballots_cast:
        raise Conflict("计票数据与本场测评不符")
    return _compute(session, tally)


def _compute(session: BallotSession, tally: Tally) -> SessionResults:
    _check(session, tally)
    threshold = Fraction(session.threshold_percent, 100)
    row = _grade_row if session.mode is Mode.GRADES else _score_row
    rows = rank(row(subject, tally, threshold) for subject in session.subjects)
    return SessionResults(session.id, session.mode, threshold, len(session.electorate), tally.ballots_cast, rows)


def _check(session: BallotSession, tally: Tally) -> None:
    """The counters must be possible for this session: every ballot marks every department once."""
    n = tally.ballots_cast
    refs = {s.ref for s in session.subjects}
    values = tally.counters.values()
    wrong = (
        tally.session_id != session.id
        or isinstance(n, bool)
        or not BALLOTS_MIN <= n <= len(session.electorate)
        or any(isinstance(v, bool) or not isinstance(v, int) or v < 0 for v in values)
        or not {ref for ref, _ in tally.counters} <= refs
        or not all(_possible(session.mode, tally, ref, n) for ref in refs)
    )
    if wrong:
        raise Conflict("计票数据与本场测评不符")


def _possible(mode: Mode, tally: Tally, ref: str, n: int) -> bool:
    counters = {c for r, c in tally.counters if r == ref}
    if mode is Mode.GRADES:
        return counters <= {g.value for g in Grade} and sum(tally.get(ref, g.value) for g in Grade) == n
    buckets = {bucket(s): s for s in range(SCORE_MAX + 1)}
    histogram = {buckets[c]: tally.get(ref, c) for c in counters if c in buckets}
    return (
        counters <= {SCORE_SUM, SCORE_COUNT, *buckets}
        and tally.get(ref, SCORE_COUNT) == n == sum(histogram.values())
        and tally.get(ref, SCORE_SUM) == sum(s * k for s, k in histogram.items())
    )


# --- events ----------------------------------------------------------------------------------------------------

ORGANIZERS = ("role:congress_clerk", "role:congress_committee")
STAFF = (*ORGANIZERS, "role:congress_leader", "role:discipline_commission", "role:discipline_station")
PUBLIC_BODIES = frozenset({"congress", "government", "discipline"})
# The results are published to every role of these bodies.
PUBLISHED_TO = tuple(f"role:{r}" for r, body in ROLE_BODIES.items() if body in PUBLIC_BODIES)


@dataclass(frozen=True, slots=True)
class SessionEvent(Event):
    """Plain values only (ids, kinds, numbers, flags): events are copied field by field into protobuf. No
    event names a voter, and none is recorded per ballot."""

    aggregate = "ballot_session"
    session_id: str
    occurred_at: datetime

    @property
    def aggregate_id(self) -> str:
        return self.session_id

    def audience(self) -> list[str]:
        return list(STAFF)


@dataclass(frozen=True, slots=True)
class _PlanEvent(SessionEvent):
    purpose: str
    mode: str
    subjects: tuple[str, ...]
    electorate_size: int


@dataclass(frozen=True, slots=True)
class SessionCreated(_PlanEvent):
    name = "created"


@dataclass(frozen=True, slots=True)
class SessionEdited(_PlanEvent):
    name = "edited"


@dataclass(frozen=True, slots=True)
class SessionOpened(SessionEvent):
    """Every deputy is told (the gateway shows the ballot to those of the electorate); naming the electorate
    one by one would put the attendance list on the bus."""

    name = "opened"
    subjects: tuple[str, ...]
    electorate_size: int

    def audience(self) -> list[str]:
        return [*STAFF, f"role:{VOTER_ROLE}"]


@dataclass(frozen=True, slots=True)
class SessionClosed(SessionEvent):
    """The ranking, as parallel tuples in rank order: ``scores`` the composite or mean (0–100), ``rates`` the
    satisfaction rates (0–1), both exact values rounded only by the float."""

    name = "closed"
    purpose: str
    mode: str
    campaign_id: str
    subjects: tuple[str, ...]
    ranks: tuple[int, ...]
    scores: tuple[float, ...]
    rates: tuple[float, ...]
    below_threshold: tuple[bool, ...]
    threshold_percent: int
    ballots_cast: int
    electorate_size: int

    def audience(self) -> list[str]:
        return list(PUBLISHED_TO)


@dataclass(frozen=True, slots=True)
class SessionCancelled(SessionEvent):
    name = "cancelled"
    was_open: bool

    def audience(self) -> list[str]:
        return [*STAFF, f"role:{VOTER_ROLE}"] if self.was_open else list(STAFF)


def _closed_event(session: BallotSession, r: SessionResults, now: datetime) -> SessionClosed:
    rows = r.rows
    return SessionClosed(
        session.id, now, session.purpose.value, session.mode.value, session.campaign_id,
        tuple(x.ref for x in rows), tuple(x.rank for x in rows), tuple(float(x.score) for x in rows),
        tuple(float(x.rate) for x in rows), tuple(x.below_threshold for x in rows), session.threshold_percent,
        r.ballots_cast, r.electorate,
    )  # fmt: skip


# --- the plan --------------------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Plan:
    title: str
    purpose: Purpose
    subject_kind: SubjectKind
    subjects: tuple[Subject, ...]
    mode: Mode
    electorate: tuple[str, ...]
    campaign_id: str
    threshold_percent: int
    closes_at: datetime | None


def _plan(command: SessionPlan, now: datetime) -> _Plan:
    problems = Problems()
    title = problems.text("title", command.title, "测评名称", limit=NAME_MAX)
    purpose = problems.choice("purpose", command.purpose, Purpose, "测评类别")
    kind = problems.choice("subject_kind", command.subject_kind, SubjectKind, "测评对象类别")
    if purpose and kind and kind not in PURPOSE_KINDS[purpose]:
        problems.add("subject_kind", f"{PURPOSE_LABELS[purpose]}的测评对象不能是{SUBJECT_KIND_LABELS[kind]}")
    subjects = _subjects(problems, command.subjects, REF_LIMITS[kind] if kind else ID_MAX)
    mode = problems.choice("mode", command.mode, Mode, "测评方式")
    electorate = _electorate(problems, command.electorate)
    campaign_id = problems.text("campaign_id", command.campaign_id, "所属评议", required=False, limit=ID_MAX)
    threshold = command.threshold_percent
    if isinstance(threshold, bool) or not isinstance(threshold, int) or not 0 <= threshold <= 100:
        problems.add("threshold_percent", "满意率警示线应为 0 至 100 之间的整数（百分比）")
    closes_at = command.closes_at
    if closes_at is not None and (closes_at.tzinfo is None or closes_at.utcoffset() is None):
        problems.add("closes_at", "投票截止时间须带时区")
    elif closes_at is not None and as_utc(closes_at) <= now:
        problems.add("closes_at", "投票截止时间须晚于当前时间")
    problems.raise_if_any("测评方案未通过校验")
    assert purpose and kind and mode
    closes = as_utc(closes_at) if closes_at else None
    return _Plan(title, purpose, kind, subjects, mode, electorate, campaign_id, threshold, closes)


def _subjects(problems: Problems, values: Iterable[SubjectInput], ref_limit: int) -> tuple[Subject, ...]:
    subjects: list[Subject] = []
    values = tuple(values)
    if not values:
        problems.add("subjects", "请至少列入一个测评对象")
    elif len(values) > DEPARTMENTS_MAX:
        problems.add("subjects", f"一场测评最多 {DEPARTMENTS_MAX} 个测评对象")
        return ()
    for i, value in enumerate(values):
        ref = problems.text(f"subjects.{i}.ref", value.ref, "测评对象编号", limit=ref_limit)
        name = problems.text(f"subjects.{i}.name", value.name, "测评对象名称", limit=NAME_MAX)
        if ref and any(s.ref == ref for s in subjects):
            problems.add(f"subjects.{i}.ref", f"测评对象 {ref} 重复")
        subjects.append(Subject(ref, name))
    return tuple(subjects)


def _electorate(problems: Problems, values: Iterable[str]) -> tuple[str, ...]:
    voters = tuple(v.strip() for v in values)
    if len(voters) < ELECTORATE_MIN:
        problems.add("electorate", f"参加测评的代表不能少于 {ELECTORATE_MIN} 人")
    elif len(voters) > ELECTORATE_MAX:
        problems.add("electorate", f"参加测评的代表最多 {ELECTORATE_MAX} 人")
    elif any(not v or len(v) > ID_MAX for v in voters):
        problems.add("electorate", "代表名单中有无效的账号")
    elif len(set(voters)) != len(voters):
        problems.add("electorate", "代表名单中有重复的代表")
    return voters


# --- the aggregate ---------------------------------------------------------------------------------------------


@dataclass(eq=False)
class BallotSession:
    """A ballot session. Transitions check state (``Conflict``), actor (``PermissionDenied``) and input
    (``InvalidArgument``), in that order, and record events — except ``cast``, which records nothing."""

    id: str
    title: str
    purpose: Purpose
    subject_kind: SubjectKind
    subjects: tuple[Subject, ...]
    mode: Mode
    electorate: tuple[str, ...]
    campaign_id: str
    threshold_percent: int
    closes_at: datetime | None
    created_by: str
    created_at: datetime
    status: SessionStatus = SessionStatus.DRAFT
    opened_at: datetime | None = None
    closed_at: datetime | None = None  # closed or cancelled
    ballots_cast: int | None = None  # the turnout, fixed at the close
    cancel_reason: str = ""
    events: list[SessionEvent] = field(default_factory=list, repr=False)

    @classmethod
    def create(cls, session_id: str, principal: Principal, command: CreateSession, now: datetime) -> BallotSession:
        now = as_utc(now)
        require_organizer(principal, message=ORGANIZERS_ONLY.format("组织满意度测评"))
        p = _plan(command.plan, now)
        session = cls(
            session_id, p.title, p.purpose, p.subject_kind, p.subjects, p.mode, p.electorate, p.campaign_id,
            p.threshold_percent, p.closes_at, principal.subject, now,
        )  # fmt: skip
        refs = session.refs
        session.events.append(SessionCreated(session_id, now, p.purpose.value, p.mode.value, refs, len(p.electorate)))
        return session

    def edit(self, principal: Principal, command: EditSession, now: datetime) -> None:
        SESSION_STATES.ensure(SessionAction.EDIT, self.status)
        now = as_utc(now)
        require_organizer(principal, message=ORGANIZERS_ONLY.format("修改测评方案"))
        p = _plan(command.plan, now)
        self.title, self.purpose, self.subject_kind, self.subjects = p.title, p.purpose, p.subject_kind, p.subjects
        self.mode, self.electorate, self.campaign_id = p.mode, p.electorate, p.campaign_id
        self.threshold_percent, self.closes_at = p.threshold_percent, p.closes_at
        electorate = len(self.electorate)
        self.events.append(SessionEdited(self.id, now, self.purpose.value, self.mode.value, self.refs, electorate))

    def open(self, principal: Principal, now: datetime) -> None:
        SESSION_STATES.ensure(SessionAction.OPEN, self.status)
        now = as_utc(now)
        require_organizer(principal, message=ORGANIZERS_ONLY.format("开始投票"))
        if self.closes_at is not None and self.closes_at <= now:
            raise Conflict("投票截止时间已过，请先修改截止时间")
        self.status, self.opened_at = SessionStatus.OPEN, now
        self.events.append(SessionOpened(self.id, now, self.refs, len(self.electorate)))

    def cast(
        self, principal: Principal, command: CastBallot, now: datetime, *, already_voted: bool = False
    ) -> tuple[Receipt, TallyDelta]:
        """A deputy's ballot, checked, as the receipt and the delta the storage layer keeps apart. Records
        nothing and changes nothing here. ``already_voted``: a receipt of this voter exists (the unique key
        still decides when two arrive at once)."""
        SESSION_STATES.ensure(SessionAction.CAST, self.status)
        now = as_utc(now)
        if self.closes_at is not None and now >= self.closes_at:
            raise Conflict("投票已截止")
        if not self.in_electorate(principal):
            raise PermissionDenied("只有列入本场测评代表名单的代表可以投票")
        if already_voted:
            raise Conflict(ALREADY_VOTED)
        values = self._marks(command.marks)
        increments = tuple(inc for s in self.subjects for inc in self._increments(s.ref, values[s.ref]))
        return Receipt(self.id, principal.subject), TallyDelta(self.id, increments)

    def _marks(self, marks: Iterable[Mark]) -> dict[str, Grade | int]:
        """Every department exactly once, each with a valid grade or score; messages never echo a value."""
        problems = Problems()
        names = {s.ref: s.name for s in self.subjects}
        seen: set[str] = set()
        values: dict[str, Grade | int] = {}
        for i, mark in enumerate(marks):
            ref = mark.ref.strip()
            if ref not in names:
                problems.add(f"marks.{i}.ref", f"第 {i + 1} 项不是本场测评的对象")
            elif ref in seen:
                problems.add(f"marks.{i}.ref", f"对{names[ref]}只能评价一次")
            else:
                seen.add(ref)
                if (value := self._value(problems, i, mark, names[ref])) is not None:
                    values[ref] = value
        if missing := [s.name for s in self.subjects if s.ref not in seen]:
            problems.add("marks", f"以下测评对象尚未评价：{'、'.join(missing)}")
        problems.raise_if_any("选票未通过校验")
        return values

    def _value(self, problems: Problems, i: int, mark: Mark, name: str) -> Grade | int | None:
        grades, score = self.mode is Mode.GRADES, mark.score
        stray = score is not None if grades else bool(mark.grade)
        if stray:
            where, what = ("score", "不填分数") if grades else ("grade", "不选等次")
            problems.add(f"marks.{i}.{where}", f"本场测评按{MODE_LABELS[self.mode]}投票，{what}")
        if grades and mark.grade not in Grade.__members__.values():
            problems.add(f"marks.{i}.grade", f"对{name}的评价等次不在可选范围内")
            return None
        if grades:
            return None if stray else Grade(mark.grade)
        if isinstance(score, bool) or not isinstance(score, int) or not 0 <= score <= SCORE_MAX:
            problems.add(f"marks.{i}.score", f"对{name}的评分应为 0 至 {SCORE_MAX} 之间的整数")
            return None
        return None if stray else score

    def _increments(self, ref: str, value: Grade | int) -> tuple[Increment, ...]:
        if isinstance(value, Grade):
            return (Increment(ref, value.value, 1),)
        return (Increment(ref, SCORE_SUM, value), Increment(ref, SCORE_COUNT, 1), Increment(ref, bucket(value), 1))

    def close(self, principal: Principal, tally: Tally, now: datetime) -> SessionResults:
        """Close with the counters the storage layer kept; publishes and returns the results."""
        SESSION_STATES.ensure(SessionAction.CLOSE, self.status)
        now = as_utc(now)
        require_organizer(principal, message=ORGANIZERS_ONLY.format("结束投票"))
        if tally.session_id != self.id:
            raise Conflict("计票数据与本场测评不符")
        if tally.ballots_cast < BALLOTS_MIN:
            raise Conflict(
                f"投票的代表少于 {BALLOTS_MIN} 人，公布结果将暴露个人的投票，不能结束投票（可以取消本场测评）"
            )
        computed = _compute(self, tally)
        self.status, self.closed_at, self.ballots_cast = SessionStatus.CLOSED, now, tally.ballots_cast
        self.events.append(_closed_event(self, computed, now))
        return computed

    def cancel(self, principal: Principal, command: CancelSession, now: datetime) -> None:
        """Cancel with a reason; an open session's receipts and counters are the storage layer's to discard."""
        SESSION_STATES.ensure(SessionAction.CANCEL, self.status)
        now = as_utc(now)
        require_organizer(principal, message=ORGANIZERS_ONLY.format("取消测评"))
        self.cancel_reason = checked_text("reason", command.reason, "取消的理由")
        was_open = self.status is SessionStatus.OPEN
        self.status, self.closed_at = SessionStatus.CANCELLED, now
        self.events.append(SessionCancelled(self.id, now, was_open))

    @property
    def refs(self) -> tuple[str, ...]:
        return tuple(s.ref for s in self.subjects)

    def in_electorate(self, principal: Principal) -> bool:
        return VOTER_ROLE in principal.roles and principal.subject in self.electorate


# --- who sees what ---------------------------------------------------------------------------------------------


def session_view(principal: Principal, session: BallotSession) -> View:
    """FULL: organizers, the congress's leaders, the discipline roles. LIMITED (the session less the
    electorate), from the opening on — a draft is the organizers' work: a deputy of the electorate, a
    department voted on, the supervision office, and once closed every congress, government and discipline
    role. COUNTS: ``platform_admin``."""
    if is_congress_staff(principal) or is_discipline(principal):
        return View.FULL
    if "platform_admin" in principal.roles:
        return View.COUNTS
    if session.opened_at is None:
        return View.NONE
    if session.in_electorate(principal) or OFFICE_ROLE in principal.roles:
        return View.LIMITED
    unit = department_unit(principal)
    if unit and session.subject_kind is SubjectKind.DEPARTMENT and unit in session.refs:
        return View.LIMITED
    if session.status is SessionStatus.CLOSED and sees_results(principal):
        return View.LIMITED
    return View.NONE


def sees_results(principal: Principal) -> bool:
    """Whether the published results (after the close) are for ``principal``: any congress, government or
    discipline role. Never ``platform_admin``, an expert, a court."""
    return any(ROLE_BODIES.get(role) in PUBLIC_BODIES for role in principal.roles)


@dataclass(frozen=True, slots=True)
class SessionSummary:
    """What a caller sees of a session. ``electorate`` only in the full view; ``ballots_cast`` (the turnout)
    to the full view while open and to everyone who sees the session once closed; None otherwise."""

    id: str
    title: str
    purpose: Purpose
    subject_kind: SubjectKind
    mode: Mode
    subjects: tuple[Subject, ...]
    status: SessionStatus
    opened_at: datetime | None
    closed_at: datetime | None
    closes_at: datetime | None
    threshold_percent: int
    electorate_size: int
    in_electorate: bool
    electorate: tuple[str, ...]
    ballots_cast: int | None
    cancel_reason: str

    @property
    def is_open(self) -> bool:
        return self.status is SessionStatus.OPEN


def summary_for(principal: Principal, session: BallotSession, *, receipts: int | None = None) -> SessionSummary:
    """``receipts``: the live number of receipts while the session is open (from storage). Raises NotFound
    below the limited view."""
    view = ensure_readable(session_view(principal, session), message="未找到该测评")
    full = view is View.FULL
    if session.status is SessionStatus.CLOSED:
        turnout = session.ballots_cast
    else:
        turnout = receipts if full and session.status is SessionStatus.OPEN else None
    return SessionSummary(
        session.id, session.title, session.purpose, session.subject_kind, session.mode, session.subjects,
        session.status, session.opened_at, session.closed_at, session.closes_at, session.threshold_percent,
        len(session.electorate), session.in_electorate(principal), session.electorate if full else (), turnout,
        session.cancel_reason if full else "",
    )  # fmt: skip


def published_results(principal: Principal, session: BallotSession, tally: Tally) -> SessionResults:
    """The results as a caller asks for them: NotFound for whom the session does not exist (everyone who
    sees a closed session is of the published audience), then ``results`` (nothing before the close)."""
    ensure_readable(session_view(principal, session), message="未找到该测评")
    return results(session, tally)
