"""``python -m services.idp``: serve the development identity provider (never in production)."""

import sys

import uvicorn
from pydantic import ValidationError

from wulian.kit.logs import configure_logging
from wulian.kit.settings import load_settings


def main() -> int:
    try:
        settings = load_settings()
    except ValidationError as error:
        print(f"设置有误 / invalid settings:\n{error}", file=sys.stderr)
        return 2
    if settings.is_production:
        print(
            "开发用身份认证服务不能在生产环境运行（WULIAN_ENV=production）；请使用 Keycloak。\n"
            "The development identity provider refuses to run with WULIAN_ENV=production; use Keycloak.",
            file=sys.stderr,
        )
        return 2
    from services.idp.app import create_app

    configure_logging("idp", settings.log_level, settings.log_json)
    uvicorn.run(create_app(settings), host=settings.idp_host, port=settings.idp_port, log_config=None, access_log=False)
    return 0


sys.exit(main())
