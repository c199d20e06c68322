from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.support.stack import ProcessStack, stack_environment

pytestmark = pytest.mark.e2e


@pytest.fixture
def process_stack(tmp_path: Path) -> Iterator[ProcessStack]:
    stack = ProcessStack(env=stack_environment(tmp_path / "var"), log_dir=tmp_path)
    try:
        stack.start_all()
        yield stack
    finally:
        stack.stop_all()
