"""``wulian`` — the command line for auditors and operators.

    wulian audit verify --database URL [--schema NAME] --key VKEY [--origin ORIGIN] [--checkpoint FILE ...]
    wulian audit verify --export FILE --key VKEY [--origin ORIGIN] [--checkpoint FILE ...]
    wulian audit export --database URL [--schema NAME] --out FILE
    wulian audit keygen NAME
    wulian draw verify RECORD_FILE [--json]

``--database`` takes a SQLAlchemy URL or the path of a service's SQLite file; ``--schema`` is the
service's PostgreSQL schema. ``--checkpoint`` adds checkpoints kept by another body, which is how a
log whose newest entries *and* checkpoints were deleted is still caught. The verifier only reads.

``draw verify`` recomputes an expert draw (案件质量评查专家随机抽取) from its record alone — the JSON the
case-review service exports, or ``-`` for standard input — and compares it with the recorded result;
``--json`` prints ``{"ok", "problems", "cases", ...}`` for a machine.

Exit codes: 0 the log (the draw) is intact, 1 it was tampered with (or is damaged), 2 the command was
wrong or the log (the record) could not be read.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import create_engine, inspect
from sqlalchemy.engine import Connection, Engine
from sqlalchemy.exc import SQLAlchemyError

from wulian.kit.audit.checkpoint import KeyFormatError, Verifier, generate_key
from wulian.kit.audit.sources import ExportFormatError, export_log, read_checkpoint_file
from wulian.kit.audit.verify import Report, verify_database, verify_export
from wulian.kit.db import is_sqlite, make_engine

if TYPE_CHECKING:
    from services.case_review.draw import DrawRecord, Verification

OK, TAMPERED, USAGE = 0, 1, 2


class UsageError(Exception):
    """The command cannot run as given; the message is for the person who typed it."""


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="wulian", description="五联平台命令行 (Wulian command line)")
    commands = parser.add_subparsers(dest="area", required=True)
    audit = commands.add_parser("audit", help="审计日志 (audit log)").add_subparsers(dest="command", required=True)

    verify = audit.add_parser("verify", help="核验审计日志 (verify an audit log)")
    where = verify.add_mutually_exclusive_group(required=True)
    where.add_argument("--database", metavar="URL", help="数据库地址或 SQLite 文件 (database URL or SQLite file)")
    where.add_argument("--export", metavar="FILE", type=Path, help="导出文件 (export file)")
    verify.add_argument("--schema", metavar="NAME", help="PostgreSQL 模式 (the service's schema)")
    verify.add_argument("--key", metavar="VKEY", required=True, help="日志的验证密钥 (the log's verifier key)")
    verify.add_argument("--origin", help="日志的来源名 (the log's origin line)")
    verify.add_argument(
        "--checkpoint",
        metavar="FILE",
        type=Path,
        action="append",
        default=[],
        help="其他机关保存的检查点 (checkpoints kept by another body)",
    )

    export = audit.add_parser("export", help="导出审计日志 (export an audit log)")
    export.add_argument("--database", metavar="URL", required=True)
    export.add_argument("--schema", metavar="NAME")
    export.add_argument("--out", metavar="FILE", type=Path, required=True)

    keygen = audit.add_parser("keygen", help="生成签名密钥对 (generate a key pair)")
    keygen.add_argument("name", help="密钥名，通常是日志来源名 (key name, usually the log's origin)")

    draw = commands.add_parser("draw", help="专家随机抽取 (expert draw)").add_subparsers(dest="command", required=True)
    check = draw.add_parser("verify", help="由抽取记录重算并核验 (recompute and verify a draw record)")
    check.add_argument(
        "record", metavar="RECORD_FILE", help="抽取记录 JSON 文件，- 为标准输入 (the record, - for stdin)"
    )
    check.add_argument("--json", action="store_true", help="输出 JSON (machine-readable output)")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    try:
        if args.area == "draw":
            return _verify_draw(args.record, as_json=args.json)
        if args.command == "verify":
            return _verify(args)
        if args.command == "export":
            return _export(args)
        return _keygen(args.name)
    except UsageError as error:
        print(f"错误 (error): {error}", file=sys.stderr)
        return USAGE


def _verify(args: argparse.Namespace) -> int:
    try:
        log_key = Verifier.from_vkey(args.key)
    except KeyFormatError as error:
        raise UsageError(f"验证密钥格式不对 (malformed verifier key): {error}") from error
    extra: list[str] = []
    for path in args.checkpoint:
        try:
            extra += read_checkpoint_file(path)
        except (OSError, ValueError) as error:
            raise UsageError(f"读不了检查点文件 (cannot read checkpoint file) {path}: {error}") from error
    if args.export is not None:
        report = _verify_export(args.export, log_key, args.origin, extra)
    else:
        engine = _engine(args.database, args.schema)
        try:
            with _snapshot(engine) as conn:
                report = verify_database(conn, log_key, origin=args.origin, extra_checkpoints=extra)
        except SQLAlchemyError as error:
            raise UsageError(f"读不了数据库 (cannot read the database): {error}") from error
        finally:
            engine.dispose()
    print(report.render())
    return OK if report.ok else TAMPERED


def _verify_export(path: Path, log_key: Verifier, origin: str | None, extra: list[str]) -> Report:
    try:
        return verify_export(path, log_key, origin=origin, extra_checkpoints=extra)
    except (OSError, UnicodeDecodeError, ExportFormatError) as error:
        raise UsageError(f"读不了导出文件 (cannot read the export) {path}: {error}") from error


def _export(args: argparse.Namespace) -> int:
    engine = _engine(args.database, args.schema)
    try:
        with _snapshot(engine) as conn, args.out.open("w", encoding="utf-8") as out:
            count = export_log(conn, out)
    except SQLAlchemyError as error:
        raise UsageError(f"读不了数据库 (cannot read the database): {error}") from error
    except OSError as error:
        raise UsageError(f"写不了文件 (cannot write) {args.out}: {error}") from error
    finally:
        engine.dispose()
    print(f"已导出 {count} 条记录到 {args.out} (exported {count} entries to {args.out})")
    return OK


def _keygen(name: str) -> int:
    try:
        signer_key, verifier_key = generate_key(name)
    except KeyFormatError as error:
        raise UsageError(f"密钥名不能含空格或加号 (a key name has no spaces or plus signs): {name!r}") from error
    print(f"签名密钥（保密，只交给日志服务）(signer key, secret): {signer_key}")
    print(f"验证密钥（公开，交给核验人和其他机关）(verifier key, public): {verifier_key}")
    return OK


def _verify_draw(source: str, *, as_json: bool) -> int:
    # Imported here, not at the top: the kit's command line must not need a service's code to start,
    # and only this command reads a draw.
    from services.case_review import draw
    from wulian.kit.errors import DomainError

    try:
        record = draw.record_from_json(_read_text(source))
    except DomainError as error:
        raise UsageError(f"抽取记录格式不对 (malformed draw record) {source}: {error.message}") from error
    check = draw.verify(record)
    seed_ok = draw.commitment(record.seed) == record.seed_commitment
    try:
        snapshot_ok: bool | None = draw.pool_snapshot_hash(record.pool) == record.pool_snapshot_hash
    except DomainError:
        snapshot_ok = None  # the pool itself is malformed: verify names why among the problems
    if as_json:
        cases = [
            {"case_id": c.case_id, "main": list(c.main), "backups": list(c.backups)}
            for c in (check.recomputed.cases if check.recomputed else ())
        ]
        body = {
            "ok": check.ok, "problems": list(check.problems), "cases": cases, "algorithm": record.algorithm,
            "seed_commitment_ok": seed_ok, "pool_snapshot_ok": snapshot_ok,
        }  # fmt: skip
        print(json.dumps(body, ensure_ascii=False, indent=2))
    else:
        print(_draw_report(record, check, seed_ok, snapshot_ok))
    return OK if check.ok else TAMPERED


def _read_text(source: str) -> str:
    try:
        data = sys.stdin.buffer.read() if source == "-" else Path(source).read_bytes()
        return data.decode("utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise UsageError(f"读不了抽取记录 (cannot read the draw record) {source}: {error}") from error


def _draw_report(record: DrawRecord, check: Verification, seed_ok: bool, snapshot_ok: bool | None) -> str:
    """The verification in words: what was checked, what the draw gives when recomputed, the verdict."""
    words = {True: "相符 (matches)", False: "不符 (does NOT match)", None: "无法计算 (cannot be computed)"}
    lines = [
        f"算法 (algorithm): {record.algorithm}",
        f"种子哈希 (seed commitment) {record.seed_commitment}: {words[seed_ok]}",
        f"专家库快照 (pool snapshot, {len(record.pool)} 名) {record.pool_snapshot_hash}: {words[snapshot_ok]}",
    ]
    if check.recomputed is None:
        lines.append(
            f"重算：抽取未成立 (recomputed: the draw has no result); 记录为 (recorded): {record.failure or '-'}"
        )
    recorded = {c.case_id: c for c in record.result.cases} if record.result else {}
    for number, case in enumerate(check.recomputed.cases if check.recomputed else (), start=1):
        lines += [
            f"案件 {number} (case {number}): {case.case_id}",
            f"  评查专家 (main): {', '.join(case.main)}",
            f"  备选专家，按顺位 (backups, in order): {', '.join(case.backups) or '-'}",
        ]
        if (stored := recorded.get(case.case_id)) is not None and stored != case:
            lines.append(
                f"  与记录不符，记录为 (the record differs): {', '.join(stored.main)}; {', '.join(stored.backups)}"
            )
    lines += [f"问题 (problem): {problem}" for problem in check.problems]
    verdict = f"核验未通过 (NOT verified): {len(check.problems)} 项问题 (problems)"
    lines.append("核验通过 (verified)" if check.ok else verdict)
    return "\n".join(lines)


def _engine(database: str, schema: str | None) -> Engine:
    """An engine that changes nothing: no file is created, no schema either (make_engine would)."""
    url = database if "://" in database else f"sqlite:///{database}"
    if is_sqlite(url):
        path = url.removeprefix("sqlite:///")
        if not path or path == ":memory:" or not Path(path).is_file():
            raise UsageError(f"数据库文件不存在 (no database file at {path or url})")
        engine = make_engine(url)
    else:
        url = url.replace("postgresql://", "postgresql+psycopg://", 1) if url.startswith("postgresql://") else url
        connect_args = {"options": f"-csearch_path={schema}"} if schema else {}
        try:
            engine = create_engine(url, connect_args=connect_args)
        except (SQLAlchemyError, ValueError) as error:
            raise UsageError(f"数据库地址不对 (bad database URL): {error}") from error
    try:
        with engine.connect() as conn:
            has_log = inspect(conn).has_table("audit_leaf")
    except SQLAlchemyError as error:
        engine.dispose()
        raise UsageError(f"连不上数据库 (cannot connect to the database): {error}") from error
    if not has_log:
        engine.dispose()
        raise UsageError("这个数据库（模式）里没有审计日志 (no audit log in this database or schema)")
    return engine


def _snapshot(engine: Engine) -> Connection:
    """A connection that sees one moment of the log (REPEATABLE READ on PostgreSQL)."""
    if engine.dialect.name == "postgresql":
        return engine.connect().execution_options(isolation_level="REPEATABLE READ")
    return engine.connect()


if __name__ == "__main__":
    sys.exit(main())
