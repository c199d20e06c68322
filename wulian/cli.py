"""``wulian`` — the command line for auditors and operators.

    wulian audit verify --database URL [--schema NAME] --key VKEY [--origin ORIGIN] [--checkpoint FILE ...]
    wulian audit verify --export FILE --key VKEY [--origin ORIGIN] [--checkpoint FILE ...]
    wulian audit export --database URL [--schema NAME] --out FILE
    wulian audit keygen NAME

``--database`` takes a SQLAlchemy URL or the path of a service's SQLite file; ``--schema`` is the
service's PostgreSQL schema. ``--checkpoint`` adds checkpoints kept by another body, which is how a
log whose newest entries *and* checkpoints were deleted is still caught. The verifier only reads.

Exit codes: 0 the log is intact, 1 it was tampered with (or is damaged), 2 the command was wrong or
the log could not be read.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from sqlalchemy import create_engine, inspect
from sqlalchemy.engine import Connection, Engine
from sqlalchemy.exc import SQLAlchemyError

from wulian.kit.audit.checkpoint import KeyFormatError, Verifier, generate_key
from wulian.kit.audit.sources import ExportFormatError, export_log, read_checkpoint_file
from wulian.kit.audit.verify import Report, verify_database, verify_export
from wulian.kit.db import is_sqlite, make_engine

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
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    try:
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
