"""The stack in one test process: the suggestions, clue, case-review, evaluation and consultation services on
their own loop thread, the gateway served by uvicorn on a free port, spoken to over real HTTP."""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from dataclasses import dataclass

import httpx
import pytest

from services.case_review.main import build as build_case_review
from services.clues.main import build as build_clues
from services.consultation.main import build as build_consultation
from services.evaluation.main import build as build_evaluation
from services.gateway.app import create_app
from services.suggestions.main import build
from tests.support.identity import Tokens
from tests.support.processes import ThreadedLoop, ThreadedServer, free_port
from wulian.kit.runtime import ServiceRuntime
from wulian.kit.settings import Settings


@dataclass
class Stack:
    settings: Settings
    http: httpx.Client
    tokens: Tokens
    runtime: ServiceRuntime
    loop: ThreadedLoop

    def as_user(self, username: str) -> dict[str, str]:
        return self.tokens.headers(username)

    def submit(self, username: str = "deputy1", **overrides: str) -> httpx.Response:
        body = {
            "title": "关于增设社区养老服务站的建议",
            "content": "建议在老旧小区增设养老服务站。",
            "category": "social_security",
        }
        return self.http.post("/api/v1/suggestions", json=body | overrides, headers=self.as_user(username))

    def count_all(self) -> int:
        """How many suggestions exist, as congress liaison (who sees all) is told."""
        response = self.http.get("/api/v1/suggestions", headers=self.as_user("clerk"))
        assert response.status_code == 200, response.text
        return int(response.json()["total"])


@contextlib.contextmanager
def open_stack(settings: Settings, tokens: Tokens) -> Iterator[Stack]:
    loop = ThreadedLoop()
    runtime, register = build(settings)
    loop.run(runtime.start(register))
    clues, register_clues = build_clues(settings)
    loop.run(clues.start(register_clues))
    case_review, register_case_review = build_case_review(settings)
    loop.run(case_review.start(register_case_review))
    evaluation, register_evaluation = build_evaluation(settings)
    loop.run(evaluation.start(register_evaluation))
    consultation, register_consultation = build_consultation(settings)
    loop.run(consultation.start(register_consultation))
    settings = settings.model_copy(update={"gateway_port": free_port()})
    try:
        with (
            ThreadedServer(create_app(settings), settings.gateway_port).running(),
            httpx.Client(base_url=settings.gateway_url, timeout=10) as http,
        ):
            yield Stack(settings=settings, http=http, tokens=tokens, runtime=runtime, loop=loop)
    finally:
        stop_all(loop, [consultation, evaluation, case_review, clues, runtime])


def stop_all(loop: ThreadedLoop, runtimes: list[ServiceRuntime]) -> None:
    """Stop every service even when one fails to: a service left running would go on consuming from the
    session's nats-server under the same durable names, taking the events of the tests that follow."""
    failures: list[BaseException] = []
    for service in runtimes:
        try:
            loop.run(service.stop())
        except Exception as exc:  # reported once the others are stopped
            failures.append(exc)
    loop.close()
    if failures:
        raise failures[0]


@pytest.fixture
def stack(settings: Settings, tokens: Tokens) -> Iterator[Stack]:
    with open_stack(settings, tokens) as opened:
        yield opened
