"""Benchmark: a secret ballot session of 500 voters over 30 departments, beside plain inserts in the same run.

    make bench-ballots              (or: python bench/ballots.py --voters 500 --departments 30 [--postgres URL])

1. cast    — every voter's ballot through the service's handler, one transaction each (the receipt, the turnout
             and 30 counter increments), against a baseline of the same number of plain inserts of one row of
             30 values each, one transaction each, into the same database;
2. tally   — closing the session: the counters read under the session's lock, the results, the ranking, the
             event — against reading back the baseline's rows.

SQLite (a temp file, WAL) unless --postgres names a PostgreSQL server, where a throwaway database is made and
dropped (as the tests do).
"""

from __future__ import annotations

import argparse
import contextlib
import random
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from sqlalchemy import Column, Integer, MetaData, String, Table, insert, select  # noqa: E402

from services.evaluation import ballot_handlers as handlers  # noqa: E402
from services.evaluation import ballots  # noqa: E402
from services.evaluation.domain import Grade  # noqa: E402
from services.evaluation.main import MIGRATIONS  # noqa: E402
from tests.support.postgres import throwaway_database  # noqa: E402
from wulian.kit.db import Database, make_engine, migrate  # noqa: E402
from wulian.kit.principal import Principal  # noqa: E402

CLERK = Principal(subject="clerk", name="联络员", body="congress", roles=frozenset({"congress_clerk"}), org_unit="")


def deputy(n: int) -> Principal:
    return Principal(subject=f"deputy-{n:04d}", name="代表", body="congress", roles=frozenset({"deputy"}), org_unit="")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--voters", type=int, default=500)
    parser.add_argument("--departments", type=int, default=30)
    parser.add_argument("--postgres", default="", help="a server URL; a throwaway database is made on it")
    args = parser.parse_args()
    with contextlib.ExitStack() as stack:
        tmp = stack.enter_context(tempfile.TemporaryDirectory())
        url = stack.enter_context(throwaway_database(args.postgres)) if args.postgres else ""
        url = url or f"sqlite:///{Path(tmp) / 'evaluation.db'}"
        engine = make_engine(url, schema="evaluation")
        migrate(engine, MIGRATIONS)
        db = Database(engine)
        refs = [f"dept-{n:02d}" for n in range(args.departments)]
        plan = ballots.SessionPlan(
            title="基准测评", purpose="appraisal", subject_kind="department",
            subjects=tuple(ballots.SubjectInput(r, r) for r in refs), mode="grades",
            electorate=tuple(deputy(n).subject for n in range(args.voters)),
        )  # fmt: skip
        with db.session() as s:
            session_id = handlers.create(s, CLERK, ballots.CreateSession(plan)).summary.id
        with db.session() as s:
            handlers.open_session(s, CLERK, session_id)
        rng = random.Random(1)
        casts = [
            ballots.CastBallot(tuple(ballots.Mark(r, grade=rng.choice(list(Grade)).value) for r in refs))
            for _ in range(args.voters)
        ]

        started = time.perf_counter()
        for n, cast in enumerate(casts):
            with db.session() as s:
                handlers.cast(s, deputy(n), session_id, cast)
        cast_s = time.perf_counter() - started
        started = time.perf_counter()
        with db.session() as s:
            results = handlers.close(s, CLERK, session_id)
        tally_s = time.perf_counter() - started
        assert results.ballots_cast == args.voters

        metadata = MetaData()
        columns = [Column(f"d{i}", String(32)) for i in range(args.departments)]
        plain = Table("bench_plain", metadata, Column("id", Integer, primary_key=True), *columns)
        metadata.create_all(engine)
        rows = [{f"d{i}": m.grade for i, m in enumerate(cast.marks)} for cast in casts]
        started = time.perf_counter()
        for row in rows:
            with engine.begin() as conn:
                conn.execute(insert(plain).values(**row))
        plain_s = time.perf_counter() - started
        started = time.perf_counter()
        with engine.connect() as conn:
            read = conn.execute(select(plain)).all()
        read_s = time.perf_counter() - started
        assert len(read) == args.voters
        db.close()

    n = args.voters
    print(f"{n} voters × {args.departments} departments, {engine.dialect.name}")
    print(f"{'':34}{'total':>10}{'per ballot':>14}{'ballots/s':>12}")
    print(f"{'cast (receipt + counters)':34}{cast_s * 1000:>8.0f}ms{cast_s / n * 1000:>12.2f}ms{n / cast_s:>12.0f}")
    print(f"{'plain insert of a row':34}{plain_s * 1000:>8.0f}ms{plain_s / n * 1000:>12.2f}ms{n / plain_s:>12.0f}")
    print(f"ratio cast ÷ plain insert: {cast_s / plain_s:.2f}×")
    print(f"tally at the close: {tally_s * 1000:.1f} ms   (reading back the plain rows: {read_s * 1000:.1f} ms)")


if __name__ == "__main__":
    main()
