"""The two baselines of bench/submit.py, each served alone by uvicorn like the gateway is.

python bench/baselines.py bare PORT       validates the same body as POST /api/v1/suggestions, no I/O
python bench/baselines.py sqlmodel PORT   the same plus one SQLModel insert + commit into SQLite (WAL)
"""

from __future__ import annotations

import sys
import tempfile
import uuid
from datetime import UTC, datetime
from pathlib import Path

import uvicorn
from fastapi import FastAPI
from sqlmodel import Field, Session, SQLModel

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from services.gateway.schemas import SuggestionCreate
from wulian.kit.db import make_engine


class BenchSuggestion(SQLModel, table=True):
    id: str = Field(primary_key=True)
    title: str
    content: str
    category: str
    submitted_at: datetime


def bare() -> FastAPI:
    app = FastAPI()

    @app.post("/api/v1/suggestions", status_code=201)
    async def submit(body: SuggestionCreate) -> dict[str, str]:
        return {"id": str(uuid.uuid4()), "title": body.title, "category": body.category}

    return app


def with_sqlmodel() -> FastAPI:
    engine = make_engine(f"sqlite:///{tempfile.mkdtemp()}/bench.db")
    SQLModel.metadata.create_all(engine)
    app = FastAPI()

    @app.post("/api/v1/suggestions", status_code=201)
    def submit(body: SuggestionCreate) -> dict[str, str]:
        suggestion_id = str(uuid.uuid4())
        row = BenchSuggestion(
            id=suggestion_id,
            title=body.title,
            content=body.content,
            category=body.category,
            submitted_at=datetime.now(UTC),
        )
        with Session(engine) as session:
            session.add(row)
            session.commit()
        return {"id": suggestion_id, "title": body.title, "category": body.category}

    return app


if __name__ == "__main__":
    kind, port = sys.argv[1], int(sys.argv[2])
    app = bare() if kind == "bare" else with_sqlmodel()
    uvicorn.run(app, host="127.0.0.1", port=port, log_level="warning", access_log=False)
