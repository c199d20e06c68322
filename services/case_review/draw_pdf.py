"""抽取记录（打印件） — the printable record of an expert draw, for the organizer's and the supervisor's
signatures (issue 5: "lists organizer, supervisor, rules, exclusions, result and backups").

The draw record (``draw.DrawRecord``) carries ids only; ``PrintContext`` brings what a clerk reads
instead — the batch, who organized and who supervised, when, case numbers and experts' names. It has
no field for an expert's phone or ID number, so none can be printed. Every category and specialty is
printed from the record itself, so the printout cannot disagree with what was drawn.

The PDF uses reportlab's built-in CID font STSong-Light (no font file to ship) and is rendered with
``invariant=1``: the same record and context give the same bytes. Pages are numbered "第 i 页 共 n 页"
with the draw id, so a page taken out of a signed record shows.
"""

from __future__ import annotations

import io
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.cidfonts import UnicodeCIDFont
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable, KeepTogether, Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

from services.case_review.domain import CATEGORY_LABELS, SHANGHAI
from services.case_review.draw import SPECIALTY_LABELS, DrawRecord, PoolMember, Replacement, verify
from services.case_review.recusal import Reason
from wulian.kit.errors import InvalidArgument

TITLE = "案件质量评查专家随机抽取记录"
FONT = "STSong-Light"
MONO = "Courier"
MARGIN = 18 * mm
WIDTH = A4[0] - 2 * MARGIN


@dataclass(frozen=True)
class CaseLabel:
    number: str  # 案号, e.g. （2026）鄂02民初1号
    unit: str  # the court or procuratorate whose case it is


@dataclass(frozen=True)
class PrintContext:
    """What the record alone does not carry. ``experts`` maps every expert of the record's pool to the
    name printed for them; ``replacements`` are the batch's replacements so far, in order."""

    batch_name: str
    batch_id: str
    draw_id: str
    organizer: str
    organizer_role: str  # e.g. 市人大常委会办公室
    supervisor: str  # the discipline group stationed at the congress, and who witnessed for it
    begun_at: datetime
    witnessed_at: datetime
    cases: Mapping[str, CaseLabel]
    experts: Mapping[str, str]  # expert id → display name
    replacements: Sequence[Replacement] = ()
    cancellation_reason: str | None = None

    def __post_init__(self) -> None:
        for moment in (self.begun_at, self.witnessed_at):
            if moment.tzinfo is None or moment.utcoffset() is None:
                raise InvalidArgument("打印抽取记录的时间必须带时区")


def render(record: DrawRecord, context: PrintContext) -> bytes:
    """The record as an A4 PDF, with the result of ``verify(record)`` printed on it."""
    _check_context(record, context)
    if FONT not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(UnicodeCIDFont(FONT))
    out = io.BytesIO()
    doc = SimpleDocTemplate(
        out, pagesize=A4, invariant=1, title=TITLE, subject=context.batch_name, creator="wulian",
        leftMargin=MARGIN, rightMargin=MARGIN, topMargin=MARGIN, bottomMargin=MARGIN + 6 * mm,
    )  # fmt: skip
    doc.build(_Writer(record, context).story(), canvasmaker=_numbered(f"抽取编号 {context.draw_id}"))
    return out.getvalue()


def _check_context(record: DrawRecord, context: PrintContext) -> None:
    """Every expert and case of the record has a label, and each replacement names its backup by rank."""
    named = {m.expert_id for m in record.pool} | {x.expert_id for x in record.exclusions}
    named |= {e for r in context.replacements for e in (r.declined, r.replacement)}
    if missing := sorted(named - set(context.experts)):
        raise InvalidArgument(f"打印抽取记录缺少专家姓名：{'、'.join(missing[:10])}")
    if missing := [c for c in record.cases if c not in context.cases]:
        raise InvalidArgument(f"打印抽取记录缺少案号：{'、'.join(missing[:10])}")
    backups = {c.case_id: c.backups for c in record.result.cases} if record.result else {}
    for x in context.replacements:
        if backups.get(x.case_id, ())[x.backup_rank - 1 : x.backup_rank] != (x.replacement,):
            raise InvalidArgument(f"替换记录与抽取结果不符：{x.case_id} / {x.replacement}")


def beijing_minute(moment: datetime) -> str:
    local = moment.astimezone(SHANGHAI)
    return f"{local.year}年{local.month}月{local.day}日 {local:%H:%M}"


def _style(name: str, size: float, **more: Any) -> ParagraphStyle:
    return ParagraphStyle(name, fontName=FONT, fontSize=size, leading=size * 1.5, wordWrap="CJK", **more)


TEXT = _style("text", 10.5)
SMALL = _style("small", 9)
HEX = ParagraphStyle("hex", parent=SMALL, fontName=MONO, fontSize=8.5, leading=12)
LABEL = _style("label", 10.5, keepWithNext=1)  # a line that introduces a table stays on its page
HEADING = _style("heading", 12.5, spaceBefore=8, spaceAfter=4, keepWithNext=1)
CASE_HEADING = _style("case", 11, spaceBefore=8, spaceAfter=2, keepWithNext=1)
TITLE_STYLE = _style("title", 17, alignment=1, spaceAfter=4)
SUBTITLE = _style("subtitle", 11.5, alignment=1, spaceAfter=8)


def _p(text: str, style: ParagraphStyle = TEXT) -> Paragraph:
    return Paragraph(escape(text), style)


def _table(header: Sequence[str], rows: Iterable[Sequence[str]], widths: Sequence[float]) -> Table:
    """A ruled table whose header repeats on every page it runs onto."""
    data = [[_p(h, SMALL) for h in header], *([_p(cell, SMALL) for cell in row] for row in rows)]
    table = Table(data, colWidths=[w * WIDTH for w in widths], repeatRows=1, hAlign="LEFT")
    table.setStyle(
        TableStyle([
            ("GRID", (0, 0), (-1, -1), 0.5, colors.black),
            ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#E8E8E8")),
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ])
    )  # fmt: skip
    return table


class _Writer:
    """Builds the story, section by section, in the order a clerk reads the record."""

    def __init__(self, record: DrawRecord, context: PrintContext) -> None:
        self.record, self.context = record, context
        self.pool = {m.expert_id: m for m in record.pool}

    def story(self) -> list[Flowable]:
        return [
            _p(TITLE, TITLE_STYLE),
            _p(self.context.batch_name, SUBTITLE),
            *self.basics(),
            *self.commitments(),
            *self.rules(),
            *self.result(),
            *self.verification(),
            *self.pool_list(),
            self.signatures(),
        ]

    def name(self, expert_id: str) -> str:
        return self.context.experts[expert_id]

    def category(self, expert_id: str) -> str:
        member = self.pool.get(expert_id)
        return CATEGORY_LABELS[member.category] if member else ""

    def specialties(self, member: PoolMember | None) -> str:
        return "、".join(SPECIALTY_LABELS.get(s, s) for s in sorted(member.specialties)) if member else ""

    def basics(self) -> list[Flowable]:
        c = self.context
        rows = [
            ("评查批次", c.batch_name),
            ("批次编号", c.batch_id),
            ("抽取编号", c.draw_id),
            ("组织人", f"{c.organizer}（{c.organizer_role}）"),
            ("监督人", c.supervisor),
            ("开始抽取时间", beijing_minute(c.begun_at)),
            ("监督方提供随机数时间", beijing_minute(c.witnessed_at)),
            ("抽取算法", self.record.algorithm),
        ]
        return [_p("一、基本情况", HEADING), _table(("项目", "内容"), rows, (0.3, 0.7))]

    def commitments(self) -> list[Flowable]:
        r = self.record

        def hex_row(label: str, value: str) -> list[Flowable]:
            return [_p(label, SMALL), Paragraph(value, HEX)]

        rows = [
            hex_row("种子哈希（抽取前公布）", r.seed_commitment),
            hex_row("专家库快照哈希（抽取前公布）", r.pool_snapshot_hash),
            hex_row("种子（抽取后公开）", r.seed.hex()),
            hex_row("监督方提供的随机数", r.witness_entropy.hex()),
        ]
        if words := _readable(r.witness_entropy):
            rows.append([_p("随机数按 UTF-8 读作", SMALL), _p(words, SMALL)])
        rows.append([_p("专家库人数", SMALL), _p(f"{len(r.pool)} 名", SMALL)])
        table = Table(rows, colWidths=[0.3 * WIDTH, 0.7 * WIDTH], hAlign="LEFT")
        table.setStyle(TableStyle([("GRID", (0, 0), (-1, -1), 0.5, colors.black), ("VALIGN", (0, 0), (-1, -1), "TOP")]))
        return [_p("二、抽取依据", HEADING), table]

    def rules(self) -> list[Flowable]:
        rules = self.record.rules
        quotas = "；".join(f"{q.label}至少 {q.minimum} 名" for q in rules.quotas()) or "无"
        rows = [
            ("每案评查专家", f"{rules.experts_per_case} 名"),
            ("每案备选专家", f"{rules.backups_per_case} 名（按顺位递补）"),
            ("每名专家本批次最多评查", f"{rules.max_cases_per_expert} 件"),
            ("每案配额", quotas),
            ("案件数（按抽取顺序）", f"{len(self.record.cases)} 件"),
        ]
        return [_p("三、抽取规则", HEADING), _table(("规则", "内容"), rows, (0.3, 0.7))]

    def result(self) -> list[Flowable]:
        r, out = self.record, [_p("四、回避与抽取结果", HEADING)]
        if r.result is None:
            out.append(_p(f"本次抽取未成立：{r.failure or '记录中没有抽取结果'}"))
        if self.context.cancellation_reason:
            out.append(_p(f"本次抽取已取消，原因：{self.context.cancellation_reason}"))
        excluded = r.exclusion_map()
        drawn = {c.case_id: c for c in r.result.cases} if r.result else {}
        for number, case_id in enumerate(r.cases, start=1):
            label = self.context.cases[case_id]
            out.append(_p(f"第 {number} 件　{label.number}　{label.unit}", CASE_HEADING))
            out += self.exclusions(excluded.get(case_id, {}))
            if case := drawn.get(case_id):
                out += self.experts("评查专家", "序号", case.main)
                out += self.experts("备选专家（按顺位递补）", "顺位", case.backups)
                out += self.replacements(case_id)
        if r.result and r.result.shortfalls:
            out.append(_p("备选不足：", LABEL))
            out += [_p(s) for s in r.result.shortfalls]
        return out

    def exclusions(self, excluded: Mapping[str, Sequence[Reason]]) -> list[Flowable]:
        if not excluded:
            return [_p("回避专家：无")]
        rows = [
            (self.name(e), self.category(e), "；".join(reason.text for reason in reasons))
            for e, reasons in sorted(excluded.items())
        ]
        return [_p("回避专家：", LABEL), _table(("专家", "类别", "回避事由"), rows, (0.2, 0.15, 0.65))]

    def experts(self, heading: str, rank: str, ids: Sequence[str]) -> list[Flowable]:
        if not ids:
            return [_p(f"{heading}：无")]
        rows = [
            (str(i), self.name(e), self.category(e), self.specialties(self.pool.get(e)))
            for i, e in enumerate(ids, start=1)
        ]
        return [_p(f"{heading}：", LABEL), _table((rank, "专家", "类别", "专业"), rows, (0.1, 0.25, 0.2, 0.45))]

    def replacements(self, case_id: str) -> list[Flowable]:
        lines = []
        for x in (x for x in self.context.replacements if x.case_id == case_id):
            declined, replacement = self.name(x.declined), self.name(x.replacement)
            lines.append(_p(f"替换：{declined} 不能参加，由第 {x.backup_rank} 顺位备选专家 {replacement} 递补"))
        return lines

    def verification(self) -> list[Flowable]:
        check = verify(self.record)
        out = [_p("五、核验", HEADING)]
        if check.ok:
            out.append(_p("核验结果：一致（按本记录的种子、随机数、专家库快照和规则重新计算，结果与记录相符）"))
        else:
            out.append(_p("核验结果：不一致"))
            out += [_p(f"{i}. {problem}") for i, problem in enumerate(check.problems, start=1)]
        out.append(_p("任何人可用本记录的电子文件独立核验：wulian draw verify 记录文件", SMALL))
        return out

    def pool_list(self) -> list[Flowable]:
        rows = [
            (str(i), m.expert_id, self.name(m.expert_id), CATEGORY_LABELS[m.category], self.specialties(m))
            for i, m in enumerate(self.record.pool, start=1)
        ]
        table = _table(("序号", "专家编号", "专家", "类别", "专业"), rows, (0.08, 0.22, 0.2, 0.15, 0.35))
        return [_p(f"附：抽取时的专家库（快照，共 {len(rows)} 名）", HEADING), table]

    def signatures(self) -> Flowable:
        rows = [
            [_p("组织人（签字）："), "", _p("日期："), ""],
            [_p("监督人（派驻纪检监察组，签字）："), "", _p("日期："), ""],
        ]
        table = Table(rows, colWidths=[0.38 * WIDTH, 0.3 * WIDTH, 0.1 * WIDTH, 0.22 * WIDTH], rowHeights=14 * mm)
        table.setStyle(
            TableStyle([
                ("LINEBELOW", (1, 0), (1, -1), 0.6, colors.black),
                ("LINEBELOW", (3, 0), (3, -1), 0.6, colors.black),
                ("VALIGN", (0, 0), (-1, -1), "BOTTOM"),
            ])
        )  # fmt: skip
        return KeepTogether([Spacer(1, 10 * mm), _p("六、签字", HEADING), table])


def _readable(data: bytes) -> str:
    """The witness entropy as text, when it is printable UTF-8 (a station often types a phrase)."""
    try:
        text = data.decode()
    except UnicodeDecodeError:
        return ""
    return text if text.isprintable() else ""


def _numbered(footer: str) -> Callable[..., Canvas]:
    """A canvas maker that prints "<footer>　第 i 页 共 n 页" at the foot of every page."""

    class NumberedCanvas(Canvas):  # type: ignore[misc]  # reportlab is untyped
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            self._pages: list[dict[str, Any]] = []

        def showPage(self) -> None:  # reportlab's name
            self._pages.append(dict(self.__dict__))
            self._startPage()

        def save(self) -> None:
            for number, page in enumerate(self._pages, start=1):
                self.__dict__.update(page)
                self.setFont(FONT, 8.5)
                self.drawCentredString(A4[0] / 2, MARGIN / 2, f"{footer}　第 {number} 页 共 {len(self._pages)} 页")
                super().showPage()
            super().save()

    return NumberedCanvas
