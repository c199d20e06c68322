"""``wulian draw verify``: a draw recomputed from its record file alone, as an auditor runs it."""

from __future__ import annotations

import io
import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from services.case_review import draw as d
from services.case_review.domain import Category
from services.case_review.draw import DrawRules, PoolMember
from services.case_review.recusal import Reason, ReasonCode
from wulian import cli

ROOT = Path(__file__).resolve().parents[3]
POOL = [
    PoolMember("e-01", Category.LAWYER, frozenset({"commercial"})),
    PoolMember("e-02", Category.LAWYER, frozenset({"civil"})),
    PoolMember("e-03", Category.PROFESSOR, frozenset({"civil", "commercial"})),
    PoolMember("e-04", Category.PROFESSOR),
    PoolMember("e-05", Category.DEPUTY),
    PoolMember("e-06", Category.DEPUTY, frozenset({"enforcement"})),
    PoolMember("e-07", Category.OTHER, frozenset({"commercial"})),
    PoolMember("e-08", Category.LAWYER, frozenset({"criminal"})),
]
CASES = ("（2026）鄂02民初7号", "（2026）鄂02执3号")
RULES = DrawRules(experts_per_case=2, backups_per_case=2, max_cases_per_expert=1, category_quotas={Category.LAWYER: 1})
EXCLUSIONS = {CASES[0]: {"e-02": (Reason(ReasonCode.REPRESENTED_PARTY, "曾代理本案当事人"),)}}
SEED = bytes(range(7, 39))
ENTROPY = "驻市人大常委会机关纪检监察组 掷骰 2-6-3-5".encode()


def record_text() -> str:
    return d.record_to_json(d.make_record(SEED, ENTROPY, POOL, CASES, EXCLUSIONS, RULES))


def body() -> dict[str, Any]:
    parsed: dict[str, Any] = json.loads(record_text())
    return parsed


def write(tmp_path: Path, record: dict[str, Any] | str) -> str:
    path = tmp_path / "draw-record.json"
    path.write_text(record if isinstance(record, str) else json.dumps(record, ensure_ascii=False), encoding="utf-8")
    return str(path)


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = cli.main(["draw", "verify", *argv])
    out, err = capsys.readouterr()
    return code, out, err


def test_a_good_record_verifies_and_shows_the_recomputed_draw(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    stored = body()
    code, out, err = run(capsys, write(tmp_path, stored))
    assert (code, err) == (0, "")
    assert "算法 (algorithm): wulian-draw/v1" in out
    assert f"种子哈希 (seed commitment) {stored['seed_commitment']}: 相符 (matches)" in out
    assert f"专家库快照 (pool snapshot, 8 名) {stored['pool_snapshot_hash']}: 相符 (matches)" in out
    for number, case in enumerate(stored["result"]["cases"], start=1):
        assert f"案件 {number} (case {number}): {case['case_id']}" in out
        assert f"评查专家 (main): {', '.join(case['main'])}" in out
        assert f"备选专家，按顺位 (backups, in order): {', '.join(case['backups'])}" in out
    assert out.rstrip().endswith("核验通过 (verified)")
    assert "问题" not in out and "记录为" not in out


def other_expert(stored: dict[str, Any], case: dict[str, Any]) -> str:
    """An expert of the pool who is on neither list of the case."""
    taken = {*case["main"], *case["backups"]}
    return next(p["expert_id"] for p in stored["pool"] if p["expert_id"] not in taken)


def swap_expert(stored: dict[str, Any]) -> None:
    case = stored["result"]["cases"][1]
    case["main"][1] = other_expert(stored, case)


def change_seed(stored: dict[str, Any]) -> None:
    stored["seed"] = bytes(32).hex()


def change_entropy(stored: dict[str, Any]) -> None:
    stored["witness_entropy"] = "驻市人大常委会机关纪检监察组 掷骰 2-6-3-6".encode().hex()


def change_pool_member(stored: dict[str, Any]) -> None:
    stored["pool"][4]["category"] = "professor"  # e-05, a deputy, listed as a professor


WRONG_RESULT = "问题 (problem): 重算的抽取结果与记录的结果不符"


@pytest.mark.parametrize(
    ("tamper", "problems"),
    [
        (swap_expert, [WRONG_RESULT]),
        (change_seed, ["问题 (problem): 种子与事先公布的种子哈希不符", WRONG_RESULT]),
        (change_entropy, [WRONG_RESULT]),
        (change_pool_member, ["问题 (problem): 专家库快照与事先公布的快照哈希不符", WRONG_RESULT]),
    ],
    ids=["an expert of the result", "the seed", "the witness entropy", "a pool member"],
)
def test_a_changed_record_fails_and_names_its_problems(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], tamper: Any, problems: list[str]
) -> None:
    stored = body()
    tamper(stored)
    code, out, err = run(capsys, write(tmp_path, stored))
    assert (code, err) == (1, "")
    assert [line for line in out.splitlines() if line.startswith("问题")] == problems
    assert out.rstrip().endswith(f"核验未通过 (NOT verified): {len(problems)} 项问题 (problems)")
    assert "核验通过 (verified)" not in out
    assert "与记录不符，记录为 (the record differs)" in out  # the case whose experts differ is shown
    seed_check = "不符 (does NOT match)" if tamper is change_seed else "相符 (matches)"
    assert f"种子哈希 (seed commitment) {stored['seed_commitment']}: {seed_check}" in out


def test_only_the_changed_case_is_marked(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    stored = body()
    swap_expert(stored)
    _, out, _ = run(capsys, write(tmp_path, stored))
    lines = out.splitlines()
    marked = [lines[i - 3] for i, line in enumerate(lines) if line.startswith("  与记录不符")]
    assert marked == [f"案件 2 (case 2): {CASES[1]}"]
    recorded = stored["result"]["cases"][1]
    assert f"  与记录不符，记录为 (the record differs): {', '.join(recorded['main'])}; " in out


def test_json_output_for_a_machine(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    stored = body()
    code, out, _ = run(capsys, write(tmp_path, stored), "--json")
    result = json.loads(out)
    assert code == 0
    assert result["ok"] is True and result["problems"] == []
    assert result["cases"] == stored["result"]["cases"]
    assert result["seed_commitment_ok"] is True and result["pool_snapshot_ok"] is True
    change_seed(stored)
    code, out, _ = run(capsys, write(tmp_path, stored), "--json")
    result = json.loads(out)
    assert code == 1
    assert result["ok"] is False and result["seed_commitment_ok"] is False
    assert result["problems"] == ["种子与事先公布的种子哈希不符", "重算的抽取结果与记录的结果不符"]


def test_a_failed_draw_that_recomputes_to_the_same_failure_verifies(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    pool = [PoolMember("e-01", Category.LAWYER), PoolMember("e-02", Category.LAWYER)]
    rules = DrawRules(experts_per_case=1, category_quotas={Category.LAWYER: 1})
    exclusions = {CASES[1]: {"e-01": EXCLUSIONS[CASES[0]]["e-02"]}}
    records = (d.make_record(bytes([i]) * 16, ENTROPY, pool, CASES, exclusions, rules) for i in range(64))
    failed = next(r for r in records if r.failure)
    code, out, _ = run(capsys, write(tmp_path, d.record_to_json(failed)))
    assert code == 0
    assert f"重算：抽取未成立 (recomputed: the draw has no result); 记录为 (recorded): {failed.failure}" in out
    assert "核验通过 (verified)" in out and "案件 1" not in out


@pytest.mark.parametrize("content", ["这不是抽取记录", '{"seed": "00"}', "[1, 2]", '"text"'])
def test_a_malformed_record_is_a_usage_error(tmp_path: Path, capsys: pytest.CaptureFixture[str], content: str) -> None:
    code, out, err = run(capsys, write(tmp_path, content))
    assert (code, out) == (2, "")
    assert err.startswith("错误 (error): 抽取记录格式不对 (malformed draw record)")


def test_a_missing_or_undecodable_file_is_a_usage_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    missing = tmp_path / "no-such-record.json"
    code, out, err = run(capsys, str(missing))
    assert (code, out) == (2, "")
    assert err.startswith(f"错误 (error): 读不了抽取记录 (cannot read the draw record) {missing}")
    latin = tmp_path / "latin-1.json"
    latin.write_bytes(record_text().encode("utf-8").replace(b"\xe6", b"\xff"))
    assert run(capsys, str(latin))[0] == 2


def test_the_record_can_come_on_standard_input(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(record_text().encode("utf-8")), encoding="utf-8"))
    code, out, _ = run(capsys, "-")
    assert code == 0 and out.rstrip().endswith("核验通过 (verified)")


def command() -> list[str]:
    """The installed ``wulian`` script beside this interpreter, as an auditor runs it; the module otherwise."""
    script = Path(sys.executable).with_name("wulian")
    return [str(script)] if script.exists() else [sys.executable, "-m", "wulian.cli"]


def test_the_installed_command_reads_a_record_from_a_pipe(tmp_path: Path) -> None:
    good = subprocess.run(
        [*command(), "draw", "verify", "-"], input=record_text().encode(), cwd=ROOT, capture_output=True, timeout=60
    )
    assert good.returncode == 0, good.stderr.decode()
    assert good.stdout.decode().rstrip().endswith("核验通过 (verified)")
    stored = body()
    change_entropy(stored)
    bad = subprocess.run(
        [*command(), "draw", "verify", write(tmp_path, stored)], cwd=ROOT, capture_output=True, timeout=60
    )
    assert bad.returncode == 1
    assert WRONG_RESULT in bad.stdout.decode()
