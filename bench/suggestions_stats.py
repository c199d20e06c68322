"""Benchmark: the statistics of a large register, as a clerk asks for them, against the pure reference.

    make bench-stats              (or: python bench/suggestions_stats.py --n 100000)

The register: N suggestions over three years, 40 handling units (about 1.5 per suggestion, a few units
leading most of them, as 承办大户 do), 400 deputies, co-signers, texts of a realistic length, in the mix of
states a running system has (older years closed, the current year in progress; late contacts and replies,
every verdict, re-handlings, escalations). The aggregates are driven with their own methods and stored in
bulk (``repository.insert_new``, 5,000 a transaction) into a SQLite file and, when WULIAN_BENCH_POSTGRES_URL
or WULIAN_TEST_POSTGRES_URL names a server, into a throwaway PostgreSQL database; then ANALYZE, as the
database's own maintenance would.

Measured, each the median of --runs runs:
1. pure       — stats.unit_stats + stats.deputy_stats over the same N summaries in memory (the baseline)
2. count(*)   — SELECT count(*) FROM suggestion: the least the database can do with the table
3. clerk all  — handlers.get_stats for a congress clerk, every year
4. clerk YEAR — the same for the current year

Target: get_stats < 1 s at 100,000 suggestions.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import random
import statistics
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Callable, Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from sqlalchemy import func, select, text  # noqa: E402
from sqlmodel import SQLModel  # noqa: E402

from services.suggestions import commands, handlers, repository  # noqa: E402
from services.suggestions.domain import SHANGHAI, Status, SubmitSuggestion  # noqa: E402
from services.suggestions.main import MIGRATIONS  # noqa: E402
from services.suggestions.model import Suggestion  # noqa: E402
from services.suggestions.repository import SuggestionCosignerRow, SuggestionUnitRow  # noqa: E402
from services.suggestions.stats import SuggestionSummary, deputy_stats, summary_of, unit_stats  # noqa: E402
from tests.support.postgres import throwaway_database  # noqa: E402
from wulian.kit.db import Database, make_engine, migrate  # noqa: E402
from wulian.kit.principal import Principal  # noqa: E402

TARGET_SECONDS = 1.0
YEAR = 2026
NOW = datetime(2026, 11, 2, 2, 0, tzinfo=UTC)  # the moment the statistics are asked for
CHUNK = 5_000


def who(*roles: str, subject: str, org_unit: str = "") -> Principal:
    return Principal(subject=subject, name=subject, body="x", roles=frozenset(roles), org_unit=org_unit)


UNITS = tuple(f"unit-{i:02d}" for i in range(1, 41))
UNIT_WEIGHTS = tuple(1 / (i + 1) ** 0.8 for i in range(len(UNITS)))
STAFF = {unit: who("gov_department", subject=f"{unit}-staff", org_unit=unit) for unit in UNITS}
DEPUTIES = tuple(who("deputy", subject=f"deputy-{i:03d}") for i in range(1, 401))
CLERK = who("congress_clerk", subject="clerk-1")
OFFICE = who("gov_supervision_office", subject="office-1")
LEADER = who("congress_leader", subject="leader-1")
TEXT = SubmitSuggestion(
    "关于进一步优化城区公交线路、方便群众出行的建议",
    "近年来，我市城区范围不断扩大，新建小区和产业园区较多，但公交线路调整滞后，部分区域群众出行不便。" * 12,
    "transport",
)
CONTACT = ("phone", "交通运输局综合科王科长", "电话联系代表，初步沟通办理意见，约定下周现场查看线路。")
OPINION = commands.GiveCoUnitOpinion("同意主办单位的办理意见，本单位将配合做好站点用地保障工作。" * 3)
REPLY = commands.GiveReply("planned", "经研究，已将线路优化列入年度计划，拟新增两条线路、调整三条线路。" * 6)
VERDICTS = ("satisfied", "basically_satisfied", "dissatisfied")
ESCALATION = commands.Escalate(("repeatedly_dissatisfied",), "代表多次不满意，请纪委监委督办。")


def days(n: float) -> timedelta:
    return timedelta(days=n)


def hours(n: float) -> timedelta:
    return timedelta(hours=n)


# --- the register ------------------------------------------------------------------------------------------


def register(n: int, seed: int) -> Iterator[Suggestion]:
    rng = random.Random(seed)
    numbers: Counter[int] = Counter()
    for index in range(n):
        yield suggestion(rng, f"bench-{index:07d}", numbers)


def suggestion(rng: random.Random, sid: str, numbers: Counter[int]) -> Suggestion:
    year = rng.choices((YEAR - 2, YEAR - 1, YEAR), weights=(36, 36, 28))[0]
    start = datetime(year, 1, 1, tzinfo=SHANGHAI).astimezone(UTC)
    end = min(datetime(year + 1, 1, 1, tzinfo=SHANGHAI).astimezone(UTC), NOW)
    at = start + (end - start) * rng.random()
    deputy = rng.choice(DEPUTIES)
    if rng.random() < 0.01:
        command = commands.DraftSuggestion(TEXT.title, TEXT.content, TEXT.category)
        return Suggestion.draft(sid, deputy, command, at)
    numbers[year] += 1
    s = Suggestion.submit_new(sid, deputy, TEXT, f"{year}-{numbers[year]:06d}", at)
    for cosigner in rng.sample(DEPUTIES, rng.choices((0, 1, 2, 3), weights=(50, 25, 15, 10))[0]):
        if cosigner is not deputy:
            s.add_cosigner(deputy, commands.AddCosigner(cosigner.subject, cosigner.name), at)
    handle(rng, s, deputy, at)
    s.events.clear()
    return s


def handle(rng: random.Random, s: Suggestion, deputy: Principal, t: datetime) -> None:
    """Assignment, contacts, reply, verdicts and re-handlings, each after a realistic delay, up to NOW."""
    t += days(rng.uniform(1, 15))
    if t > NOW:
        return
    lead, *co_units = pick_units(rng)
    s.propose_assignment(CLERK, commands.ProposeAssignment(lead, tuple(co_units), rng.random() < 0.1, ""), t)
    t += days(rng.uniform(0.5, 3))
    if t > NOW:
        return
    s.confirm_assignment(OFFICE, t)
    confirmed = t
    contact(rng, s, (lead, *co_units), confirmed)
    t = confirmed + days(rng.uniform(5, 20))
    if lead not in s.contacts or t > NOW:
        return
    for unit in co_units:
        s.give_co_unit_opinion(STAFF[unit], OPINION, t)
    t = max(t, confirmed + days(rng.uniform(20, 85) if rng.random() < 0.85 else rng.uniform(95, 200)))
    for _ in range(3):  # the first handling and at most two re-handlings
        if t > NOW:
            return
        s.reply(STAFF[lead], REPLY, t)
        t += days(rng.uniform(3, 30))
        if t > NOW:
            return
        overall = rng.choices(VERDICTS, weights=(62, 26, 12))[0]
        s.evaluate(deputy, commands.EvaluateHandling("good", "fair", "fair", overall, "答复不具体"), t)
        if s.status is Status.CLOSED:
            break
        t += days(rng.uniform(5, 30))
    if rng.random() < 0.03 and t <= NOW:
        s.escalate(LEADER, ESCALATION, t)


def pick_units(rng: random.Random) -> list[str]:
    count = rng.choices((1, 2, 3), weights=(60, 30, 10))[0]
    units: list[str] = []
    while len(units) < count:
        unit = rng.choices(UNITS, weights=UNIT_WEIGHTS)[0]
        if unit not in units:
            units.append(unit)
    return units


def contact(rng: random.Random, s: Suggestion, units: tuple[str, ...], confirmed: datetime) -> None:
    for unit in units:
        draw = rng.random()
        if draw < 0.04:
            continue  # not (yet) contacted
        at = confirmed + hours(rng.uniform(49, 240) if draw < 0.14 else rng.uniform(0.5, 47))
        if at <= NOW:
            s.record_contact(STAFF[unit], commands.RecordContact(at, *CONTACT), at)


# --- storing and timing ------------------------------------------------------------------------------------


def open_database(url: str) -> Database:
    engine = make_engine(url, schema="suggestions")
    migrate(engine, MIGRATIONS)
    return Database(engine)


def store(databases: dict[str, Database], n: int, seed: int) -> list[SuggestionSummary]:
    """Drive and store the register chunk by chunk; keep only the summaries in memory."""
    summaries: list[SuggestionSummary] = []
    chunk: list[Suggestion] = []
    for s in register(n, seed):
        chunk.append(s)
        if s.status is not Status.DRAFT:
            summaries.append(summary_of(s))
        if len(chunk) == CHUNK:
            insert(databases, chunk)
            chunk = []
    if chunk:  # insert_new([]) would insert one row of defaults
        insert(databases, chunk)
    for database in databases.values():
        with database.session() as session:
            session.execute(text("ANALYZE"))
            session.commit()
    return summaries


def insert(databases: dict[str, Database], chunk: list[Suggestion]) -> None:
    for database in databases.values():
        with database.session() as session:
            repository.insert_new(session, chunk)
            session.commit()


def median_seconds(fn: Callable[[], object], runs: int) -> float:
    fn()  # warm: caches, compiled statements, pages
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        fn()
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def clerk_stats(database: Database, year: int) -> handlers.StatsRows:
    with database.session() as session:
        return handlers.get_stats(session, CLERK, year, lambda: NOW)


def count_rows(database: Database, table: type[SQLModel] = repository.SuggestionRow) -> int:
    with database.session() as session:
        return int(session.execute(select(func.count()).select_from(table)).scalar_one())


def same_totals(rows: handlers.StatsRows, summaries: list[SuggestionSummary]) -> bool:
    """A cheap cross-check of the database's counts against the pure ones (the tests compare every field)."""
    units, deputies = unit_stats(summaries), deputy_stats(summaries)
    return (
        [(r["unit"], r["year"], r["assigned"], r["replied_on_time"], r["dissatisfied"]) for r in rows.units]
        == [(u.unit, u.year, u.assigned, u.replied_on_time, u.verdicts.dissatisfied) for u in units]
        and sum(r["cosigned"] for r in rows.deputies) == sum(d.cosigned for d in deputies)
        and sum(r["closed"] for r in rows.deputies) == sum(d.closed for d in deputies)
    )


def measure(database: Database, summaries: list[SuggestionSummary], runs: int) -> dict[str, float | bool]:
    return {
        "count(*)": median_seconds(lambda: count_rows(database), runs),
        "clerk all": median_seconds(lambda: clerk_stats(database, 0), runs),
        f"clerk {YEAR}": median_seconds(lambda: clerk_stats(database, YEAR), runs),
        "same counts": same_totals(clerk_stats(database, 0), summaries),
    }


def report(pure: float, results: dict[str, dict[str, float | bool]]) -> str:
    names = list(results)
    lines = [f"{'':12}" + "".join(f"{name + ' ms':>14}" for name in names)]
    lines.append(f"{'pure':12}" + "".join(f"{pure * 1000:14.1f}" for _ in names))
    for row in ("count(*)", "clerk all", f"clerk {YEAR}"):
        lines.append(f"{row:12}" + "".join(f"{float(results[name][row]) * 1000:14.1f}" for name in names))
    lines.append("")
    for name in names:
        slowest = max(float(results[name]["clerk all"]), float(results[name][f"clerk {YEAR}"]))
        verdict = "ok" if slowest < TARGET_SECONDS else "MISSED"
        lines.append(
            f"{name:9} get_stats / pure = {slowest / pure:5.1f}   slowest {slowest * 1000:.0f} ms "
            f"(target < {TARGET_SECONDS * 1000:.0f} ms at 100,000: {verdict}); "
            f"counts agree with stats: {'yes' if results[name]['same counts'] else 'NO'}"
        )
    return "\n".join(lines)


def postgres_server() -> str | None:
    return os.environ.get("WULIAN_BENCH_POSTGRES_URL") or os.environ.get("WULIAN_TEST_POSTGRES_URL") or None


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--n", type=int, default=100_000, help="how many suggestions (default 100,000)")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--seed", type=int, default=2026)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp, contextlib.ExitStack() as stack:
        urls = {"sqlite": f"sqlite:///{tmp}/suggestions.db"}
        if server := postgres_server():
            urls["postgres"] = stack.enter_context(throwaway_database(server))
        databases = {name: open_database(url) for name, url in urls.items()}
        for database in databases.values():
            stack.callback(database.close)
        started = time.monotonic()
        summaries = store(databases, args.n, args.seed)
        stored = time.monotonic() - started
        pure = median_seconds(lambda: (unit_stats(summaries), deputy_stats(summaries)), args.runs)
        results = {name: measure(database, summaries, args.runs) for name, database in databases.items()}
        units, cosigners = (count_rows(databases["sqlite"], t) for t in (SuggestionUnitRow, SuggestionCosignerRow))
    print(f"\n{args.n:,} suggestions ({len(summaries):,} submitted, {units:,} unit rows, {cosigners:,} co-signatures)")
    print(f"stored in {stored:.0f} s into {' and '.join(databases)}; median of {args.runs} runs each\n")
    print(report(pure, results))
    return 0


if __name__ == "__main__":
    sys.exit(main())
