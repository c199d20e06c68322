"""Where a log is read from for verification: a service's database, or an export file.

Export format (JSON lines, UTF-8): a header ``{"format": "wulian-audit-log", "version": 1}``, one line
per entry ``{"index": i, "data": base64, "leaf_hash": base64}`` in index order, then one line per
checkpoint ``{"size": n, "checkpoint": "<signed note>"}``. The leaf hashes are hints, like the
stored ones: the verifier recomputes every hash from the data.
"""

from __future__ import annotations

import base64
import binascii
import json
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import IO

from sqlalchemy import Connection, select

from wulian.kit.audit import merkle
from wulian.kit.audit.log import StoredNodes, audit_checkpoint, audit_head, audit_leaf

EXPORT_FORMAT = "wulian-audit-log"


class ExportFormatError(ValueError):
    """The file is not an audit log export."""


class DatabaseSource:
    """A log in a service's database.

    The checkpoints and the head are read first, before the entries: a log being appended to while
    it is read then shows at least the entries its checkpoints cover, never a false truncation.
    """

    def __init__(self, conn: Connection, *, batch: int = 20_000) -> None:
        self._conn = conn
        self._batch = batch
        self._nodes = StoredNodes(conn)
        query = select(audit_checkpoint.c.size, audit_checkpoint.c.note).order_by(audit_checkpoint.c.size)
        self._checkpoints = [(int(size), str(note)) for size, note in conn.execute(query)]
        head = conn.execute(select(audit_head.c.size).where(audit_head.c.id == 1)).scalar_one_or_none()
        self._head = None if head is None else int(head)

    def entries(self) -> Iterator[tuple[int, bytes, bytes | None]]:
        query = select(audit_leaf.c.index, audit_leaf.c.data, audit_leaf.c.leaf_hash).order_by(audit_leaf.c.index)
        result = self._conn.execution_options(yield_per=self._batch).execute(query)
        for index, data, leaf in result:
            yield int(index), bytes(data), bytes(leaf)

    def checkpoints(self) -> list[tuple[int, str]]:
        return self._checkpoints

    def stored_nodes(self, nodes: Sequence[merkle.Node]) -> dict[merkle.Node, bytes]:
        return self._nodes.known(nodes) if nodes else {}

    def head_size(self) -> int | None:
        return self._head

    def problems(self) -> list[str]:
        return []


class ExportSource:
    """A log exported to a JSON-lines file (see the module docstring)."""

    def __init__(self, lines: Iterable[str]) -> None:
        self._lines = iter(lines)
        self._checkpoints: list[tuple[int, str]] = []
        self._problems: list[str] = []
        try:
            header = json.loads(next(self._lines))
        except (StopIteration, ValueError) as error:
            raise ExportFormatError("not an audit log export: no header line") from error
        if not isinstance(header, dict) or header.get("format") != EXPORT_FORMAT or header.get("version") != 1:
            raise ExportFormatError("not an audit log export (format wulian-audit-log, version 1)")

    def entries(self) -> Iterator[tuple[int, bytes, bytes | None]]:
        for number, line in enumerate(self._lines, start=2):
            if not line.strip():
                continue
            try:
                item = json.loads(line)
                if "checkpoint" in item:
                    self._checkpoints.append((int(item["size"]), str(item["checkpoint"])))
                    continue
                index = item["index"]
                if not isinstance(index, int) or index < 0:
                    raise ValueError("index")
                data = base64.b64decode(item["data"], validate=True)
                hint = item.get("leaf_hash")
                leaf = base64.b64decode(hint, validate=True) if hint is not None else None
            except (ValueError, KeyError, TypeError, binascii.Error):
                self._problems.append(f"第 {number} 行无法读取 (line {number} cannot be read)")
                continue
            yield index, data, leaf

    def checkpoints(self) -> list[tuple[int, str]]:
        return self._checkpoints

    def stored_nodes(self, nodes: Sequence[merkle.Node]) -> dict[merkle.Node, bytes]:
        return {}

    def head_size(self) -> int | None:
        return None

    def problems(self) -> list[str]:
        return self._problems


def export_log(conn: Connection, out: IO[str]) -> int:
    """Write the log in ``conn`` to ``out`` in the export format; return how many entries."""
    source = DatabaseSource(conn)
    out.write(json.dumps({"format": EXPORT_FORMAT, "version": 1}) + "\n")
    count = 0
    for index, data, leaf in source.entries():
        item = {"index": index, "data": _b64(data), "leaf_hash": _b64(leaf or b"")}
        out.write(json.dumps(item) + "\n")
        count += 1
    for size, note in source.checkpoints():
        out.write(json.dumps({"size": size, "checkpoint": note}, ensure_ascii=False) + "\n")
    return count


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def read_checkpoint_file(path: Path) -> list[str]:
    """Checkpoint notes kept elsewhere (by another body's service): one signed note as plain text, or
    one JSON string per line — notes cannot simply be concatenated, since blank lines are their syntax."""
    text = path.read_text(encoding="utf-8")
    if text.lstrip().startswith('"'):
        return [json.loads(line) for line in text.splitlines() if line.strip()]
    return [text]
