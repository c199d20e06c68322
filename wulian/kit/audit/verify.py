"""Checking a whole audit log offline, from a service's database or from an export file.

Trust nothing the log stores about itself: every leaf hash and the whole tree are recomputed from
the entries' raw bytes, and the only things believed are checkpoint notes with a good signature by
the log's key (and checkpoints kept by the other bodies, passed in as ``extra_checkpoints``). The
stored hashes (``audit_leaf.leaf_hash``, ``audit_node``) are used only as *hints* to say where a
log went wrong: a hint is used only once it is authenticated by a checkpoint root — by hashing it
with its recomputed sibling up to a hash already known to be good — so a forged hint can blur the
answer but never shift the blame onto a good entry.

Where a log is read from (a database, an export file) is :mod:`.sources`; this module only judges.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Protocol

from sqlalchemy import Connection

from wulian.kit.audit import merkle
from wulian.kit.audit.checkpoint import (
    InvalidSignature,
    MalformedNote,
    NoteError,
    UnverifiedNote,
    Verifier,
    open_checkpoint,
)
from wulian.kit.audit.sources import DatabaseSource, ExportSource

_ABSENT = b"\xff" * merkle.HASH_SIZE
"""Stands for an entry (or a stored hash) that is not there; no data hashes to it in practice."""


class LogSource(Protocol):
    """What a verifier reads: entries in index order, then checkpoints, and stored hashes as hints."""

    def entries(self) -> Iterable[tuple[int, bytes, bytes | None]]:
        """(index, data, stored leaf hash or None), ascending index."""
        ...

    def checkpoints(self) -> Sequence[tuple[int, str]]:
        """(size it is stored under, signed note); asked for after the entries were read."""
        ...

    def stored_nodes(self, nodes: Sequence[merkle.Node]) -> dict[merkle.Node, bytes]:
        """Stored hashes of complete subtrees (level ≥ 1) among ``nodes``; any may be missing."""
        ...

    def head_size(self) -> int | None:
        """The size the log says it has, if it keeps one."""
        ...

    def problems(self) -> list[str]:
        """What could not be read (an unreadable line of an export, say)."""
        ...


@dataclass
class Report:
    """The verdict: ``problems`` empty means intact; ``first_bad_index`` when it can be told."""

    entries: int = 0
    checkpoints_verified: int = 0
    latest_checkpoint: int | None = None
    first_bad_index: int | None = None
    first_bad_range: tuple[int, int] | None = None
    problems: list[str] = field(default_factory=list)
    notices: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problems

    def render(self) -> str:
        if self.ok:
            head = (
                f"审计日志完好：{self.entries} 条记录，{self.checkpoints_verified} 个检查点的签名与内容均已核验 "
                f"(audit log intact: {self.entries} entries, {self.checkpoints_verified} checkpoints verified)"
            )
        else:
            head = "审计日志已被篡改或损坏 (the audit log has been tampered with or damaged)"
        lines = [head, *(f"  ✗ {p}" for p in self.problems), *(f"  · {n}" for n in self.notices)]
        return "\n".join(lines)


# --- the check ----------------------------------------------------------------------------------


@dataclass
class _Attested:
    root_hash: bytes
    label: str


def verify_log(
    source: LogSource,
    log_key: Verifier,
    *,
    origin: str | None = None,
    extra_checkpoints: Sequence[str] = (),
) -> Report:
    """Recompute the log from its entries and hold it against every signed checkpoint."""
    report = Report()
    rec, stored, missing, mismatched = _read_entries(source, report)
    attested = _check_checkpoints(source.checkpoints(), extra_checkpoints, log_key, origin, report)
    report.problems.extend(source.problems())
    present = len(rec) // merkle.HASH_SIZE
    target = max(attested, default=0)
    if target > present:
        report.problems.append(
            f"日志只有 {present} 条记录，但规模为 {target} 的检查点要求 {target} 条 "
            f"(the log holds {present} entries but the checkpoint of size {target} commits to {target})"
        )
        missing.extend(range(present, target))
        rec += _ABSENT * (target - present)
        stored += _ABSENT * (target - present)
    head = source.head_size()
    if head is not None and head > present:  # fewer: entries appended since the head was read
        report.problems.append(
            f"日志头记录的规模为 {head}，实际有 {present} 条 (the log head says {head} entries, {present} found)"
        )
    failed, good_upto = _first_failing(rec, attested)
    _blame(report, source, rec, stored, missing, mismatched, attested, failed, good_upto)
    report.latest_checkpoint = target if attested else None
    if not attested:
        report.notices.append("日志没有任何有效检查点，其内容无从证明 (no valid checkpoint: nothing attests the log)")
    elif present > target:
        report.notices.append(
            f"第 {target} 至 {present - 1} 号记录尚无检查点覆盖 "
            f"(entries {target}–{present - 1} are not yet covered by a checkpoint)"
        )
    return report


def _read_entries(source: LogSource, report: Report) -> tuple[bytearray, bytearray, list[int], list[int]]:
    """Recomputed leaf hashes and stored ones, side by side, plus where entries are missing or differ."""
    rec, stored = bytearray(), bytearray()
    missing: list[int] = []
    mismatched: list[int] = []
    expected = 0
    for index, data, stored_hash in source.entries():
        if index < expected:
            report.problems.append(f"第 {index} 号记录重复或顺序错误 (entry {index} repeated or out of order)")
            continue
        if index > expected:
            missing.extend(range(expected, index))
            rec += _ABSENT * (index - expected)
            stored += _ABSENT * (index - expected)
        leaf = merkle.leaf_hash(data)
        rec += leaf
        stored += stored_hash if stored_hash is not None and len(stored_hash) == merkle.HASH_SIZE else _ABSENT
        if stored_hash is not None and stored_hash != leaf:
            mismatched.append(index)
        report.entries += 1
        expected = index + 1
    return rec, stored, missing, mismatched


def _check_checkpoints(
    stored: Sequence[tuple[int, str]],
    extra: Sequence[str],
    log_key: Verifier,
    origin: str | None,
    report: Report,
) -> dict[int, _Attested]:
    """The checkpoints whose signature by the log key holds, by size; the others become problems."""
    attested: dict[int, _Attested] = {}
    notes: list[tuple[int | None, str, str, str]] = [
        (size, note, f"规模为 {size} 的检查点", f"the checkpoint of size {size}") for size, note in stored
    ]
    notes += [(None, note, f"第 {i + 1} 个外部检查点", f"external checkpoint {i + 1}") for i, note in enumerate(extra)]
    for row_size, note, label, english in notes:
        try:
            checkpoint, _ = open_checkpoint(note, log_key)
        except NoteError as error:
            report.problems.append(f"{label}无效：{_reason(error)} ({english} is not valid: {error})")
            continue
        origin = origin or checkpoint.origin
        if checkpoint.origin != origin:
            report.problems.append(
                f"{label}来自另一个日志 {checkpoint.origin!r} ({english} is of another log: {checkpoint.origin!r})"
            )
            continue
        if row_size is not None and row_size != checkpoint.size:
            report.problems.append(
                f"存为规模 {row_size} 的检查点实际是规模 {checkpoint.size} 的 "
                f"(the checkpoint stored as size {row_size} is of size {checkpoint.size})"
            )
        known = attested.get(checkpoint.size)
        if known is not None and known.root_hash != checkpoint.root_hash:
            report.problems.append(
                f"规模为 {checkpoint.size} 的两个检查点根哈希不同，日志出现分叉 "
                f"(two checkpoints of size {checkpoint.size} have different roots: the log forked)"
            )
            continue
        attested[checkpoint.size] = _Attested(checkpoint.root_hash, label)
        report.checkpoints_verified += 1
    return attested


def _reason(error: NoteError) -> str:
    if isinstance(error, InvalidSignature):
        return "签名无效"
    if isinstance(error, UnverifiedNote):
        return "没有该日志密钥的签名"
    if isinstance(error, MalformedNote):
        return "格式错误"
    return "无法核验"


def _leaves(rec: bytearray, begin: int, end: int) -> list[bytes]:
    size = merkle.HASH_SIZE
    return [bytes(rec[i * size : (i + 1) * size]) for i in range(begin, end)]


def _first_failing(rec: bytearray, attested: dict[int, _Attested]) -> tuple[int | None, int]:
    """The smallest checkpoint size the recomputed tree does not match, and the largest good one below it."""
    tree = merkle.CompactRange()
    good = 0
    position = 0
    size = merkle.HASH_SIZE
    for checkpoint_size in sorted(attested):
        for i in range(position, checkpoint_size):
            tree.append(bytes(rec[i * size : (i + 1) * size]))
        position = checkpoint_size
        if tree.root() != attested[checkpoint_size].root_hash:
            return checkpoint_size, good
        good = checkpoint_size
    return None, good


def _blame(
    report: Report,
    source: LogSource,
    rec: bytearray,
    stored: bytearray,
    missing: list[int],
    mismatched: list[int],
    attested: dict[int, _Attested],
    failed: int | None,
    good_upto: int,
) -> None:
    """Name the first bad entry: by descending from the failing checkpoint, else from the evidence."""
    evidence = sorted({*missing, *mismatched})
    missing_set = set(missing)
    attested_wrong = evidence[: bisect.bisect_left(evidence, good_upto)]
    if attested_wrong:
        first, more = attested_wrong[0], len(attested_wrong) - 1
        report.problems.append(
            f"第 {first} 号记录存储的哈希有误（数据与检查点相符），另有 {more} 条同样 "
            f"(the stored hash of entry {first} is wrong though its data matches the checkpoint; {more} more like it)"
        )
    later = evidence[len(attested_wrong) :]
    if failed is None:
        if later:
            report.first_bad_index = later[0]
            report.problems.insert(0, _evidence_message(later[0], later[0] in missing_set, None))
        return
    low, high = _locate(source, rec, stored, failed, attested[failed].root_hash)
    low = max(low, good_upto)
    in_range = [i for i in later if low <= i < high]
    if high - low == 1:
        report.first_bad_index = low
        report.problems.insert(0, _evidence_message(low, low in missing_set, failed))
    elif in_range:
        report.first_bad_index = in_range[0]
        report.problems.insert(0, _evidence_message(in_range[0], in_range[0] in missing_set, failed))
    else:
        report.first_bad_range = (low, high)
        report.problems.insert(
            0,
            f"规模为 {failed} 的检查点与日志不符，最早被篡改的记录在第 {low} 至 {high - 1} 号之间 "
            f"(checkpoint of size {failed} does not match the log; "
            f"the first bad entry is between {low} and {high - 1})",
        )
    worse = [size for size in attested if size > failed]
    if worse:
        report.notices.append(f"另有 {len(worse)} 个更大的检查点同样不符 ({len(worse)} later checkpoints fail too)")


def _evidence_message(index: int, is_missing: bool, checkpoint: int | None) -> str:
    if is_missing and checkpoint is not None:
        return (
            f"第 {index} 号记录缺失，规模为 {checkpoint} 的检查点包含它 "
            f"(entry {index} is missing; checkpoint of size {checkpoint} includes it)"
        )
    if is_missing:
        return f"第 {index} 号记录缺失 (entry {index} is missing)"
    if checkpoint is not None:
        return (
            f"第 {index} 号记录与规模为 {checkpoint} 的检查点不符 "
            f"(entry {index} does not match checkpoint of size {checkpoint})"
        )
    return f"第 {index} 号记录的数据与其存储的哈希不符 (entry {index}: its data does not match its stored hash)"


def _locate(source: LogSource, rec: bytearray, stored: bytearray, size: int, root_hash: bytes) -> tuple[int, int]:
    """Narrow ``[0, size)`` to the range holding the first entry that diverges from ``root_hash``.

    At each split the recomputed halves are paired with *hints* (stored hashes); a pairing that
    hashes to the authenticated parent authenticates the hint, and the search moves into the half
    that is wrong. When no pairing authenticates, that range is as far as the evidence goes.
    """
    begin, end, good = 0, size, root_hash
    while end - begin > 1:
        middle = begin + merkle.split_point(end - begin)
        left = merkle.root_from_leaf_hashes(_leaves(rec, begin, middle))
        right = merkle.root_from_leaf_hashes(_leaves(rec, middle, end))
        if merkle.node_hash(left, right) == good:
            break  # nothing diverges here: the hints led astray
        right_hints = _hints(source, stored, middle, end)
        authentic_right = next((h for h in right_hints if merkle.node_hash(left, h) == good), None)
        if authentic_right is not None:
            begin, good = middle, authentic_right
            continue
        siblings = [right, *right_hints]
        authentic_left = next(
            (
                h
                for h in _hints(source, stored, begin, middle)
                if h != left and any(merkle.node_hash(h, r) == good for r in siblings)
            ),
            None,
        )
        if authentic_left is None:
            break
        end, good = middle, authentic_left
    return begin, end


def _hints(source: LogSource, stored: bytearray, begin: int, end: int) -> list[bytes]:
    """What the log stored for ``[begin, end)``: from its subtree rows, and from its leaf hashes."""
    hints: list[bytes] = []
    plan = merkle.covering_nodes(begin, end)
    rows = source.stored_nodes([node for node in plan if node[0] > 0])
    parts: list[bytes] = []
    for level, index in plan:
        value = rows.get((level, index)) if level else _leaves(stored, index, index + 1)[0]
        if value is None or value == _ABSENT:
            break
        parts.append(value)
    else:
        hints.append(merkle.fold(parts))
    leaves = _leaves(stored, begin, end)
    if _ABSENT not in leaves:
        from_leaves = merkle.root_from_leaf_hashes(leaves)
        if from_leaves not in hints:
            hints.append(from_leaves)
    return hints


def verify_database(
    conn: Connection, log_key: Verifier, *, origin: str | None = None, extra_checkpoints: Sequence[str] = ()
) -> Report:
    """Verify the log in a service's database (read through ``conn``, best in one snapshot)."""
    return verify_log(DatabaseSource(conn), log_key, origin=origin, extra_checkpoints=extra_checkpoints)


def verify_export(
    path: Path, log_key: Verifier, *, origin: str | None = None, extra_checkpoints: Sequence[str] = ()
) -> Report:
    """Verify an export file (:mod:`.sources` describes the format); raises ExportFormatError if it is none."""
    with path.open(encoding="utf-8") as lines:
        return verify_log(ExportSource(lines), log_key, origin=origin, extra_checkpoints=extra_checkpoints)
