"""The printable draw record: read back from the PDF itself (pypdf), never from what was meant to be drawn."""

from __future__ import annotations

import dataclasses
import io
from datetime import UTC, datetime

import pytest
from pypdf import PdfReader

from services.case_review import commands
from services.case_review import draw as d
from services.case_review.domain import Category
from services.case_review.draw import DrawRecord, DrawRules, PoolMember
from services.case_review.draw_pdf import CaseLabel, PrintContext, beijing_minute, render
from services.case_review.experts import Expert
from services.case_review.recusal import Reason, ReasonCode
from tests.unit.case_review.builders import CLERK, ID_1, ID_N, T0, procuratorate_case, profile, registered
from wulian.kit.errors import InvalidArgument

# Experts of the pool as the service keeps them: each with a phone and an ID number that must never print.
ID_NUMBERS = {**ID_N, 8: ID_1}
PEOPLE = {
    1: ("王建国", "lawyer", ("commercial", "civil")),
    2: ("李秀英", "professor", ("civil",)),
    3: ("张伟", "lawyer", ("enforcement",)),
    4: ("刘洋", "deputy", ("bankruptcy",)),
    5: ("陈静", "professor", ("administrative",)),
    6: ("杨帆", "other", ("commercial",)),
    7: ("赵敏", "lawyer", ("criminal",)),
    8: ("黄磊", "deputy", ("labor",)),
}


def expert(n: int) -> Expert:
    name, category, specialties = PEOPLE[n]
    fields = {"name": name, "category": category, "specialties": specialties, "phone": f"1390716{n:04d}"}
    return Expert.join(f"x-{n}", CLERK, commands.JoinExpert(profile(**fields, id_number=ID_NUMBERS[n])), T0)


EXPERTS = [expert(n) for n in PEOPLE]
POOL = [PoolMember(e.id, e.profile.category, frozenset(e.profile.specialties)) for e in EXPERTS]
CASES = [registered("c-1"), procuratorate_case("c-2")]
CASE_IDS = ("c-1", "c-2")
RULES = DrawRules(experts_per_case=2, backups_per_case=2, max_cases_per_expert=1, category_quotas={Category.LAWYER: 1})
FIRM = Reason(ReasonCode.SAME_FIRM, "就职于本案代理律师所在的“湖北某某律师事务所”")
COOLING = Reason(ReasonCode.COOLING_OFF, "2026-01-05 曾评查承办人赵某某办理的案件，未满 365 日回避期")
EXCLUSIONS: d.Exclusions = {"c-1": {"x-1": (FIRM,)}, "c-2": {"x-5": (COOLING,), "x-6": (FIRM, COOLING)}}
SEED = bytes(range(100, 132))
ENTROPY = "驻市人大常委会机关纪检监察组 掷骰 6-2-4-1".encode()
BEGUN = datetime(2026, 11, 23, 6, 5, tzinfo=UTC)  # 14:05 in Beijing


def context(**changes: object) -> PrintContext:
    base = PrintContext(
        batch_name="2026年度涉企案件质量评查（第一批）",
        batch_id="b-1",
        draw_id="d-7",
        organizer="孙立平",
        organizer_role="市人大常委会监察和司法工作委员会",
        supervisor="驻市人大常委会机关纪检监察组 周国强",
        begun_at=BEGUN,
        witnessed_at=datetime(2026, 11, 23, 6, 9, tzinfo=UTC),
        cases={c.id: CaseLabel(c.details.number, c.details.unit_name) for c in CASES},
        experts={e.id: e.profile.name for e in EXPERTS},
    )
    return dataclasses.replace(base, **changes)  # type: ignore[arg-type]


def record() -> DrawRecord:
    return d.make_record(SEED, ENTROPY, POOL, CASE_IDS, EXCLUSIONS, RULES)


def pdf_text(data: bytes) -> list[str]:
    """Each page's text as pypdf reads it from the PDF's content streams."""
    return [page.extract_text() for page in PdfReader(io.BytesIO(data)).pages]


def squash(text: str) -> str:
    """Text without white space, so a phrase wrapped across lines or cells is still found."""
    return "".join(text.split())


def between(text: str, start: str, end: str) -> str:
    return text[text.index(squash(start)) : text.index(squash(end), text.index(squash(start)))]


def name(expert_id: str) -> str:
    return context().experts[expert_id]


def test_the_record_prints_who_what_when_and_the_whole_result() -> None:
    rec = record()
    assert rec.result is not None and rec.failure is None
    data = render(rec, context())
    assert data.startswith(b"%PDF")
    text = squash("".join(pdf_text(data)))
    for phrase in (
        "案件质量评查专家随机抽取记录", "2026年度涉企案件质量评查（第一批）", "批次编号b-1", "抽取编号d-7",
        "组织人孙立平（市人大常委会监察和司法工作委员会）", "监督人驻市人大常委会机关纪检监察组 周国强",
        "开始抽取时间2026年11月23日 14:05", "监督方提供随机数时间2026年11月23日 14:09", "抽取算法wulian-draw/v1",
        rec.seed_commitment, rec.pool_snapshot_hash, SEED.hex(), ENTROPY.hex(), "随机数按UTF-8读作" + ENTROPY.decode(),
        "专家库人数8 名", "每案评查专家2 名", "每案备选专家2 名（按顺位递补）", "每名专家本批次最多评查1 件",
        "每案配额律师至少 1 名", "核验结果：一致", "组织人（签字）", "监督人（派驻纪检监察组，签字）", "日期",
    ):  # fmt: skip
        assert squash(phrase) in text, phrase
    first = between(text, "第 1 件", "第 2 件")
    second = between(text, "第 2 件", "五、核验")
    assert squash("（2025）鄂02民初123号 黄石市中级人民法院") in first
    assert squash("鄂黄检民监〔2025〕42020000012号 黄石市人民检察院") in second
    assert squash(f"{name('x-1')}律师{FIRM.text}") in first
    assert squash(f"{name('x-5')}高校教授{COOLING.text}") in second
    assert squash(f"{name('x-6')}其他专家{FIRM.text}；{COOLING.text}") in second
    for section, case in zip((first, second), rec.result.cases, strict=True):
        main = between(section, "评查专家：", "备选专家")
        backups = section[section.index(squash("备选专家（按顺位递补）：")) :]
        for rank, expert_id in enumerate(case.main, start=1):
            assert f"{rank}{name(expert_id)}" in main
        for rank, expert_id in enumerate(case.backups, start=1):
            assert f"{rank}{name(expert_id)}" in backups
        assert len(case.main) == 2 and len(case.backups) == 2


def test_a_replacement_and_a_shortfall_are_printed() -> None:
    rules = dataclasses.replace(RULES, backups_per_case=4)  # eight experts cannot give two cases 2 + 4 each
    rec = d.make_record(SEED, ENTROPY, POOL, CASE_IDS, EXCLUSIONS, rules)
    assert rec.result is not None and rec.result.shortfalls
    declined = rec.result.cases[0].main[0]
    swap = d.replace(rec.result, POOL, rules, "c-1", declined)
    text = squash("".join(pdf_text(render(rec, context(replacements=(swap,))))))
    first = between(text, "第 1 件", "第 2 件")
    expected = f"替换：{name(declined)} 不能参加，由第 {swap.backup_rank} 顺位备选专家 {name(swap.replacement)} 递补"
    assert squash(expected) in first
    assert "替换" not in between(text, "第 2 件", "五、核验")
    for shortfall in rec.result.shortfalls:
        assert squash(shortfall) in text


def failed_record() -> DrawRecord:
    """Two lawyers, one case each: when the first case draws the lawyer the second may take, it fails."""
    pool = [PoolMember("x-1", Category.LAWYER), PoolMember("x-3", Category.LAWYER), PoolMember("x-4", Category.DEPUTY)]
    rules = DrawRules(experts_per_case=1, max_cases_per_expert=1, category_quotas={Category.LAWYER: 1})
    exclusions = {"c-2": {"x-1": (FIRM,)}}
    for i in range(64):
        rec = d.make_record(bytes([i]) * 16, ENTROPY, pool, CASE_IDS, exclusions, rules)
        if rec.failure:
            return rec
    raise AssertionError("no seed among 64 makes this draw fail")


def test_a_failed_draw_prints_its_failure_and_no_experts() -> None:
    rec = failed_record()
    assert rec.result is None and rec.failure is not None
    reason = "专家库调整后重新组织抽取"
    text = squash("".join(pdf_text(render(rec, context(cancellation_reason=reason)))))
    assert squash(f"本次抽取未成立：{rec.failure}") in text
    assert squash(f"本次抽取已取消，原因：{reason}") in text
    assert squash(f"{name('x-1')}律师{FIRM.text}") in text  # the exclusions still stand on the record
    assert "评查专家：" not in text and "备选专家（" not in text
    assert "核验结果：一致" in text  # the recorded failure is what the record recomputes to
    assert "组织人（签字）" in text


def test_a_tampered_record_prints_that_it_does_not_verify() -> None:
    rec = record()
    assert rec.result is not None
    first = rec.result.cases[0]
    forged = dataclasses.replace(first, main=(first.backups[0], *first.main[1:]))
    tampered = dataclasses.replace(rec, result=dataclasses.replace(rec.result, cases=(forged, *rec.result.cases[1:])))
    text = squash("".join(pdf_text(render(tampered, context()))))
    assert "核验结果：不一致" in text and "核验结果：一致" not in text
    assert squash("1. 重算的抽取结果与记录的结果不符") in text


def test_experts_are_printed_by_name_category_and_specialty_never_by_phone_or_id_number() -> None:
    text = squash("".join(pdf_text(render(record(), context()))))
    pool = between(text, "附：抽取时的专家库", "六、签字")
    for i, e in enumerate(EXPERTS, start=1):
        specialties = {"commercial": "商事", "civil": "民事", "enforcement": "执行", "administrative": "行政"}
        specialties |= {"criminal": "刑事", "labor": "劳动争议", "bankruptcy": "破产"}
        labels = "、".join(specialties[s] for s in sorted(e.profile.specialties))
        category = {"lawyer": "律师", "professor": "高校教授", "deputy": "人大代表", "other": "其他专家"}
        assert squash(f"{i}{e.id}{e.profile.name}{category[e.profile.category]}{labels}") in pool
        assert e.profile.phone not in text and e.profile.id_number not in text
        assert e.profile.employer not in pool


def test_a_long_pool_and_long_exclusion_lists_run_onto_numbered_pages() -> None:
    pool = [PoolMember(f"p-{i:03d}", list(Category)[i % 4], frozenset({"civil"})) for i in range(240)]
    cases = tuple(f"c-{n}" for n in range(1, 6))
    excluded = {c: {m.expert_id: (COOLING,) for m in pool[n * 30 : n * 30 + 25]} for n, c in enumerate(cases)}
    rec = d.make_record(SEED, ENTROPY, pool, cases, excluded, RULES)
    assert rec.result is not None
    names = {m.expert_id: f"专家{m.expert_id}" for m in pool}
    labels = {c: CaseLabel(f"（2026）鄂02民初{n}号", "黄石市中级人民法院") for n, c in enumerate(cases, start=1)}
    pages = pdf_text(render(rec, context(cases=labels, experts=names, draw_id="d-long")))
    assert len(pages) > 3
    for number, page in enumerate(pages, start=1):
        assert squash(f"抽取编号 d-long 第 {number} 页 共 {len(pages)} 页") in squash(page)
    text = squash("".join(pages))
    assert all(f"{i}{m.expert_id}{names[m.expert_id]}" in text for i, m in enumerate(pool, start=1))  # no row lost
    assert text.count(squash(COOLING.text)) == 5 * 25
    assert sum("专家编号" in page for page in pages) > 1  # the pool table's header repeats on each page
    assert "监督人（派驻纪检监察组，签字）" in squash(pages[-1])


def test_the_same_record_and_context_give_the_same_bytes() -> None:
    rec = record()
    assert render(rec, context()) == render(record(), context())
    assert render(rec, context()) != render(rec, context(draw_id="d-8"))


def test_times_are_printed_in_beijing_and_must_carry_a_zone() -> None:
    assert beijing_minute(datetime(2026, 12, 31, 16, 30, tzinfo=UTC)) == "2027年1月1日 00:30"
    with pytest.raises(InvalidArgument, match="时区"):
        context(witnessed_at=datetime(2026, 11, 23, 14, 9))


def test_a_context_that_does_not_fit_the_record_is_refused() -> None:
    rec = record()
    assert rec.result is not None
    with pytest.raises(InvalidArgument, match="缺少专家姓名：x-8"):
        render(rec, context(experts={k: v for k, v in context().experts.items() if k != "x-8"}))
    with pytest.raises(InvalidArgument, match="缺少案号：c-2"):
        render(rec, context(cases={"c-1": context().cases["c-1"]}))
    case = rec.result.cases[0]
    wrong_rank = d.Replacement("c-1", case.main[0], case.backups[1], 1)
    with pytest.raises(InvalidArgument, match="替换记录与抽取结果不符"):
        render(rec, context(replacements=(wrong_rank,)))
