"""The service account's access token, for calls from one service to another.

Fetched with the client-credentials grant through python-keycloak (the same code works against
Keycloak and the development identity provider) and reused until shortly before it expires.
"""

from __future__ import annotations

import asyncio
import time

from keycloak import KeycloakOpenID

from wulian.kit.settings import Settings

RENEW_BEFORE_S = 30.0


class ServiceToken:
    def __init__(self, settings: Settings) -> None:
        self._client = KeycloakOpenID(
            server_url=settings.idp_base_url,
            realm_name=settings.realm,
            client_id=settings.service_client_id,
            client_secret_key=settings.service_client_secret,
            timeout=10,
        )
        self._token = ""
        self._expires_at = 0.0
        self._lock = asyncio.Lock()

    async def get(self) -> str:
        async with self._lock:
            if time.monotonic() >= self._expires_at - RENEW_BEFORE_S:
                answer = await self._client.a_token(grant_type="client_credentials", scope="")
                self._token = str(answer["access_token"])
                self._expires_at = time.monotonic() + float(answer.get("expires_in", 60))
            return self._token

    async def metadata(self) -> tuple[tuple[str, str], ...]:
        return (("authorization", f"Bearer {await self.get()}"),)
