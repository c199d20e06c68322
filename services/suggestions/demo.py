"""Demo suggestions for the embedded mode, loaded once (only into an empty register)."""

from __future__ import annotations

from pathlib import Path

from sqlmodel import Session, select

from services.suggestions import domain, handlers
from services.suggestions.repository import SuggestionRow
from wulian.kit.demo import demo_principal

DEMO_SUGGESTIONS = [
    (
        "deputy1",
        "关于加快城区背街小巷改造的建议",
        "城区部分背街小巷路面破损、排水不畅、照明不足，建议纳入年度民生实事，分批改造并明确完成时限。",
        "urban_construction",
    ),
    (
        "deputy1",
        "关于增开城乡公交线路的建议",
        "偏远村组群众出行不便，建议交通运输部门优化线路，增开至乡镇卫生院和学校的公交班次。",
        "transport",
    ),
    (
        "deputy2",
        "关于加强老旧小区加装电梯工作的建议",
        "老旧小区加装电梯审批环节多、协调难，建议住建部门简化流程并加大补贴力度。",
        "urban_construction",
    ),
]


def load_once(session: Session, realm_file: Path) -> int:
    if session.exec(select(SuggestionRow.id).limit(1)).first() is not None:
        return 0
    for username, title, content, category in DEMO_SUGGESTIONS:
        principal = demo_principal(realm_file, username)
        command = domain.SubmitSuggestion(title=title, content=content, category=category)
        handlers.submit_suggestion(session, principal, command)
    return len(DEMO_SUGGESTIONS)
