"""Verifying a log offline: every kind of tampering is caught, and the first bad entry is named
wherever the signed checkpoints and the (authenticated) stored hashes allow. The log here is a
ten-line fake of what a database holds; tests/integration/kit/test_audit_log.py does it for real."""

from __future__ import annotations

import base64
import json
from collections.abc import Iterator, Sequence

import pytest

from wulian.kit.audit import merkle
from wulian.kit.audit.checkpoint import Checkpoint, Signer, generate_key
from wulian.kit.audit.sources import ExportFormatError, ExportSource
from wulian.kit.audit.verify import Report, verify_log

ORIGIN = "wulian.example/clues"
LOG = Signer.from_skey(generate_key(ORIGIN)[0])
KEY = LOG.verifier()


class FakeLog:
    """What a service's tables hold: rows, complete subtrees, checkpoints and the head."""

    def __init__(self, count: int, checkpoint_sizes: Sequence[int] = (10, 50, 100)) -> None:
        self.rows = {
            i: (f"clue transfer {i}".encode(), merkle.leaf_hash(f"clue transfer {i}".encode())) for i in range(count)
        }
        self.nodes: dict[merkle.Node, bytes] = {}
        self.notes: dict[int, str] = {}
        tree = merkle.CompactRange()
        for i in range(count):
            self.nodes.update(((lv, ix), h) for lv, ix, h in tree.append(self.rows[i][1]))
            if tree.size in checkpoint_sizes:
                self.notes[tree.size] = self.note(tree.size, tree.root())
        self.head = count

    @staticmethod
    def note(size: int, root: bytes) -> str:
        return Checkpoint(ORIGIN, size, root).sign(LOG)

    def entries(self) -> Iterator[tuple[int, bytes, bytes | None]]:
        for i in sorted(self.rows):
            yield i, *self.rows[i]

    def checkpoints(self) -> list[tuple[int, str]]:
        return sorted(self.notes.items())

    def stored_nodes(self, nodes: Sequence[merkle.Node]) -> dict[merkle.Node, bytes]:
        return {node: self.nodes[node] for node in nodes if node in self.nodes}

    def head_size(self) -> int | None:
        return self.head

    def problems(self) -> list[str]:
        return []

    # tampering
    def set_data(self, index: int, data: bytes, *, fix_hash: bool = False) -> None:
        self.rows[index] = (data, merkle.leaf_hash(data) if fix_hash else self.rows[index][1])

    def recompute_nodes(self) -> None:
        tree = merkle.CompactRange()
        for i in sorted(self.rows):
            self.nodes.update(((lv, ix), h) for lv, ix, h in tree.append(self.rows[i][1]))


def check(log: FakeLog, **options: object) -> Report:
    return verify_log(log, KEY, **options)  # type: ignore[arg-type]


def test_an_intact_log_verifies() -> None:
    report = check(FakeLog(100))
    assert report.ok, report.render()
    assert (report.entries, report.checkpoints_verified, report.latest_checkpoint) == (100, 3, 100)
    assert "audit log intact: 100 entries, 3 checkpoints verified" in report.render()


def test_entries_after_the_latest_checkpoint_are_noted_not_blamed() -> None:
    report = check(FakeLog(105))
    assert report.ok
    assert any("entries 100–104 are not yet covered" in n for n in report.notices)


def test_a_log_without_checkpoints_is_intact_but_unattested() -> None:
    report = check(FakeLog(5, ()))
    assert report.ok and any("nothing attests" in n for n in report.notices)


def test_modified_data_is_named_exactly() -> None:
    log = FakeLog(100)
    log.set_data(41, b"clue transfer 41, to someone else")
    report = check(log)
    assert not report.ok and report.first_bad_index == 41
    assert "entry 41 does not match checkpoint of size 50" in report.render()


def test_modified_data_with_its_hash_rewritten_is_narrowed_to_the_pair() -> None:
    log = FakeLog(100)
    log.set_data(41, b"forged", fix_hash=True)
    report = check(log)
    # the stored pair node authenticates only the pair: either 40 or 41 could be the forgery
    assert report.first_bad_index is None and report.first_bad_range == (40, 42)
    assert "the first bad entry is between 40 and 41" in report.render()


def test_a_rewritten_tree_is_narrowed_to_the_checkpoints_around_it() -> None:
    log = FakeLog(100)
    log.set_data(41, b"forged", fix_hash=True)
    log.recompute_nodes()
    report = check(log)
    assert report.first_bad_range == (10, 50)
    assert "checkpoint of size 50 does not match the log" in report.render()
    assert any("1 later checkpoints fail too" in n for n in report.notices)


def test_a_deleted_entry_is_named() -> None:
    log = FakeLog(100)
    del log.rows[41]
    report = check(log)
    assert report.first_bad_index == 41
    assert "entry 41 is missing" in report.render()


def test_a_deleted_entry_with_the_rest_renumbered_is_caught() -> None:
    log = FakeLog(100)
    log.rows = {i: log.rows[i if i < 41 else i + 1] for i in range(99)}
    report = check(log)
    assert not report.ok
    assert report.first_bad_range == (40, 42) or report.first_bad_index == 41
    assert any("the log head says 100 entries, 99 found" in p for p in report.problems)


def test_swapped_entries_are_named_at_the_first() -> None:
    log = FakeLog(100)
    a, b = log.rows[41][0], log.rows[77][0]
    log.set_data(41, b)
    log.set_data(77, a)
    assert check(log).first_bad_index == 41


def test_swapped_rows_with_their_hashes_are_narrowed_to_the_first_pair() -> None:
    log = FakeLog(100)
    log.rows[41], log.rows[77] = log.rows[77], log.rows[41]
    report = check(log)
    assert report.first_bad_range == (40, 42)


def test_a_truncated_log_is_caught_by_its_checkpoint() -> None:
    log = FakeLog(100)
    for i in range(90, 100):
        del log.rows[i]
    report = check(log)
    assert report.first_bad_index == 90
    text = report.render()
    assert "the log holds 90 entries but the checkpoint of size 100 commits to 100" in text
    assert "entry 90 is missing" in text


def test_a_truncation_that_took_its_checkpoints_along_needs_another_bodys_checkpoint() -> None:
    log = FakeLog(100)
    kept_elsewhere = log.notes[100]
    for i in range(90, 100):
        del log.rows[i]
    del log.notes[100]
    log.head = 90
    assert check(log).ok  # the database alone cannot tell
    report = check(log, extra_checkpoints=[kept_elsewhere])
    assert report.first_bad_index == 90


def test_a_tampered_checkpoint_note_is_refused() -> None:
    log = FakeLog(100)
    log.notes[50] = log.notes[50].replace("\n50\n", "\n49\n")
    report = check(log)
    assert "the checkpoint of size 50 is not valid: invalid signature" in report.render()
    assert "签名无效" in report.render()


def test_a_checkpoint_stored_under_another_size_is_caught() -> None:
    log = FakeLog(100)
    log.notes[60] = log.notes.pop(50)
    assert any("stored as size 60 is of size 50" in p for p in check(log).problems)


def test_a_checkpoint_signed_by_another_key_is_refused() -> None:
    log = FakeLog(100)
    impostor = Signer.from_skey(generate_key(ORIGIN)[0])
    log.notes[50] = Checkpoint(ORIGIN, 50, b"\0" * 32).sign(impostor)
    assert any("没有该日志密钥的签名" in p for p in check(log).problems)


def test_two_signed_roots_for_one_size_are_a_fork() -> None:
    log = FakeLog(100)
    fork = FakeLog.note(50, merkle.tree_hash([b"another history"] * 50))
    assert any("the log forked" in p for p in check(log, extra_checkpoints=[fork]).problems)


def test_a_checkpoint_of_another_origin_is_refused() -> None:
    log = FakeLog(100)
    assert any("of another log" in p for p in check(log, origin="wulian.example/other").problems)


def test_a_wrong_stored_hash_under_a_good_checkpoint_is_reported_but_blames_no_entry() -> None:
    log = FakeLog(100)
    log.rows[5] = (log.rows[5][0], merkle.leaf_hash(b"wrong"))
    report = check(log)
    assert not report.ok and report.first_bad_index is None
    assert "the stored hash of entry 5 is wrong though its data matches the checkpoint" in report.render()


def test_tampering_after_the_latest_checkpoint_is_caught_by_the_stored_hashes() -> None:
    log = FakeLog(105)
    log.set_data(102, b"changed")
    del log.rows[103]
    report = check(log)
    assert report.first_bad_index == 102
    assert "entry 102: its data does not match its stored hash" in report.render()


def export_lines(log: FakeLog) -> list[str]:
    def b64(value: bytes) -> str:
        return base64.b64encode(value).decode()

    lines = [json.dumps({"format": "wulian-audit-log", "version": 1})]
    lines += [json.dumps({"index": i, "data": b64(d), "leaf_hash": b64(h)}) for i, d, h in log.entries() if h]
    lines += [json.dumps({"size": s, "checkpoint": n}) for s, n in log.checkpoints()]
    return lines


def test_an_export_verifies_and_its_tampering_is_named() -> None:
    log = FakeLog(100)
    assert verify_log(ExportSource(export_lines(log)), KEY).ok
    log.set_data(41, b"changed")
    report = verify_log(ExportSource(export_lines(log)), KEY)
    assert report.first_bad_index == 41


def test_an_unreadable_export_line_is_a_problem_and_a_wrong_header_an_error() -> None:
    lines = export_lines(FakeLog(20, (20,)))
    lines[5] = "{not json"
    report = verify_log(ExportSource(lines), KEY)
    assert any("line 6 cannot be read" in p for p in report.problems)
    assert report.first_bad_index == 4
    with pytest.raises(ExportFormatError):
        ExportSource(['{"format": "something else"}'])
    with pytest.raises(ExportFormatError):
        ExportSource([])
