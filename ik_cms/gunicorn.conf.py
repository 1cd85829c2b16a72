"""gunicorn configuration: ``gunicorn -c ik_cms/gunicorn.conf.py ik_cms.wsgi``.

Every value can be set from the environment (documented in ``.env.example`` and
``docs/deployment.md``):

- ``GUNICORN_BIND`` (``0.0.0.0:8000``), ``WEB_CONCURRENCY`` workers (2 x CPUs + 1, at
  most 8), ``GUNICORN_THREADS`` per worker (1), ``GUNICORN_TIMEOUT`` (30 s) and
  ``GUNICORN_GRACEFUL_TIMEOUT`` (30 s), ``GUNICORN_KEEPALIVE`` (5 s),
  ``GUNICORN_MAX_REQUESTS`` (1000, with jitter; 0 switches recycling off).
- ``FORWARDED_ALLOW_IPS``: the proxies whose ``X-Forwarded-*`` headers are trusted
  (``127.0.0.1``; in compose the proxy's network, or ``*`` only if nothing else can
  reach the port).
- ``LOG_FORMAT=json`` (the default): one JSON object a line, also for gunicorn's own
  messages; the access log has one line per request with method, path, status, bytes,
  duration and the ``X-Request-ID`` header when a proxy sets one. ``LOG_FORMAT=plain``
  keeps gunicorn's usual text format. ``GUNICORN_ACCESS_LOG=0`` switches it off.
"""

import json
import logging
import multiprocessing
import os

from gunicorn.glogging import Logger


def _int(name, default):
    value = os.environ.get(name, "")
    return int(value) if value.strip() else default


bind = os.environ.get("GUNICORN_BIND", "0.0.0.0:8000")
workers = _int("WEB_CONCURRENCY", min(multiprocessing.cpu_count() * 2 + 1, 8))
threads = _int("GUNICORN_THREADS", 1)
timeout = _int("GUNICORN_TIMEOUT", 30)
graceful_timeout = _int("GUNICORN_GRACEFUL_TIMEOUT", 30)
keepalive = _int("GUNICORN_KEEPALIVE", 5)
max_requests = _int("GUNICORN_MAX_REQUESTS", 1000)
max_requests_jitter = max_requests // 10
forwarded_allow_ips = os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1")
# Static files are served by WhiteNoise from the same process; nothing to preload.
worker_tmp_dir = "/dev/shm" if os.path.isdir("/dev/shm") else None
accesslog = "-" if os.environ.get("GUNICORN_ACCESS_LOG", "1") != "0" else None
errorlog = "-"
loglevel = os.environ.get("LOG_LEVEL", "info").lower()

JSON_LOGS = os.environ.get("LOG_FORMAT", "json") == "json"


class JsonLogger(Logger):
    """gunicorn's logger writing JSON lines (access and error log)."""

    def setup(self, cfg):
        super().setup(cfg)
        from pythonjsonlogger.json import JsonFormatter

        formatter = JsonFormatter(
            "%(asctime)s %(levelname)s %(name)s %(message)s",
            rename_fields={"asctime": "time", "levelname": "level", "name": "logger"},
        )
        for log in (self.error_log, self.access_log):
            for handler in log.handlers:
                handler.setFormatter(formatter)

    def access(self, resp, req, environ, request_time):
        if not self.access_log_enabled:
            return
        status = resp.status
        if isinstance(status, str):
            status = status.split(None, 1)[0]
        headers = {name.lower(): value for name, value in getattr(req, "headers", [])}
        fields = {
            "method": environ.get("REQUEST_METHOD"),
            "path": environ.get("PATH_INFO"),
            "query": environ.get("QUERY_STRING") or None,
            "status": int(status) if str(status).isdigit() else status,
            "bytes": getattr(resp, "sent", None),
            "duration_ms": round(request_time.total_seconds() * 1000, 1),
            "remote_addr": environ.get("REMOTE_ADDR"),
            "user_agent": environ.get("HTTP_USER_AGENT"),
            "referer": environ.get("HTTP_REFERER"),
            "request_id": headers.get("x-request-id"),
            "page_cache": {k.lower(): v for k, v in resp.headers}.get("x-page-cache"),
        }
        fields = {key: value for key, value in fields.items() if value is not None}
        try:
            self.access_log.info(
                "%s %s %s",
                fields.get("method"),
                fields.get("path"),
                fields.get("status"),
                extra=fields,
            )
        except Exception:
            logging.getLogger("gunicorn.error").exception("access log: %s", json.dumps(fields))


if JSON_LOGS:
    logger_class = JsonLogger
