"""The one place that reads the environment.

Every setting has the prefix ``WULIAN_`` (``WULIAN_GATEWAY_PORT=9000``). Defaults are those of
DESIGN.md "Defaults" and make the embedded mode work on a fresh machine; production refuses the
development identity provider and development-only secrets.
"""

from __future__ import annotations

from enum import StrEnum
from functools import cached_property
from pathlib import Path

from pydantic import Field, model_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

PROJECT_ROOT = Path(__file__).resolve().parents[2]
SERVICE_NAMES = ("suggestions", "evaluation", "case_review", "consultation", "clues")
DEFAULT_GRPC_PORTS = {
    "suggestions": 50051,
    "evaluation": 50052,
    "case_review": 50053,
    "consultation": 50054,
    "clues": 50055,
}
DEV_SERVICE_CLIENT_SECRET = "wulian-dev-service-secret"


class Environment(StrEnum):
    DEVELOPMENT = "development"
    TEST = "test"
    PRODUCTION = "production"


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="WULIAN_", extra="ignore")

    env: Environment = Environment.DEVELOPMENT
    var_dir: Path = PROJECT_ROOT / "var"
    log_level: str = "INFO"
    log_json: bool = True

    # identity
    realm_file: Path = PROJECT_ROOT / "deploy" / "keycloak" / "realm-wulian.json"
    realm: str = "wulian"
    idp_host: str = "127.0.0.1"
    idp_port: int = 8080
    # Where tokens come from; empty means the development identity provider on idp_host:idp_port.
    issuer_url: str = ""
    token_audience: str = "wulian-api"
    access_token_lifespan_s: int = 300
    service_client_id: str = "wulian-service"
    service_client_secret: str = DEV_SERVICE_CLIENT_SECRET

    # gateway
    gateway_host: str = "127.0.0.1"
    gateway_port: int = 8000
    max_body_bytes: int = 1_048_576
    # names this gateway's durable event consumer; give each gateway replica its own
    gateway_instance: str = "1"

    # services
    grpc_host: str = "127.0.0.1"
    grpc_ports: dict[str, int] = Field(default_factory=lambda: dict(DEFAULT_GRPC_PORTS))
    grpc_deadline_s: float = 5.0

    # events
    nats_url: str = "nats://127.0.0.1:14222"

    # suggestions (意见建议联办)
    # code of the congress session (会次) now sitting, in suggestion numbers (2026-S3-0001); "" between sessions
    suggestion_session: str = Field(default="", pattern=r"^[A-Za-z0-9]{0,8}$")
    # how often a dissatisfied verdict may send a suggestion back for re-handling
    suggestion_max_rehandlings: int = Field(default=2, ge=0, le=10)
    # the deadline scheduler's longest sleep; it wakes earlier for a deadline that is nearer
    deadline_check_interval_s: float = Field(default=60.0, gt=0)
    # how often a service retries the calls it owes another service that does not answer (clue
    # transfers to the clue service; case-review findings mirrored into the evaluation ledger)
    relay_retry_s: float = Field(default=30.0, gt=0)

    # clues (线索移送)
    # the discipline commission's RSA private key (PEM) that opens sealed clues; empty: var/keys (development)
    clue_sealing_key_file: Path | None = None
    # the clue service's audit log signing key (signed-note "PRIVATE+KEY+…"); empty: var/keys (development)
    audit_signing_key_file: Path | None = None
    # the audit log's name in its checkpoints (C2SP tlog-checkpoint origin line)
    audit_origin: str = Field(default="wulian.local/clues", pattern=r"^[A-Za-z0-9][A-Za-z0-9./_-]{0,99}$")
    # the verifier key (vkey) of the clue service's audit log, for the services that witness it;
    # empty: the development key file in var/keys
    clues_audit_vkey: str = ""
    clue_acknowledge_days: int = Field(default=5, ge=1, le=30)  # working days to acknowledge (签收)
    clue_feedback_days: int = Field(default=90, ge=1, le=365)  # calendar days from acceptance to feedback

    # case review (司法监督联动)
    # the case-review service's audit trail signing key (signed-note "PRIVATE+KEY+…"); empty: var/keys (development)
    case_review_audit_key_file: Path | None = None
    case_review_audit_origin: str = Field(
        default="wulian.local/case_review", pattern=r"^[A-Za-z0-9][A-Za-z0-9./_-]{0,99}$"
    )
    # months the court or procuratorate has to rectify after an opinion is issued (Huangshi: 3)
    case_review_rectification_months: int = Field(default=3, ge=1, le=24)

    # persistence: empty means a SQLite file per service under var_dir
    database_url: str = ""
    demo_data: bool = True

    @model_validator(mode="after")
    def _refuse_development_secrets_in_production(self) -> Settings:
        if self.env is Environment.PRODUCTION:
            if self.service_client_secret == DEV_SERVICE_CLIENT_SECRET:
                raise ValueError("WULIAN_SERVICE_CLIENT_SECRET must be set in production")
            if not self.issuer_url:
                raise ValueError("WULIAN_ISSUER_URL must name the Keycloak realm in production")
            if self.demo_data:
                raise ValueError("WULIAN_DEMO_DATA must be false in production")
            if self.clue_sealing_key_file is None or self.audit_signing_key_file is None:
                raise ValueError(
                    "WULIAN_CLUE_SEALING_KEY_FILE and WULIAN_AUDIT_SIGNING_KEY_FILE must be set in production"
                )
            if self.case_review_audit_key_file is None:
                raise ValueError("WULIAN_CASE_REVIEW_AUDIT_KEY_FILE must be set in production")
        return self

    @property
    def is_production(self) -> bool:
        return self.env == Environment.PRODUCTION

    @cached_property
    def idp_base_url(self) -> str:
        """The server URL python-keycloak wants (without /realms/...)."""
        if self.issuer_url:
            return self.issuer_url.split("/realms/")[0] + "/"
        return f"http://{self.idp_host}:{self.idp_port}/"

    @cached_property
    def issuer(self) -> str:
        return self.issuer_url or f"{self.idp_base_url}realms/{self.realm}"

    @property
    def gateway_url(self) -> str:
        return f"http://{self.gateway_host}:{self.gateway_port}"

    def grpc_address(self, service: str) -> str:
        return f"{self.grpc_host}:{self.grpc_ports[service]}"

    @property
    def keys_dir(self) -> Path:
        """Development keys, made on first start (production names its key files instead)."""
        return self.var_dir / "keys"

    @property
    def clues_audit_vkey_file(self) -> Path:
        """Where the clue service writes its development audit key's public half, for its witnesses."""
        return self.keys_dir / "clues-audit.vkey"

    def database_url_for(self, service: str) -> str:
        """A SQLite file per service, or the configured PostgreSQL (a schema per service)."""
        if self.database_url:
            return self.database_url
        return f"sqlite:///{self.var_dir / f'{service}.db'}"


def load_settings(**overrides: object) -> Settings:
    return Settings(**overrides)  # type: ignore[arg-type]
