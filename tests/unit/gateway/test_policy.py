import pytest

from services.consultation import domain as consultation_domain
from services.consultation import plan_records
from services.gateway.app import create_app
from services.gateway.policy import ROUTE_POLICY, allowed, matching_template
from wulian.kit.principal import ROLE_BODIES
from wulian.kit.settings import Settings


def test_every_api_route_has_a_policy_entry_and_every_entry_a_route() -> None:
    app = create_app(Settings(env="test"))
    api_routes = {
        (method.upper(), path)
        for path, operations in app.openapi()["paths"].items()
        if path.startswith("/api/")
        for method in operations
    }
    assert api_routes == set(ROUTE_POLICY)


def test_concrete_paths_match_their_template_only() -> None:
    assert allowed("GET", "/api/v1/suggestions/abc-123", frozenset({"deputy"}))
    assert not allowed("GET", "/api/v1/suggestions/abc/extra", frozenset({"deputy"}))
    assert not allowed("GET", "/api/v1/mex", frozenset({"deputy"}))
    assert allowed("POST", "/api/v1/suggestions/abc-123/escalations/2/response", frozenset({"discipline_commission"}))


def test_static_paths_are_not_taken_for_a_suggestion_id() -> None:
    for static in ("/api/v1/suggestions/stats", "/api/v1/suggestions/export", "/api/v1/suggestions/stats/export"):
        assert matching_template("GET", static) == static
    assert matching_template("GET", "/api/v1/suggestions/s-1") == "/api/v1/suggestions/{suggestion_id}"
    assert matching_template("GET", "/api/v1/nothing") is None


def test_deny_by_default() -> None:
    assert not allowed("DELETE", "/api/v1/suggestions/{suggestion_id}", frozenset({"congress_leader"}))
    assert not allowed("POST", "/api/v1/suggestions", frozenset({"congress_leader", "gov_department"}))
    assert allowed("POST", "/api/v1/suggestions", frozenset({"deputy"}))
    assert allowed("POST", "/api/v1/suggestions", frozenset({"congress_clerk"}))
    assert not allowed("GET", "/api/v1/suggestions", frozenset({"court", "expert", "platform_admin"}))
    assert not allowed("GET", "/api/v1/suggestions/stats", frozenset({"court", "expert", "platform_admin"}))
    assert not allowed("GET", "/api/v1/me", frozenset())


def test_each_step_belongs_to_its_actor() -> None:
    base = "/api/v1/suggestions/s-1"
    steps = {
        f"{base}/assignment": "congress_clerk",
        f"{base}/assignment/confirm": "gov_supervision_office",
        f"{base}/assignment/send-back": "gov_supervision_office",
        f"{base}/contacts": "gov_department",
        f"{base}/opinions": "gov_department",
        f"{base}/reply": "gov_department",
        f"{base}/evaluation": "deputy",
        f"{base}/return-visits": "discipline_station",
        f"{base}/escalations": "congress_committee",
        f"{base}/escalations/1/response": "discipline_commission",
    }
    for path, role in steps.items():
        assert allowed("POST", path, frozenset({role})), path
        assert not allowed("POST", path, frozenset({"platform_admin", "court"})), path
    assert not allowed("POST", f"{base}/reply", frozenset({"deputy"}))
    assert not allowed("POST", f"{base}/evaluation", frozenset({"gov_department"}))
    assert not allowed("POST", f"{base}/escalations/1/response", frozenset({"congress_clerk"}))


CLUE = "/api/v1/clues/c-1"
CONGRESS_STAFF = ("congress_clerk", "congress_committee", "congress_leader")
OUTSIDERS = ("deputy", "gov_department", "court", "procuratorate", "expert")


def test_clue_paths_match_their_own_template() -> None:
    assert matching_template("GET", CLUE) == "/api/v1/clues/{clue_id}"
    assert matching_template("POST", f"{CLUE}/acknowledge") == "/api/v1/clues/{clue_id}/acknowledge"
    assert matching_template("GET", "/api/v1/audit/entries/12/proof") == "/api/v1/audit/entries/{index}/proof"
    assert matching_template("GET", "/api/v1/audit/consistency") == "/api/v1/audit/consistency"
    assert matching_template("POST", f"{CLUE}/acknowledge/extra") is None
    assert matching_template("GET", f"{CLUE}/acknowledge") is None
    assert matching_template("DELETE", CLUE) is None


def test_congress_staff_alone_transfer_clues() -> None:
    for role in CONGRESS_STAFF:
        assert allowed("POST", "/api/v1/clues", frozenset({role}))
    for role in (*OUTSIDERS, "gov_supervision_office", "discipline_commission", "discipline_station", "platform_admin"):
        assert not allowed("POST", "/api/v1/clues", frozenset({role})), role


def test_clue_readers_and_the_commission_alone_acting() -> None:
    readers = (*CONGRESS_STAFF, "discipline_commission", "discipline_station", "platform_admin")
    for path in ("/api/v1/clues", CLUE):
        for role in readers:
            assert allowed("GET", path, frozenset({role})), (path, role)
        for role in (*OUTSIDERS, "gov_supervision_office"):
            assert not allowed("GET", path, frozenset({role})), (path, role)
    everyone_else = (*CONGRESS_STAFF, "discipline_station", "platform_admin", "gov_supervision_office", *OUTSIDERS)
    for step in ("acknowledge", "accept", "decline", "dispositions", "feedback"):
        assert allowed("POST", f"{CLUE}/{step}", frozenset({"discipline_commission"})), step
        for role in everyone_else:
            assert not allowed("POST", f"{CLUE}/{step}", frozenset({role})), (step, role)


def test_every_body_checks_the_audit_log() -> None:
    paths = ("/api/v1/audit/checkpoint", "/api/v1/audit/entries/0/proof", "/api/v1/audit/consistency")
    checkers = (*CONGRESS_STAFF, "gov_supervision_office", "discipline_commission", "discipline_station")
    for path in paths:
        for role in (*checkers, "platform_admin"):
            assert allowed("GET", path, frozenset({role})), (path, role)
        for role in OUTSIDERS:
            assert not allowed("GET", path, frozenset({role})), (path, role)
        assert not allowed("POST", path, frozenset(checkers))


# --- 司法监督联动: the matrix as the issue states it, checked for every role --------------------------------

ORGANIZERS = {"congress_clerk", "congress_committee"}
JUDICIAL = {"court", "procuratorate"}
STATION = {"discipline_station"}
READ_ALL = ORGANIZERS | STATION | JUDICIAL | {"expert"}
CASE_REVIEW_ROUTES: list[tuple[str, str, str, set[str]]] = [
    # method, concrete path, the template it must match, the roles allowed
    ("POST", "/api/v1/experts", "/api/v1/experts", ORGANIZERS),
    ("GET", "/api/v1/experts", "/api/v1/experts", ORGANIZERS | STATION | {"expert", "platform_admin"}),
    ("GET", "/api/v1/experts/export", "/api/v1/experts/export", ORGANIZERS | STATION),
    ("POST", "/api/v1/experts/import", "/api/v1/experts/import", ORGANIZERS),
    ("GET", "/api/v1/experts/x-1", "/api/v1/experts/{expert_id}", ORGANIZERS | STATION | {"expert"}),
    ("PATCH", "/api/v1/experts/x-1", "/api/v1/experts/{expert_id}", ORGANIZERS),
    ("POST", "/api/v1/experts/x-1/suspend", "/api/v1/experts/{expert_id}/suspend", ORGANIZERS),
    ("POST", "/api/v1/experts/x-1/reinstate", "/api/v1/experts/{expert_id}/reinstate", ORGANIZERS),
    ("POST", "/api/v1/experts/x-1/leave", "/api/v1/experts/{expert_id}/leave", ORGANIZERS),
    ("POST", "/api/v1/cases", "/api/v1/cases", ORGANIZERS | JUDICIAL),
    ("GET", "/api/v1/cases", "/api/v1/cases", READ_ALL | {"platform_admin"}),
    ("GET", "/api/v1/cases/c-1", "/api/v1/cases/{case_id}", READ_ALL),
    ("PATCH", "/api/v1/cases/c-1", "/api/v1/cases/{case_id}", ORGANIZERS | JUDICIAL),
    ("POST", "/api/v1/cases/c-1/withdraw", "/api/v1/cases/{case_id}/withdraw", ORGANIZERS | JUDICIAL),
    ("POST", "/api/v1/reviews", "/api/v1/reviews", ORGANIZERS),
    ("GET", "/api/v1/reviews", "/api/v1/reviews", READ_ALL | {"platform_admin"}),
    ("GET", "/api/v1/reviews/r-1", "/api/v1/reviews/{review_id}", READ_ALL),
    ("PATCH", "/api/v1/reviews/r-1", "/api/v1/reviews/{review_id}", ORGANIZERS),
    ("POST", "/api/v1/reviews/r-1/start", "/api/v1/reviews/{review_id}/start", ORGANIZERS),
    ("POST", "/api/v1/reviews/r-1/close", "/api/v1/reviews/{review_id}/close", ORGANIZERS),
    ("POST", "/api/v1/reviews/r-1/cancel", "/api/v1/reviews/{review_id}/cancel", ORGANIZERS),
    ("POST", "/api/v1/reviews/r-1/draws", "/api/v1/reviews/{review_id}/draws", ORGANIZERS),
    (
        "POST",
        "/api/v1/reviews/r-1/cases/c-1/answer",
        "/api/v1/reviews/{review_id}/cases/{case_id}/answer",
        ORGANIZERS | {"expert"},
    ),
    (
        "POST",
        "/api/v1/reviews/r-1/cases/c-1/scores",
        "/api/v1/reviews/{review_id}/cases/{case_id}/scores",
        ORGANIZERS | {"expert"},
    ),
    ("POST", "/api/v1/reviews/r-1/findings", "/api/v1/reviews/{review_id}/findings", ORGANIZERS),
    ("POST", "/api/v1/draws/d-1/witness", "/api/v1/draws/{draw_id}/witness", STATION),
    ("POST", "/api/v1/draws/d-1/cancel", "/api/v1/draws/{draw_id}/cancel", ORGANIZERS),
    ("GET", "/api/v1/draws/d-1", "/api/v1/draws/{draw_id}", ORGANIZERS | STATION),
    ("GET", "/api/v1/draws/d-1/verify", "/api/v1/draws/{draw_id}/verify", ORGANIZERS | STATION),
    ("GET", "/api/v1/draws/d-1/record", "/api/v1/draws/{draw_id}/record", ORGANIZERS | STATION),
    ("GET", "/api/v1/draws/d-1/record.pdf", "/api/v1/draws/{draw_id}/record.pdf", ORGANIZERS | STATION),
    ("GET", "/api/v1/findings", "/api/v1/findings", ORGANIZERS | STATION | JUDICIAL | {"platform_admin"}),
    ("GET", "/api/v1/findings/f-1", "/api/v1/findings/{finding_id}", ORGANIZERS | STATION | JUDICIAL),
    ("PATCH", "/api/v1/findings/f-1", "/api/v1/findings/{finding_id}", ORGANIZERS),
    *[
        ("POST", f"/api/v1/findings/f-1/{step}", f"/api/v1/findings/{{finding_id}}/{step}", ORGANIZERS)
        for step in ("issue", "accept-explanation", "reject-explanation", "send-back", "close-out", "misconduct")
    ],
    ("POST", "/api/v1/findings/f-1/answer", "/api/v1/findings/{finding_id}/answer", JUDICIAL),
    ("POST", "/api/v1/findings/f-1/rectification", "/api/v1/findings/{finding_id}/rectification", JUDICIAL),
    ("GET", "/api/v1/case-review/audit", "/api/v1/case-review/audit", ORGANIZERS | STATION),
]
CASE_REVIEW_PREFIXES = tuple(
    f"/api/v1/{p}" for p in ("experts", "cases", "reviews", "draws", "findings", "case-review")
)


def test_every_case_review_route_is_in_the_matrix() -> None:
    in_table = {entry for entry in ROUTE_POLICY if entry[1].startswith(CASE_REVIEW_PREFIXES)}
    assert in_table == {(method, template) for method, _, template, _ in CASE_REVIEW_ROUTES}
    assert len(in_table) == 43


@pytest.mark.parametrize(("method", "path", "template", "roles"), CASE_REVIEW_ROUTES, ids=lambda v: str(v))
def test_case_review_routes_allow_their_roles_and_refuse_every_other(
    method: str, path: str, template: str, roles: set[str]
) -> None:
    assert matching_template(method, path) == template  # static paths are not taken for an id
    for role in ROLE_BODIES:
        assert allowed(method, path, frozenset({role})) is (role in roles), (method, path, role)
    assert not allowed(method, path, frozenset())


def test_nobody_reaches_the_pool_or_a_draw_from_outside_the_link() -> None:
    """The congress leader, the government and the commission take no part in the review (clues about
    judicial staff reach the commission through the clue service)."""
    outsiders = frozenset({"deputy", "congress_leader", "gov_supervision_office", "gov_department"})
    for method, path, _, _ in CASE_REVIEW_ROUTES:
        assert not allowed(method, path, outsiders | {"discipline_commission"}), (method, path)
    assert matching_template("GET", "/api/v1/draws/d-1/record.json") is None
    assert matching_template("DELETE", "/api/v1/experts/x-1") is None


# --- 联评联督 (appraisals, ballot sessions, the ledger, livelihood projects): the domain's actors, every role ---

CONGRESS = {"congress_clerk", "congress_committee", "congress_leader"}
DISCIPLINE = {"discipline_commission", "discipline_station"}
DEPUTY, OFFICE, DEPARTMENT = {"deputy"}, {"gov_supervision_office"}, {"gov_department"}
READERS = CONGRESS | DISCIPLINE | DEPUTY | OFFICE | DEPARTMENT  # the service narrows each to its scope
COUNTS = {"platform_admin"}
RAISERS = ORGANIZERS | DISCIPLINE | OFFICE
UNITS = DEPARTMENT | JUDICIAL
LEDGER = CONGRESS | DISCIPLINE | OFFICE | UNITS
VOTE_READERS = READERS - DEPARTMENT


def evaluation_routes(
    prefix: str, template: str, concrete: str, entries: list[tuple[str, str, set[str]]]
) -> list[tuple[str, str, str, set[str]]]:
    """(method, concrete path, template, roles) for each (method, suffix, roles) under one object's path."""
    return [(m, f"/api/v1/{prefix}{concrete}{x}", f"/api/v1/{prefix}{template}{x}", r) for m, x, r in entries]


EVALUATION_ROUTES: list[tuple[str, str, str, set[str]]] = [
    *evaluation_routes("appraisals", "", "", [("POST", "", ORGANIZERS), ("GET", "", READERS | COUNTS)]),
    *evaluation_routes(
        "appraisals",
        "/{appraisal_id}",
        "/a-1",
        [
            ("GET", "", READERS),
            ("PATCH", "", ORGANIZERS),
            ("POST", "/start", ORGANIZERS),
            ("POST", "/references", {"discipline_commission"}),
            ("POST", "/activities", CONGRESS | DEPUTY),
            ("POST", "/ballot-sessions", ORGANIZERS),
            ("GET", "/suggestion-figures", READERS),
            ("GET", "/results", READERS),
            ("POST", "/conclude", ORGANIZERS),
            ("POST", "/cancel", ORGANIZERS),
        ],
    ),
    *evaluation_routes("ballot-sessions", "", "", [("POST", "", ORGANIZERS), ("GET", "", READERS | COUNTS)]),
    *evaluation_routes(
        "ballot-sessions",
        "/{session_id}",
        "/b-1",
        [
            ("GET", "", READERS),
            ("PATCH", "", ORGANIZERS),
            ("POST", "/open", ORGANIZERS),
            ("POST", "/ballots", DEPUTY),
            ("POST", "/close", ORGANIZERS),
            ("POST", "/cancel", ORGANIZERS),
            ("GET", "/results", READERS),
        ],
    ),
    *evaluation_routes(
        "rectifications",
        "",
        "",
        [
            ("POST", "", RAISERS),
            ("GET", "", LEDGER | COUNTS),
            ("GET", "/six-lists", LEDGER),
            ("GET", "/six-lists.xlsx", LEDGER),
        ],
    ),
    *evaluation_routes(
        "rectifications",
        "/{item_id}",
        "/i-1",
        [
            ("GET", "", LEDGER),
            ("PATCH", "", RAISERS),
            ("POST", "/withdraw", RAISERS),
            ("POST", "/plan", UNITS),
            ("POST", "/reports", UNITS),
            ("POST", "/close-out", RAISERS),
            ("POST", "/follow-ups", RAISERS),
        ],
    ),
    *evaluation_routes(
        "projects", "/candidates", "/candidates", [("POST", "", ORGANIZERS), ("GET", "", READERS | COUNTS)]
    ),
    *evaluation_routes(
        "projects",
        "/candidates/{candidate_id}",
        "/candidates/c-1",
        [("GET", "", READERS), ("PATCH", "", ORGANIZERS), ("POST", "/withdraw", ORGANIZERS)],
    ),
    *evaluation_routes("project-votes", "", "", [("POST", "", ORGANIZERS), ("GET", "", VOTE_READERS | COUNTS)]),
    *evaluation_routes(
        "project-votes",
        "/{vote_id}",
        "/v-1",
        [
            ("GET", "", VOTE_READERS),
            ("PATCH", "", ORGANIZERS),
            ("POST", "/open", ORGANIZERS),
            ("POST", "/ballots", DEPUTY),
            ("POST", "/close", ORGANIZERS),
            ("POST", "/runoff", ORGANIZERS),
            ("POST", "/cancel", ORGANIZERS),
        ],
    ),
    *evaluation_routes("projects", "", "", [("GET", "", READERS | COUNTS)]),
    *evaluation_routes(
        "projects",
        "/{project_id}",
        "/p-1",
        [
            ("GET", "", READERS),
            ("POST", "/progress", DEPARTMENT),
            ("POST", "/inspections", ORGANIZERS | DISCIPLINE),
            ("POST", "/satisfaction-session", ORGANIZERS),
        ],
    ),
]
EVALUATION_PREFIXES = tuple(
    f"/api/v1/{p}" for p in ("appraisals", "ballot-sessions", "rectifications", "projects", "project-votes")
)


def test_every_evaluation_route_is_in_the_matrix() -> None:
    in_table = {entry for entry in ROUTE_POLICY if entry[1].startswith(EVALUATION_PREFIXES)}
    assert in_table == {(method, template) for method, _, template, _ in EVALUATION_ROUTES}
    assert len(in_table) == 51


@pytest.mark.parametrize(("method", "path", "template", "roles"), EVALUATION_ROUTES, ids=lambda v: str(v))
def test_evaluation_routes_allow_their_roles_and_refuse_every_other(
    method: str, path: str, template: str, roles: set[str]
) -> None:
    assert matching_template(method, path) == template  # /projects/candidates, /six-lists are not taken for an id
    for role in ROLE_BODIES:
        assert allowed(method, path, frozenset({role})) is (role in roles), (method, path, role)
    assert not allowed(method, path, frozenset())


def test_nobody_but_a_deputy_casts_and_nobody_outside_the_bodies_reads_a_ballot() -> None:
    """A ballot is a deputy's alone; platform_admin, experts and the courts never reach a session or a result."""
    for path in ("/api/v1/ballot-sessions/b-1/ballots", "/api/v1/project-votes/v-1/ballots"):
        assert not allowed("POST", path, frozenset(set(ROLE_BODIES) - DEPUTY)), path
    outsiders = frozenset({"platform_admin", "expert", "court", "procuratorate"})
    for path in (
        "/api/v1/ballot-sessions/b-1",
        "/api/v1/ballot-sessions/b-1/results",
        "/api/v1/appraisals/a-1/results",
    ):
        assert not allowed("GET", path, outsiders), path
    assert matching_template("GET", "/api/v1/rectifications/six-lists.csv") == "/api/v1/rectifications/{item_id}"
    assert matching_template("DELETE", "/api/v1/appraisals/a-1") is None


# --- 监督事项联商 (plans, consultations, opinions, joint meetings, bulletins, analyses): the domain's actors ---------

# Who acts for which body, and who owns which kind of plan, as the consultation service's domain says.
STAFF = {role for roles in consultation_domain.BODY_STAFF.values() for role in roles}
OWNERS = {role for body in plan_records.PLAN_OWNERS.values() for role in consultation_domain.BODY_STAFF[body]}
PARTIES = STAFF | {consultation_domain.DEPUTY_ROLE}  # deputies propose, answer a work report, read the approved plan

CONSULTATION_ROUTES: list[tuple[str, str, str, set[str]]] = [
    *evaluation_routes("plans", "", "", [("POST", "", OWNERS), ("GET", "", PARTIES | COUNTS)]),
    *evaluation_routes(
        "plans",
        "/{plan_id}",
        "/p-1",
        [
            ("GET", "", PARTIES),
            ("POST", "/items", OWNERS),
            ("PATCH", "/items/{item_no}", OWNERS),
            ("POST", "/items/{item_no}/remove", OWNERS),
            ("POST", "/proposals", PARTIES),
            ("POST", "/proposals/{proposal_no}/accept", OWNERS),
            ("POST", "/proposals/{proposal_no}/decline", OWNERS),
            ("POST", "/approval", OWNERS),
            ("POST", "/links", OWNERS),
            ("POST", "/links/{link_no}/remove", OWNERS),
            ("POST", "/consultations", OWNERS),
        ],
    ),
    *evaluation_routes("consultations", "", "", [("GET", "", PARTIES | COUNTS)]),
    *evaluation_routes(
        "consultations",
        "/{consultation_id}",
        "/c-1",
        [("GET", "", PARTIES), ("POST", "/close", OWNERS), ("POST", "/opinions", PARTIES)],
    ),
    *evaluation_routes("opinions", "", "", [("GET", "", PARTIES | COUNTS)]),
    *evaluation_routes("opinions", "/{opinion_id}", "/o-1", [("GET", "", PARTIES), ("POST", "/adoption", OWNERS)]),
    *evaluation_routes("meetings", "", "", [("POST", "", STAFF), ("GET", "", STAFF | COUNTS)]),
    *evaluation_routes(
        "meetings",
        "/{meeting_id}",
        "/m-1",
        [
            ("GET", "", STAFF),
            ("POST", "/minutes", STAFF),
            ("PATCH", "/minutes", STAFF),
            ("POST", "/action-items", STAFF),
            ("POST", "/action-items/{no}/complete", STAFF),
            ("POST", "/action-items/{no}/cancel", STAFF),
            ("POST", "/close", STAFF),
            ("POST", "/cancel", STAFF),
        ],
    ),
    *evaluation_routes("bulletins", "", "", [("POST", "", STAFF), ("GET", "", STAFF | COUNTS)]),
    *evaluation_routes(
        "bulletins",
        "/{bulletin_id}",
        "/b-1",
        [("GET", "", STAFF), ("POST", "/acknowledge", STAFF), ("POST", "/withdraw", STAFF)],
    ),
    *evaluation_routes("analyses", "", "", [("POST", "", STAFF), ("GET", "", STAFF | COUNTS)]),
    *evaluation_routes(
        "analyses",
        "/{analysis_id}",
        "/a-1",
        [("GET", "", STAFF), ("POST", "/notes", STAFF), ("POST", "/conclusion", STAFF)],
    ),
]
CONSULTATION_PREFIXES = tuple(
    f"/api/v1/{p}" for p in ("plans", "consultations", "opinions", "meetings", "bulletins", "analyses")
)


def test_every_consultation_route_is_in_the_matrix() -> None:
    in_table = {entry for entry in ROUTE_POLICY if entry[1].startswith(CONSULTATION_PREFIXES)}
    assert in_table == {(method, template) for method, _, template, _ in CONSULTATION_ROUTES}
    assert len(in_table) == 40


@pytest.mark.parametrize(("method", "path", "template", "roles"), CONSULTATION_ROUTES, ids=lambda v: str(v))
def test_consultation_routes_allow_their_roles_and_refuse_every_other(
    method: str, path: str, template: str, roles: set[str]
) -> None:
    concrete = path.replace("{item_no}", "3").replace("{proposal_no}", "2").replace("{link_no}", "1")
    concrete = concrete.replace("{no}", "4")
    assert matching_template(method, concrete) == template
    for role in ROLE_BODIES:
        assert allowed(method, concrete, frozenset({role})) is (role in roles), (method, concrete, role)
    assert not allowed(method, concrete, frozenset())


def test_nobody_outside_the_bodies_takes_part_in_the_consultation() -> None:
    """Departments, the courts, the procuratorate and experts reach no consultation route; platform_admin only
    the lists (counts); the government's office reads and answers but drafts no plan."""
    outsiders = frozenset({"gov_department", "court", "procuratorate", "expert"})
    for method, path, _, _ in CONSULTATION_ROUTES:
        assert not allowed(method, path, outsiders), (method, path)
        assert allowed(method, path, frozenset({"platform_admin"})) is (method == "GET" and path.count("/") == 3)
    assert not allowed("POST", "/api/v1/plans", frozenset({"gov_supervision_office", "deputy"}))
    assert allowed("POST", "/api/v1/consultations/c-1/opinions", frozenset({"gov_supervision_office"}))
    assert matching_template("DELETE", "/api/v1/plans/p-1") is None
    assert matching_template("GET", "/api/v1/plans/p-1/items/3") is None
