"""``python -m services.idp``: serve the development identity provider on idp_host:idp_port.

It never runs in production: WULIAN_ENV=production ends it with status 2 before anything is served.
"""

from __future__ import annotations

import sys

import uvicorn
from pydantic import ValidationError

from wulian.kit.logs import configure_logging
from wulian.kit.settings import load_settings

REFUSAL = (
    "开发用身份认证服务不能在生产环境运行（WULIAN_ENV=production）；请使用 Keycloak 并设置 WULIAN_ISSUER_URL。\n"
    "The development identity provider refuses to run with WULIAN_ENV=production; "
    "use Keycloak and set WULIAN_ISSUER_URL."
)


def main() -> int:
    try:
        settings = load_settings()
    except ValidationError as error:
        # the settings refuse incomplete production configurations, and every such message says so
        if "production" in str(error):
            print(REFUSAL, file=sys.stderr)
        else:
            print(f"设置有误 / invalid settings:\n{error}", file=sys.stderr)
        return 2
    if settings.is_production:
        print(REFUSAL, file=sys.stderr)
        return 2
    from services.idp.app import create_app

    configure_logging("idp", settings.log_level, settings.log_json)
    app = create_app(settings)
    uvicorn.run(app, host=settings.idp_host, port=settings.idp_port, log_config=None, access_log=False)
    return 0


if __name__ == "__main__":
    sys.exit(main())
