"""Demo suggestions for the embedded mode, loaded once (only into an empty register)."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from sqlmodel import Session, select

from services.suggestions import commands, domain, handlers
from services.suggestions.repository import SuggestionRow
from wulian.kit.demo import demo_principal
from wulian.kit.principal import Principal

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
    """The demo suggestions; the bus-line one is assigned jointly to transport (lead) and housing, and
    transport has made its first contact, so that every demo login has something to look at."""
    if session.exec(select(SuggestionRow.id).limit(1)).first() is not None:
        return 0
    ids = []
    for username, title, content, category in DEMO_SUGGESTIONS:
        principal = demo_principal(realm_file, username)
        command = domain.SubmitSuggestion(title=title, content=content, category=category)
        ids.append(handlers.submit_suggestion(session, principal, command).id)
    clerk, office, transport = (demo_principal(realm_file, u) for u in ("clerk", "office", "transport"))
    proposal = commands.ProposeAssignment("transport", ("housing",), False, "已与交通运输局、住建局提前会商")
    contact = commands.RecordContact(handlers.utc_now(), "phone", "交通运输局王科长", "约定下周到村组实地查看")
    steps: list[tuple[Principal, handlers.Action]] = [
        (clerk, lambda s, now: s.propose_assignment(clerk, proposal, now)),
        (office, lambda s, now: s.confirm_assignment(office, now)),
        (transport, lambda s, now: s.record_contact(transport, replace(contact, contacted_at=now), now)),
    ]
    for who, step in steps:
        handlers.act(session, who, ids[1], step)
    return len(DEMO_SUGGESTIONS)
