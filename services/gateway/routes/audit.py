"""审计日志 routes: the clue service's tamper-evident log, for every body to check.

The log holds who did what to which clue and when, never a clue's contents, so every body that takes
part may read its checkpoints and proofs: that is what makes a rewrite by any single body noticeable.
Sizes and indexes are int64 in the contract; 0 names the latest checkpoint where a size is optional.
"""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Path, Query

from services.gateway.deps import CallerDep, CluesDep
from services.gateway.schemas_clues import (
    SIZE_MAX,
    CheckpointPublic,
    ConsistencyProofPublic,
    InclusionProofPublic,
    checkpoint_public,
    consistency_proof_public,
    inclusion_proof_public,
)
from wulian.clues.v1 import clues_pb2 as pb

router = APIRouter(prefix="/audit", tags=["audit 审计日志"])

Size = Annotated[int, Query(ge=0, le=SIZE_MAX, description="树规模；不填或 0 为最新检查点")]


@router.get("/checkpoint", response_model=CheckpointPublic, summary="最新的签名检查点")
async def checkpoint(caller: CallerDep, stub: CluesDep) -> CheckpointPublic:
    return checkpoint_public(await stub.GetCheckpoint(pb.GetCheckpointRequest(), metadata=caller.metadata))


@router.get("/entries/{index}/proof", response_model=InclusionProofPublic, summary="审计条目的包含证明")
async def inclusion_proof(
    index: Annotated[int, Path(ge=0, le=SIZE_MAX, description="审计条目序号（从 0 起）")],
    caller: CallerDep,
    stub: CluesDep,
    size: Size = 0,
) -> InclusionProofPublic:
    request = pb.GetInclusionProofRequest(index=index, size=size)
    return inclusion_proof_public(await stub.GetInclusionProof(request, metadata=caller.metadata))


@router.get("/consistency", response_model=ConsistencyProofPublic, summary="两个检查点之间的一致性证明")
async def consistency_proof(
    caller: CallerDep,
    stub: CluesDep,
    from_size: Annotated[int, Query(alias="from", ge=1, le=SIZE_MAX, description="起始规模（已签名检查点的规模）")],
    to_size: Annotated[int, Query(alias="to", ge=0, le=SIZE_MAX, description="终止规模；不填或 0 为最新检查点")] = 0,
) -> ConsistencyProofPublic:
    request = pb.GetConsistencyProofRequest(from_size=from_size, to_size=to_size)
    return consistency_proof_public(await stub.GetConsistencyProof(request, metadata=caller.metadata))
