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

# 部门工作联评, 无记名测评, 整改台账, 民生实事联督 (services/evaluation; its domain.py says who acts). The
# organizers run campaigns, ballot sessions, candidates and project votes. Deputies alone cast ballots and
# picks (the service checks the electorate). Reads reach every congress, government and discipline role —
# a deputy sits on appraisal teams and sees sessions and projects, a department its own — and the service
# narrows each to its scope; platform_admin gets counts from the lists and never a ballot or a result.
VOTERS = frozenset({"deputy"})
OFFICE = frozenset({"gov_supervision_office"})
DEPARTMENT = frozenset({"gov_department"})
EVALUATION_READERS = CONGRESS_STAFF | DISCIPLINE | VOTERS | OFFICE | DEPARTMENT
# Appraisals: the commission alone files reference information; a team's members (congress leaders, committee
# members, deputies) and the organizers record its activities.
REFERENCE_FILERS = frozenset({"discipline_commission"})
ACTIVITY_RECORDERS = CONGRESS_STAFF | VOTERS
# The ledger: a body raises, edits, closes out and follows up in its own name (the congress's organizers, the
# discipline roles, the supervision office); the responsible unit — a department, a court, a procuratorate —
# plans and reports; each reader sees the items of its scope.
RAISERS = ORGANIZERS | DISCIPLINE | OFFICE
UNITS = DEPARTMENT | JUDICIAL
LEDGER_READERS = CONGRESS_STAFF | DISCIPLINE | OFFICE | UNITS
# Projects: a department reports on its own projects; the congress and the discipline roles inspect jointly; a
# department has no part in the vote.
INSPECTORS = ORGANIZERS | DISCIPLINE
VOTE_READERS = EVALUATION_READERS - DEPARTMENT
APPRAISAL = "/api/v1/appraisals/{appraisal_id}"
SESSION = "/api/v1/ballot-sessions/{session_id}"
ITEM = "/api/v1/rectifications/{item_id}"
CANDIDATE = "/api/v1/projects/candidates/{candidate_id}"
VOTE = "/api/v1/project-votes/{vote_id}"
PROJECT = "/api/v1/projects/{project_id}"

# 监督事项联商 (services/consultation; its domain.BODY_STAFF says who acts for which body). A body acts through its
# staff — the congress's clerks, committees and leaders, the discipline commission and its station, the
# government's supervision office — who convene joint meetings, issue and read bulletins and analyse together in
# their body's name; the service shows each the objects its body takes part in (platform_admin: counts).
BODIES_STAFF = CONGRESS_STAFF | DISCIPLINE | OFFICE
# Plans: the congress drafts its supervision plan and the commission its draft work report; the owner's staff
# alone change, approve and link a plan, ask other bodies for opinions on it and record what they adopt.
PLAN_OWNERS = CONGRESS_STAFF | DISCIPLINE
# Deputies propose plan items, answer where the congress is consulted on the commission's work report and read
# the approved supervision plan; the other bodies' staff propose items and answer when consulted. Departments,
# courts, the procuratorate and experts take no part.
DEPUTIES = frozenset({"deputy"})
CONSULTATION_PARTIES = BODIES_STAFF | DEPUTIES
PLAN = "/api/v1/plans/{plan_id}"
CONSULTATION = "/api/v1/consultations/{consultation_id}"
OPINION = "/api/v1/opinions/{opinion_id}"
MEETING = "/api/v1/meetings/{meeting_id}"
BULLETIN = "/api/v1/bulletins/{bulletin_id}"
ANALYSIS = "/api/v1/analyses/{analysis_id}"

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
    ("POST", "/api/v1/appraisals"): ORGANIZERS,
    ("GET", "/api/v1/appraisals"): EVALUATION_READERS | COUNTS_ONLY,
    ("GET", APPRAISAL): EVALUATION_READERS,
    ("PATCH", APPRAISAL): ORGANIZERS,
    ("POST", f"{APPRAISAL}/start"): ORGANIZERS,
    ("POST", f"{APPRAISAL}/references"): REFERENCE_FILERS,
    ("POST", f"{APPRAISAL}/activities"): ACTIVITY_RECORDERS,
    ("POST", f"{APPRAISAL}/ballot-sessions"): ORGANIZERS,
    ("GET", f"{APPRAISAL}/suggestion-figures"): EVALUATION_READERS,
    ("GET", f"{APPRAISAL}/results"): EVALUATION_READERS,
    ("POST", f"{APPRAISAL}/conclude"): ORGANIZERS,
    ("POST", f"{APPRAISAL}/cancel"): ORGANIZERS,
    ("POST", "/api/v1/ballot-sessions"): ORGANIZERS,
    ("GET", "/api/v1/ballot-sessions"): EVALUATION_READERS | COUNTS_ONLY,
    ("GET", SESSION): EVALUATION_READERS,
    ("PATCH", SESSION): ORGANIZERS,
    ("POST", f"{SESSION}/open"): ORGANIZERS,
    ("POST", f"{SESSION}/ballots"): VOTERS,
    ("POST", f"{SESSION}/close"): ORGANIZERS,
    ("POST", f"{SESSION}/cancel"): ORGANIZERS,
    ("GET", f"{SESSION}/results"): EVALUATION_READERS,
    ("POST", "/api/v1/rectifications"): RAISERS,
    ("GET", "/api/v1/rectifications"): LEDGER_READERS | COUNTS_ONLY,
    ("GET", "/api/v1/rectifications/six-lists"): LEDGER_READERS,
    ("GET", "/api/v1/rectifications/six-lists.xlsx"): LEDGER_READERS,
    ("GET", ITEM): LEDGER_READERS,
    ("PATCH", ITEM): RAISERS,
    ("POST", f"{ITEM}/withdraw"): RAISERS,
    ("POST", f"{ITEM}/plan"): UNITS,
    ("POST", f"{ITEM}/reports"): UNITS,
    ("POST", f"{ITEM}/close-out"): RAISERS,
    ("POST", f"{ITEM}/follow-ups"): RAISERS,
    ("POST", "/api/v1/projects/candidates"): ORGANIZERS,
    ("GET", "/api/v1/projects/candidates"): EVALUATION_READERS | COUNTS_ONLY,
    ("GET", CANDIDATE): EVALUATION_READERS,
    ("PATCH", CANDIDATE): ORGANIZERS,
    ("POST", f"{CANDIDATE}/withdraw"): ORGANIZERS,
    ("POST", "/api/v1/project-votes"): ORGANIZERS,
    ("GET", "/api/v1/project-votes"): VOTE_READERS | COUNTS_ONLY,
    ("GET", VOTE): VOTE_READERS,
    ("PATCH", VOTE): ORGANIZERS,
    ("POST", f"{VOTE}/open"): ORGANIZERS,
    ("POST", f"{VOTE}/ballots"): VOTERS,
    ("POST", f"{VOTE}/close"): ORGANIZERS,
    ("POST", f"{VOTE}/runoff"): ORGANIZERS,
    ("POST", f"{VOTE}/cancel"): ORGANIZERS,
    ("GET", "/api/v1/projects"): EVALUATION_READERS | COUNTS_ONLY,
    ("GET", PROJECT): EVALUATION_READERS,
    ("POST", f"{PROJECT}/progress"): DEPARTMENT,
    ("POST", f"{PROJECT}/inspections"): INSPECTORS,
    ("POST", f"{PROJECT}/satisfaction-session"): ORGANIZERS,
    ("POST", "/api/v1/plans"): PLAN_OWNERS,
    ("GET", "/api/v1/plans"): CONSULTATION_PARTIES | COUNTS_ONLY,
    ("GET", PLAN): CONSULTATION_PARTIES,
    ("POST", f"{PLAN}/items"): PLAN_OWNERS,
    ("PATCH", f"{PLAN}/items/{{item_no}}"): PLAN_OWNERS,
    ("POST", f"{PLAN}/items/{{item_no}}/remove"): PLAN_OWNERS,
    ("POST", f"{PLAN}/proposals"): CONSULTATION_PARTIES,
    ("POST", f"{PLAN}/proposals/{{proposal_no}}/accept"): PLAN_OWNERS,
    ("POST", f"{PLAN}/proposals/{{proposal_no}}/decline"): PLAN_OWNERS,
    ("POST", f"{PLAN}/approval"): PLAN_OWNERS,
    ("POST", f"{PLAN}/links"): PLAN_OWNERS,
    ("POST", f"{PLAN}/links/{{link_no}}/remove"): PLAN_OWNERS,
    ("POST", f"{PLAN}/consultations"): PLAN_OWNERS,
    ("GET", "/api/v1/consultations"): CONSULTATION_PARTIES | COUNTS_ONLY,
    ("GET", CONSULTATION): CONSULTATION_PARTIES,
    ("POST", f"{CONSULTATION}/close"): PLAN_OWNERS,
    ("POST", f"{CONSULTATION}/opinions"): CONSULTATION_PARTIES,
    ("GET", "/api/v1/opinions"): CONSULTATION_PARTIES | COUNTS_ONLY,
    ("GET", OPINION): CONSULTATION_PARTIES,
    ("POST", f"{OPINION}/adoption"): PLAN_OWNERS,
    ("POST", "/api/v1/meetings"): BODIES_STAFF,
    ("GET", "/api/v1/meetings"): BODIES_STAFF | COUNTS_ONLY,
    ("GET", MEETING): BODIES_STAFF,
    ("POST", f"{MEETING}/minutes"): BODIES_STAFF,
    ("PATCH", f"{MEETING}/minutes"): BODIES_STAFF,
    ("POST", f"{MEETING}/action-items"): BODIES_STAFF,
    ("POST", f"{MEETING}/action-items/{{no}}/complete"): BODIES_STAFF,
    ("POST", f"{MEETING}/action-items/{{no}}/cancel"): BODIES_STAFF,
    ("POST", f"{MEETING}/close"): BODIES_STAFF,
    ("POST", f"{MEETING}/cancel"): BODIES_STAFF,
    ("POST", "/api/v1/bulletins"): BODIES_STAFF,
    ("GET", "/api/v1/bulletins"): BODIES_STAFF | COUNTS_ONLY,
    ("GET", BULLETIN): BODIES_STAFF,
    ("POST", f"{BULLETIN}/acknowledge"): BODIES_STAFF,
    ("POST", f"{BULLETIN}/withdraw"): BODIES_STAFF,
    ("POST", "/api/v1/analyses"): BODIES_STAFF,
    ("GET", "/api/v1/analyses"): BODIES_STAFF | COUNTS_ONLY,
    ("GET", ANALYSIS): BODIES_STAFF,
    ("POST", f"{ANALYSIS}/notes"): BODIES_STAFF,
    ("POST", f"{ANALYSIS}/conclusion"): BODIES_STAFF,
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
