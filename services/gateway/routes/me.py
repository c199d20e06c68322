from __future__ import annotations

from fastapi import APIRouter

from services.gateway.deps import CallerDep
from services.gateway.schemas import MePublic

router = APIRouter(tags=["me"])


@router.get("/me", response_model=MePublic, summary="当前登录用户")
async def me(caller: CallerDep) -> MePublic:
    p = caller.principal
    return MePublic(
        subject=p.subject,
        username=p.username,
        name=p.name,
        body=p.body,
        org_unit=p.org_unit,
        roles=sorted(p.roles),
    )
