from datetime import UTC, datetime

import pytest

from services.suggestions import domain
from services.suggestions.domain import Scope, SubmitSuggestion
from wulian.kit.errors import InvalidArgument, PermissionDenied
from wulian.kit.principal import Principal


def person(*roles: str, subject: str = "s1", org_unit: str = "") -> Principal:
    return Principal(subject=subject, name="n", body="congress", roles=frozenset(roles), org_unit=org_unit)


def test_numbers_are_per_year_and_zero_padded() -> None:
    assert domain.suggestion_number(2026, 1) == "2026-0001"
    assert domain.suggestion_number(2026, 12345) == "2026-12345"


def test_year_is_the_beijing_calendar_year() -> None:
    assert domain.submission_year(datetime(2026, 12, 31, 15, 59, tzinfo=UTC)) == 2026
    assert domain.submission_year(datetime(2026, 12, 31, 16, 0, tzinfo=UTC)) == 2027


def test_valid_submission_is_trimmed() -> None:
    valid = domain.validate_submission(SubmitSuggestion(title="  标题 ", content=" 内容\n", category="transport"))
    assert (valid.title, valid.content, valid.category) == ("标题", "内容", domain.Category.TRANSPORT)


def test_every_problem_is_reported_per_field() -> None:
    with pytest.raises(InvalidArgument) as caught:
        domain.validate_submission(SubmitSuggestion(title=" ", content="x" * 5001, category="weather"))
    assert [d["field"] for d in caught.value.details] == ["title", "content", "category"]


def test_title_limit_is_inclusive() -> None:
    domain.validate_submission(SubmitSuggestion(title="题" * 100, content="c", category="other"))
    with pytest.raises(InvalidArgument):
        domain.validate_submission(SubmitSuggestion(title="题" * 101, content="c", category="other"))


def test_only_deputies_submit() -> None:
    domain.ensure_may_submit(person("deputy"))
    for role in ("congress_clerk", "gov_department", "discipline_commission", "platform_admin"):
        with pytest.raises(PermissionDenied):
            domain.ensure_may_submit(person(role))


@pytest.mark.parametrize(
    ("roles", "scope"),
    [
        (("deputy",), Scope.OWN),
        (("congress_clerk",), Scope.ALL),
        (("congress_leader",), Scope.ALL),
        (("gov_supervision_office",), Scope.ALL),
        (("discipline_station",), Scope.ALL),
        (("discipline_commission",), Scope.ESCALATED),
    ],
)
def test_visibility_by_role(roles: tuple[str, ...], scope: Scope) -> None:
    assert domain.visibility(person(*roles)) is scope


def test_department_sees_its_org_unit_only() -> None:
    department = person("gov_department", org_unit="transport")
    assert domain.visibility(department) is Scope.ORG_UNIT
    assert domain.may_view(department, "s9", assigned_units=frozenset({"transport"}))
    assert not domain.may_view(department, "s9", assigned_units=frozenset({"housing"}))


@pytest.mark.parametrize("role", ["court", "procuratorate", "expert", "platform_admin"])
def test_roles_outside_the_link_are_refused(role: str) -> None:
    with pytest.raises(PermissionDenied):
        domain.visibility(person(role))


def test_deputy_sees_only_own() -> None:
    deputy = person("deputy", subject="me")
    assert domain.may_view(deputy, "me")
    assert not domain.may_view(deputy, "someone-else")


def test_numbers_carry_the_session_code_when_a_session_is_on():
    assert domain.suggestion_number(2026, 7, "S3") == "2026-S3-0007"
    assert domain.valid_session_code("S3") and domain.valid_session_code("")
    assert not domain.valid_session_code("三次会议") and not domain.valid_session_code("S-3")
