"""专家库 — the expert pool: the ``Expert`` aggregate, checks of phone and ID numbers, masking, and the
row helpers of the Excel import and export.

An expert joins the pool, is edited, suspended (with a reason) and reinstated, and leaves it; only the
organizers (``congress_clerk``, ``congress_committee``) do any of this, and each step is an event that
the service puts on the audit trail the discipline station reads (Huangshi: the station "supervises
the building of the pool"). Only an active expert is drawn (``Expert.drawable``).

Phone and ID numbers are shown in full to the organizers only; everyone else who may see an entry (the
station, the expert themselves) sees them masked: ``138****5678`` and ``3201**********1234``. No event
carries them.

Checks. A phone number is a mainland mobile number: 11 digits starting 13–19, written with or without
``+86``/``86``/``0086`` and with spaces or hyphens, stored as the 11 digits. An ID number is an
18-character resident ID number (GB 11643-1999): a known province code, a real date of birth not after
today, and the ISO 7064 MOD 11-2 check character (``X`` for 10), stored upper-case.

Excel. ``parse_rows`` reads the rows of a sheet (lists of cell values, as openpyxl's
``iter_rows(values_only=True)`` gives them) into ``JoinExpert`` commands, with every problem per row and
field; ``export_rows`` writes the pool as the caller may see it, under the same Chinese headers.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass, field, fields
from datetime import date, datetime
from decimal import Decimal

from services.case_review import commands
from services.case_review import events as ev
from services.case_review.domain import (
    CATEGORY_LABELS,
    CONFLICTS_MAX,
    EXPERT_STATES,
    EXPERT_STATUS_LABELS,
    ID_MAX,
    NAME_MAX,
    SHANGHAI,
    SPECIALTY_LABELS,
    TOKEN_MAX,
    UNIT_NAME_MAX,
    Category,
    ExpertAction,
    ExpertStatus,
    Specialty,
    View,
    as_utc,
    checked_text,
    ensure_readable,
    is_organizer,
    is_supervisor,
    pool_view,
    require_organizer,
)
from wulian.kit.errors import InvalidArgument, PermissionDenied
from wulian.kit.principal import Principal
from wulian.kit.problems import Problems

# --- phone and ID numbers ---------------------------------------------------------------------------------

MOBILE = re.compile(r"^1[3-9]\d{9}$")
_PHONE_PREFIX = re.compile(r"^(?:\+86|0086|86)(?=1\d{10}$)")
_SEPARATORS = re.compile(r"[\s\-()（）]")
ID_NUMBER = re.compile(r"^\d{17}[\dX]$")
ID_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)  # 2^(17-i) mod 11
ID_CHECK_CHARS = "10X98765432"  # the check character for a weighted sum mod 11 of 0, 1, 2, …
# The province-level codes of GB/T 2260, and 83 for the residence permits of Taiwan residents.
PROVINCE_CODES = frozenset(
    {11, 12, 13, 14, 15, 21, 22, 23, 31, 32, 33, 34, 35, 36, 37, 41, 42, 43, 44, 45, 46, 50, 51, 52, 53, 54}
    | {61, 62, 63, 64, 65, 71, 81, 82, 83}
)


def normalize_phone(value: str) -> str:
    """The phone number without separators or the country code (not checked)."""
    return _PHONE_PREFIX.sub("", _SEPARATORS.sub("", value.strip()))


def phone_problem(value: str) -> str | None:
    """Why ``value`` is not a mainland mobile number, or None."""
    phone = normalize_phone(value)
    if not phone:
        return "手机号码不能为空"
    if MOBILE.fullmatch(phone) is None:
        return "手机号码应为 11 位中国大陆手机号码（以 13 至 19 开头）"
    return None


def normalize_id_number(value: str) -> str:
    return _SEPARATORS.sub("", value.strip()).upper()


def id_check_char(first17: str) -> str:
    """The ISO 7064 MOD 11-2 check character of the first 17 digits."""
    total = sum(int(digit) * weight for digit, weight in zip(first17, ID_WEIGHTS, strict=True))
    return ID_CHECK_CHARS[total % 11]


def id_number_problem(value: str, today: date) -> str | None:
    """Why ``value`` is not a valid 18-digit resident ID number on ``today``, or None."""
    number = normalize_id_number(value)
    if not number:
        return "身份证号码不能为空"
    if len(number) != 18:
        return "身份证号码应为 18 位"
    if ID_NUMBER.fullmatch(number) is None:
        return "身份证号码前 17 位应为数字，末位为数字或 X"
    if int(number[:2]) not in PROVINCE_CODES:
        return "身份证号码的地区码不正确"
    try:
        born = date(int(number[6:10]), int(number[10:12]), int(number[12:14]))
    except ValueError:
        return "身份证号码中的出生日期不正确"
    if born.year < 1900 or born > today:
        return "身份证号码中的出生日期不正确"
    if id_check_char(number[:17]) != number[17]:
        return "身份证号码的校验码不正确"
    return None


def mask_phone(phone: str) -> str:
    """``13812345678`` → ``138****5678``."""
    if len(phone) < 8:
        return "*" * len(phone)
    return f"{phone[:3]}{'*' * (len(phone) - 7)}{phone[-4:]}"


def mask_id_number(number: str) -> str:
    """``320102199003071234`` → ``3201**********1234``: the province and city, and the last four."""
    if len(number) < 9:
        return "*" * len(number)
    return f"{number[:4]}{'*' * (len(number) - 8)}{number[-4:]}"


# --- the profile ------------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Profile:
    name: str
    category: Category
    specialties: tuple[Specialty, ...]  # in the order of ``Specialty``
    employer: str
    title: str
    phone: str  # 11 digits
    id_number: str  # 18 characters, upper-case X
    conflicts: tuple[str, ...]
    account_subject: str


def profile_problems(command: commands.ExpertProfile, today: date) -> tuple[Profile | None, list[dict[str, str]]]:
    """The checked profile, or None and every problem, per field."""
    problems = Problems()
    name = problems.text("name", command.name, "姓名", limit=NAME_MAX)
    category = problems.choice("category", command.category, Category, "专家类别")
    specialties = _specialties(problems, command.specialties)
    employer = problems.text("employer", command.employer, "工作单位", limit=UNIT_NAME_MAX)
    title = problems.text("title", command.title, "职务或职称", required=False, limit=NAME_MAX)
    if message := phone_problem(command.phone):
        problems.add("phone", message)
    if message := id_number_problem(command.id_number, today):
        problems.add("id_number", message)
    conflicts = _conflicts(problems, command.conflicts)
    account = command.account_subject.strip()
    if len(account) > ID_MAX or any(ch.isspace() for ch in account):
        problems.add("account_subject", f"登录账号应为不含空白的标识，且不超过 {ID_MAX} 个字符")
    if problems.details or category is None:
        return None, problems.details
    profile = Profile(
        name=name,
        category=category,
        specialties=specialties,
        employer=employer,
        title=title,
        phone=normalize_phone(command.phone),
        id_number=normalize_id_number(command.id_number),
        conflicts=conflicts,
        account_subject=account,
    )
    return profile, []


def profile_from(command: commands.ExpertProfile, now: datetime) -> Profile:
    profile, problems = profile_problems(command, as_utc(now).astimezone(SHANGHAI).date())
    if profile is None:
        raise InvalidArgument("专家信息未通过校验", details=problems)
    return profile


def _specialties(problems: Problems, values: Iterable[str]) -> tuple[Specialty, ...]:
    chosen: set[Specialty] = set()
    for raw in values:
        value = raw.strip()
        if value in Specialty.__members__.values():
            chosen.add(Specialty(value))
        else:
            problems.add("specialties", f"专业领域「{value}」不在可选范围内")
    if not chosen and not any(d["field"] == "specialties" for d in problems.details):
        problems.add("specialties", "请至少选择一个专业领域")
    return tuple(s for s in Specialty if s in chosen)


def conflict_key(token: str) -> str:
    """How declared conflicts are told apart: white space removed, case folded."""
    return "".join(token.split()).casefold()


def _conflicts(problems: Problems, values: Iterable[str]) -> tuple[str, ...]:
    tokens = [" ".join(value.split()) for value in values]
    tokens = [token for token in tokens if token]
    keys = [conflict_key(token) for token in tokens]
    if len(tokens) > CONFLICTS_MAX:
        problems.add("conflicts", f"申报的利益冲突不能超过 {CONFLICTS_MAX} 项")
    elif any(len(token) > TOKEN_MAX for token in tokens):
        problems.add("conflicts", f"每项申报的利益冲突不能超过 {TOKEN_MAX} 个字")
    elif len(set(keys)) != len(keys):
        problems.add("conflicts", "申报的利益冲突不能重复")
    return tuple(tokens)


# --- the aggregate ----------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Suspension:
    reason: str
    suspended_by: str
    suspended_at: datetime


@dataclass(frozen=True, slots=True)
class Departure:
    reason: str
    recorded_by: str
    left_at: datetime


@dataclass(eq=False)
class Expert:
    """An expert of the pool. Each public method is one transition: it checks the state (``Conflict``),
    the actor (``PermissionDenied``) and the input (``InvalidArgument``, per field), in that order, then
    changes the expert and records an event."""

    id: str
    profile: Profile
    joined_by: str
    joined_at: datetime
    status: ExpertStatus = ExpertStatus.ACTIVE
    suspension: Suspension | None = None  # the current one, while suspended
    departure: Departure | None = None
    events: list[ev.Event] = field(default_factory=list, repr=False)

    @classmethod
    def join(cls, expert_id: str, principal: Principal, command: commands.JoinExpert, now: datetime) -> Expert:
        now = as_utc(now)
        require_organizer(principal, message="只有人大常委会联络人员或专（工）委可以将专家纳入专家库")
        profile = profile_from(command.profile, now)
        expert = cls(id=expert_id, profile=profile, joined_by=principal.subject, joined_at=now)
        specialties = profile.specialties
        expert.events.append(ev.ExpertJoined(expert_id, now, profile.account_subject, profile.category, specialties))
        return expert

    def edit(self, principal: Principal, command: commands.EditExpert, now: datetime) -> tuple[str, ...]:
        """Replace the profile; the event names the fields that changed. No change, no event."""
        EXPERT_STATES.ensure(ExpertAction.EDIT, self.status)
        now = as_utc(now)
        require_organizer(principal, message="只有人大常委会联络人员或专（工）委可以修改专家信息")
        profile = profile_from(command.profile, now)
        changed = tuple(f.name for f in fields(Profile) if getattr(profile, f.name) != getattr(self.profile, f.name))
        if changed:
            self.profile = profile
            self.events.append(ev.ExpertEdited(self.id, now, profile.account_subject, changed))
        return changed

    def suspend(self, principal: Principal, command: commands.SuspendExpert, now: datetime) -> None:
        EXPERT_STATES.ensure(ExpertAction.SUSPEND, self.status)
        now = as_utc(now)
        require_organizer(principal, message="只有人大常委会联络人员或专（工）委可以暂停专家抽取")
        reason = checked_text("reason", command.reason, "暂停的理由")
        self.suspension = Suspension(reason, principal.subject, now)
        self.status = ExpertStatus.SUSPENDED
        self.events.append(ev.ExpertSuspended(self.id, now, self.account_subject))

    def reinstate(self, principal: Principal, now: datetime) -> None:
        EXPERT_STATES.ensure(ExpertAction.REINSTATE, self.status)
        now = as_utc(now)
        require_organizer(principal, message="只有人大常委会联络人员或专（工）委可以恢复专家抽取")
        self.suspension = None
        self.status = ExpertStatus.ACTIVE
        self.events.append(ev.ExpertReinstated(self.id, now, self.account_subject))

    def leave(self, principal: Principal, command: commands.LeaveExpert, now: datetime) -> None:
        EXPERT_STATES.ensure(ExpertAction.LEAVE, self.status)
        now = as_utc(now)
        require_organizer(principal, message="只有人大常委会联络人员或专（工）委可以办理专家退出")
        reason = checked_text("reason", command.reason, "退出的原因", required=False)
        self.departure = Departure(reason, principal.subject, now)
        self.suspension = None
        self.status = ExpertStatus.LEFT
        self.events.append(ev.ExpertLeft(self.id, now, self.account_subject))

    # --- what the draw and recusal read (``draw.Drawable``, ``recusal.Candidate``) ----------------------

    @property
    def expert_id(self) -> str:
        return self.id

    @property
    def name(self) -> str:
        return self.profile.name

    @property
    def category(self) -> Category:
        return self.profile.category

    @property
    def specialties(self) -> frozenset[str]:
        return frozenset(s.value for s in self.profile.specialties)

    @property
    def employer(self) -> str:
        return self.profile.employer

    @property
    def conflicts(self) -> frozenset[str]:
        return frozenset(self.profile.conflicts)

    @property
    def account_subject(self) -> str:
        return self.profile.account_subject

    @property
    def drawable(self) -> bool:
        """Only an active expert enters a draw's pool."""
        return self.status is ExpertStatus.ACTIVE

    @property
    def id_number_key(self) -> str:
        """What makes an expert unique in the pool (the repository keeps it unique)."""
        return self.profile.id_number

    def view_for(self, principal: Principal) -> View:
        own = bool(self.account_subject) and principal.subject == self.account_subject
        return pool_view(principal, own=own)


# --- what a caller sees -----------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class ExpertView:
    """An expert as a caller may see them; ``masked`` says whether phone and ID number are masked."""

    id: str
    name: str
    category: Category
    category_label: str
    specialties: tuple[Specialty, ...]
    specialty_labels: tuple[str, ...]
    employer: str
    title: str
    phone: str
    id_number: str
    conflicts: tuple[str, ...]
    account_subject: str
    status: ExpertStatus
    status_label: str
    joined_at: datetime
    suspension_reason: str
    suspended_at: datetime | None
    departure_reason: str
    left_at: datetime | None
    masked: bool


def expert_view(expert: Expert, principal: Principal) -> ExpertView:
    """The expert as ``principal`` sees them: in full for the organizers, with phone and ID number masked
    for the station and the expert themselves; nobody else sees an entry (``NotFound``)."""
    view = ensure_readable(expert.view_for(principal), message="未找到该专家")
    masked = view < View.FULL
    p = expert.profile
    return ExpertView(
        id=expert.id,
        name=p.name,
        category=p.category,
        category_label=CATEGORY_LABELS[p.category],
        specialties=p.specialties,
        specialty_labels=tuple(SPECIALTY_LABELS[s] for s in p.specialties),
        employer=p.employer,
        title=p.title,
        phone=mask_phone(p.phone) if masked else p.phone,
        id_number=mask_id_number(p.id_number) if masked else p.id_number,
        conflicts=p.conflicts,
        account_subject=p.account_subject,
        status=expert.status,
        status_label=EXPERT_STATUS_LABELS[expert.status],
        joined_at=expert.joined_at,
        suspension_reason=expert.suspension.reason if expert.suspension else "",
        suspended_at=expert.suspension.suspended_at if expert.suspension else None,
        departure_reason=expert.departure.reason if expert.departure else "",
        left_at=expert.departure.left_at if expert.departure else None,
        masked=masked,
    )


# --- Excel rows -------------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Column:
    key: str  # the field of ``ExpertProfile`` (or "id", "status" on export only)
    header: str
    aliases: tuple[str, ...] = ()
    required: bool = True  # on import
    imported: bool = True


EXPERT_COLUMNS: tuple[Column, ...] = (
    Column("id", "专家编号", required=False, imported=False),
    Column("name", "姓名"),
    Column("category", "专家类别", ("类别",)),
    Column("specialties", "专业领域", ("专业",)),
    Column("employer", "工作单位", ("单位",)),
    Column("title", "职务职称", ("职务", "职称", "职务或职称"), required=False),
    Column("phone", "手机号码", ("手机", "联系电话")),
    Column("id_number", "身份证号码", ("身份证号", "公民身份号码")),
    Column("conflicts", "申报的利益冲突", ("利益冲突", "回避事项"), required=False),
    Column("status", "状态", required=False, imported=False),
)
IMPORT_ROWS_MAX = 2000
LIST_SPLIT = re.compile(r"[、,，;；/\n]+")
CONFLICT_SPLIT = re.compile(r"[;；、\n]+")
CONFLICT_JOIN = "；"
_CATEGORY_WORDS: dict[str, Category] = {
    **{label: c for c, label in CATEGORY_LABELS.items()},
    "代表": Category.DEPUTY,
    "教授": Category.PROFESSOR,
    "其他": Category.OTHER,
}
_SPECIALTY_WORDS: dict[str, Specialty] = {label: s for s, label in SPECIALTY_LABELS.items()}


@dataclass(frozen=True, slots=True)
class ImportedRow:
    row: int  # the sheet's row number (the header is usually row 1)
    command: commands.JoinExpert


@dataclass(frozen=True, slots=True)
class ImportResult:
    """The rows that passed and every problem as {"row", "field", "message"}: an import is all or
    nothing, so the I/O layer joins the rows only when ``problems`` is empty."""

    rows: tuple[ImportedRow, ...]
    problems: tuple[dict[str, object], ...]

    def raise_if_any(self) -> None:
        if self.problems:
            raise InvalidArgument("专家名单未通过校验", details=list(self.problems))


def export_header() -> list[str]:
    return [column.header for column in EXPERT_COLUMNS]


def export_rows(experts: Iterable[Expert], principal: Principal) -> list[list[str]]:
    """The header and one row per expert, as ``principal`` sees them (phone and ID number in full for
    the organizers only). Organizers and the station export; nobody else."""
    if not (is_organizer(principal) or is_supervisor(principal)):
        raise PermissionDenied("只有人大常委会联络人员、专（工）委或派驻纪检监察组可以导出专家库")
    rows = [export_header()]
    for expert in experts:
        view = expert_view(expert, principal)
        rows.append(
            [
                view.id,
                view.name,
                view.category_label,
                "、".join(view.specialty_labels),
                view.employer,
                view.title,
                view.phone,
                view.id_number,
                CONFLICT_JOIN.join(view.conflicts),
                view.status_label,
            ]
        )
    return rows


def parse_rows(
    rows: Sequence[Sequence[object]], now: datetime, *, known_id_numbers: Collection[str] = ()
) -> ImportResult:
    """Read a sheet: the first non-empty row is the header (columns found by name, in any order; unknown
    columns ignored), each later non-empty row an expert. ``known_id_numbers`` are the pool's, so that
    nobody joins twice."""
    today = as_utc(now).astimezone(SHANGHAI).date()
    numbered = [(i + 1, row) for i, row in enumerate(rows) if any(_cell(c) for c in row)]
    if not numbered:
        return ImportResult((), ({"row": 0, "field": "", "message": "表格中没有内容"},))
    header_row, header = numbered[0]
    columns, header_problems = _columns(header_row, header)
    if header_problems:
        return ImportResult((), tuple(header_problems))
    body = numbered[1:]
    if not body:
        return ImportResult((), ({"row": header_row, "field": "", "message": "表格中没有专家"},))
    if len(body) > IMPORT_ROWS_MAX:
        return ImportResult((), ({"row": 0, "field": "", "message": f"一次最多导入 {IMPORT_ROWS_MAX} 名专家"},))
    return _parse_body(body, columns, today, known_id_numbers)


def _parse_body(
    body: list[tuple[int, Sequence[object]]], columns: dict[str, int], today: date, known: Collection[str]
) -> ImportResult:
    imported: list[ImportedRow] = []
    problems: list[dict[str, object]] = []
    seen: dict[str, int] = {}
    for row_no, row in body:
        profile_command, cell_problems = _row_profile(row, columns)
        profile, row_problems = profile_problems(profile_command, today)
        row_problems = cell_problems + [
            p for p in row_problems if p["field"] not in {c["field"] for c in cell_problems}
        ]
        if profile is not None and not row_problems:
            key = profile.id_number
            if key in known:
                row_problems.append({"field": "id_number", "message": "该身份证号码的专家已在专家库中"})
            elif key in seen:
                row_problems.append({"field": "id_number", "message": f"与第 {seen[key]} 行的身份证号码重复"})
            seen.setdefault(key, row_no)
        problems += [{"row": row_no, **p} for p in row_problems]
        if not row_problems:
            imported.append(ImportedRow(row_no, commands.JoinExpert(profile_command)))
    return ImportResult(tuple(imported), tuple(problems))


def _columns(row_no: int, header: Sequence[object]) -> tuple[dict[str, int], list[dict[str, object]]]:
    names = {column.header: column for column in EXPERT_COLUMNS}
    names |= {alias: column for column in EXPERT_COLUMNS for alias in column.aliases}
    found: dict[str, int] = {}
    problems: list[dict[str, object]] = []
    for index, cell in enumerate(header):
        column = names.get(_cell(cell).replace("*", "").replace("\u3000", "").strip())
        if column is None or not column.imported:
            continue
        if column.key in found:
            problems.append({"row": row_no, "field": column.key, "message": f"“{column.header}”列重复"})
        found[column.key] = index
    for column in EXPERT_COLUMNS:
        if column.imported and column.required and column.key not in found:
            problems.append({"row": row_no, "field": column.key, "message": f"缺少“{column.header}”列"})
    return found, problems


def _row_profile(row: Sequence[object], columns: dict[str, int]) -> tuple[commands.ExpertProfile, list[dict[str, str]]]:
    def cell(key: str) -> object:
        index = columns.get(key)
        return row[index] if index is not None and index < len(row) else None

    problems: list[dict[str, str]] = []
    id_cell = cell("id_number")
    if isinstance(id_cell, int | float | Decimal) and not isinstance(id_cell, bool):
        problems.append({"field": "id_number", "message": "身份证号码须以文本格式填写（数字格式会丢失末几位）"})
    category = _cell(cell("category"))
    specialties = [s for s in LIST_SPLIT.split(_cell(cell("specialties"))) if s.strip()]
    command = commands.ExpertProfile(
        name=_cell(cell("name")),
        category=_CATEGORY_WORDS[category].value if category in _CATEGORY_WORDS else category,
        specialties=tuple(_SPECIALTY_WORDS[s].value if s in _SPECIALTY_WORDS else s.strip() for s in specialties),
        employer=_cell(cell("employer")),
        title=_cell(cell("title")),
        phone=_cell(cell("phone")),
        id_number="" if problems else _cell(id_cell),
        conflicts=tuple(t for t in CONFLICT_SPLIT.split(_cell(cell("conflicts"))) if t.strip()),
    )
    return command, problems


def _cell(value: object) -> str:
    """A cell as text: numbers written without a trailing ``.0`` (Excel stores phone numbers as floats)."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "是" if value else "否"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, Decimal) and value == value.to_integral_value():
        return str(int(value))
    return str(value).strip()
