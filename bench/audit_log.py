"""Benchmark: the audit log on SQLite, each figure beside raw hashlib SHA-256 over the same entries.

    make bench-audit               (or: python bench/audit_log.py --n 1000000 --batch 1000)

1. append   — entries appended in batches of --batch, one transaction each (a temp SQLite file, WAL),
              against hashing the same entries with hashlib alone;
2. proofs   — inclusion proof read from the stored subtrees, and its verification, for 1,000 random
              entries of the full log (medians), against hashing one entry;
3. verify   — `wulian audit verify` of the whole log: every entry read and rehashed, the tree rebuilt
              and held against the signed checkpoints, against hashing every entry.

Targets: append ≥ 5,000 entries/s; proof generation and verification < 1 ms each (median);
verifying 1,000,000 entries < 30 s.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from sqlmodel import SQLModel  # noqa: E402

from wulian.kit import audit  # noqa: E402
from wulian.kit.audit import merkle  # noqa: E402
from wulian.kit.audit.checkpoint import Signer, generate_key  # noqa: E402
from wulian.kit.audit.verify import verify_database  # noqa: E402
from wulian.kit.db import make_engine  # noqa: E402

ORIGIN = "bench.wulian.example/clues"


def entry(i: int) -> bytes:
    """About 200 bytes, like a clue transfer's trace."""
    return json.dumps(
        {
            "seq": i,
            "clue": f"XS-2026-{i:07d}",
            "action": "transfer",
            "from": "congress_committee",
            "to": "discipline_station",
            "actor": f"clerk-{i % 97}",
            "at": f"2026-11-{1 + i % 28:02d}T09:{i % 60:02d}:00+08:00",
            "request_id": f"{i * 2654435761 % 2**32:08x}",
        },
        separators=(",", ":"),
    ).encode()


def hash_all(batch: list[bytes]) -> None:
    for data in batch:
        hashlib.sha256(data).digest()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--n", type=int, default=1_000_000, help="entries in the log (default 1,000,000)")
    parser.add_argument("--batch", type=int, default=1_000, help="entries per transaction (default 1,000)")
    parser.add_argument("--samples", type=int, default=1_000, help="random entries for the proof medians")
    parser.add_argument("--checkpoint-every", type=int, default=100_000, help="sign a checkpoint every so many")
    args = parser.parse_args()
    started = time.monotonic()
    signer = Signer.from_skey(generate_key(ORIGIN)[0])

    with tempfile.TemporaryDirectory() as tmp:
        engine = make_engine(f"sqlite:///{tmp}/audit.db")
        SQLModel.metadata.create_all(engine, tables=list(audit.TABLES))

        # 1. append
        append_s = baseline_s = 0.0
        for start in range(0, args.n, args.batch):
            batch = [entry(i) for i in range(start, min(start + args.batch, args.n))]
            t0 = time.perf_counter()
            hash_all(batch)
            t1 = time.perf_counter()
            with engine.begin() as conn:
                audit.append(conn, batch)
            t2 = time.perf_counter()
            baseline_s += t1 - t0
            append_s += t2 - t1
            done = start + len(batch)
            if done % args.checkpoint_every == 0 or done == args.n:
                with engine.begin() as conn:
                    audit.sign_checkpoint(conn, signer, ORIGIN)

        # 2. proofs
        rng = random.Random(6962)
        indexes = [rng.randrange(args.n) for _ in range(args.samples)]
        make_s: list[float] = []
        check_s: list[float] = []
        one_hash_s: list[float] = []
        with engine.connect() as conn:
            root = audit.root(conn, args.n)
            for index in indexes:
                data = entry(index)
                t0 = time.perf_counter()
                proof = audit.inclusion_proof(conn, index, args.n)
                t1 = time.perf_counter()
                merkle.verify_inclusion(index, args.n, merkle.leaf_hash(data), proof, root)
                t2 = time.perf_counter()
                hashlib.sha256(data).digest()
                t3 = time.perf_counter()
                make_s.append(t1 - t0)
                check_s.append(t2 - t1)
                one_hash_s.append(t3 - t2)

        # 3. verify the whole log
        t0 = time.perf_counter()
        with engine.connect() as conn:
            report = verify_database(conn, signer.verifier())
        verify_s = time.perf_counter() - t0
        size_mb = Path(f"{tmp}/audit.db").stat().st_size / 2**20
        engine.dispose()

    if not report.ok:
        print(report.render())
        return 1
    ms = 1000.0
    hashed_rate = args.n / baseline_s
    lines = [
        f"{'':28} {'audit log':>12} {'hashlib':>12}  audit ÷ hashlib",
        f"{'append, entries/s':28} {args.n / append_s:12,.0f} {hashed_rate:12,.0f}  {baseline_s / append_s:.3f}",
        f"{'inclusion proof, median ms':28} {statistics.median(make_s) * ms:12.3f} "
        f"{statistics.median(one_hash_s) * ms:12.4f}  "
        f"{statistics.median(make_s) / statistics.median(one_hash_s):.0f}×",
        f"{'proof verification, median ms':28} {statistics.median(check_s) * ms:12.3f} "
        f"{statistics.median(one_hash_s) * ms:12.4f}  "
        f"{statistics.median(check_s) / statistics.median(one_hash_s):.0f}×",
        f"{'verify whole log, s':28} {verify_s:12.1f} {baseline_s:12.2f}  {verify_s / baseline_s:.0f}×",
        "",
        f"append             = {args.n / append_s:,.0f} entries/s (target ≥ 5,000)",
        f"proof generation   = {statistics.median(make_s) * ms:.3f} ms median, "
        f"p99 {statistics.quantiles(make_s, n=100)[98] * ms:.3f} ms (target < 1 ms)",
        f"proof verification = {statistics.median(check_s) * ms:.3f} ms median (target < 1 ms)",
        f"verify whole log   = {verify_s:.1f} s for {args.n:,} entries (target < 30 s for 1,000,000)",
    ]
    print(
        f"\n{args.n:,} entries in batches of {args.batch:,}, {report.checkpoints_verified} checkpoints, "
        f"{size_mb:.0f} MiB of SQLite ({time.monotonic() - started:.0f} s in all)"
    )
    print("\n".join(lines))
    return 0


if __name__ == "__main__":
    sys.exit(main())
