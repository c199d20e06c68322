"""Spreadsheets (.xlsx) of suggestions and of their statistics, for clerks who file and forward them.

Workbooks are write-only (rows stream to disk, memory stays flat for thousands of rows). Codes become
the Chinese labels a clerk reads; the tables are copied from the suggestions service
(services/suggestions/domain.py), because the gateway does not import another service's code. An
unknown code is shown as it is rather than dropped. Times are shown in Beijing time.
"""

from __future__ import annotations

import io
from collections.abc import Iterable, Sequence
from datetime import UTC
from typing import Any
from urllib.parse import quote
from zoneinfo import ZoneInfo

from google.protobuf.message import Message
from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter
from openpyxl.worksheet._write_only import WriteOnlyWorksheet

from wulian.suggestions.v1 import suggestions_pb2 as pb

XLSX_MEDIA_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
SHANGHAI = ZoneInfo("Asia/Shanghai")

CATEGORY_LABELS: dict[str, str] = {
    "economy": "经济发展",
    "urban_construction": "城乡建设",
    "transport": "交通运输",
    "education": "教育科技",
    "health": "医疗卫生",
    "social_security": "社会保障",
    "environment": "生态环境",
    "agriculture": "农业农村",
    "rule_of_law": "民主法治",
    "other": "其他",
}
STATUS_LABELS: dict[str, str] = {
    "draft": "草稿",
    "submitted": "待交办",
    "assignment_proposed": "待确认交办",
    "assigned": "办理中",
    "replied": "待测评",
    "rehandling": "重新办理中",
    "closed": "已办结",
}
SATISFACTION_LABELS: dict[str, str] = {
    "satisfied": "满意",
    "basically_satisfied": "基本满意",
    "dissatisfied": "不满意",
}

SUGGESTION_HEADERS = (
    "编号",
    "标题",
    "类别",
    "状态",
    "提出代表",
    "提出时间",
    "主办单位",
    "协办单位",
    "答复期限",
    "是否逾期联系",
    "是否逾期答复",
    "最新测评",
    "是否督办",
)
UNIT_STATS_HEADERS = (
    "承办单位",
    "年度",
    "承办件数",
    "主办件数",
    "已联系",
    "48小时内联系",
    "逾期联系",
    "已答复",
    "按期答复",
    "已测评",
    "满意",
    "基本满意",
    "不满意",
    "满意率",
    "重新办理",
    "督办",
)
DEPUTY_STATS_HEADERS = (
    "代表",
    "年度",
    "提出件数",
    "附议件数",
    "已交办",
    "已答复",
    "已办结",
    "已测评",
    "满意",
    "基本满意",
    "不满意",
    "重新办理",
    "督办",
)


def content_disposition(filename: str, ascii_fallback: str) -> str:
    """An attachment header every browser reads: an ASCII name, and the real one as RFC 5987 UTF-8."""
    return f"attachment; filename=\"{ascii_fallback}\"; filename*=UTF-8''{quote(filename)}"


def local_time(message: Message, field: str) -> str:
    """``field`` of ``message`` in Beijing time to the minute; "" when unset."""
    if not message.HasField(field):
        return ""
    return getattr(message, field).ToDatetime(tzinfo=UTC).astimezone(SHANGHAI).strftime("%Y-%m-%d %H:%M")


def yes_no(value: bool) -> str:
    return "是" if value else "否"


def latest_verdict(message: pb.Suggestion) -> str:
    if not message.evaluations:
        return ""
    latest = max(message.evaluations, key=lambda e: (e.round, e.evaluated_at.seconds))
    return SATISFACTION_LABELS.get(latest.overall, latest.overall)


def suggestion_row(message: pb.Suggestion) -> list[Any]:
    assignment = message.assignment
    return [
        message.number,
        message.title,
        CATEGORY_LABELS.get(message.category, message.category),
        STATUS_LABELS.get(message.status, message.status),
        message.deputy_name or message.deputy_subject,
        local_time(message, "submitted_at"),
        assignment.lead_unit,
        "、".join(assignment.co_units),
        local_time(message, "reply_due_at"),
        yes_no(message.contact_overdue),
        yes_no(message.reply_overdue),
        latest_verdict(message),
        yes_no(message.escalated),
    ]


def unit_stats_row(stats: pb.UnitStats) -> list[Any]:
    rate = stats.satisfaction_rate if stats.evaluated else None
    return [
        stats.unit,
        stats.year or "全部",
        stats.assigned,
        stats.as_lead,
        stats.contacted,
        stats.contacted_within_48h,
        stats.contact_overdue,
        stats.replied,
        stats.replied_on_time,
        stats.evaluated,
        stats.satisfied,
        stats.basically_satisfied,
        stats.dissatisfied,
        rate,
        stats.rehandled,
        stats.escalated,
    ]


def deputy_stats_row(stats: pb.DeputyStats) -> list[Any]:
    return [
        stats.deputy_subject,
        stats.year or "全部",
        stats.submitted,
        stats.cosigned,
        stats.assigned,
        stats.replied,
        stats.closed,
        stats.evaluated,
        stats.satisfied,
        stats.basically_satisfied,
        stats.dissatisfied,
        stats.rehandled,
        stats.escalated,
    ]


def _cell(sheet: WriteOnlyWorksheet, value: Any, number_format: str = "") -> Any:
    """A value as a cell: text is cleaned of characters XML cannot hold and never read as a formula."""
    if isinstance(value, float) and number_format:
        cell = WriteOnlyCell(sheet, value=value)
        cell.number_format = number_format
        return cell
    if not isinstance(value, str):
        return value
    value = ILLEGAL_CHARACTERS_RE.sub("", value)
    if not value.startswith("="):
        return value
    cell = WriteOnlyCell(sheet, value=value)
    cell.data_type = "s"  # a deputy's title "=HYPERLINK(…)" stays text
    return cell


def _add_sheet(
    workbook: Workbook, title: str, headers: Sequence[str], rows: Iterable[list[Any]], widths: Sequence[int]
) -> None:
    sheet = workbook.create_sheet(title)
    assert isinstance(sheet, WriteOnlyWorksheet)
    for index, width in enumerate(widths):
        sheet.column_dimensions[get_column_letter(index + 1)].width = width
    sheet.freeze_panes = "A2"
    bold = Font(bold=True)
    header_cells = []
    for header in headers:
        cell = WriteOnlyCell(sheet, value=header)
        cell.font = bold
        header_cells.append(cell)
    sheet.append(header_cells)
    for row in rows:
        sheet.append([_cell(sheet, value, "0.0%") for value in row])


def _save(workbook: Workbook) -> bytes:
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


Sheet = tuple[str, Sequence[str], Iterable[list[Any]], Sequence[int]]  # title, headers, rows, widths


def sheets_workbook(sheets: Iterable[Sheet]) -> bytes:
    """A workbook of one sheet per (title, headers, rows, widths), cells cleaned as every export's are."""
    workbook = Workbook(write_only=True)
    for title, headers, rows, widths in sheets:
        _add_sheet(workbook, title, headers, rows, widths)
    return _save(workbook)


def table_workbook(title: str, headers: Sequence[str], rows: Iterable[list[Any]], widths: Sequence[int]) -> bytes:
    """One sheet of ``headers`` and ``rows``."""
    return sheets_workbook([(title, headers, rows, widths)])


def suggestions_workbook(messages: Iterable[pb.Suggestion]) -> bytes:
    """One sheet 代表建议, a row per suggestion in the order given."""
    return suggestion_rows_workbook(suggestion_row(m) for m in messages)


def suggestion_rows_workbook(rows: Iterable[list[Any]]) -> bytes:
    """The same from rows made by ``suggestion_row``, so a long export need not keep every message."""
    widths = (12, 40, 10, 12, 12, 18, 16, 28, 18, 12, 12, 10, 10)
    return table_workbook("代表建议", SUGGESTION_HEADERS, rows, widths)


def stats_workbook(stats: pb.Stats) -> bytes:
    """Two sheets: 承办单位 (a row per unit and year) and 代表 (a row per deputy and year)."""
    unit_rows = (unit_stats_row(s) for s in stats.units)
    deputy_rows = (deputy_stats_row(s) for s in stats.deputies)
    return sheets_workbook(
        [
            ("承办单位", UNIT_STATS_HEADERS, unit_rows, (20, *[10] * 15)),
            ("代表", DEPUTY_STATS_HEADERS, deputy_rows, (36, *[10] * 12)),
        ]
    )
