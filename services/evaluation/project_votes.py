"""民生实事联督 — the deputies' project vote (票决) and its results.

The vote: a year, N places (Jiangbei: 13 of 20 candidates, 213 deputies present), the electorate (the deputies
present, by login) and the candidate list, fixed when the vote opens. Draft → open → closed, or cancelled with a
reason (from draft or open). The list must hold more candidates than places (差额票决: a vote with as many
candidates as places decides nothing).

Ballot. A deputy of the electorate picks at least 1 and at most N distinct candidates. No blank ballot: the
seed's deputies "通过票决，选出" projects, on an electronic voting system (区人代会启用……电子表决系统) where
abstaining is not pressing — a deputy who picks nothing does not cast, and the turnout shows it.

Secrecy, as in the ballot sessions. This module keeps no ballot, no voter of a ballot and no time of one:
``cast`` takes no clock and returns a ``Receipt`` (vote id and voter — the storage layer's one-per-voter unique
key, kept apart from the counts) and a ``PickDelta`` (the vote id and +1 for each picked candidate, in the
list's order, whatever order they were ticked in). The storage layer adds the delta to per-candidate counters
in the receipt's transaction and hands the counters back as a ``Tally`` at close. Nobody sees a count before
the close ("投票结束前不公布结果"): there is none in the aggregate until then.

Who is elected (``elect``). The seed says only "213名参会代表通过票决，选出了13个……根据20个候选项目'定单'13项"
— no threshold and no tie rule. So: candidates are ranked by votes and the top N are elected; no majority
threshold is added (one the seed does not state could leave the year short of projects). A tie that straddles
the N-th place is broken neither by chance nor by the list's order: the candidates with more votes than the
tied ones are elected, and the tied ones go to a run-off (``RunoffNeeded``: the tied ids, the places left) —
a new vote (round 2, 3, …) over those candidates only, for those places, under the same rule.

Pure: the standard library, the kit's pure modules and ``domain`` only.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from decimal import Decimal
from fractions import Fraction

from services.evaluation.candidates import Candidate
from services.evaluation.domain import (
    ELECTORATE_MAX,
    ID_MAX,
    VOTER_ROLE,
    as_utc,
    checked_text,
    require_organizer,
)
from services.evaluation.project_commands import CancelVote, CastPicks, CreateRunoff, CreateVote, EditVote
from services.evaluation.project_events import (
    Event,
    RunoffNeeded,
    VoteCancelled,
    VoteClosed,
    VoteCreated,
    VoteEdited,
    VoteOpened,
)
from services.evaluation.project_states import VOTE_STATES, CandidateStatus, VoteAction, VoteStatus
from services.evaluation.project_values import ORGANIZERS_ONLY, checked_whole, checked_year, percent
from wulian.kit.errors import Conflict, PermissionDenied
from wulian.kit.principal import Principal
from wulian.kit.problems import Problems

PLACES_MAX = 100
CANDIDATES_MAX = 200
RESULTS_HIDDEN = "投票结束前不公布结果"


@dataclass(frozen=True, slots=True)
class Receipt:
    """That ``voter`` voted in ``vote_id``: the storage layer's one-per-voter unique key. Nothing else."""

    vote_id: str
    voter: str


@dataclass(frozen=True, slots=True)
class PickDelta:
    """+1 for each of ``candidate_ids`` (in the list's order) in ``vote_id``. No voter, no time."""

    vote_id: str
    candidate_ids: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Tally:
    """The counters the storage layer kept: votes per candidate and ballots cast (receipts)."""

    votes: Mapping[str, int]
    ballots_cast: int

    @classmethod
    def of(cls, vote_id: str, deltas: Iterable[PickDelta]) -> Tally:
        """The sum of ``deltas``, one ballot each — what the storage layer's counters hold."""
        votes: Counter[str] = Counter()
        cast = 0
        for delta in deltas:
            if delta.vote_id != vote_id:
                raise ValueError(f"a pick of vote {delta.vote_id} in the tally of vote {vote_id}")
            votes.update(delta.candidate_ids)
            cast += 1
        return cls(dict(votes), cast)


@dataclass(frozen=True, slots=True)
class Runoff:
    tied: tuple[str, ...]  # in the list's order
    places: int  # the places left for them


@dataclass(frozen=True, slots=True)
class RankedCandidate:
    candidate_id: str
    votes: int
    rank: int  # 1, 2, 2, 4 …: tied candidates share a rank
    elected: bool
    tied: bool  # in the run-off


@dataclass(frozen=True, slots=True)
class VoteResults:
    vote_id: str
    year: int
    round_no: int
    places: int
    electorate: int
    ballots_cast: int
    ranking: tuple[RankedCandidate, ...]  # by votes; equal votes in the list's order (display only)
    elected: tuple[str, ...]
    runoff: Runoff | None

    @property
    def turnout(self) -> Fraction:
        return Fraction(self.ballots_cast, self.electorate)

    @property
    def turnout_percent(self) -> Decimal:
        return percent(self.turnout)

    @property
    def total_picks(self) -> int:
        return sum(row.votes for row in self.ranking)

    def votes_of(self, candidate_id: str) -> int:
        return next(row.votes for row in self.ranking if row.candidate_id == candidate_id)


def elect(order: Sequence[str], votes: Mapping[str, int], places: int) -> tuple[tuple[str, ...], Runoff | None]:
    """The elected (by votes, most first) and the run-off, by the module's rule: top ``places`` by votes; a
    tie across the last place elects those above it and sends the tied candidates to a run-off."""
    ranked = sorted(order, key=lambda c: -votes.get(c, 0))
    if len(ranked) <= places:
        return tuple(ranked), None
    cut = votes.get(ranked[places - 1], 0)
    if votes.get(ranked[places], 0) < cut:
        return tuple(ranked[:places]), None
    elected = tuple(c for c in ranked if votes.get(c, 0) > cut)
    tied = tuple(c for c in order if votes.get(c, 0) == cut)
    return elected, Runoff(tied, places - len(elected))


def _ranking(
    order: Sequence[str], votes: Mapping[str, int], elected: Sequence[str], runoff: Runoff | None
) -> tuple[RankedCandidate, ...]:
    ranked = sorted(order, key=lambda c: -votes.get(c, 0))
    tied = set(runoff.tied) if runoff else set()
    rows: list[RankedCandidate] = []
    for position, cid in enumerate(ranked, start=1):
        n = votes.get(cid, 0)
        rank = rows[-1].rank if rows and rows[-1].votes == n else position
        rows.append(RankedCandidate(cid, n, rank, cid in elected, cid in tied))
    return tuple(rows)


def _electorate(problems: Problems, values: Sequence[str]) -> tuple[str, ...]:
    subjects = tuple(v.strip() for v in values)
    if not subjects:
        problems.add("electorate", "请填写出席会议的代表名单")
    elif len(subjects) > ELECTORATE_MAX:
        problems.add("electorate", f"代表名单最多 {ELECTORATE_MAX} 人")
    elif any(not s or len(s) > ID_MAX or any(ch.isspace() for ch in s) for s in subjects):
        problems.add("electorate", "代表名单中有不正确的账号")
    elif len(set(subjects)) != len(subjects):
        problems.add("electorate", "代表名单中有重复的代表")
    return subjects


@dataclass(eq=False)
class ProjectVote:
    """A round of the project vote. Transitions check state (``Conflict``), actor (``PermissionDenied``) and
    input (``InvalidArgument``), in that order, and record events — except ``cast``, which records nothing."""

    id: str
    year: int
    places: int
    electorate: tuple[str, ...]
    created_by: str
    created_at: datetime
    round_no: int = 1
    runoff_of: str = ""
    candidate_ids: tuple[str, ...] = ()  # fixed at opening (a run-off's at its creation)
    status: VoteStatus = VoteStatus.DRAFT
    opened_at: datetime | None = None
    closed_at: datetime | None = None
    closed_results: VoteResults | None = None
    cancel_reason: str = ""
    events: list[Event] = field(default_factory=list, repr=False)

    @classmethod
    def create(cls, vote_id: str, principal: Principal, command: CreateVote, now: datetime) -> ProjectVote:
        now = as_utc(now)
        require_organizer(principal, message=ORGANIZERS_ONLY.format("组织项目票决"))
        problems = Problems()
        year = checked_year(problems, command.year)
        places = checked_whole(problems, "places", command.places, "拟选项目数", (1, PLACES_MAX))
        electorate = _electorate(problems, command.electorate)
        problems.raise_if_any("项目票决未通过校验")
        assert year is not None and places is not None
        vote = cls(vote_id, year, places, electorate, principal.subject, now)
        vote.events.append(VoteCreated(vote_id, now, year, 1, places, ""))
        return vote

    @classmethod
    def create_runoff(
        cls, vote_id: str, principal: Principal, parent: ProjectVote, command: CreateRunoff, now: datetime
    ) -> ProjectVote:
        """A run-off over the candidates tied at the last place of ``parent``, for the places left."""
        now = as_utc(now)
        runoff = parent.closed_results.runoff if parent.closed_results else None
        if parent.status is not VoteStatus.CLOSED or runoff is None:
            raise Conflict("上一轮票决尚未结束，或没有需要加试的并列项目")
        require_organizer(principal, message=ORGANIZERS_ONLY.format("组织加试"))
        problems = Problems()
        electorate = _electorate(problems, command.electorate)
        problems.raise_if_any("项目票决未通过校验")
        round_no = parent.round_no + 1
        vote = cls(vote_id, parent.year, runoff.places, electorate, principal.subject, now, round_no, parent.id)
        vote.candidate_ids = runoff.tied
        vote.events.append(VoteCreated(vote_id, now, parent.year, round_no, runoff.places, parent.id))
        return vote

    def edit(self, principal: Principal, command: EditVote, now: datetime) -> None:
        VOTE_STATES.ensure(VoteAction.EDIT, self.status)
        now = as_utc(now)
        require_organizer(principal, message=ORGANIZERS_ONLY.format("修改项目票决"))
        problems = Problems()
        places = checked_whole(problems, "places", command.places, "拟选项目数", (1, PLACES_MAX))
        if places is not None and self.runoff_of and places != self.places:
            problems.add("places", f"加试的拟选项目数由上一轮结果确定，为 {self.places} 个")
        electorate = _electorate(problems, command.electorate)
        problems.raise_if_any("项目票决未通过校验")
        assert places is not None
        self.places, self.electorate = places, electorate
        self.events.append(VoteEdited(self.id, now, self.year, self.round_no, places, len(electorate)))

    def open(self, principal: Principal, candidates: Iterable[Candidate], now: datetime) -> tuple[str, ...]:
        """Fix the list and open the vote. ``candidates``: the year's candidates (a run-off's own). Returns
        the candidates to put on the ballot (none for a run-off: its candidates are on it already)."""
        VOTE_STATES.ensure(VoteAction.OPEN, self.status)
        now = as_utc(now)
        require_organizer(principal, message=ORGANIZERS_ONLY.format("开始投票"))
        of_year = [c for c in candidates if c.year == self.year]
        to_put: tuple[str, ...] = ()
        if self.runoff_of:
            on_ballot = {c.id for c in of_year if c.status is CandidateStatus.ON_BALLOT}
            if not set(self.candidate_ids) <= on_ballot:
                raise Conflict("加试的候选项目已不在票决中")
            listed = self.candidate_ids
        else:
            if any(c.status not in (CandidateStatus.PROPOSED, CandidateStatus.WITHDRAWN) for c in of_year):
                raise Conflict("该年度已进行过项目票决，不能再次开始票决")
            listed = to_put = tuple(c.id for c in of_year if c.status is CandidateStatus.PROPOSED)
        if len(listed) <= self.places:
            raise Conflict(f"候选项目须多于拟选项目数 {self.places} 个（差额票决），现有 {len(listed)} 个")
        if len(listed) > CANDIDATES_MAX:
            raise Conflict(f"一次票决最多 {CANDIDATES_MAX} 个候选项目")
        self.candidate_ids = listed
        self.status, self.opened_at = VoteStatus.OPEN, now
        self.events.append(
            VoteOpened(self.id, now, self.year, self.round_no, self.candidate_ids, self.places, len(self.electorate))
        )
        return to_put

    def cast(
        self, principal: Principal, command: CastPicks, *, already_voted: bool = False
    ) -> tuple[Receipt, PickDelta]:
        """A deputy's picks. Takes no clock and records nothing: the receipt and the delta are all there is,
        and the storage layer keeps them apart. ``already_voted``: a receipt of this voter exists (the unique
        key still decides when two arrive at once)."""
        VOTE_STATES.ensure(VoteAction.CAST, self.status)
        if VOTER_ROLE not in principal.roles or principal.subject not in self.electorate:
            raise PermissionDenied("只有列入本次票决代表名单的代表可以投票")
        if already_voted:
            raise Conflict("您已投票，不能重复投票")
        picks = tuple(c.strip() for c in command.candidate_ids)
        problems = Problems()
        if not picks:
            problems.add("candidate_ids", "请至少选择一个候选项目")
        elif len(set(picks)) != len(picks):
            problems.add("candidate_ids", "同一候选项目只能选择一次")
        elif unknown := [c for c in picks if c not in self.candidate_ids]:
            problems.add("candidate_ids", f"{'、'.join(unknown)} 不是本次票决的候选项目")
        elif len(picks) > self.places:
            problems.add("candidate_ids", f"最多选择 {self.places} 个候选项目")
        problems.raise_if_any("选票未通过校验")
        chosen = set(picks)
        delta = PickDelta(self.id, tuple(c for c in self.candidate_ids if c in chosen))
        return Receipt(self.id, principal.subject), delta

    def close(self, principal: Principal, tally: Tally, now: datetime) -> VoteResults:
        """Close with the counters the storage layer kept; fixes and returns the results."""
        VOTE_STATES.ensure(VoteAction.CLOSE, self.status)
        now = as_utc(now)
        require_organizer(principal, message=ORGANIZERS_ONLY.format("结束投票"))
        if tally.ballots_cast == 0:
            raise Conflict("尚无代表投票，不能结束投票（可以取消本次票决）")
        self._check(tally)
        votes = {c: tally.votes.get(c, 0) for c in self.candidate_ids}
        elected, runoff = elect(self.candidate_ids, votes, self.places)
        ranking = _ranking(self.candidate_ids, votes, elected, runoff)
        results = VoteResults(
            self.id, self.year, self.round_no, self.places, len(self.electorate), tally.ballots_cast, ranking,
            elected, runoff,
        )  # fmt: skip
        self.status, self.closed_at, self.closed_results = VoteStatus.CLOSED, now, results
        ids, counts = tuple(r.candidate_id for r in ranking), tuple(r.votes for r in ranking)
        electorate = len(self.electorate)
        self.events.append(
            VoteClosed(self.id, now, self.year, self.round_no, ids, counts, elected, tally.ballots_cast, electorate)
        )
        if runoff is not None:
            self.events.append(RunoffNeeded(self.id, now, self.year, self.round_no, runoff.tied, runoff.places))
        return results

    def _check(self, tally: Tally) -> None:
        """The counters must be possible for this vote: 1 to N picks per ballot, one ballot per voter."""
        n, votes = tally.ballots_cast, tally.votes
        wrong = (
            n < 0
            or n > len(self.electorate)
            or not set(votes) <= set(self.candidate_ids)
            or any(isinstance(v, bool) or not isinstance(v, int) or not 0 <= v <= n for v in votes.values())
            or not n <= sum(votes.values()) <= n * self.places
        )
        if wrong:
            raise Conflict("计票数据与本次票决不符，不能结束投票")

    def cancel(self, principal: Principal, command: CancelVote, now: datetime) -> tuple[str, ...]:
        """Cancel with a reason; returns the candidates to release (those an open first round put on the
        ballot). A cancelled run-off leaves its candidates on the ballot for another run-off."""
        VOTE_STATES.ensure(VoteAction.CANCEL, self.status)
        now = as_utc(now)
        require_organizer(principal, message=ORGANIZERS_ONLY.format("取消项目票决"))
        self.cancel_reason = checked_text("reason", command.reason, "取消的理由")
        was_open = self.status is VoteStatus.OPEN
        self.status = VoteStatus.CANCELLED
        self.events.append(VoteCancelled(self.id, now, self.year, self.round_no, was_open))
        return self.candidate_ids if was_open and not self.runoff_of else ()

    def results(self) -> VoteResults:
        """The results, once closed — before, there are none to show, to anyone."""
        if self.status is VoteStatus.CANCELLED:
            raise Conflict("该票决已取消，没有结果")
        if self.closed_results is None:
            raise Conflict(RESULTS_HIDDEN)
        return self.closed_results
