"""The expert draw: fixed vectors, a second implementation written from the published specification,
unbiased integers, equal chances (chi-square), the rules of every result, replacements, refusals and
verification from the record alone."""

from __future__ import annotations

import dataclasses
import hashlib
import json
import os
import random
import subprocess
import sys
from collections import Counter
from collections.abc import Callable, Iterator
from datetime import UTC, datetime
from enum import StrEnum
from pathlib import Path

import pytest

from services.case_review import draw as d
from services.case_review.draw import CaseDraw, DrawFailed, DrawRules, PoolMember, Replacement
from services.case_review.recusal import (
    Candidate,
    CaseFacts,
    Category,
    Reason,
    ReasonCode,
    RecusalRules,
    batch_exclusions,
)
from wulian.kit.errors import Conflict, InvalidArgument

ROOT = Path(__file__).resolve().parents[3]
DEPUTY, LAWYER, PROFESSOR, OTHER = Category.DEPUTY, Category.LAWYER, Category.PROFESSOR, Category.OTHER


def member(expert_id: str, category: Category, *specialties: str) -> PoolMember:
    return PoolMember(expert_id, category, frozenset(specialties))


# The fixed vector: a Huangshi-sized batch in miniature.
POOL: tuple[PoolMember, ...] = (
    member("D1", DEPUTY, "civil"),
    member("D2", DEPUTY, "commercial"),
    member("D3", DEPUTY),
    member("D4", DEPUTY, "enforcement"),
    member("L1", LAWYER, "civil", "commercial"),
    member("L2", LAWYER, "commercial"),
    member("L3", LAWYER, "criminal"),
    member("L4", LAWYER, "enforcement", "commercial"),
    member("P1", PROFESSOR, "commercial"),
    member("P2", PROFESSOR, "administrative"),
    member("P3", PROFESSOR, "civil"),
    member("P4", PROFESSOR, "procuratorial"),
)
CASES = ("（2026）鄂02民初1号", "（2026）鄂02执12号", "鄂黄检民监〔2026〕3号")
RULES = DrawRules(
    experts_per_case=3,
    backups_per_case=2,
    max_cases_per_expert=2,
    category_quotas={LAWYER: 1, PROFESSOR: 1},
    specialty_quotas={"commercial": 1},
)
EXCLUSIONS: dict[str, dict[str, tuple[Reason, ...]]] = {
    CASES[0]: {"L2": (Reason(ReasonCode.REPRESENTED_PARTY, "曾代理本案当事人"),)},
    CASES[2]: {"P4": (Reason(ReasonCode.SAME_UNIT, "与本案承办人同在“黄石市人民检察院”工作"),)},
}
SEED = bytes(range(32))
ENTROPY = "驻市人大常委会机关纪检监察组 2026-07-01 掷骰 3-5-1-6".encode()


def vector() -> d.DrawResult:
    return d.draw(SEED, ENTROPY, POOL, CASES, EXCLUSIONS, RULES)


# A second implementation, written from the module docstring alone, with no shortcut.


def spec_draw(
    seed: bytes,
    entropy: bytes,
    pool: tuple[PoolMember, ...],
    cases: tuple[str, ...],
    excluded: dict[str, set[str]],
    rules: DrawRules,
) -> list[tuple[str, list[str], list[str]]] | int:
    """The cases' (id, main, backups), or the 1-based number of the case where the draw fails."""
    ordered = sorted(pool, key=lambda m: m.expert_id)
    canon = lambda v: json.dumps(v, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode()  # noqa: E731
    snapshot = canon(
        [
            {"category": m.category.value, "expert_id": m.expert_id, "specialties": sorted(m.specialties)}
            for m in ordered
        ]
    )
    cat = {c.value: n for c, n in rules.category_quotas.items() if n}
    spec = {s: n for s, n in rules.specialty_quotas.items() if n}
    rules_bytes = canon({
        "algorithm": "wulian-draw/v1", "backups_per_case": rules.backups_per_case,
        "cases": [{"case_id": c, "excluded": sorted(excluded.get(c, ()))} for c in cases],
        "category_quotas": cat, "experts_per_case": rules.experts_per_case,
        "max_cases_per_expert": rules.max_cases_per_expert, "specialty_quotas": spec,
    })  # fmt: skip
    u64 = lambda n: n.to_bytes(8, "big")  # noqa: E731
    key = hashlib.sha256(
        b"wulian-draw/v1\x00" + u64(len(seed)) + seed + u64(len(entropy)) + entropy
        + hashlib.sha256(snapshot).digest() + u64(len(rules_bytes)) + rules_bytes
    ).digest()  # fmt: skip

    def words() -> Iterator[int]:
        i = 0
        while True:
            block = hashlib.sha256(key + u64(i)).digest()
            yield from (int.from_bytes(block[j : j + 8], "big") for j in range(0, 32, 8))
            i += 1

    stream = words()

    def pick(candidates: list[PoolMember]) -> PoolMember:
        limit = 2**64 - 2**64 % len(candidates)
        while (w := next(stream)) >= limit:
            pass
        return candidates[w % len(candidates)]

    Test = Callable[[PoolMember], bool]

    def category_is(c: str) -> Test:
        return lambda m: m.category.value == c

    def specialty_is(s: str) -> Test:
        return lambda m: s in m.specialties

    quotas = [(category_is(c), n) for c, n in sorted(cat.items())] + [
        (specialty_is(s), n) for s, n in sorted(spec.items())
    ]
    count: Counter[str] = Counter()

    def available(case: str, taken: list[PoolMember], test: Test = lambda m: True) -> list[PoolMember]:
        return [
            m for m in ordered
            if m.expert_id not in excluded.get(case, ()) and m not in taken
            and count[m.expert_id] < rules.max_cases_per_expert and test(m)
        ]  # fmt: skip

    out: list[tuple[str, list[str], list[str]]] = []
    for number, case in enumerate(cases, start=1):
        main: list[PoolMember] = []
        backups: list[PoolMember] = []
        for test, minimum in quotas:
            while sum(map(test, main)) < minimum:
                if not available(case, main, test):
                    return number
                main.append(pick(available(case, main, test)))
        while len(main) < rules.experts_per_case:
            if not available(case, main):
                return number
            main.append(pick(available(case, main)))
        for test, _ in quotas:
            if len(backups) < rules.backups_per_case and available(case, main + backups, test):
                backups.append(pick(available(case, main + backups, test)))
        while len(backups) < rules.backups_per_case and available(case, main + backups):
            backups.append(pick(available(case, main + backups)))
        count.update(m.expert_id for m in main)
        out.append((case, [m.expert_id for m in main], [m.expert_id for m in backups]))
    return out


def as_spec(result: d.DrawResult) -> list[tuple[str, list[str], list[str]]]:
    return [(c.case_id, list(c.main), list(c.backups)) for c in result.cases]


def ids_only(exclusions: dict[str, dict[str, tuple[Reason, ...]]]) -> dict[str, set[str]]:
    return {case: set(experts) for case, experts in exclusions.items()}


def with_reasons(excluded: dict[str, set[str]]) -> dict[str, dict[str, tuple[Reason, ...]]]:
    return {
        case: {e: (Reason(ReasonCode.DECLARED_CONFLICT, "…"),) for e in experts} for case, experts in excluded.items()
    }


# Fixed vectors.

# Checked by hand: the commitment is the known SHA-256 of bytes 0..31; case 1 (L2 excluded) draws its lawyer
# (L3) and professor (P2), neither commercial, so a third pick among D2, L1, L4, P1 meets the commercial
# quota; case 2's lawyer L4 is commercial, so its third seat is free; L4 is then on two main lists, the
# most allowed; each case's two backups are its reserves for the lawyer and the professor quotas.
# spec_draw gives the same; any change to the algorithm changes these.
VECTOR_COMMITMENT = "630dcd2966c4336691125448bbb25b4ff412a49c732db2c8abc1b8581bd710dd"
VECTOR_SNAPSHOT = "b004505797e73359c1d9080f0722491e7fd592650214bf8ca34916927b66b565"
VECTOR_KEY = "08388449ab437756089a18c9cb1cbaed49ccda563786d68ef860a38ca951563a"
VECTOR_RESULT = (
    CaseDraw(CASES[0], main=("L3", "P2", "P1"), backups=("L1", "P3")),
    CaseDraw(CASES[1], main=("L4", "P4", "D1"), backups=("L3", "P1")),
    CaseDraw(CASES[2], main=("L4", "P3", "L1"), backups=("L2", "P1")),
)


def test_the_fixed_vector() -> None:
    result = vector()
    assert d.commitment(SEED) == VECTOR_COMMITMENT
    assert d.pool_snapshot_hash(POOL) == VECTOR_SNAPSHOT
    key = d.derive_key(SEED, ENTROPY, VECTOR_SNAPSHOT, d.rules_json(CASES, EXCLUSIONS, RULES))
    assert key.hex() == VECTOR_KEY
    assert result.cases == VECTOR_RESULT
    assert result.algorithm == "wulian-draw/v1"
    assert [(x.case_id, x.expert_id, x.reasons) for x in result.exclusions] == [
        (CASES[0], "L2", EXCLUSIONS[CASES[0]]["L2"]),
        (CASES[2], "P4", EXCLUSIONS[CASES[2]]["P4"]),
    ]
    assert result.shortfalls == ()


def test_a_three_expert_vector_computed_by_hand_from_the_specification() -> None:
    pool = (member("e3", OTHER, "civil"), member("e1", LAWYER), member("e2", PROFESSOR, "commercial", "civil"))
    rules = DrawRules(experts_per_case=1, backups_per_case=1)
    snapshot = (
        b'[{"category":"lawyer","expert_id":"e1","specialties":[]},'
        b'{"category":"professor","expert_id":"e2","specialties":["civil","commercial"]},'
        b'{"category":"other","expert_id":"e3","specialties":["civil"]}]'
    )
    rules_bytes = (
        b'{"algorithm":"wulian-draw/v1","backups_per_case":1,"cases":[{"case_id":"c1","excluded":[]}],'
        b'"category_quotas":{},"experts_per_case":1,"max_cases_per_expert":1,"specialty_quotas":{}}'
    )
    assert d.pool_json(pool) == snapshot and d.rules_json(["c1"], {}, rules) == rules_bytes
    seed, entropy = b"s" * 16, b"w"
    key = hashlib.sha256(
        b"wulian-draw/v1\x00" + (16).to_bytes(8, "big") + seed + (1).to_bytes(8, "big") + entropy
        + hashlib.sha256(snapshot).digest() + len(rules_bytes).to_bytes(8, "big") + rules_bytes
    ).digest()  # fmt: skip
    block = hashlib.sha256(key + bytes(8)).digest()
    first, second = int.from_bytes(block[:8], "big"), int.from_bytes(block[8:16], "big")
    assert first < 2**64 - 2**64 % 3 and second < 2**64 - 2**64 % 2  # neither is rejected
    main = ["e1", "e2", "e3"][first % 3]
    backup = [e for e in ("e1", "e2", "e3") if e != main][second % 2]
    assert (main, backup) == ("e2", "e1")
    assert d.draw(seed, entropy, pool, ["c1"], {}, rules).cases == (CaseDraw("c1", ("e2",), ("e1",)),)


def random_batch(rng: random.Random) -> tuple[tuple[PoolMember, ...], tuple[str, ...], dict[str, set[str]], DrawRules]:
    specialties = ("civil", "commercial", "enforcement")
    pool = tuple(
        member(f"x{i:02d}", rng.choice(list(Category)), *rng.sample(specialties, rng.randint(0, 2)))
        for i in rng.sample(range(100), rng.randint(4, 30))
    )
    cases = tuple(f"case-{i}" for i in range(rng.randint(1, 6)))
    excluded = {c: {m.expert_id for m in pool if rng.random() < 0.15} for c in cases}
    experts = rng.randint(1, 4)
    quotas: dict[str, int] = {}
    for name in rng.sample(["lawyer", "professor", "deputy", "civil", "commercial"], rng.randint(0, 3)):
        quotas[name] = rng.randint(0, max(0, experts - sum(quotas.values())))
    rules = DrawRules(
        experts_per_case=experts,
        backups_per_case=rng.randint(0, 3),
        max_cases_per_expert=rng.randint(1, 3),
        category_quotas={Category(k): n for k, n in quotas.items() if k in Category.__members__.values()},
        specialty_quotas={k: n for k, n in quotas.items() if k in specialties},
    )
    return pool, cases, excluded, rules


def test_the_implementation_agrees_with_the_specification_on_random_batches() -> None:
    rng = random.Random(20260701)
    outcomes: Counter[str] = Counter()
    for i in range(400):
        pool, cases, excluded, rules = random_batch(rng)
        seed, entropy = rng.randbytes(32), str(i).encode()
        expected = spec_draw(seed, entropy, pool, cases, excluded, rules)
        try:
            result = d.draw(seed, entropy, pool, cases, with_reasons(excluded), rules)
        except DrawFailed as failed:
            outcomes["failed after the witness"] += 1
            assert expected == failed.details["case_number"]
        except Conflict:
            outcomes["refused before any seed"] += 1
            assert isinstance(expected, int)  # whatever the check refuses cannot be drawn
        else:
            outcomes["drawn"] += 1
            assert as_spec(result) == expected
    assert len(outcomes) == 3 and min(outcomes.values()) >= 5, outcomes  # each kind, several times


def test_the_same_record_gives_the_same_experts_in_another_process() -> None:
    script = (
        "from services.case_review import draw as d; from tests.unit.case_review import test_draw as t; "
        "print(d.record_to_json(d.make_record(t.SEED, t.ENTROPY, t.POOL, t.CASES, t.EXCLUSIONS, t.RULES)))"
    )
    here = d.record_to_json(d.make_record(SEED, ENTROPY, POOL, CASES, EXCLUSIONS, RULES))
    for hash_seed in ("1", "2"):
        env = os.environ | {"PYTHONHASHSEED": hash_seed}
        run = subprocess.run(
            [sys.executable, "-c", script], cwd=ROOT, env=env, capture_output=True, text=True, check=True
        )
        assert run.stdout.strip() == here
    assert vector() == vector()


def test_the_pool_and_exclusions_are_taken_in_canonical_order() -> None:
    shuffled = tuple(random.Random(5).sample(POOL, len(POOL)))
    reordered = {case: dict(reversed(experts.items())) for case, experts in reversed(EXCLUSIONS.items())}
    assert d.draw(SEED, ENTROPY, shuffled, CASES, reordered, RULES) == vector()
    assert d.pool_snapshot_hash(shuffled) == VECTOR_SNAPSHOT


def key_of(
    seed: bytes,
    entropy: bytes,
    pool: tuple[PoolMember, ...],
    cases: tuple[str, ...],
    exclusions: d.Exclusions,
    rules: DrawRules,
) -> bytes:
    return d.derive_key(seed, entropy, d.pool_snapshot_hash(pool), d.rules_json(cases, exclusions, rules))


@pytest.mark.parametrize(
    "change",
    ["seed", "entropy", "snapshot", "rules: most cases", "rules: an exclusion", "rules: case order"],
)
def test_every_input_of_the_key_changes_the_result(change: str) -> None:
    """Each change below leaves every expert's chances as they were; only the key differs, and the result."""
    base_rules = dataclasses.replace(RULES, max_cases_per_expert=3)  # never reached by three cases
    seed, entropy, pool, cases, exclusions, rules = SEED, ENTROPY, POOL, CASES, dict(EXCLUSIONS), base_rules
    if change == "seed":
        seed = bytes(32)
    elif change == "entropy":
        entropy = ENTROPY + b"."
    elif change == "snapshot":  # a specialty no quota asks for
        pool = tuple(m if m.expert_id != "D3" else member("D3", DEPUTY, "history") for m in POOL)
    elif change == "rules: most cases":
        rules = dataclasses.replace(base_rules, max_cases_per_expert=4)
    elif change == "rules: an exclusion":
        exclusions[CASES[1]] = {"D3": (Reason(ReasonCode.COOLING_OFF, "…"),)}
    else:
        cases = (CASES[1], CASES[0], CASES[2])
    base = d.draw(SEED, ENTROPY, POOL, CASES, EXCLUSIONS, base_rules)
    assert "D3" not in {e for c in base.cases for e in c.main + c.backups}  # so excluding D3 changes nothing else
    changed = d.draw(seed, entropy, pool, cases, exclusions, rules)
    assert key_of(seed, entropy, pool, cases, exclusions, rules) != key_of(
        SEED, ENTROPY, POOL, CASES, EXCLUSIONS, base_rules
    )
    assert sorted(as_spec(changed)) != sorted(as_spec(base))


def test_the_reasons_texts_do_not_enter_the_draw() -> None:
    reworded = {
        case: {e: (Reason(ReasonCode.SAME_UNIT, "另一种说法"),) for e in experts}
        for case, experts in EXCLUSIONS.items()
    }
    assert d.draw(SEED, ENTROPY, POOL, CASES, reworded, RULES).cases == VECTOR_RESULT


# Integers without modulo bias.


def words(*values: int) -> Iterator[int]:
    yield from values


@pytest.mark.parametrize("n", range(1, 9))
def test_uniform_below_takes_every_residue_equally_often_over_all_words(n: int) -> None:
    """With 3-bit words, each of the 8 words once: every residue comes out exactly 8 // n times."""
    counts = Counter(d.uniform_below(n, words(w, *range(8)).__next__, word_bits=3) for w in range(8))
    limit = 8 - 8 % n
    expected = Counter({r: limit // n for r in range(n)})
    expected[0] += 8 - limit  # a rejected word falls through to the next word, 0
    assert counts == expected
    accepted = Counter(w % n for w in range(limit))
    assert len(set(accepted.values())) == 1  # the accepted words alone: no residue favoured


def test_plain_modulo_would_be_biased_and_rejected_words_are_skipped() -> None:
    assert Counter(w % 3 for w in range(8)) == Counter({0: 3, 1: 3, 2: 2})  # what rejection avoids
    assert d.uniform_below(3, words(7, 6, 5).__next__, word_bits=3) == 2  # 7 and 6 rejected
    assert d.uniform_below(4, words(7).__next__, word_bits=3) == 3  # a power of two rejects nothing
    assert d.uniform_below(1, words(5).__next__, word_bits=3) == 0
    assert d.uniform_below(5, words(6, 5, 4).__next__, word_bits=3) == 4
    for bad in (0, -1, 9):
        with pytest.raises(ValueError):
            d.uniform_below(bad, words(0).__next__, word_bits=3)


def test_the_stream_is_sha256_in_counter_mode() -> None:
    key = bytes(32)
    stream = d.Stream(key)
    got = [stream.next_word() for _ in range(8)]
    blocks = hashlib.sha256(key + bytes(8)).digest() + hashlib.sha256(key + (1).to_bytes(8, "big")).digest()
    assert got == [int.from_bytes(blocks[i : i + 8], "big") for i in range(0, 64, 8)]


# Equal chances: a chi-square test over 3,000 seeds.

CHI2_CRITICAL_0_001 = {3: 16.266, 5: 20.515}  # upper 0.1 % points of chi-square, by degrees of freedom


def chi_square(counts: Counter[str], categories: list[str]) -> float:
    total = sum(counts[c] for c in categories)
    expected = total / len(categories)
    return sum((counts[c] - expected) ** 2 / expected for c in categories)


def test_each_eligible_expert_within_a_category_is_equally_likely() -> None:
    pool = (
        *(member(f"L{i}", LAWYER) for i in range(1, 6)),
        *(member(f"P{i}", PROFESSOR) for i in range(1, 5)),
        *(member(f"D{i}", DEPUTY) for i in range(1, 7)),
    )
    rules = DrawRules(experts_per_case=3, category_quotas={LAWYER: 1, PROFESSOR: 1})
    exclusions = {"c1": {"L3": (Reason(ReasonCode.SAME_FIRM, "…"),)}}
    lawyers, professors, deputies = Counter[str](), Counter[str](), Counter[str]()
    for i in range(3000):
        seed = hashlib.sha256(f"chi-square seed {i}".encode()).digest()
        (case,) = d.draw(seed, b"station", pool, ["c1"], exclusions, rules).cases
        lawyers[case.main[0]] += 1  # the lawyer quota's pick
        professors[case.main[1]] += 1  # the professor quota's pick
        if case.main[2].startswith("D"):  # the free seat, when it went to a deputy
            deputies[case.main[2]] += 1
    assert lawyers["L3"] == 0 and set(lawyers) == {"L1", "L2", "L4", "L5"}
    assert chi_square(lawyers, ["L1", "L2", "L4", "L5"]) < CHI2_CRITICAL_0_001[3], lawyers
    assert chi_square(professors, ["P1", "P2", "P3", "P4"]) < CHI2_CRITICAL_0_001[3], professors
    assert chi_square(deputies, [f"D{i}" for i in range(1, 7)]) < CHI2_CRITICAL_0_001[5], deputies
    assert sum(deputies.values()) > 1000


def test_the_chi_square_statistic_flags_a_skewed_count() -> None:
    skewed = Counter({"a": 900, "b": 700, "c": 700, "d": 700})
    assert chi_square(skewed, ["a", "b", "c", "d"]) > CHI2_CRITICAL_0_001[3]


# The rules hold in every result.


@pytest.fixture(scope="module")
def batches() -> list[tuple[tuple[PoolMember, ...], dict[str, set[str]], d.DrawResult]]:
    rng = random.Random(7)
    specialties = ("civil", "commercial", "enforcement", "administrative")
    categories = [DEPUTY] * 20 + [LAWYER] * 18 + [PROFESSOR] * 14 + [OTHER] * 8
    out = []
    for i in range(150):
        rng.shuffle(categories)
        pool = tuple(
            member(f"e{j:03d}", category, *rng.sample(specialties, rng.randint(1, 2)))
            for j, category in enumerate(categories)
        )
        cases = [f"case-{k}" for k in range(8)]
        excluded = {c: {m.expert_id for m in pool if rng.random() < 0.1} for c in cases}
        result = d.draw(rng.randbytes(32), str(i).encode(), pool, cases, with_reasons(excluded), BATCH_RULES)
        out.append((pool, excluded, result))
    return out


BATCH_RULES = DrawRules(
    experts_per_case=4,
    backups_per_case=3,
    max_cases_per_expert=2,
    category_quotas={LAWYER: 1, PROFESSOR: 1},
    specialty_quotas={"commercial": 1},
)


def meets_quotas(team: list[PoolMember], rules: DrawRules) -> bool:
    return all(sum(q.met_by(m) for m in team) >= q.minimum for q in rules.quotas())


def test_every_result_meets_the_quotas(batches: list) -> None:  # type: ignore[type-arg]
    for pool, _, result in batches:
        by_id = {m.expert_id: m for m in pool}
        for case in result.cases:
            assert len(case.main) == BATCH_RULES.experts_per_case
            assert meets_quotas([by_id[e] for e in case.main], BATCH_RULES)


def test_no_expert_is_on_more_main_lists_than_allowed(batches: list) -> None:  # type: ignore[type-arg]
    most = Counter[int]()
    for _, _, result in batches:
        load = Counter(e for case in result.cases for e in case.main)
        assert max(load.values()) <= BATCH_RULES.max_cases_per_expert
        most[max(load.values())] += 1
    assert most[BATCH_RULES.max_cases_per_expert] > 0  # the limit is reached, and holds


def test_excluded_experts_are_never_drawn(batches: list) -> None:  # type: ignore[type-arg]
    for _, excluded, result in batches:
        for case in result.cases:
            assert not excluded[case.case_id] & set(case.main + case.backups)
        assert {(x.case_id, x.expert_id) for x in result.exclusions} == {
            (c, e) for c, experts in excluded.items() for e in experts
        }


def test_backups_are_distinct_ordered_and_hold_a_reserve_per_quota(batches: list) -> None:  # type: ignore[type-arg]
    for pool, _, result in batches:
        by_id = {m.expert_id: m for m in pool}
        for case in result.cases:
            assert len(case.backups) == BATCH_RULES.backups_per_case
            assert len(set(case.main + case.backups)) == len(case.main) + len(case.backups)
            for quota, backup in zip(BATCH_RULES.quotas(), case.backups, strict=True):
                assert quota.met_by(by_id[backup])


def test_a_small_pool_gives_fewer_backups_on_the_record() -> None:
    pool = (member("L1", LAWYER), member("L2", LAWYER), member("D1", DEPUTY))
    result = d.draw(SEED, ENTROPY, pool, ["c1"], {}, DrawRules(experts_per_case=2, backups_per_case=3))
    assert len(result.cases[0].backups) == 1
    assert result.shortfalls == ("案件 c1：备选专家应为 3 名，可抽取的仅 1 名",)


# Replacements.


def test_a_replacement_keeps_every_quota_for_every_decline(batches: list) -> None:  # type: ignore[type-arg]
    for pool, _, result in batches[:40]:
        by_id = {m.expert_id: m for m in pool}
        for case in result.cases:
            for declined in case.main:
                try:
                    r = d.replace(result, pool, BATCH_RULES, case.case_id, declined)
                except Conflict:
                    continue
                team = [by_id[e] for e in case.main if e != declined] + [by_id[r.replacement]]
                assert meets_quotas(team, BATCH_RULES)
                assert r.replacement == case.backups[r.backup_rank - 1]
                for skipped in case.backups[: r.backup_rank - 1]:  # each earlier backup did not fit
                    load = sum(skipped in c.main for c in result.cases)
                    fits = meets_quotas([*team[:-1], by_id[skipped]], BATCH_RULES)
                    assert not fits or load >= BATCH_RULES.max_cases_per_expert


def test_the_next_backup_that_fits_the_quotas_in_order() -> None:
    result = vector()
    case = CASES[1]  # main L4 (lawyer, commercial), P4 (professor), D1; backups L3 (lawyer), P1 (professor)
    assert d.replace(result, POOL, RULES, case, "D1") == Replacement(case, "D1", "L3", 1)
    assert d.replace(result, POOL, RULES, case, "P4") == Replacement(case, "P4", "P1", 2)  # L3 is no professor
    with pytest.raises(Conflict, match="备选专家中已无可替换 L4 且满足配额和每人件数上限的人选"):
        d.replace(result, POOL, RULES, case, "L4")  # L3 is no commercial expert, P1 no lawyer


def test_replacements_follow_one_another() -> None:
    result = vector()
    case = CASES[0]  # main L3 (lawyer), P2 (professor), P1 (professor, commercial); backups L1, P3
    first = d.replace(result, POOL, RULES, case, "P2")
    assert first == Replacement(case, "P2", "L1", 1)  # L3 and P1 still meet every quota
    second = d.replace(result, POOL, RULES, case, "P1", [first])
    assert second == Replacement(case, "P1", "P3", 2)  # the list L3, L1 needs a professor
    with pytest.raises(Conflict, match="须为该案另行组织补充抽取"):
        d.replace(result, POOL, RULES, case, "L1", [first, second])  # no backup left
    with pytest.raises(InvalidArgument):
        d.replace(result, POOL, RULES, case, "D4")  # not on the list
    with pytest.raises(InvalidArgument):
        d.replace(result, POOL, RULES, case, "P2", [first])  # no longer on the list
    with pytest.raises(InvalidArgument):
        d.replace(result, POOL, RULES, case, "L3", [Replacement(case, "D4", "L1", 1)])  # not from this result


def test_a_replacement_skips_a_backup_already_on_the_most_main_lists() -> None:
    pool = (member("L1", LAWYER), member("L2", LAWYER), member("L3", LAWYER), member("P1", PROFESSOR))
    result = d.DrawResult(
        d.ALGORITHM, (CaseDraw("c1", ("L1", "P1"), ("L2", "L3")), CaseDraw("c2", ("L2",), ("L3",))), ()
    )
    one_each = DrawRules(experts_per_case=2, backups_per_case=2, category_quotas={LAWYER: 1})
    assert d.replace(result, pool, one_each, "c1", "L1") == Replacement("c1", "L1", "L3", 2)  # L2 is on c2
    two_each = dataclasses.replace(one_each, max_cases_per_expert=2)
    assert d.replace(result, pool, two_each, "c1", "L1") == Replacement("c1", "L1", "L2", 1)
    l2_left_c2 = Replacement("c2", "L2", "L3", 1)
    assert d.replace(result, pool, one_each, "c1", "L1", [l2_left_c2]) == Replacement("c1", "L1", "L2", 1)


# Refusals.


def test_quotas_the_pool_cannot_meet_are_refused_before_any_seed() -> None:
    no_lawyer = {CASES[1]: {m.expert_id: (Reason(ReasonCode.SAME_UNIT, "…"),) for m in POOL if m.category == LAWYER}}
    with pytest.raises(Conflict) as refused:
        d.check(POOL, CASES, no_lawyer, RULES)
    assert refused.value.message == (
        "专家库不能满足抽取规则：案件 （2026）鄂02执12号：回避后可抽取的律师仅 0 名，不能满足至少 1 名的配额"
    )
    with pytest.raises(Conflict) as refused:
        d.draw(SEED, ENTROPY, POOL, CASES, no_lawyer, RULES)
    assert refused.value.details == {"problems": [refused.value.message.removeprefix("专家库不能满足抽取规则：")]}


def test_a_batch_larger_than_the_pool_allows_is_refused_with_every_problem() -> None:
    cases = [f"c{i}" for i in range(5)]
    d.check(POOL, cases, {}, RULES)  # 15 seats from 12 experts at 2 cases each, 5 lawyers' seats from 4 × 2
    rules = dataclasses.replace(RULES, max_cases_per_expert=1)
    with pytest.raises(Conflict) as refused:
        d.check(POOL, cases, {}, rules)
    assert refused.value.details["problems"] == [
        "本批次需 15 人次，专家库按每人最多 1 件仅能提供 12 人次",
        "本批次需律师 5 人次，专家库仅能提供 4 人次",
        "本批次需高校教授 5 人次，专家库仅能提供 4 人次",
    ]
    assert refused.value.message.endswith("等 3 项问题")


@pytest.mark.parametrize(
    ("rules", "message"),
    [
        (DrawRules(experts_per_case=2, category_quotas={LAWYER: 1, PROFESSOR: 1}, specialty_quotas={"civil": 1}),
         "各项配额合计 3 名，超过每案专家人数 2 名"),
        (DrawRules(experts_per_case=0), "每案专家人数应为 1 至 50 之间的整数"),
        (DrawRules(experts_per_case=2, backups_per_case=-1), "每案备选人数应为 0 至 50 之间的整数"),
        (DrawRules(experts_per_case=2, max_cases_per_expert=0),
         "每名专家本批次最多评查案件数应为 1 至 1000 之间的整数"),
        (DrawRules(experts_per_case=2, category_quotas={"judge": 1}),  # type: ignore[dict-item]
         "配额中的专家类别应为 deputy、lawyer、professor 或 other"),
        (DrawRules(experts_per_case=2, specialty_quotas={"civil": -1}), "配额“civil”应为非负整数"),
        (DrawRules(experts_per_case=2, specialty_quotas={"": 1}), "专业配额的专业名称不能为空"),
    ],
)  # fmt: skip
def test_malformed_rules_are_refused(rules: DrawRules, message: str) -> None:
    with pytest.raises(InvalidArgument) as refused:
        d.draw(SEED, ENTROPY, POOL, CASES, {}, rules)
    assert refused.value.message == message


def test_malformed_inputs_are_refused() -> None:
    refused = [
        lambda: d.draw(b"short", ENTROPY, POOL, CASES, {}, RULES),
        lambda: d.draw(SEED, b"", POOL, CASES, {}, RULES),
        lambda: d.draw(SEED, ENTROPY, (*POOL, POOL[0]), CASES, {}, RULES),
        lambda: d.draw(SEED, ENTROPY, POOL, (*CASES, CASES[0]), {}, RULES),
        lambda: d.draw(SEED, ENTROPY, POOL, (), {}, RULES),
        lambda: d.draw(SEED, ENTROPY, POOL, CASES, {"other case": {}}, RULES),
        lambda: d.draw(SEED, ENTROPY, POOL, CASES, {CASES[0]: {"nobody": ()}}, RULES),
    ]
    for call in refused:
        with pytest.raises(InvalidArgument):
            call()


def test_a_quota_used_up_by_earlier_cases_fails_the_whole_draw_and_the_failure_verifies() -> None:
    pool = (member("L1", LAWYER), member("L2", LAWYER), member("D1", DEPUTY))
    rules = DrawRules(experts_per_case=1, category_quotas={LAWYER: 1})
    cases, exclusions = ["c1", "c2"], {"c2": {"L1": (Reason(ReasonCode.SAME_UNIT, "…"),)}}
    d.check(pool, cases, exclusions, rules)  # feasible: c1 takes L1, c2 takes L2
    outcomes: dict[str, bytes] = {}
    for i in range(20):  # c1 draws L1 or L2 with even chances; with L2, c2 has no lawyer left
        seed = bytes([i]) * 16
        try:
            result = d.draw(seed, ENTROPY, pool, cases, exclusions, rules)
            assert [c.main for c in result.cases] == [("L1",), ("L2",)]
            outcomes.setdefault("drawn", seed)
        except DrawFailed as failed:
            assert failed.message.startswith("第 2 件案件 c2：可抽取的律师已不足，不能满足至少 1 名的配额")
            assert "整批抽取不成立" in failed.message and failed.details == {"case_id": "c2", "case_number": 2}
            outcomes.setdefault("failed", seed)
    assert set(outcomes) == {"drawn", "failed"}
    record = d.make_record(outcomes["failed"], ENTROPY, pool, cases, exclusions, rules)
    assert record.result is None and record.failure is not None and "整批抽取不成立" in record.failure
    assert d.verify(d.record_from_json(d.record_to_json(record))).ok
    assert not d.verify(dataclasses.replace(record, failure=None)).ok


# Verification from the record alone.


def test_a_record_verifies_after_a_round_trip_through_json() -> None:
    record = d.make_record(SEED, ENTROPY, POOL, CASES, EXCLUSIONS, RULES)
    assert record.seed_commitment == VECTOR_COMMITMENT and record.pool_snapshot_hash == VECTOR_SNAPSHOT
    assert record.result is not None and record.result.cases == VECTOR_RESULT
    again = d.record_from_json(d.record_to_json(record))
    assert again == record
    check = d.verify(again)
    assert check.ok and check.problems == () and check.recomputed == record.result


def test_verification_finds_what_was_changed() -> None:
    record = d.make_record(SEED, ENTROPY, POOL, CASES, EXCLUSIONS, RULES)
    assert record.result is not None
    swapped = (dataclasses.replace(record.result.cases[0], main=("L3", "P2", "L1")), *record.result.cases[1:])
    cases = {
        "result": (dataclasses.replace(record, result=dataclasses.replace(record.result, cases=swapped)),
                   ["重算的抽取结果与记录的结果不符"]),
        "seed": (dataclasses.replace(record, seed=bytes(32)),
                 ["种子与事先公布的种子哈希不符", "重算的抽取结果与记录的结果不符"]),
        "entropy": (dataclasses.replace(record, witness_entropy=b"another"), ["重算的抽取结果与记录的结果不符"]),
        "pool": (dataclasses.replace(record, pool=(*POOL[:-1], member("P4", PROFESSOR, "civil"))),
                 ["专家库快照与事先公布的快照哈希不符", "重算的抽取结果与记录的结果不符"]),
        "rules": (dataclasses.replace(record, rules=dataclasses.replace(RULES, max_cases_per_expert=3)),
                  ["重算的抽取结果与记录的结果不符"]),
        "exclusions": (dataclasses.replace(record, exclusions=record.exclusions[:1]),
                       ["重算的抽取结果与记录的结果不符"]),
        "algorithm": (dataclasses.replace(record, algorithm="wulian-draw/v2"),
                      ["不支持的抽取算法版本：wulian-draw/v2"]),
    }  # fmt: skip
    for name, (tampered, problems) in cases.items():
        check = d.verify(tampered)
        assert not check.ok and list(check.problems) == problems, name


def test_a_malformed_record_is_refused() -> None:
    with pytest.raises(InvalidArgument, match="抽取记录格式不正确"):
        d.record_from_json('{"seed": "zz"}')


def test_a_record_that_cannot_be_recomputed_is_reported_not_raised() -> None:
    record = d.make_record(SEED, ENTROPY, POOL, CASES, EXCLUSIONS, RULES)
    check = d.verify(dataclasses.replace(record, pool=(*POOL, POOL[0])))
    assert not check.ok and check.recomputed is None
    assert check.problems[0].startswith("抽取失败情况与记录不符：重算为“专家库中专家编号重复：D1”")


# Recusal's output goes in as it comes.


def test_the_draw_takes_recusal_candidates_and_exclusions_as_they_come() -> None:
    class OtherCategory(StrEnum):  # another module's enumeration with the same values
        LAWYER = "lawyer"

    court = "黄石市中级人民法院"
    candidates = [Candidate(m.expert_id, m.category, m.specialties, "某单位") for m in POOL]
    candidates[1] = dataclasses.replace(candidates[1], employer=court)  # D2
    facts = [CaseFacts(c, court, "judge-1", court) for c in CASES]
    excluded = batch_exclusions(candidates, facts, RecusalRules(180), datetime(2026, 7, 1, tzinfo=UTC))
    assert {case: list(experts) for case, experts in excluded.items()} == {c: ["D2"] for c in CASES}
    assert d.pool_snapshot_hash(candidates) == VECTOR_SNAPSHOT
    result = d.draw(SEED, ENTROPY, candidates, CASES, excluded, RULES)
    assert all("D2" not in c.main + c.backups for c in result.cases)
    assert result.exclusions[0].reasons[0].text == f"与本案承办人同在“{court}”工作"
    other = [PoolMember("x", OtherCategory.LAWYER, frozenset())]  # type: ignore[arg-type]
    assert d.members(other)[0].category is LAWYER
    with pytest.raises(InvalidArgument, match="专家类别不正确"):
        d.members([PoolMember("x", "judge", frozenset())])  # type: ignore[arg-type]
