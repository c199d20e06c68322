"""Benchmark: an expert draw over a pool of 10,000 for 500 cases, beside a plain random.sample of the same size.

    make bench-draw               (or: python bench/draw.py --experts 10000 --cases 500 --runs 5)

The pool (synthetic, seeded): deputies, lawyers, professors and others (40/25/20/15 %), one to three of
nine specialties each; lawyers work at one of 400 law firms, professors at one of 12 universities,
deputies and others at enterprises, agencies and — a few — the courts and procuratorates. A quarter
declare one or two conflicts (a firm, a court, an enterprise); a third reviewed one to three cases of
one of 300 judges and prosecutors in the last two years. The batch: cases of the city's 7 courts and
3 procuratorates, each with a presiding judge of that unit, one or two enterprises and perhaps a person
as parties, one or two law firms, and sometimes an expert who represented or is employed by a party.
Rules: 5 experts and 3 ordered backups per case, at least one lawyer, one professor and one commercial
specialist, at most 2 cases per expert, a 365-day cooling-off period.

Measured in the same run, each the median of --runs runs:
1. random.sample — random.sample of cases × (experts + backups) ids from the pool: no rules (the baseline)
2. recusal      — recusal.batch_exclusions: every case against the whole pool
3. draw         — draw.draw: canonical snapshot and rules, key, quotas, limit, exclusions, backups
4. verify       — draw.verify of the record: the commitment, the snapshot and the draw recomputed
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import time
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from services.case_review import draw  # noqa: E402
from services.case_review.recusal import (  # noqa: E402
    Candidate,
    CaseFacts,
    Category,
    Party,
    PastReview,
    RecusalRules,
    batch_exclusions,
)

NOW = datetime(2026, 7, 1, 2, 0, tzinfo=UTC)
COURTS: tuple[str, ...] = ("黄石市中级人民法院", "黄石港区人民法院", "西塞山区人民法院", "下陆区人民法院")
COURTS += ("铁山区人民法院", "大冶市人民法院", "阳新县人民法院")
PROCURATORATES = ("黄石市人民检察院", "大冶市人民检察院", "阳新县人民检察院")
UNITS = COURTS + PROCURATORATES
SPECIALTIES: tuple[str, ...] = ("civil", "commercial", "enforcement", "administrative", "criminal")
SPECIALTIES += ("procuratorial",)
SPECIALTIES += ("intellectual_property", "bankruptcy", "labor")
FIRMS = tuple(f"湖北楚天第{i}律师事务所" for i in range(400))
UNIVERSITIES = tuple(f"湖北第{i}大学" for i in range(12))
ENTERPRISES = tuple(f"黄石华新第{i}有限公司" for i in range(3000))
AGENCIES = tuple(f"黄石市第{i}局" for i in range(40))
JUDGES = tuple((f"judge-{i:03d}", UNITS[i % len(UNITS)]) for i in range(300))
RULES = draw.DrawRules(
    experts_per_case=5,
    backups_per_case=3,
    max_cases_per_expert=2,
    category_quotas={Category.LAWYER: 1, Category.PROFESSOR: 1},
    specialty_quotas={"commercial": 1},
)
RECUSAL = RecusalRules(cooling_off_days=365)


def make_pool(rng: random.Random, size: int) -> list[Candidate]:
    categories = rng.choices(list(Category), weights=(40, 25, 20, 15), k=size)
    pool = []
    for i, category in enumerate(categories):
        if category == Category.LAWYER:
            employer = rng.choice(FIRMS)
        elif category == Category.PROFESSOR:
            employer = rng.choice(UNIVERSITIES)
        else:
            employer = rng.choice(UNITS) if rng.random() < 0.03 else rng.choice(ENTERPRISES + AGENCIES)
        conflicts: frozenset[str] = frozenset()
        if rng.random() < 0.25:
            kinds = rng.choices((FIRMS, COURTS, ENTERPRISES), weights=(45, 10, 45), k=rng.randint(1, 2))
            conflicts = frozenset(rng.choice(names) for names in kinds)
        reviews: tuple[PastReview, ...] = ()
        if rng.random() < 0.33:
            reviews = tuple(
                PastReview(rng.choice(JUDGES)[0], NOW - timedelta(days=rng.randrange(730), hours=rng.randrange(24)))
                for _ in range(rng.randint(1, 3))
            )
        specialties = frozenset(rng.sample(SPECIALTIES, rng.randint(1, 3)))
        pool.append(Candidate(f"EXP-{i:05d}", category, specialties, employer, conflicts, reviews))
    return pool


def make_cases(rng: random.Random, count: int, pool: list[Candidate]) -> list[CaseFacts]:
    lawyers = [c.expert_id for c in pool if c.category == Category.LAWYER]
    everyone = [c.expert_id for c in pool]
    cases = []
    for i in range(count):
        judge_id, unit = rng.choice(JUDGES)
        parties = tuple(Party(name, True) for name in rng.sample(ENTERPRISES, rng.randint(1, 2)))
        if rng.random() < 0.5:
            parties += (Party(f"张某{i}", False),)
        cases.append(
            CaseFacts(
                case_id=f"（2026）鄂02民初{i + 1}号",
                unit=unit,
                judge_id=judge_id,
                judge_unit=unit,
                parties=parties,
                lawyer_firms=tuple(rng.sample(FIRMS, rng.randint(1, 2))),
                represented_by=frozenset(rng.sample(lawyers, 1)) if rng.random() < 0.1 else frozenset(),
                employed_by_party=frozenset(rng.sample(everyone, 1)) if rng.random() < 0.05 else frozenset(),
            )
        )
    return cases


def median_ms(runs: int, work: Callable[[], object]) -> tuple[float, object]:
    times, value = [], None
    for _ in range(runs):
        t0 = time.perf_counter()
        value = work()
        times.append(time.perf_counter() - t0)
    return statistics.median(times) * 1000, value


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--experts", type=int, default=10_000)
    parser.add_argument("--cases", type=int, default=500)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    started = time.monotonic()
    rng = random.Random(2026)
    pool = make_pool(rng, args.experts)
    cases = make_cases(rng, args.cases, pool)
    case_ids = [c.case_id for c in cases]
    seed, entropy = rng.randbytes(32), "驻市人大常委会机关纪检监察组 掷骰 3-5-1-6".encode()
    ids = [c.expert_id for c in pool]
    size = args.cases * (RULES.experts_per_case + RULES.backups_per_case)

    sample_ms, _ = median_ms(args.runs, lambda: random.sample(ids, size))
    recusal_ms, excluded = median_ms(args.runs, lambda: batch_exclusions(pool, cases, RECUSAL, NOW))
    assert isinstance(excluded, dict)
    draw_ms, result = median_ms(args.runs, lambda: draw.draw(seed, entropy, pool, case_ids, excluded, RULES))
    assert isinstance(result, draw.DrawResult)
    record = draw.make_record(seed, entropy, pool, case_ids, excluded, RULES)
    verify_ms, check = median_ms(args.runs, lambda: draw.verify(record))
    assert isinstance(check, draw.Verification) and check.ok, check

    exclusions = sum(len(experts) for experts in excluded.values())
    drawn = sum(len(c.main) + len(c.backups) for c in result.cases)
    rows = [
        (f"random.sample of {size:,}", sample_ms),
        (f"recusal, {args.cases} cases", recusal_ms),
        ("draw (wulian-draw/v1)", draw_ms),
        ("verify the record", verify_ms),
    ]
    print(
        f"\n{args.experts:,} experts, {args.cases} cases × ({RULES.experts_per_case} + {RULES.backups_per_case} "
        f"backups), ≥1 lawyer, ≥1 professor, ≥1 commercial, ≤{RULES.max_cases_per_expert} cases each; "
        f"{exclusions:,} exclusions, {drawn:,} drawn; median of {args.runs} "
        f"({time.monotonic() - started:.0f} s in all)"
    )
    print(f"{'':26} {'median ms':>10}  ÷ random.sample")
    for name, ms in rows:
        print(f"{name:26} {ms:10.1f}  {ms / sample_ms:8.0f}×")
    print(f"\nrecusal + draw = {recusal_ms + draw_ms:.0f} ms for the whole batch")
    return 0


if __name__ == "__main__":
    sys.exit(main())
