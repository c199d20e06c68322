"""What a draw is committed to, made from the pool, the batch and its cases; and the result as the batch
records it. Pure: the handlers load the aggregates and the past reviews, this module decides.

The eligible pool is the pool's active experts (suspended and departed ones are not drawable). Recusal
(``recusal``) reads each expert's employer, declared conflicts and past reviews, and each case's unit,
presiding judge or prosecutor, parties and lawyers; an expert who is one of the case's lawyers (same
name, employed by the lawyer's firm) represented a party.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from services.case_review import commands, draw, recusal
from services.case_review.cases import Case
from services.case_review.domain import Category
from services.case_review.experts import Expert
from services.case_review.recusal import Reason, ReasonCode
from services.case_review.reviews import ReviewBatch, Rules
from wulian.kit.errors import InvalidArgument

PastReviews = Mapping[str, Sequence[tuple[str, datetime]]]  # expert id → (presiding id, when)


@dataclass(frozen=True)
class Inputs:
    """Everything the draw's result depends on but the two random inputs: fixed when the seed is
    committed, published by its hashes (pool snapshot, rules)."""

    pool: tuple[draw.PoolMember, ...]
    cases: tuple[str, ...]
    exclusions: dict[str, dict[str, tuple[Reason, ...]]]
    rules: draw.DrawRules

    @property
    def snapshot_hash(self) -> str:
        return draw.pool_snapshot_hash(self.pool)

    @property
    def rules_hash(self) -> str:
        return hashlib.sha256(draw.rules_json(self.cases, self.exclusions, self.rules)).hexdigest()

    def check(self) -> None:
        """Refuse, before any seed exists, rules the pool cannot meet whatever the seed."""
        draw.check(self.pool, self.cases, self.exclusions, self.rules)

    def record(self, seed: bytes, witness_entropy: bytes) -> draw.DrawRecord:
        return draw.make_record(seed, witness_entropy, self.pool, self.cases, self.exclusions, self.rules)


def draw_rules(rules: Rules) -> draw.DrawRules:
    return draw.DrawRules(
        experts_per_case=rules.experts_per_case,
        backups_per_case=rules.backups_per_case,
        max_cases_per_expert=rules.max_cases_per_expert,
        category_quotas={Category(c): n for c, n in rules.category_minimums.items()},
        specialty_quotas=dict(rules.specialty_minimums),
    )


def _lawyers_in_pool(case: Case, experts: Iterable[Expert]) -> frozenset[str]:
    on_case = {(recusal.normalise(x.name), recusal.normalise(x.firm)) for x in case.details.lawyers}
    return frozenset(e.id for e in experts if (recusal.normalise(e.name), recusal.normalise(e.employer)) in on_case)


def case_facts(case: Case, experts: Sequence[Expert]) -> recusal.CaseFacts:
    d = case.details
    return recusal.CaseFacts(
        case_id=case.id,
        unit=d.unit_name,
        judge_id=d.presiding_id,
        judge_unit=d.presiding_unit or d.unit_name,
        parties=tuple(recusal.Party(p.name, p.is_enterprise) for p in d.parties),
        lawyer_firms=case.lawyer_firms,
        represented_by=_lawyers_in_pool(case, experts),
        judge_name=d.presiding_name,
    )


def candidate(expert: Expert, past: PastReviews) -> recusal.Candidate:
    return recusal.Candidate(
        expert_id=expert.id,
        category=expert.category,
        specialties=expert.specialties,
        employer=expert.employer,
        conflicts=expert.conflicts,
        recent_reviews=tuple(recusal.PastReview(judge, at) for judge, at in past.get(expert.id, ())),
    )


def inputs(rules: Rules, cases: Mapping[str, Case], pool: Sequence[Expert], past: PastReviews, now: datetime) -> Inputs:
    """The draw's inputs for a batch's ``rules``: the drawable experts of ``pool``, the cases in draw
    order and each case's exclusions with every reason."""
    eligible = [e for e in pool if e.drawable]
    facts = [case_facts(cases[case_id], eligible) for case_id in rules.case_ids]
    found = recusal.batch_exclusions(
        [candidate(e, past) for e in eligible], facts, recusal.RecusalRules(rules.cooling_off_days), now
    )
    exclusions = {case_id: {e: tuple(rs) for e, rs in by_expert.items()} for case_id, by_expert in found.items()}
    return Inputs(draw.members(eligible), rules.case_ids, exclusions, draw_rules(rules))


# --- storage of the inputs (the draw row) -------------------------------------------------------------


def inputs_to_json(value: Inputs) -> str:
    return json.dumps(
        {
            "pool": json.loads(draw.pool_json(value.pool)),
            "cases": list(value.cases),
            "exclusions": [
                {"case_id": x.case_id, "expert_id": x.expert_id, "reasons": [[str(r.code), r.text] for r in x.reasons]}
                for x in draw.exclusion_list(value.cases, value.exclusions)
            ],
            "rules": draw.rules_fields(value.rules),
        },
        ensure_ascii=False,
        sort_keys=True,
    )


def inputs_from_json(text: str) -> Inputs:
    try:
        body: dict[str, Any] = json.loads(text)
        pool = tuple(
            draw.PoolMember(p["expert_id"], Category(p["category"]), frozenset(p["specialties"])) for p in body["pool"]
        )
        exclusions: dict[str, dict[str, tuple[Reason, ...]]] = {c: {} for c in body["cases"]}
        for x in body["exclusions"]:
            reasons = tuple(Reason(ReasonCode(code), text) for code, text in x["reasons"])
            exclusions.setdefault(x["case_id"], {})[x["expert_id"]] = reasons
        r = body["rules"]
        rules = draw.DrawRules(
            r["experts_per_case"], r["backups_per_case"], r["max_cases_per_expert"],
            {Category(c): n for c, n in r["category_quotas"].items()}, dict(r["specialty_quotas"]),
        )  # fmt: skip
        return Inputs(pool, tuple(body["cases"]), exclusions, rules)
    except (KeyError, TypeError, ValueError, AttributeError) as error:
        raise InvalidArgument(f"抽取输入格式不正确：{error}") from error


# --- the result, as the batch records it -------------------------------------------------------------------


def _drawn(expert_id: str, experts: Mapping[str, Expert]) -> commands.DrawnExpert:
    e = experts[expert_id]
    return commands.DrawnExpert(e.id, e.name, e.category.value, e.account_subject)


def drawn_result(draw_id: str, result: draw.DrawResult, experts: Mapping[str, Expert]) -> commands.RecordDrawResult:
    """The result with the names, categories and logins of the experts as the pool knows them now."""
    return commands.RecordDrawResult(
        draw_id,
        tuple(
            commands.DrawnCase(
                c.case_id, tuple(_drawn(e, experts) for e in c.main), tuple(_drawn(e, experts) for e in c.backups)
            )
            for c in result.cases
        ),
    )


def replacements_so_far(batch: ReviewBatch) -> list[draw.Replacement]:
    """The batch's replacements so far: per case in the order they were made (a case's seats are kept in
    the order called); the order across cases does not matter to ``draw.replace``."""
    return [
        draw.Replacement(case.case_id, seat.replaces, seat.expert_id, seat.backup_rank)
        for case in batch.cases
        for seat in case.seats
        if seat.replaces
    ]
