"""Which roles may call which route. A route that is not in the table is refused (deny by default).

This is the coarse, route-level check; the owning service decides again per object.
"""

from __future__ import annotations

import re
from typing import Final

from starlette.routing import compile_path

from wulian.kit.principal import ROLE_BODIES

ANY_ROLE: Final = frozenset(ROLE_BODIES)
CONGRESS_STAFF = frozenset({"congress_clerk", "congress_committee", "congress_leader"})
DISCIPLINE = frozenset({"discipline_commission", "discipline_station"})
SUGGESTION_READERS = CONGRESS_STAFF | DISCIPLINE | {"deputy", "gov_supervision_office", "gov_department"}
STATS_READERS = SUGGESTION_READERS  # every reader; the service narrows the rows to the caller's scope
DRAFTERS = frozenset({"deputy", "congress_clerk"})  # a clerk drafts on a deputy's behalf
SUGGESTION = "/api/v1/suggestions/{suggestion_id}"
# 线索移送: congress staff transfer in their own name; the service narrows each reader (the transferring
# body sees status only, platform_admin counts only); the discipline commission alone acts on a clue.
CLUE_TRANSFERRERS = CONGRESS_STAFF
CLUE_READERS = CONGRESS_STAFF | DISCIPLINE | {"platform_admin"}
CLUE_HANDLERS = frozenset({"discipline_commission"})
CLUE = "/api/v1/clues/{clue_id}"
# The audit log holds no contents; it exists to be checked by every body that takes part.
AUDIT_READERS = CONGRESS_STAFF | DISCIPLINE | {"gov_supervision_office", "platform_admin"}

# 司法监督联动: the congress's organizers keep the pool, build batches, run draws and write findings; the
# discipline station supervises (reads the pool masked, every batch and draw, and witnesses the draws); the
# court and procuratorate register their own cases and answer the findings; an expert sees and answers for
# their own seats. The service narrows every read to the caller's scope (platform_admin counts only).
ORGANIZERS = frozenset({"congress_clerk", "congress_committee"})
STATION = frozenset({"discipline_station"})
JUDICIAL = frozenset({"court", "procuratorate"})
EXPERT_ROLE = frozenset({"expert"})
COUNTS_ONLY = frozenset({"platform_admin"})
EXPERT = "/api/v1/experts/{expert_id}"
CASE = "/api/v1/cases/{case_id}"
REVIEW = "/api/v1/reviews/{review_id}"
DRAW = "/api/v1/draws/{draw_id}"
FINDING = "/api/v1/findings/{finding_id}"

# allowed() takes the first template that matches, in this order: static paths such as
# /suggestions/stats come before /suggestions/{suggestion_id}, which would match them too.
ROUTE_POLICY: dict[tuple[str, str], frozenset[str]] = {
    ("GET", "/api/v1/me"): ANY_ROLE,
    ("GET", "/api/v1/events"): ANY_ROLE,
    ("POST", "/api/v1/suggestions"): DRAFTERS,
    ("GET", "/api/v1/suggestions"): SUGGESTION_READERS,
    ("GET", "/api/v1/suggestions/export"): SUGGESTION_READERS,
    ("GET", "/api/v1/suggestions/stats"): STATS_READERS,
    ("GET", "/api/v1/suggestions/stats/export"): STATS_READERS,
    ("GET", SUGGESTION): SUGGESTION_READERS,
    ("GET", f"{SUGGESTION}/history"): SUGGESTION_READERS,
    ("PATCH", SUGGESTION): DRAFTERS,
    ("POST", f"{SUGGESTION}/submit"): DRAFTERS,
    ("POST", f"{SUGGESTION}/cosigners"): DRAFTERS,
    ("POST", f"{SUGGESTION}/assignment"): frozenset({"congress_clerk"}),
    ("POST", f"{SUGGESTION}/assignment/confirm"): frozenset({"gov_supervision_office"}),
    ("POST", f"{SUGGESTION}/assignment/send-back"): frozenset({"gov_supervision_office"}),
    ("POST", f"{SUGGESTION}/contacts"): frozenset({"gov_department"}),
    ("POST", f"{SUGGESTION}/opinions"): frozenset({"gov_department"}),
    ("POST", f"{SUGGESTION}/reply"): frozenset({"gov_department"}),
    ("POST", f"{SUGGESTION}/evaluation"): frozenset({"deputy"}),
    ("POST", f"{SUGGESTION}/return-visits"): DISCIPLINE,
    ("POST", f"{SUGGESTION}/escalations"): CONGRESS_STAFF,
    ("POST", f"{SUGGESTION}/escalations/{{escalation_no}}/response"): frozenset({"discipline_commission"}),
    ("POST", "/api/v1/clues"): CLUE_TRANSFERRERS,
    ("GET", "/api/v1/clues"): CLUE_READERS,
    ("GET", CLUE): CLUE_READERS,
    ("POST", f"{CLUE}/acknowledge"): CLUE_HANDLERS,
    ("POST", f"{CLUE}/accept"): CLUE_HANDLERS,
    ("POST", f"{CLUE}/decline"): CLUE_HANDLERS,
    ("POST", f"{CLUE}/dispositions"): CLUE_HANDLERS,
    ("POST", f"{CLUE}/feedback"): CLUE_HANDLERS,
    ("GET", "/api/v1/audit/checkpoint"): AUDIT_READERS,
    ("GET", "/api/v1/audit/entries/{index}/proof"): AUDIT_READERS,
    ("GET", "/api/v1/audit/consistency"): AUDIT_READERS,
    ("POST", "/api/v1/experts"): ORGANIZERS,
    ("GET", "/api/v1/experts"): ORGANIZERS | STATION | EXPERT_ROLE | COUNTS_ONLY,
    ("GET", "/api/v1/experts/export"): ORGANIZERS | STATION,
    ("POST", "/api/v1/experts/import"): ORGANIZERS,
    ("GET", EXPERT): ORGANIZERS | STATION | EXPERT_ROLE,
    ("PATCH", EXPERT): ORGANIZERS,
    ("POST", f"{EXPERT}/suspend"): ORGANIZERS,
    ("POST", f"{EXPERT}/reinstate"): ORGANIZERS,
    ("POST", f"{EXPERT}/leave"): ORGANIZERS,
    ("POST", "/api/v1/cases"): ORGANIZERS | JUDICIAL,
    ("GET", "/api/v1/cases"): ORGANIZERS | STATION | JUDICIAL | EXPERT_ROLE | COUNTS_ONLY,
    ("GET", CASE): ORGANIZERS | STATION | JUDICIAL | EXPERT_ROLE,
    ("PATCH", CASE): ORGANIZERS | JUDICIAL,
    ("POST", f"{CASE}/withdraw"): ORGANIZERS | JUDICIAL,
    ("POST", "/api/v1/reviews"): ORGANIZERS,
    ("GET", "/api/v1/reviews"): ORGANIZERS | STATION | JUDICIAL | EXPERT_ROLE | COUNTS_ONLY,
    ("GET", REVIEW): ORGANIZERS | STATION | JUDICIAL | EXPERT_ROLE,
    ("PATCH", REVIEW): ORGANIZERS,
    ("POST", f"{REVIEW}/start"): ORGANIZERS,
    ("POST", f"{REVIEW}/close"): ORGANIZERS,
    ("POST", f"{REVIEW}/cancel"): ORGANIZERS,
    ("POST", f"{REVIEW}/draws"): ORGANIZERS,
    ("POST", f"{REVIEW}/cases/{{case_id}}/answer"): EXPERT_ROLE | ORGANIZERS,
    ("POST", f"{REVIEW}/cases/{{case_id}}/scores"): EXPERT_ROLE | ORGANIZERS,  # organizers: paper forms
    ("POST", f"{REVIEW}/findings"): ORGANIZERS,
    ("POST", f"{DRAW}/witness"): STATION,
    ("POST", f"{DRAW}/cancel"): ORGANIZERS,
    ("GET", DRAW): ORGANIZERS | STATION,
    ("GET", f"{DRAW}/verify"): ORGANIZERS | STATION,
    ("GET", f"{DRAW}/record"): ORGANIZERS | STATION,
    ("GET", f"{DRAW}/record.pdf"): ORGANIZERS | STATION,
    ("GET", "/api/v1/findings"): ORGANIZERS | STATION | JUDICIAL | COUNTS_ONLY,
    ("GET", FINDING): ORGANIZERS | STATION | JUDICIAL,
    ("PATCH", FINDING): ORGANIZERS,
    ("POST", f"{FINDING}/issue"): ORGANIZERS,
    ("POST", f"{FINDING}/accept-explanation"): ORGANIZERS,
    ("POST", f"{FINDING}/reject-explanation"): ORGANIZERS,
    ("POST", f"{FINDING}/send-back"): ORGANIZERS,
    ("POST", f"{FINDING}/close-out"): ORGANIZERS,
    ("POST", f"{FINDING}/misconduct"): ORGANIZERS,
    ("POST", f"{FINDING}/answer"): JUDICIAL,
    ("POST", f"{FINDING}/rectification"): JUDICIAL,
    ("GET", "/api/v1/case-review/audit"): ORGANIZERS | STATION,
}


_COMPILED: list[tuple[str, str, re.Pattern[str]]] = [
    (method, template, compile_path(template)[0]) for method, template in ROUTE_POLICY
]


def matching_template(method: str, path: str) -> str | None:
    """The first template of the table that ``method path`` (concrete, or a template) matches."""
    for entry_method, template, pattern in _COMPILED:
        if entry_method == method and pattern.fullmatch(path):
            return template
    return None


def allowed(method: str, path: str, roles: frozenset[str]) -> bool:
    """Whether any of ``roles`` may call ``method path`` (a concrete path or its template)."""
    template = matching_template(method, path)
    return template is not None and not ROUTE_POLICY[method, template].isdisjoint(roles)
