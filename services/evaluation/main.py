"""Entry point of the evaluation service (its gRPC face comes with the next part of issue 6)."""

from __future__ import annotations

from pathlib import Path

MIGRATIONS = Path(__file__).parent / "migrations"
