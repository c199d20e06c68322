"""随机抽取 — the published, deterministic, versioned algorithm of an expert draw, and its verifier.
Pure: the standard library, ``wulian.kit.errors`` and ``recusal`` only; no I/O, no clock, no ``random``.

Algorithm ``wulian-draw/v1``
----------------------------
Inputs: the seed (16–1024 bytes, created by the service, committed to as ``commitment(seed)`` =
hex SHA-256 of the seed before anyone adds entropy), the witness entropy (1–4096 bytes, added by the
discipline station), the pool (each expert's id, category, specialties), the cases in draw order, the
exclusions of each case (``recusal``), and the rules: experts per case E, ordered backups per case B,
most cases per expert in the batch M, minimums per case by category and by specialty (zero minimums
are dropped; the minimums together may not exceed E).

1. Canonical JSON: UTF-8, object keys sorted by Unicode code point, no white space, strings escaped
   only where JSON requires it (quotation mark, backslash, control characters) — Python's ``json.dumps(v,
   sort_keys=True, separators=(",", ":"), ensure_ascii=False)``, and the same bytes as RFC 8785 (JCS)
   for these values (integers, strings) unless a key holds a character beyond U+FFFF. Ids and names
   are ordered by Unicode code point, which is the order of their UTF-8 bytes.
2. Pool snapshot P: canonical JSON of the list of ``{"category", "expert_id", "specialties"}``
   (specialties sorted), sorted by expert id. Its hash H_P = SHA-256(P), published in hex with the
   commitment.
3. Rules R: canonical JSON of ``{"algorithm": "wulian-draw/v1", "backups_per_case": B, "cases":
   [{"case_id", "excluded": [expert ids, sorted]}, ... in draw order], "category_quotas": {category:
   minimum}, "experts_per_case": E, "max_cases_per_expert": M, "specialty_quotas": {specialty:
   minimum}}``. Exclusions enter by id only; their reasons are for the record, not for the draw.
4. Key K = SHA-256("wulian-draw/v1" ‖ 0x00 ‖ u64(len seed) ‖ seed ‖ u64(len entropy) ‖ entropy ‖
   H_P (32 raw bytes) ‖ u64(len R) ‖ R), where u64 is 8 bytes big-endian.
5. Stream: blocks SHA-256(K ‖ u64(i)) for i = 0, 1, 2, ...; each block is four 64-bit big-endian
   unsigned words, taken in order; no word is used twice.
6. uniform(n), n ≥ 1: limit = 2^64 − (2^64 mod n); take words until one, w, is below limit; the
   result is w mod n. Every residue has exactly limit / n words, so there is no modulo bias.
7. pick(L), for a non-empty list L of experts sorted by id: L[uniform(len(L))].
8. Per case, in order. count[e] is the number of earlier cases of the batch with e on their main
   list. e is *available* for the case when it is not excluded for the case, not already on the
   case's main list or backups, and count[e] < M. The quotas are taken category quotas first, by
   category name, then specialty quotas, by specialty; e *meets* a category quota when its category
   is that category, a specialty quota when its specialties contain that specialty.
   a. Quotas: for each quota q, while fewer than q's minimum of the main list meet q, append
      pick(available experts meeting q) to the main list (an expert drawn for one quota counts for
      every quota they meet). If none is available the draw fails.
   b. Seats: while the main list is shorter than E, append pick(available experts); none → failure.
   c. Reserves: for each quota q, if fewer than B backups are drawn and an available expert meets q,
      append pick(available experts meeting q) to the backups — so a decline can be replaced within
      the quota whenever the pool allows.
   d. Backups: while fewer than B backups are drawn and any expert is available, append
      pick(available experts). Fewer than B backups is a shortfall on the record, not a failure.
   e. count[e] += 1 for every expert on the case's main list. Backups do not count: a backup named
      for many cases would otherwise use up the experts later cases need for their main lists.
9. Failure: the draw fails as a whole (``DrawFailed``, a ``Conflict``) and gives no partial result. A
   partial draw would invite drawing the failed cases again after seeing the others; a failed draw is
   recorded, cancelled with that reason and replaced by a new draw with a new seed. ``check`` refuses,
   before any seed exists, rules and pools that cannot be met whatever the seed; a failure after the
   witness can only come from M, when earlier cases used up the experts a later quota needs.

Replacement: when an expert on a case's current list declines, the replacement is the first backup
of that case, in order, not yet brought in, who is on fewer than M current main lists of the batch
(replacements included), and with whom the current list minus the decliner meets every quota. The
replacement takes the decliner's place in the list. None left → ``Conflict``: the organisers record it
and arrange a supplementary draw for that case; the rest of the batch stands.
"""

from __future__ import annotations

import hashlib
import itertools
import json
import struct
from bisect import bisect_left, insort
from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence, Set
from dataclasses import dataclass, field
from typing import Any, NamedTuple, Protocol

from services.case_review.domain import CATEGORY_LABELS, Category
from services.case_review.recusal import Reason, ReasonCode
from wulian.kit.errors import Conflict, DomainError, InvalidArgument, NotFound

ALGORITHM = "wulian-draw/v1"
WORD_BITS = 64
SEED_BYTES = (16, 1024)
ENTROPY_BYTES = (1, 4096)
SPECIALTY_LABELS = {
    "civil": "民事",
    "commercial": "商事",
    "enforcement": "执行",
    "administrative": "行政",
    "criminal": "刑事",
    "procuratorial": "检察监督",
    "intellectual_property": "知识产权",
    "bankruptcy": "破产",
    "labor": "劳动争议",
}


class Drawable(Protocol):
    """Anything with the three fields the draw reads (``recusal.Candidate``, ``PoolMember``, an expert)."""

    @property
    def expert_id(self) -> str: ...
    @property
    def category(self) -> str: ...
    @property
    def specialties(self) -> Set[str]: ...


@dataclass(frozen=True)
class PoolMember:
    """What the draw knows of an expert: the pool snapshot holds exactly this."""

    expert_id: str
    category: Category
    specialties: frozenset[str] = frozenset()


@dataclass(frozen=True)
class Quota:
    kind: str  # "category" | "specialty"
    value: str
    minimum: int

    def met_by(self, member: PoolMember) -> bool:
        return member.category == self.value if self.kind == "category" else self.value in member.specialties

    @property
    def label(self) -> str:
        if self.kind == "category":
            return CATEGORY_LABELS[Category(self.value)]
        return f"{SPECIALTY_LABELS.get(self.value, self.value)}专业专家"


@dataclass(frozen=True)
class DrawRules:
    experts_per_case: int
    backups_per_case: int = 0
    max_cases_per_expert: int = 1
    category_quotas: Mapping[Category, int] = field(default_factory=dict)
    specialty_quotas: Mapping[str, int] = field(default_factory=dict)

    def quotas(self) -> tuple[Quota, ...]:
        """The quotas in the algorithm's order, zero minimums dropped."""
        by_category = sorted((str(Category(c)), n) for c, n in self.category_quotas.items() if n)
        by_specialty = sorted((s, n) for s, n in self.specialty_quotas.items() if n)
        return tuple(Quota("category", c, n) for c, n in by_category) + tuple(
            Quota("specialty", s, n) for s, n in by_specialty
        )


class Exclusion(NamedTuple):
    case_id: str
    expert_id: str
    reasons: tuple[Reason, ...]


@dataclass(frozen=True)
class CaseDraw:
    case_id: str
    main: tuple[str, ...]
    backups: tuple[str, ...]  # in the order they are called


@dataclass(frozen=True)
class DrawResult:
    algorithm: str
    cases: tuple[CaseDraw, ...]
    exclusions: tuple[Exclusion, ...]
    shortfalls: tuple[str, ...] = ()  # cases with fewer backups than asked, in words

    def case(self, case_id: str) -> CaseDraw:
        for case in self.cases:
            if case.case_id == case_id:
                return case
        raise NotFound(f"本次抽取不含案件 {case_id}")


@dataclass(frozen=True)
class Replacement:
    case_id: str
    declined: str
    replacement: str
    backup_rank: int  # 1 for the first backup


class DrawFailed(Conflict):
    """The pool cannot meet the rules for some case: the draw as a whole has no result."""


Exclusions = Mapping[str, Mapping[str, Sequence[Reason]]]  # case id → expert id → reasons


def commitment(seed: bytes) -> str:
    return hashlib.sha256(seed).hexdigest()


def canonical_json(value: Any) -> bytes:
    return json.dumps(value, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode()


def members(pool: Iterable[Drawable]) -> tuple[PoolMember, ...]:
    """The pool as the draw sees it, sorted by expert id; ids must be unique."""
    try:
        out = sorted(
            (PoolMember(m.expert_id, Category(m.category), frozenset(map(str, m.specialties))) for m in pool),
            key=lambda m: m.expert_id,
        )
    except ValueError as error:
        raise InvalidArgument(f"专家库中有专家类别不正确：{error}") from error
    for before, after in itertools.pairwise(out):
        if before.expert_id == after.expert_id:
            raise InvalidArgument(f"专家库中专家编号重复：{after.expert_id}")
    if any(not m.expert_id for m in out):
        raise InvalidArgument("专家库中有专家编号为空")
    return tuple(out)


def pool_json(pool: Iterable[Drawable]) -> bytes:
    return _pool_json(members(pool))


def _pool_json(pool: tuple[PoolMember, ...]) -> bytes:
    return canonical_json(
        [{"category": str(m.category), "expert_id": m.expert_id, "specialties": sorted(m.specialties)} for m in pool]
    )


def pool_snapshot_hash(pool: Iterable[Drawable]) -> str:
    return hashlib.sha256(pool_json(pool)).hexdigest()


def rules_fields(rules: DrawRules) -> dict[str, Any]:
    quotas = rules.quotas()
    return {
        "backups_per_case": rules.backups_per_case,
        "category_quotas": {q.value: q.minimum for q in quotas if q.kind == "category"},
        "experts_per_case": rules.experts_per_case,
        "max_cases_per_expert": rules.max_cases_per_expert,
        "specialty_quotas": {q.value: q.minimum for q in quotas if q.kind == "specialty"},
    }


def rules_json(cases: Sequence[str], exclusions: Exclusions, rules: DrawRules) -> bytes:
    excluded = [{"case_id": c, "excluded": sorted(exclusions.get(c, {}))} for c in cases]
    return canonical_json({"algorithm": ALGORITHM, "cases": excluded, **rules_fields(rules)})


def derive_key(seed: bytes, witness_entropy: bytes, snapshot_hash: str, rules: bytes) -> bytes:
    def framed(data: bytes) -> bytes:
        return struct.pack(">Q", len(data)) + data

    material = ALGORITHM.encode() + b"\x00" + framed(seed) + framed(witness_entropy)
    return hashlib.sha256(material + bytes.fromhex(snapshot_hash) + framed(rules)).digest()


class Stream:
    """SHA-256 in counter mode under the key: 64-bit words, each used once."""

    def __init__(self, key: bytes) -> None:
        self._key, self._counter, self._words = key, 0, list[int]()

    def next_word(self) -> int:
        if not self._words:
            block = hashlib.sha256(self._key + struct.pack(">Q", self._counter)).digest()
            self._counter += 1
            self._words = list(reversed(struct.unpack(">4Q", block)))
        return self._words.pop()


def uniform_below(n: int, next_word: Callable[[], int], word_bits: int = WORD_BITS) -> int:
    """An integer in [0, n), uniform when the words are: words at or above the largest multiple of n
    that fits in ``word_bits`` bits are rejected, so that ``w mod n`` has no bias."""
    span = 1 << word_bits
    if not 1 <= n <= span:
        raise ValueError(f"n must be in [1, 2**{word_bits}], not {n}")
    limit = span - span % n
    while True:
        word = next_word()
        if word < limit:
            return word % n


def _check_rules(rules: DrawRules) -> None:
    numbers = {
        "每案专家人数": (rules.experts_per_case, 1, 50),
        "每案备选人数": (rules.backups_per_case, 0, 50),
        "每名专家本批次最多评查案件数": (rules.max_cases_per_expert, 1, 1000),
    }
    for name, (value, low, high) in numbers.items():
        if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
            raise InvalidArgument(f"{name}应为 {low} 至 {high} 之间的整数")
    for key, n in [*rules.category_quotas.items(), *rules.specialty_quotas.items()]:
        if isinstance(n, bool) or not isinstance(n, int) or n < 0:
            raise InvalidArgument(f"配额“{key}”应为非负整数")
    if not set(map(str, rules.category_quotas)) <= {str(c) for c in Category}:
        raise InvalidArgument("配额中的专家类别应为 deputy、lawyer、professor 或 other")
    if any(not isinstance(s, str) or not s for s in rules.specialty_quotas):
        raise InvalidArgument("专业配额的专业名称不能为空")
    total = sum(q.minimum for q in rules.quotas())
    if total > rules.experts_per_case:
        raise InvalidArgument(f"各项配额合计 {total} 名，超过每案专家人数 {rules.experts_per_case} 名")


def check(pool: Iterable[Drawable], cases: Sequence[str], exclusions: Exclusions, rules: DrawRules) -> None:
    """Refuse, whatever the seed, rules that are malformed (InvalidArgument) and a pool that cannot meet
    them (Conflict, every problem in ``details``). Run when a draw is created, before its commitment."""
    _check(members(pool), cases, exclusions, rules)


def _check(pool: tuple[PoolMember, ...], cases: Sequence[str], exclusions: Exclusions, rules: DrawRules) -> None:
    _check_rules(rules)
    ids, case_ids = {m.expert_id for m in pool}, set(cases)
    if not cases or len(case_ids) != len(cases) or not all(cases):
        raise InvalidArgument("抽取批次应列明至少一件案件，案件编号不能为空或重复")
    for case_id, names in exclusions.items():
        if case_id not in case_ids or not ids.issuperset(names):
            raise InvalidArgument(f"回避名单与本批次的案件或专家库不符：{case_id}")
    problems: list[str] = []
    n, size, E, M = len(cases), len(pool), rules.experts_per_case, rules.max_cases_per_expert
    meeting = {q: {m.expert_id for m in pool if q.met_by(m)} for q in rules.quotas()}
    if n * E > size * M:
        problems.append(f"本批次需 {n * E} 人次，专家库按每人最多 {M} 件仅能提供 {size * M} 人次")
    for q, met in meeting.items():
        if n * q.minimum > len(met) * M:
            problems.append(f"本批次需{q.label} {n * q.minimum} 人次，专家库仅能提供 {len(met) * M} 人次")
    for case_id in cases:
        excluded = exclusions.get(case_id, {})
        if size - len(excluded) < E:
            problems.append(f"案件 {case_id}：回避后可抽取的专家仅 {size - len(excluded)} 名，少于每案 {E} 名")
        for q, met in meeting.items():
            left = len(met) - len(met.intersection(excluded))
            if left < q.minimum:
                problems.append(
                    f"案件 {case_id}：回避后可抽取的{q.label}仅 {left} 名，不能满足至少 {q.minimum} 名的配额"
                )
    if problems:
        more = f"等 {len(problems)} 项问题" if len(problems) > 1 else ""
        raise Conflict(f"专家库不能满足抽取规则：{problems[0]}{more}", details={"problems": problems})


ANY = 0  # the key of "any expert"; quota j (in the algorithm's order) has key j + 1


class _Pool:
    """The available experts of the batch, kept per key (any expert, or those meeting a quota) as sorted
    positions, so that the k-th available one is found by skipping the few blocked for the case."""

    def __init__(self, pool: tuple[PoolMember, ...], quotas: tuple[Quota, ...], limit: int) -> None:
        self.limit = limit
        self.ids = [m.expert_id for m in pool]
        self.position = {expert_id: i for i, expert_id in enumerate(self.ids)}
        self.count = [0] * len(pool)
        self.meets = [b"\x01" * len(pool), *(bytes(q.met_by(m) for m in pool) for q in quotas)]
        self.live = [[i for i, yes in enumerate(meets) if yes] for meets in self.meets]

    def blocked_ranks(self, key: int, positions: Iterable[int]) -> list[int]:
        meets, count, limit, live = self.meets[key], self.count, self.limit, self.live[key]
        return sorted(bisect_left(live, i) for i in positions if meets[i] and count[i] < limit)

    def pick(self, stream: Stream, key: int, blocked_ranks: list[int]) -> int | None:
        live = self.live[key]
        n = len(live) - len(blocked_ranks)
        if n == 0:
            return None
        k = uniform_below(n, stream.next_word)
        for rank in blocked_ranks:
            if rank > k:
                break
            k += 1
        return live[k]

    def use(self, positions: Iterable[int]) -> None:
        for i in positions:
            self.count[i] += 1
            if self.count[i] == self.limit:
                for meets, live in zip(self.meets, self.live, strict=True):
                    if meets[i]:
                        del live[bisect_left(live, i)]


class _Case:
    """One case's blocked experts (excluded or already named), as sorted ranks in each live list."""

    def __init__(self, pool: _Pool, excluded: Iterable[str]) -> None:
        self.pool = pool
        self.blocked = {pool.position[e] for e in excluded}
        self.ranks: dict[int, list[int]] = {}

    def take(self, stream: Stream, key: int, into: list[int]) -> bool:
        pool = self.pool
        if key not in self.ranks:
            self.ranks[key] = pool.blocked_ranks(key, self.blocked)
        chosen = pool.pick(stream, key, self.ranks[key])
        if chosen is None:
            return False
        into.append(chosen)
        self.blocked.add(chosen)
        for other, ranks in self.ranks.items():
            for rank in pool.blocked_ranks(other, [chosen]):  # none unless chosen is in that list
                insort(ranks, rank)
        return True


def _draw_case(
    pool: _Pool, stream: Stream, case_id: str, number: int, excluded: Iterable[str], rules: DrawRules
) -> CaseDraw:
    case, main, backups = _Case(pool, excluded), list[int](), list[int]()
    quotas = rules.quotas()
    for key, q in enumerate(quotas, start=1):
        while sum(pool.meets[key][i] for i in main) < q.minimum:
            if not case.take(stream, key, main):
                raise _failure(case_id, number, f"可抽取的{q.label}已不足，不能满足至少 {q.minimum} 名的配额", rules)
    while len(main) < rules.experts_per_case:
        if not case.take(stream, ANY, main):
            raise _failure(case_id, number, f"可抽取的专家已不足 {rules.experts_per_case} 名", rules)
    for key in range(1, len(quotas) + 1):
        if len(backups) < rules.backups_per_case:
            case.take(stream, key, backups)
    while len(backups) < rules.backups_per_case and case.take(stream, ANY, backups):
        pass
    pool.use(main)
    return CaseDraw(case_id, tuple(pool.ids[i] for i in main), tuple(pool.ids[i] for i in backups))


def _failure(case_id: str, number: int, what: str, rules: DrawRules) -> DrawFailed:
    message = (
        f"第 {number} 件案件 {case_id}：{what}（回避后，或因专家已达每人最多 {rules.max_cases_per_expert} 件的上限）；"
        "整批抽取不成立，须取消本次抽取并调整规则或专家库后重新组织"
    )
    return DrawFailed(message, details={"case_id": case_id, "case_number": number})


def draw(
    seed: bytes,
    witness_entropy: bytes,
    pool: Iterable[Drawable],
    cases: Sequence[str],
    exclusions: Exclusions,
    rules: DrawRules,
) -> DrawResult:
    """The result of ``wulian-draw/v1`` (module docstring); raises ``DrawFailed`` when it has none."""
    if not SEED_BYTES[0] <= len(seed) <= SEED_BYTES[1]:
        raise InvalidArgument(f"种子应为 {SEED_BYTES[0]} 至 {SEED_BYTES[1]} 字节")
    if not ENTROPY_BYTES[0] <= len(witness_entropy) <= ENTROPY_BYTES[1]:
        raise InvalidArgument(f"监督方提供的随机数应为 {ENTROPY_BYTES[0]} 至 {ENTROPY_BYTES[1]} 字节")
    pool_members = members(pool)
    _check(pool_members, cases, exclusions, rules)
    snapshot = hashlib.sha256(_pool_json(pool_members)).hexdigest()
    stream = Stream(derive_key(seed, witness_entropy, snapshot, rules_json(cases, exclusions, rules)))
    state = _Pool(pool_members, rules.quotas(), rules.max_cases_per_expert)
    drawn = tuple(
        _draw_case(state, stream, case_id, number, exclusions.get(case_id, {}), rules)
        for number, case_id in enumerate(cases, start=1)
    )
    shortfalls = tuple(
        f"案件 {c.case_id}：备选专家应为 {rules.backups_per_case} 名，可抽取的仅 {len(c.backups)} 名"
        for c in drawn
        if len(c.backups) < rules.backups_per_case
    )
    return DrawResult(ALGORITHM, drawn, exclusion_list(cases, exclusions), shortfalls)


def exclusion_list(cases: Sequence[str], exclusions: Exclusions) -> tuple[Exclusion, ...]:
    return tuple(
        Exclusion(case_id, expert_id, tuple(reasons))
        for case_id in cases
        for expert_id, reasons in sorted(exclusions.get(case_id, {}).items())
    )


def replace(
    result: DrawResult,
    pool: Iterable[Drawable],
    rules: DrawRules,
    case_id: str,
    declined: str,
    earlier: Sequence[Replacement] = (),
) -> Replacement:
    """The backup who takes the place of ``declined`` on ``case_id``; ``earlier`` is every replacement of
    the batch so far, in order (they decide the current lists and how many cases each expert has)."""
    lists = {c.case_id: list(c.main) for c in result.cases}
    used: set[str] = set()
    for r in earlier:
        current = lists.get(r.case_id, [])
        if r.declined not in current or r.replacement not in result.case(r.case_id).backups:
            raise InvalidArgument(f"替换记录与抽取结果不符：{r.case_id} / {r.declined}")
        current[current.index(r.declined)] = r.replacement
        if r.case_id == case_id:
            used.add(r.replacement)
    case = result.case(case_id)
    if declined not in lists[case_id]:
        raise InvalidArgument(f"专家 {declined} 不在案件 {case_id} 的评查名单中")
    load = Counter(e for current in lists.values() for e in current)
    by_id = {m.expert_id: m for m in members(pool)}
    remaining = [by_id[e] for e in lists[case_id] if e != declined]
    for rank, backup in enumerate(case.backups, start=1):
        if backup in used or load[backup] >= rules.max_cases_per_expert:
            continue
        team = [*remaining, by_id[backup]]
        if all(sum(q.met_by(m) for m in team) >= q.minimum for q in rules.quotas()):
            return Replacement(case_id, declined, backup, rank)
    raise Conflict(
        f"案件 {case_id}：备选专家中已无可替换 {declined} 且满足配额和每人件数上限的人选，须为该案另行组织补充抽取"
    )


# The record: what the service stores and the verifier reads.


@dataclass(frozen=True)
class DrawRecord:
    seed: bytes
    witness_entropy: bytes
    pool: tuple[PoolMember, ...]
    cases: tuple[str, ...]
    exclusions: tuple[Exclusion, ...]
    rules: DrawRules
    seed_commitment: str
    pool_snapshot_hash: str
    result: DrawResult | None  # None when the draw failed
    failure: str | None = None
    algorithm: str = ALGORITHM

    def exclusion_map(self) -> dict[str, dict[str, tuple[Reason, ...]]]:
        out: dict[str, dict[str, tuple[Reason, ...]]] = {}
        for x in self.exclusions:
            out.setdefault(x.case_id, {})[x.expert_id] = x.reasons
        return out


@dataclass(frozen=True)
class Verification:
    ok: bool
    problems: tuple[str, ...]
    recomputed: DrawResult | None


def make_record(
    seed: bytes,
    witness_entropy: bytes,
    pool: Iterable[Drawable],
    cases: Sequence[str],
    exclusions: Exclusions,
    rules: DrawRules,
) -> DrawRecord:
    """Run the draw and keep everything needed to recompute it, its failure included."""
    pool_members = members(pool)
    result, failure = None, None
    try:
        result = draw(seed, witness_entropy, pool_members, cases, exclusions, rules)
    except DrawFailed as error:
        failure = error.message
    return DrawRecord(
        seed, witness_entropy, pool_members, tuple(cases), exclusion_list(cases, exclusions), rules,
        commitment(seed), pool_snapshot_hash(pool_members), result, failure,
    )  # fmt: skip


def verify(record: DrawRecord) -> Verification:
    """Recompute the draw from the record alone and compare it with the stored outcome; a record that
    cannot be recomputed at all (a malformed pool or rules) is reported, not raised."""
    problems: list[str] = []
    if record.algorithm != ALGORITHM:
        return Verification(False, (f"不支持的抽取算法版本：{record.algorithm}",), None)
    if commitment(record.seed) != record.seed_commitment:
        problems.append("种子与事先公布的种子哈希不符")
    recomputed, failure = None, None
    try:
        if pool_snapshot_hash(record.pool) != record.pool_snapshot_hash:
            problems.append("专家库快照与事先公布的快照哈希不符")
        recomputed = draw(
            record.seed, record.witness_entropy, record.pool, record.cases, record.exclusion_map(), record.rules
        )
    except DomainError as error:
        failure = error.message
    if failure != record.failure:
        problems.append(f"抽取失败情况与记录不符：重算为“{failure or '成功'}”，记录为“{record.failure or '成功'}”")
    elif recomputed != record.result:
        problems.append("重算的抽取结果与记录的结果不符")
    return Verification(not problems, tuple(problems), recomputed)


def record_to_json(record: DrawRecord) -> str:
    def reasons(rs: Iterable[Reason]) -> list[dict[str, str]]:
        return [{"code": str(r.code), "text": r.text} for r in rs]

    result = record.result
    body = {
        "algorithm": record.algorithm,
        "seed": record.seed.hex(),
        "seed_commitment": record.seed_commitment,
        "witness_entropy": record.witness_entropy.hex(),
        "pool": json.loads(pool_json(record.pool)),
        "pool_snapshot_hash": record.pool_snapshot_hash,
        "cases": list(record.cases),
        "exclusions": [
            {"case_id": x.case_id, "expert_id": x.expert_id, "reasons": reasons(x.reasons)} for x in record.exclusions
        ],
        "rules": rules_fields(record.rules),
        "result": None
        if result is None
        else {
            "cases": [{"case_id": c.case_id, "main": list(c.main), "backups": list(c.backups)} for c in result.cases],
            "shortfalls": list(result.shortfalls),
        },
        "failure": record.failure,
    }
    return canonical_json(body).decode()


def record_from_json(text: str) -> DrawRecord:
    try:
        body = json.loads(text)
        pool = tuple(
            PoolMember(p["expert_id"], Category(p["category"]), frozenset(p["specialties"])) for p in body["pool"]
        )
        r = body["rules"]
        rules = DrawRules(
            r["experts_per_case"], r["backups_per_case"], r["max_cases_per_expert"],
            {Category(c): n for c, n in r["category_quotas"].items()}, dict(r["specialty_quotas"]),
        )  # fmt: skip
        exclusions = tuple(
            Exclusion(
                x["case_id"], x["expert_id"], tuple(Reason(ReasonCode(y["code"]), y["text"]) for y in x["reasons"])
            )
            for x in body["exclusions"]
        )
        cases = tuple(body["cases"])
        stored = body["result"]
        result = None
        if stored is not None:
            drawn = tuple(CaseDraw(c["case_id"], tuple(c["main"]), tuple(c["backups"])) for c in stored["cases"])
            result = DrawResult(body["algorithm"], drawn, exclusions, tuple(stored["shortfalls"]))
        return DrawRecord(
            bytes.fromhex(body["seed"]), bytes.fromhex(body["witness_entropy"]), pool, cases, exclusions, rules,
            body["seed_commitment"], body["pool_snapshot_hash"], result, body["failure"], body["algorithm"],
        )  # fmt: skip
    except (KeyError, TypeError, ValueError, AttributeError) as error:
        raise InvalidArgument(f"抽取记录格式不正确：{error}") from error
