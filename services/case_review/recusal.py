"""回避 — which experts of the pool may not review a case, and why, in words for the draw record.
Pure: the standard library and ``wulian.kit.errors`` only; ``now`` comes in as a parameter.

An expert is excluded from a case (issue 5, "Recusal") when they

- ``represented_party``: represented a party of the case (the case's ``represented_by``);
- ``employed_by_party``: are employed by a party — named in the case's ``employed_by_party``, or their
  employer is a party;
- ``same_unit``: work at the unit of the presiding judge or prosecutor, or at the court or procuratorate
  whose case it is;
- ``same_firm``: work at a law firm acting in the case (a lawyer's colleague; not in the issue's list, but
  the same conflict as a declared one, so it is caught even when nobody declared it);
- ``declared_conflict``: declared a conflict (a law firm, a relative's unit, a party, a person) that names a
  party, the court or procuratorate, the judge's unit or name, or a law firm of the case;
- ``cooling_off``: reviewed a case of the same judge or prosecutor within ``cooling_off_days``.

Names are compared after ``normalise``: Unicode NFKC, case folded, with white space and punctuation
removed — so "湖北某某律师事务所 " and "湖北某某律师事务所" match and full-width brackets equal ASCII
ones. Whole names are compared, never substrings: a declared "法院" would otherwise exclude an expert from
every court case. The cooling-off period counts calendar days in Beijing time: an expert who reviewed a
case of the judge on day D is excluded through day D + N - 1 and may be drawn again on day D + N; a review
dated after ``now`` counts as within the period.

The batch function builds one index of the pool (by employer, declared conflict and reviewed judge), so a
case costs as much as its own names, not as much as the pool.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from enum import StrEnum
from typing import NamedTuple
from zoneinfo import ZoneInfo

from services.case_review.domain import Category
from wulian.kit.errors import InvalidArgument

SHANGHAI = ZoneInfo("Asia/Shanghai")


class ReasonCode(StrEnum):
    REPRESENTED_PARTY = "represented_party"
    EMPLOYED_BY_PARTY = "employed_by_party"
    SAME_UNIT = "same_unit"
    SAME_FIRM = "same_firm"
    DECLARED_CONFLICT = "declared_conflict"
    COOLING_OFF = "cooling_off"


_CODE_ORDER = {code: i for i, code in enumerate(ReasonCode)}


@dataclass(frozen=True)
class Reason:
    code: ReasonCode
    text: str  # for the printed draw record


class PastReview(NamedTuple):
    judge_id: str  # the presiding judge or prosecutor of the reviewed case
    reviewed_at: datetime


class Party(NamedTuple):
    name: str
    is_enterprise: bool


@dataclass(frozen=True)
class Candidate:
    expert_id: str
    category: Category
    specialties: frozenset[str]
    employer: str
    conflicts: frozenset[str] = frozenset()  # declared: law firms, relatives' units, parties, persons
    recent_reviews: tuple[PastReview, ...] = ()


@dataclass(frozen=True)
class CaseFacts:
    case_id: str
    unit: str  # the court or procuratorate whose case it is
    judge_id: str  # presiding judge or prosecutor
    judge_unit: str
    parties: tuple[Party, ...] = ()
    lawyer_firms: tuple[str, ...] = ()
    represented_by: frozenset[str] = frozenset()  # expert ids who represented a party
    employed_by_party: frozenset[str] = frozenset()  # expert ids employed by a party
    judge_name: str = ""


@dataclass(frozen=True)
class RecusalRules:
    cooling_off_days: int

    def __post_init__(self) -> None:
        if isinstance(self.cooling_off_days, bool) or not isinstance(self.cooling_off_days, int):
            raise InvalidArgument("回避期天数应为整数")
        if not 0 <= self.cooling_off_days <= 3660:
            raise InvalidArgument("回避期天数应在 0 至 3660 日之间")


def normalise(name: str) -> str:
    """The form in which names are compared: NFKC, case folded, no white space or punctuation."""
    folded = unicodedata.normalize("NFKC", name).casefold()
    return "".join(ch for ch in folded if unicodedata.category(ch)[0] not in "PZC")


def beijing_date(moment: datetime) -> date:
    if moment.tzinfo is None or moment.utcoffset() is None:
        raise InvalidArgument("时间必须带时区")
    return moment.astimezone(SHANGHAI).date()


@dataclass
class _Index:
    """The pool, looked up by the names a case brings."""

    ids: set[str] = field(default_factory=set)
    by_employer: dict[str, list[str]] = field(default_factory=dict)
    by_conflict: dict[str, list[tuple[str, str]]] = field(default_factory=dict)  # token → (id, as declared)
    by_judge: dict[str, list[tuple[str, datetime]]] = field(default_factory=dict)


def _index(candidates: Iterable[Candidate]) -> _Index:
    index = _Index()
    for c in candidates:
        if not c.expert_id or c.expert_id in index.ids:
            raise InvalidArgument(f"专家编号为空或重复：{c.expert_id!r}")
        index.ids.add(c.expert_id)
        if employer := normalise(c.employer):
            index.by_employer.setdefault(employer, []).append(c.expert_id)
        for declared in c.conflicts:
            if token := normalise(declared):
                index.by_conflict.setdefault(token, []).append((c.expert_id, declared))
        for review in c.recent_reviews:
            beijing_date(review.reviewed_at)
            index.by_judge.setdefault(review.judge_id, []).append((c.expert_id, review.reviewed_at))
    return index


def _case_exclusions(index: _Index, case: CaseFacts, rules: RecusalRules, today: date) -> dict[str, list[Reason]]:
    found: dict[str, dict[ReasonCode, Reason]] = {}

    def add(expert_id: str, code: ReasonCode, text: str) -> None:
        if expert_id in index.ids:
            found.setdefault(expert_id, {}).setdefault(code, Reason(code, text))

    for expert_id in sorted(case.represented_by):
        add(expert_id, ReasonCode.REPRESENTED_PARTY, "曾代理本案当事人")
    for expert_id in sorted(case.employed_by_party):
        add(expert_id, ReasonCode.EMPLOYED_BY_PARTY, "受雇于本案当事人")
    for party in case.parties:
        for expert_id in index.by_employer.get(normalise(party.name), ()):
            add(expert_id, ReasonCode.EMPLOYED_BY_PARTY, f"工作单位为本案当事人“{party.name}”")
    for unit in (case.judge_unit, case.unit):
        for expert_id in index.by_employer.get(normalise(unit), ()):
            add(expert_id, ReasonCode.SAME_UNIT, f"与本案承办人同在“{unit}”工作")
    for firm in case.lawyer_firms:
        for expert_id in index.by_employer.get(normalise(firm), ()):
            add(expert_id, ReasonCode.SAME_FIRM, f"就职于本案代理律师所在的“{firm}”")
    names = [p.name for p in case.parties] + [case.unit, case.judge_unit, *case.lawyer_firms, case.judge_name]
    for name in dict.fromkeys(n for n in map(normalise, names) if n):
        for expert_id, declared in index.by_conflict.get(name, ()):
            add(expert_id, ReasonCode.DECLARED_CONFLICT, f"申报的利益冲突“{declared}”与本案相关")
    latest: dict[str, date] = {}
    for expert_id, reviewed_at in index.by_judge.get(case.judge_id, ()):
        day = beijing_date(reviewed_at)
        if (today - day).days < rules.cooling_off_days and day > latest.get(expert_id, date.min):
            latest[expert_id] = day
    judge = case.judge_name or case.judge_id
    for expert_id, day in sorted(latest.items()):
        text = f"{day.isoformat()} 曾评查承办人{judge}办理的案件，未满 {rules.cooling_off_days} 日回避期"
        add(expert_id, ReasonCode.COOLING_OFF, text)
    return {
        expert_id: sorted(found[expert_id].values(), key=lambda r: _CODE_ORDER[r.code]) for expert_id in sorted(found)
    }


def batch_exclusions(
    candidates: Iterable[Candidate], cases: Sequence[CaseFacts], rules: RecusalRules, now: datetime
) -> dict[str, dict[str, list[Reason]]]:
    """Per case id, the excluded experts (by id, sorted) and every reason each is excluded for."""
    index, today = _index(candidates), beijing_date(now)
    result: dict[str, dict[str, list[Reason]]] = {}
    for case in cases:
        if not case.case_id or case.case_id in result:
            raise InvalidArgument(f"案件编号为空或重复：{case.case_id!r}")
        result[case.case_id] = _case_exclusions(index, case, rules, today)
    return result


def exclusions(
    candidates: Iterable[Candidate], case: CaseFacts, rules: RecusalRules, now: datetime
) -> dict[str, list[Reason]]:
    """The excluded experts of one case (by id, sorted) and every reason each is excluded for."""
    return batch_exclusions(candidates, [case], rules, now)[case.case_id]
