"""Spreadsheets built from the service's messages, reopened as a clerk's Excel would read them."""

from __future__ import annotations

import io
from datetime import UTC, datetime
from typing import Any

from openpyxl import load_workbook

from services.gateway.export import (
    CATEGORY_LABELS,
    DEPUTY_STATS_HEADERS,
    STATUS_LABELS,
    SUGGESTION_HEADERS,
    UNIT_STATS_HEADERS,
    content_disposition,
    stats_workbook,
    suggestions_workbook,
)
from wulian.suggestions.v1 import suggestions_pb2 as pb

MARCH_1_0800_BEIJING = datetime(2026, 3, 1, 0, 0, tzinfo=UTC)


def suggestion(n: int, **fields: Any) -> pb.Suggestion:
    values: dict[str, Any] = {
        "id": f"s-{n}",
        "number": f"2026-{n:04d}",
        "title": f"关于第{n}件事的建议",
        "content": "内容",
        "category": "transport",
        "status": "assigned",
        "deputy_subject": f"deputy-{n}",
        "deputy_name": "张代表",
        "submitted_at": MARCH_1_0800_BEIJING,
    }
    return pb.Suggestion(**(values | fields))


def sheet_rows(data: bytes, sheet: str | None = None) -> list[tuple[Any, ...]]:
    workbook = load_workbook(io.BytesIO(data), read_only=True)
    worksheet = workbook[sheet] if sheet else workbook.worksheets[0]
    return list(worksheet.iter_rows(values_only=True))


def test_headers_labels_and_one_row_per_suggestion() -> None:
    handled = suggestion(
        1,
        assignment=pb.Assignment(lead_unit="交通运输局", co_units=["财政局", "住建局"]),
        reply_due_at=datetime(2026, 6, 1, 16, 0, tzinfo=UTC),
        contact_overdue=True,
        evaluations=[
            pb.Evaluation(overall="dissatisfied", round=0, evaluated_at=datetime(2026, 4, 1, tzinfo=UTC)),
            pb.Evaluation(overall="basically_satisfied", round=1, evaluated_at=datetime(2026, 5, 1, tzinfo=UTC)),
        ],
        escalated=True,
    )
    data = suggestions_workbook([handled, suggestion(2, category="health", status="submitted")])
    header, first, second = sheet_rows(data)
    assert header == SUGGESTION_HEADERS
    assert header[0] == "编号" and header[-1] == "是否督办"
    row = dict(zip(header, first, strict=True))
    assert row == {
        "编号": "2026-0001",
        "标题": "关于第1件事的建议",
        "类别": "交通运输",
        "状态": "办理中",
        "提出代表": "张代表",
        "提出时间": "2026-03-01 08:00",
        "主办单位": "交通运输局",
        "协办单位": "财政局、住建局",
        "答复期限": "2026-06-02 00:00",
        "是否逾期联系": "是",
        "是否逾期答复": "否",
        "最新测评": "基本满意",
        "是否督办": "是",
    }
    assert second[2:4] == ("医疗卫生", "待交办")
    assert second[6:9] == (None, None, None)  # no assignment, no reply due: empty cells
    assert second[11] is None


def test_a_draft_without_number_or_time_and_an_unknown_code_shown_as_it_is() -> None:
    draft = pb.Suggestion(id="d", title="草稿", category="weather", status="draft", deputy_subject="dep-7")
    (_, row) = sheet_rows(suggestions_workbook([draft]))
    assert row[0] is None and row[5] is None
    assert row[2:5] == ("weather", "草稿", "dep-7")


def test_text_that_looks_like_a_formula_stays_text_and_control_characters_go() -> None:
    tricky = suggestion(1, title='=HYPERLINK("http://evil.example","点此")', deputy_name="王\x0b代表")
    workbook = load_workbook(io.BytesIO(suggestions_workbook([tricky])))
    title, name = workbook.worksheets[0]["B2"], workbook.worksheets[0]["E2"]
    assert title.data_type == "s"
    assert title.value == '=HYPERLINK("http://evil.example","点此")'
    assert name.value == "王代表"


def test_no_suggestions_gives_a_header_only_sheet() -> None:
    rows = sheet_rows(suggestions_workbook([]))
    assert rows == [SUGGESTION_HEADERS]


def test_many_rows() -> None:
    rows = sheet_rows(suggestions_workbook(suggestion(n) for n in range(1, 501)))
    assert len(rows) == 501
    assert rows[-1][0] == "2026-0500"


def test_label_tables_cover_every_code_of_the_service() -> None:
    assert set(STATUS_LABELS) == {
        "draft",
        "submitted",
        "assignment_proposed",
        "assigned",
        "replied",
        "rehandling",
        "closed",
    }
    assert len(CATEGORY_LABELS) == 10


def test_stats_workbook_has_a_sheet_per_unit_and_per_deputy() -> None:
    stats = pb.Stats(
        units=[
            pb.UnitStats(
                unit="交通运输局",
                year=2026,
                assigned=5,
                as_lead=3,
                evaluated=4,
                satisfied=2,
                basically_satisfied=1,
                dissatisfied=1,
                satisfaction_rate=0.75,
            ),
            pb.UnitStats(unit="财政局", year=2026, assigned=1),
        ],
        deputies=[pb.DeputyStats(deputy_subject="deputy-1", year=0, submitted=2, cosigned=1)],
    )
    data = stats_workbook(stats)
    workbook = load_workbook(io.BytesIO(data))
    assert workbook.sheetnames == ["承办单位", "代表"]
    units = sheet_rows(data, "承办单位")
    assert units[0] == UNIT_STATS_HEADERS
    first = dict(zip(UNIT_STATS_HEADERS, units[1], strict=True))
    assert (first["承办单位"], first["年度"], first["承办件数"], first["满意率"]) == ("交通运输局", 2026, 5, 0.75)
    assert workbook["承办单位"]["N2"].number_format == "0.0%"
    assert units[2][13] is None  # nothing evaluated: no rate rather than 0 %
    deputies = sheet_rows(data, "代表")
    assert deputies == [DEPUTY_STATS_HEADERS, ("deputy-1", "全部", 2, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0)]


def test_empty_stats_give_header_only_sheets() -> None:
    data = stats_workbook(pb.Stats())
    assert sheet_rows(data, "承办单位") == [UNIT_STATS_HEADERS]
    assert sheet_rows(data, "代表") == [DEPUTY_STATS_HEADERS]


def test_content_disposition_carries_an_ascii_and_a_utf8_name() -> None:
    header = content_disposition("代表建议.xlsx", "suggestions.xlsx")
    assert header.isascii()
    assert header == (
        "attachment; filename=\"suggestions.xlsx\"; filename*=UTF-8''%E4%BB%A3%E8%A1%A8%E5%BB%BA%E8%AE%AE.xlsx"
    )
