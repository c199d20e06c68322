"""The access matrix of the case-review routes: every route × every demo user, through the real stack.

Reads are checked cell by cell against what the caller should get: the gateway's refusal (403) for a role
outside the route's policy, then the service's own scope (404 for an object outside it; ``S``: 200 for an
expert who holds a seat on the object, 404 for one who does not). Writes are checked for the route policy
alone: a role outside it is refused by the gateway (403, nothing written to the trail), a role inside it
reaches the service, which may still answer 404, 409 or 422 for reasons of its own (the shared objects are
in whatever state the earlier cells left them) but never fails.

The objects: a closed review of two of the court's cases, drawn from the pool of
``test_case_review_routes``, its draw, and a finding issued to the court.
"""

from __future__ import annotations

from dataclasses import dataclass

from tests.integration.conftest import Stack
from tests.integration.gateway.test_case_review_routes import (
    API,
    FULL_FORM,
    IMPORT_HEADER,
    IMPORT_ROWS,
    POOL,
    Review,
    batch_body,
    case_body,
    closed_review,
    expert_body,
    issued_finding,
    ok,
)
from tests.support.access_matrix import (
    Route,
    allowed_write_failures,
    assert_covers,
    get,
    parse,
    patch,
    post,
    read_failures,
    refused_write_failures,
)

# 200/404: exact; S: 200 when the user's expert holds a seat on the object, else 404; 403: the gateway refuses.
READS_TABLE = """
route          deputy1 clerk committee leader office transport housing commission station court procuratorate expert1 expert2 expert3 admin
experts        403     200   200       403    403    403       403     403        200     403   403           200     200     200     200
experts_export 403     200   200       403    403    403       403     403        200     403   403           403     403     403     403
expert         403     200   200       403    403    403       403     403        200     403   403           200     404     404     403
cases          403     200   200       403    403    403       403     403        200     200   200           200     200     200     200
case           403     200   200       403    403    403       403     403        200     200   404           S       S       S       403
reviews        403     200   200       403    403    403       403     403        200     200   200           200     200     200     200
review         403     200   200       403    403    403       403     403        200     200   404           S       S       S       403
draw           403     200   200       403    403    403       403     403        200     403   403           403     403     403     403
draw_verify    403     200   200       403    403    403       403     403        200     403   403           403     403     403     403
draw_record    403     200   200       403    403    403       403     403        200     403   403           403     403     403     403
draw_pdf       403     200   200       403    403    403       403     403        200     403   403           403     403     403     403
findings       403     200   200       403    403    403       403     403        200     200   200           403     403     403     200
finding        403     200   200       403    403    403       403     403        200     200   404           403     403     403     403
audit          403     200   200       403    403    403       403     403        200     403   403           403     403     403     403
"""  # noqa: E501

# +: the gateway lets the call through to the service; 403: the gateway refuses.
WRITES_TABLE = """
route               deputy1 clerk committee leader office transport housing commission station court procuratorate expert1 expert2 expert3 admin
expert_join         403     +     +         403    403    403       403     403        403     403   403           403     403     403     403
expert_import       403     +     +         403    403    403       403     403        403     403   403           403     403     403     403
expert_edit         403     +     +         403    403    403       403     403        403     403   403           403     403     403     403
expert_suspend      403     +     +         403    403    403       403     403        403     403   403           403     403     403     403
expert_reinstate    403     +     +         403    403    403       403     403        403     403   403           403     403     403     403
expert_leave        403     +     +         403    403    403       403     403        403     403   403           403     403     403     403
case_register       403     +     +         403    403    403       403     403        403     +     +             403     403     403     403
case_edit           403     +     +         403    403    403       403     403        403     +     +             403     403     403     403
case_withdraw       403     +     +         403    403    403       403     403        403     +     +             403     403     403     403
review_create       403     +     +         403    403    403       403     403        403     403   403           403     403     403     403
review_edit         403     +     +         403    403    403       403     403        403     403   403           403     403     403     403
review_start        403     +     +         403    403    403       403     403        403     403   403           403     403     403     403
review_close        403     +     +         403    403    403       403     403        403     403   403           403     403     403     403
review_cancel       403     +     +         403    403    403       403     403        403     403   403           403     403     403     403
draw_begin          403     +     +         403    403    403       403     403        403     403   403           403     403     403     403
assignment_answer   403     +     +         403    403    403       403     403        403     403   403           +       +       +       403
scores              403     +     +         403    403    403       403     403        403     403   403           +       +       +       403
finding_draft       403     +     +         403    403    403       403     403        403     403   403           403     403     403     403
draw_witness        403     403   403       403    403    403       403     403        +       403   403           403     403     403     403
draw_cancel         403     +     +         403    403    403       403     403        403     403   403           403     403     403     403
finding_edit        403     +     +         403    403    403       403     403        403     403   403           403     403     403     403
finding_issue       403     +     +         403    403    403       403     403        403     403   403           403     403     403     403
finding_answer      403     403   403       403    403    403       403     403        403     +     +             403     403     403     403
rectification       403     403   403       403    403    403       403     403        403     +     +             403     403     403     403
accept_explanation  403     +     +         403    403    403       403     403        403     403   403           403     403     403     403
reject_explanation  403     +     +         403    403    403       403     403        403     403   403           403     403     403     403
send_back           403     +     +         403    403    403       403     403        403     403   403           403     403     403     403
close_out           403     +     +         403    403    403       403     403        403     403   403           403     403     403     403
misconduct          403     +     +         403    403    403       403     403        403     403   403           403     403     403     403
"""  # noqa: E501


USERS, READS = parse(READS_TABLE)
_, WRITES = parse(WRITES_TABLE)


@dataclass(frozen=True)
class Objects:
    review: Review
    finding_id: str

    @property
    def case_id(self) -> str:
        return self.review.case_ids[0]

    @property
    def ids(self) -> dict[str, str]:
        """The path parameters of every route: 王律师 (expert1's entry), the first case, the review, its draw,
        the finding."""
        review = self.review
        return {
            "expert_id": review.pool.ids["王律师"],
            "case_id": self.case_id,
            "review_id": review.review_id,
            "draw_id": review.draw_id,
            "finding_id": self.finding_id,
        }


NEW_EXPERT = expert_body(9, POOL[5] | {"name": "冯代表"})
FINDING_TEXT = {"problem": "裁判文书说理不充分", "opinion": "请加强裁判文书说理", "items": ["documents"]}
EXPERT, CASE, REVIEW = "/experts/{expert_id}", "/cases/{case_id}", "/reviews/{review_id}"
DRAW, FINDING = "/draws/{draw_id}", "/findings/{finding_id}"

READ_ROUTES: dict[str, Route[Objects]] = {
    "experts": get("/experts"),
    "experts_export": get("/experts/export"),
    "expert": get(EXPERT),
    "cases": get("/cases"),
    "case": get(CASE),
    "reviews": get("/reviews"),
    "review": get(REVIEW),
    "draw": get(DRAW),
    "draw_verify": get(f"{DRAW}/verify"),
    "draw_record": get(f"{DRAW}/record"),
    "draw_pdf": get(f"{DRAW}/record.pdf"),
    "findings": get("/findings"),
    "finding": get(FINDING),
    "audit": get("/case-review/audit"),
}
WRITE_ROUTES: dict[str, Route[Objects]] = {
    "expert_join": post("/experts", lambda o: NEW_EXPERT),
    "expert_import": Route("POST", "/experts/import", workbook=("专家名单.xlsx", [IMPORT_HEADER, *IMPORT_ROWS])),
    "expert_edit": patch(EXPERT, lambda o: expert_body(0, POOL[0] | {"title": "主任"})),
    "expert_suspend": post(f"{EXPERT}/suspend", lambda o: {"reason": "暂停"}),
    "expert_reinstate": post(f"{EXPERT}/reinstate"),
    "expert_leave": post(f"{EXPERT}/leave", lambda o: {"reason": "本人申请"}),
    "case_register": post("/cases", lambda o: case_body(7)),
    "case_edit": patch(CASE, lambda o: case_body(0)),
    "case_withdraw": post(f"{CASE}/withdraw", lambda o: {"reason": "误报"}),
    "review_create": post("/reviews", lambda o: batch_body([o.case_id])),
    "review_edit": patch(REVIEW, lambda o: batch_body(o.review.case_ids)),
    "review_start": post(f"{REVIEW}/start"),
    "review_close": post(f"{REVIEW}/close"),
    "review_cancel": post(f"{REVIEW}/cancel", lambda o: {"reason": "范围调整"}),
    "draw_begin": post(f"{REVIEW}/draws"),
    "assignment_answer": post(f"{REVIEW}/cases/{{case_id}}/answer", lambda o: {"accept": True}),
    "scores": post(f"{REVIEW}/cases/{{case_id}}/scores", lambda o: FULL_FORM),
    "finding_draft": post(f"{REVIEW}/findings", lambda o: {"case_id": o.case_id, **FINDING_TEXT}),
    "draw_witness": post(f"{DRAW}/witness", lambda o: {"entropy": "271828"}),
    "draw_cancel": post(f"{DRAW}/cancel", lambda o: {"reason": "规则有误"}),
    "finding_edit": patch(FINDING, lambda o: FINDING_TEXT),
    "finding_issue": post(f"{FINDING}/issue"),
    "finding_answer": post(f"{FINDING}/answer", lambda o: {"answer": "explain", "text": "已依法送达"}),
    "rectification": post(f"{FINDING}/rectification", lambda o: {"kinds": ["other"], "text": "已组织专题培训"}),
    "accept_explanation": post(f"{FINDING}/accept-explanation", lambda o: {"note": ""}),
    "reject_explanation": post(f"{FINDING}/reject-explanation", lambda o: {"reason": "理由不成立"}),
    "send_back": post(f"{FINDING}/send-back", lambda o: {"reason": "整改不到位"}),
    "close_out": post(f"{FINDING}/close-out", lambda o: {"note": "整改到位"}),
    "misconduct": post(f"{FINDING}/misconduct", lambda o: {"staff_name": "吴某", "staff_position": "书记员"}),
}


def expected_read(route: str, user: str, objects: Objects) -> int:
    cell = READS[route, user]
    if cell != "S":
        return int(cell)
    scope = objects.case_id if route == "case" else None
    return 200 if user in objects.review.logins_seated(scope) else 404


def trail_size(stack: Stack) -> int:
    return int(
        ok(stack.http.get(f"{API}/case-review/audit", params={"page_size": 1}, headers=stack.as_user("station")))[
            "total"
        ]
    )


def test_the_access_matrix(stack: Stack) -> None:
    review = closed_review(stack)
    objects = Objects(review, issued_finding(stack, review))
    failures = read_failures(stack, objects, READ_ROUTES, lambda name, user: expected_read(name, user, objects), USERS)

    size = trail_size(stack)
    failures += refused_write_failures(stack, objects, WRITE_ROUTES, WRITES, USERS)  # while the objects are as built
    assert trail_size(stack) == size, "a refused call left an entry on the audit trail"

    failures += allowed_write_failures(stack, objects, WRITE_ROUTES, WRITES, USERS)
    assert not failures, "\n".join(failures)


def test_the_matrix_covers_every_case_review_route_and_every_user() -> None:
    prefixes = ("experts", "cases", "reviews", "draws", "findings", "case-review")
    assert_covers(prefixes, READ_ROUTES, WRITE_ROUTES, READS, WRITES, USERS, count=43)
