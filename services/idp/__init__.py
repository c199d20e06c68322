"""The development identity provider: Keycloak's OIDC endpoints for realm ``wulian``, served from
``deploy/keycloak/realm-wulian.json``. Embedded mode only; it refuses to start in production."""
