"""What each actor asks of the case-review link: plain, frozen and unchecked, as the API hands them over.

Fields that name a choice are strings (the API's words); the aggregates check them, per field, and turn
them into typed values. Scores come as the API gives them (int, float, Decimal or a numeric string).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from decimal import Decimal

Score = int | float | Decimal | str | None

# --- the expert pool (专家库) -------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class ExpertProfile:
    """An expert's entry. ``category`` is a ``domain.Category``, ``specialties`` ``domain.Specialty``
    values; ``phone`` a mainland mobile number, ``id_number`` an 18-digit resident ID number.
    ``conflicts`` are the names the expert declares a conflict with: law firms, the units of relatives
    in the courts or procuratorate, parties represented. ``account_subject`` links the expert's login
    (role ``expert``), "" until they have one."""

    name: str
    category: str
    specialties: tuple[str, ...]
    employer: str
    phone: str
    id_number: str
    title: str = ""  # 职务或职称
    conflicts: tuple[str, ...] = ()
    account_subject: str = ""


@dataclass(frozen=True, slots=True)
class JoinExpert:
    profile: ExpertProfile


@dataclass(frozen=True, slots=True)
class EditExpert:
    profile: ExpertProfile


@dataclass(frozen=True, slots=True)
class SuspendExpert:
    reason: str


@dataclass(frozen=True, slots=True)
class LeaveExpert:
    reason: str = ""


# --- cases (备案) -------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class PartyInput:
    name: str
    is_enterprise: bool = False


@dataclass(frozen=True, slots=True)
class LawyerInput:
    name: str
    firm: str


@dataclass(frozen=True, slots=True)
class CaseDetails:
    """A case in scope. ``unit`` is the org_unit of the court or procuratorate whose case it is (the
    court's own account leaves it "" or names itself); ``unit_name`` its full name (黄石市中级人民法院).
    ``presiding_*`` name the presiding judge or the prosecutor; ``presiding_unit`` their unit when it is
    not the case's (a judge seconded from another court), "" otherwise."""

    number: str
    type: str
    cause: str
    unit_name: str
    presiding_id: str
    presiding_name: str
    parties: tuple[PartyInput, ...]
    lawyers: tuple[LawyerInput, ...] = ()
    unit: str = ""
    presiding_unit: str = ""


@dataclass(frozen=True, slots=True)
class RegisterCase:
    details: CaseDetails


@dataclass(frozen=True, slots=True)
class EditCase:
    details: CaseDetails


@dataclass(frozen=True, slots=True)
class WithdrawCase:
    reason: str


# --- review batches (评查批次) -------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class BatchRules:
    """What a batch reviews and how its experts are drawn. Quotas are minimums per case: by category
    (``{"lawyer": 1, "professor": 1}``: at least one lawyer and one professor) and by specialty."""

    name: str
    case_ids: tuple[str, ...]
    experts_per_case: int
    backups_per_case: int = 2
    max_cases_per_expert: int = 3
    category_quotas: Mapping[str, int] = field(default_factory=dict)
    specialty_quotas: Mapping[str, int] = field(default_factory=dict)
    cooling_off_days: int = 365  # recusal: reviewed a case of the same judge within this many days


@dataclass(frozen=True, slots=True)
class CreateBatch:
    rules: BatchRules


@dataclass(frozen=True, slots=True)
class EditBatch:
    rules: BatchRules


@dataclass(frozen=True, slots=True)
class BeginDraw:
    """The organizer creates the draw (seed committed, in ``draw``); the batch records its id and the
    commitments the station will witness against."""

    draw_id: str
    seed_commitment: str = ""
    pool_snapshot_hash: str = ""


@dataclass(frozen=True, slots=True)
class CancelDraw:
    draw_id: str
    reason: str


@dataclass(frozen=True, slots=True)
class DrawnExpert:
    """One expert of a draw's result, as the pool knew them when the draw was made."""

    expert_id: str
    name: str
    category: str
    subject: str = ""  # the expert's login, "" when none is linked


@dataclass(frozen=True, slots=True)
class DrawnCase:
    case_id: str
    main: tuple[DrawnExpert, ...]
    backups: tuple[DrawnExpert, ...] = ()  # in the order they are called


@dataclass(frozen=True, slots=True)
class RecordDrawResult:
    """The result the witnessed draw fixed (``draw``), to be recorded on the batch."""

    draw_id: str
    cases: tuple[DrawnCase, ...]


@dataclass(frozen=True, slots=True)
class AnswerAssignment:
    """A drawn expert accepts or declines a case (a decline says why). An organizer recording an answer
    given by phone names the expert (``expert_id``); an expert leaves it empty."""

    case_id: str
    accept: bool
    reason: str = ""
    expert_id: str = ""


@dataclass(frozen=True, slots=True)
class RecordReplacement:
    """The backup that replaces a declined expert, as ``draw`` chose it within the quotas; "" when no
    backup fits, which leaves the seat vacant."""

    case_id: str
    declined_expert_id: str
    replacement_expert_id: str


@dataclass(frozen=True, slots=True)
class SaveScoreForm:
    """An expert's score form for one case. ``scores`` and ``comments`` are keyed by ``domain.ScoreItem``
    values; a draft may leave items out, a submission (``submit``) may not. ``declared_total``, when
    given, is the total the expert wrote and must equal the sum of the items."""

    case_id: str
    scores: Mapping[str, Score] = field(default_factory=dict)
    comments: Mapping[str, str] = field(default_factory=dict)
    opinion: str = ""  # 评查意见：the expert's overall view of the case
    declared_total: Score = None
    submit: bool = False
    expert_id: str = ""  # an organizer entering a paper form (纸质评分表) names the expert it is from


@dataclass(frozen=True, slots=True)
class CancelBatch:
    reason: str


# --- findings and opinions (评查意见) ------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class FindingText:
    """``problem``: what the review found; ``opinion``: what the court or procuratorate is asked to do;
    ``items``: the score items concerned (``domain.ScoreItem`` values)."""

    problem: str
    opinion: str
    items: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class DraftFinding:
    case_id: str
    text: FindingText


@dataclass(frozen=True, slots=True)
class EditFinding:
    text: FindingText


@dataclass(frozen=True, slots=True)
class AnswerOpinion:
    """``answer`` is a ``domain.OpinionAnswer``: accept (``text`` is the rectification plan) or explain
    (``text`` is the explanation)."""

    answer: str
    text: str


@dataclass(frozen=True, slots=True)
class AcceptExplanation:
    note: str = ""


@dataclass(frozen=True, slots=True)
class RejectExplanation:
    reason: str


@dataclass(frozen=True, slots=True)
class ReportRectification:
    """``kinds``: ``domain.RectificationKind`` values; a corrected case names its new case number (再审等),
    an adopted rule its title."""

    kinds: tuple[str, ...]
    text: str
    corrected_case_number: str = ""
    rule_title: str = ""


@dataclass(frozen=True, slots=True)
class SendBackReport:
    reason: str


@dataclass(frozen=True, slots=True)
class CloseOutFinding:
    note: str = ""


@dataclass(frozen=True, slots=True)
class MarkMisconduct:
    """The finding points at misconduct by a member of the judicial staff: a clue for the discipline
    commission. ``staff_unit`` defaults to the case's court or procuratorate."""

    staff_name: str
    staff_position: str
    staff_unit: str = ""


@dataclass(frozen=True, slots=True)
class RecordClueTransfer:
    """The clue service acknowledged the transfer with this clue id."""

    clue_id: str
