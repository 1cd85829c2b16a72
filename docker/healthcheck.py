"""The container's health check: GET /healthz on the local gunicorn, exit 0 if 200.

Sends the first ALLOWED_HOSTS entry as Host so that Django accepts the request (a
wildcard or leading-dot entry becomes a concrete name); /healthz is exempt from the
HTTPS redirect (SECURE_REDIRECT_EXEMPT).
"""

import os
import sys
import urllib.request

bind = os.environ.get("GUNICORN_BIND", "0.0.0.0:8000")
port = bind.rsplit(":", 1)[-1]
hosts = [h.strip() for h in os.environ.get("ALLOWED_HOSTS", "").split(",") if h.strip()]
host = hosts[0] if hosts else "localhost"
host = "localhost" if host == "*" else host.lstrip(".").replace("*", "x")
request = urllib.request.Request(f"http://127.0.0.1:{port}/healthz", headers={"Host": host})
try:
    with urllib.request.urlopen(request, timeout=4) as response:
        sys.exit(0 if response.status == 200 else 1)
except Exception as exc:  # 503 raises HTTPError, a refused connection URLError
    print(f"healthz: {exc}", file=sys.stderr)
    sys.exit(1)
