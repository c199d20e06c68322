from services.gateway.app import create_app
from services.gateway.policy import ROUTE_POLICY, allowed
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


def test_deny_by_default() -> None:
    assert not allowed("DELETE", "/api/v1/suggestions/{suggestion_id}", frozenset({"congress_leader"}))
    assert not allowed("POST", "/api/v1/suggestions", frozenset({"congress_clerk"}))
    assert allowed("POST", "/api/v1/suggestions", frozenset({"deputy"}))
    assert not allowed("GET", "/api/v1/suggestions", frozenset({"court", "expert", "platform_admin"}))
    assert not allowed("GET", "/api/v1/me", frozenset())
