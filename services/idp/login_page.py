"""The login page of the authorization endpoint (Chinese first, like Keycloak's zh-CN theme)."""

from __future__ import annotations

from html import escape

PAGE = """<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>登录 · 五联</title>
<style>
  body {{ font-family: "PingFang SC", "Microsoft YaHei", system-ui, sans-serif; background: #f3f5f8; margin: 0; }}
  main {{ max-width: 360px; margin: 12vh auto; background: #fff; padding: 32px; border-radius: 8px;
         box-shadow: 0 2px 12px rgba(0,0,0,.08); }}
  h1 {{ font-size: 20px; margin: 0 0 4px; color: #b3001b; }}
  p.sub {{ color: #666; font-size: 13px; margin: 0 0 24px; }}
  label {{ display: block; font-size: 14px; margin: 12px 0 4px; }}
  input[type=text], input[type=password] {{ width: 100%; box-sizing: border-box; padding: 9px; font-size: 15px;
         border: 1px solid #ccd; border-radius: 4px; }}
  button {{ width: 100%; margin-top: 20px; padding: 10px; font-size: 15px; border: 0; border-radius: 4px;
           background: #b3001b; color: #fff; cursor: pointer; }}
  .error {{ color: #b3001b; background: #fdecee; padding: 8px; border-radius: 4px; font-size: 14px; }}
  footer {{ color: #999; font-size: 12px; margin-top: 20px; }}
</style>
</head>
<body>
<main>
  <h1>登录 五联</h1>
  <p class="sub">人大监督与纪检监察监督贯通协调平台</p>
  {error}
  <form method="post">
    {hidden}
    <label for="username">用户名</label>
    <input id="username" name="username" type="text" autocomplete="username" value="{username}" autofocus required>
    <label for="password">密码</label>
    <input id="password" name="password" type="password" autocomplete="current-password" required>
    <button type="submit">登录</button>
  </form>
  <footer>开发用身份认证服务（生产环境使用 Keycloak）</footer>
</main>
</body>
</html>
"""


def render(params: dict[str, str], error: str = "", username: str = "") -> str:
    hidden = "\n    ".join(
        f'<input type="hidden" name="{escape(k)}" value="{escape(v)}">' for k, v in params.items() if v
    )
    error_html = f'<p class="error" role="alert">{escape(error)}</p>' if error else ""
    return PAGE.format(error=error_html, hidden=hidden, username=escape(username))
