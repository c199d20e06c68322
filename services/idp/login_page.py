"""The pages of the authorization and logout endpoints (Chinese, like Keycloak's zh-CN theme)."""

from __future__ import annotations

from html import escape

STYLE = """
  body { font-family: "PingFang SC", "Microsoft YaHei", system-ui, sans-serif; background: #f3f5f8; margin: 0; }
  main { max-width: 360px; margin: 12vh auto; background: #fff; padding: 32px; border-radius: 8px;
         box-shadow: 0 2px 12px rgba(0,0,0,.08); }
  h1 { font-size: 20px; margin: 0 0 4px; color: #b3001b; }
  p.sub { color: #666; font-size: 13px; margin: 0 0 24px; }
  label { display: block; font-size: 14px; margin: 12px 0 4px; }
  input[type=text], input[type=password] { width: 100%; box-sizing: border-box; padding: 9px; font-size: 15px;
         border: 1px solid #ccd; border-radius: 4px; }
  button { width: 100%; margin-top: 20px; padding: 10px; font-size: 15px; border: 0; border-radius: 4px;
           background: #b3001b; color: #fff; cursor: pointer; }
  .error { color: #b3001b; background: #fdecee; padding: 8px; border-radius: 4px; font-size: 14px; }
  footer { color: #999; font-size: 12px; margin-top: 20px; }
"""

PAGE = """<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<title>{title} · 五联</title>
<style>{style}</style>
</head>
<body>
<main>
{body}
  <footer>开发用身份认证服务（生产环境使用 Keycloak）</footer>
</main>
</body>
</html>
"""

LOGIN = """  <h1>登录 五联</h1>
  <p class="sub">人大监督与纪检监察监督贯通协调平台</p>
  {error}
  <form method="post">
    {hidden}
    <label for="username">用户名</label>
    <input id="username" name="username" type="text" autocomplete="username" value="{username}" autofocus required>
    <label for="password">密码</label>
    <input id="password" name="password" type="password" autocomplete="current-password" required>
    <button type="submit">登录</button>
  </form>"""


def render(params: dict[str, str], error: str = "", username: str = "") -> str:
    """The login form; the authorization request's parameters travel along as hidden fields."""
    hidden = "\n    ".join(
        f'<input type="hidden" name="{escape(k)}" value="{escape(v)}">' for k, v in params.items() if v
    )
    error_html = f'<p class="error" role="alert">{escape(error)}</p>' if error else ""
    body = LOGIN.format(error=error_html, hidden=hidden, username=escape(username))
    return PAGE.format(title="登录", style=STYLE, body=body)


def render_message(title: str, message: str, error: bool = True) -> str:
    """A page that only says something: a refused request, or a completed logout."""
    css = ' class="error" role="alert"' if error else ""
    body = f"  <h1>{escape(title)}</h1>\n  <p{css}>{escape(message)}</p>"
    return PAGE.format(title=escape(title), style=STYLE, body=body)
