"""Excel workbooks as a clerk would upload them."""

from __future__ import annotations

import io
from collections.abc import Sequence

from openpyxl import Workbook


def xlsx(rows: Sequence[Sequence[object]]) -> bytes:
    """One sheet of ``rows``, the first of them the header."""
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    for row in rows:
        sheet.append(list(row))
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()
