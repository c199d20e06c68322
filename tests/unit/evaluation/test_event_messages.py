"""Every event of the evaluation link has its protobuf message, field for field, and its subject."""

from __future__ import annotations

from types import ModuleType

import pytest

from services.evaluation import appraisals, ballots, project_events, rectification_events
from services.evaluation.messages import MESSAGES

MODULES: list[tuple[ModuleType, type]] = [
    (ballots, ballots.SessionEvent),
    (appraisals, appraisals.CampaignEvent),
    (rectification_events, rectification_events.RectificationEvent),
    (project_events, project_events.Event),
]


@pytest.mark.parametrize(("module", "base"), MODULES, ids=[m.__name__ for m, _ in MODULES])
def test_every_event_class_has_its_message(module: ModuleType, base: type) -> None:
    classes = [
        c for c in vars(module).values() if isinstance(c, type) and issubclass(c, base) and c.name and c.aggregate
    ]
    assert classes
    for cls in classes:
        plan = MESSAGES[cls.aggregate].plan(cls)
        assert plan.message_class.DESCRIPTOR.name == cls.__name__
        assert plan.subject == f"wulian.evaluation.{cls.aggregate}.{cls.name}"
