"""Each service's migrations build exactly the tables, columns, types, nullability and indexes its models
declare: Alembic's ``compare_metadata`` between a freshly migrated database and the models the service's
``migrations/env.py`` registers finds nothing to change.

Each service is checked in its own interpreter, so that the models of the others (one SQLModel metadata
holds every imported table) do not count as missing."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[3]
SERVICES = sorted(p.parent.parent.name for p in (ROOT / "services").glob("*/migrations/env.py"))
# Models a service's imports register but whose tables it does not keep: the suggestions service witnesses
# the clue service's audit checkpoints (``wulian.kit.audit.witness``), which imports the log's models.
NOT_KEPT = {"suggestions": "audit_checkpoint,audit_head,audit_leaf,audit_node"}

CHECK = """
import pprint, re, sys
from pathlib import Path
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlmodel import SQLModel
from wulian.kit.db import make_engine, migrate

service, url, not_kept = sys.argv[1], sys.argv[2], set(filter(None, sys.argv[3].split(",")))
env = Path("services", service, "migrations", "env.py").read_text(encoding="utf-8")
for module in re.findall(r"^import ((?:services|wulian)[\\w.]*)", env, flags=re.M):
    __import__(module)
engine = make_engine(url)
migrate(engine, Path("services", service, "migrations"))
with engine.connect() as connection:
    context = MigrationContext.configure(connection, opts={"compare_type": True})
    tables = [t for name, t in SQLModel.metadata.tables.items() if name not in not_kept]
    wanted = SQLModel.metadata.__class__()
    for table in tables:
        table.to_metadata(wanted)
    diff = [d for d in compare_metadata(context, wanted)
            if not (isinstance(d, tuple) and d[0] == "remove_table" and d[1].name == "alembic_version")]
if diff:
    pprint.pprint(diff)
    sys.exit(1)
"""


@pytest.mark.parametrize("service", SERVICES)
def test_the_migrations_build_what_the_models_declare(service: str, tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'check.db'}"
    done = subprocess.run(
        [sys.executable, "-c", CHECK, service, url, NOT_KEPT.get(service, "")],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stdout + done.stderr
