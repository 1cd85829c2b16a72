"""Security headers and the login lockout page (see docs/security.md).

- ``CONTENT_SECURITY_POLICY``: one strict policy for the site, the API and the admin
  (no ``unsafe-inline``/``unsafe-eval``; the only external hosts are the two
  privacy-enhanced video players that the recording page embeds after consent).
- ``ContentSecurityPolicyMiddleware`` (django-csp's middleware) adapts it per response:
  ``frame-ancestors 'self'`` where a view allows framing by the site itself (Wagtail's
  preview views send ``X-Frame-Options: SAMEORIGIN``), and the hash of the inline
  ``<style>`` of ``templates/500.html`` on error pages (that page must render even
  when static files are broken).
- ``lockout_response``: django-axes' answer to a locked-out login, a German page
  with status 429.
"""

import base64
import hashlib
import re
from functools import cache

from csp.constants import NONE, SELF
from csp.middleware import CSPMiddleware
from django.conf import settings

# The players that events/models/recording.py ExternalVideo.embed_url points at.
VIDEO_HOSTS = ["https://www.youtube-nocookie.com", "https://player.vimeo.com"]

DIRECTIVES = {
    "default-src": [SELF],
    "script-src": [SELF],
    "style-src": [SELF],
    "img-src": [SELF, "data:"],
    "font-src": [SELF],
    "connect-src": [SELF],
    "media-src": [SELF],
    "frame-src": VIDEO_HOSTS,
    "object-src": [NONE],
    "base-uri": [SELF],
    "form-action": [SELF],
    "frame-ancestors": [NONE],
}

# The Wagtail admin (after login) needs more, and only this (see docs/security.md):
# - script-src 'unsafe-inline': Wagtail 8 still renders inline <script> blocks that
#   initialise choosers, date pickers and inline panels (wagtail/admin/widgets/chooser.py,
#   templates wagtailadmin/widgets/date*_input.html, panels/inline_panel.html,
#   panels/multiple_chooser_panel.html), and clones them with new ids when an editor adds
#   a panel child, so neither hashes nor nonces can cover them;
# - style-src 'unsafe-inline': its bundled libraries insert <style> elements at runtime;
# - frame-src 'self': the live preview is an iframe of the admin; img-src blob: for
#   upload previews. No 'unsafe-eval'. The sign-in pages keep the strict policy.
ADMIN_DIRECTIVES = {
    "script-src": [SELF, "'unsafe-inline'"],
    "style-src": [SELF, "'unsafe-inline'"],
    "img-src": [SELF, "data:", "blob:"],
    "frame-src": [SELF, *VIDEO_HOSTS],
}
ADMIN_PREFIX = "/admin/"
STRICT_ADMIN_PATHS = ("/admin/login/", "/admin/password_reset/", "/admin/logout/")

# Off everywhere; the video features only for the site and the two players (the
# embed's iframe asks for them with its ``allow`` attribute).
PERMISSIONS_POLICY = {
    "camera": [],
    "microphone": [],
    "geolocation": [],
    "payment": [],
    "usb": [],
    "interest-cohort": [],
    "browsing-topics": [],
    "fullscreen": ["self", *VIDEO_HOSTS],
    "autoplay": ["self", *VIDEO_HOSTS],
    "picture-in-picture": ["self", *VIDEO_HOSTS],
    "encrypted-media": ["self", *VIDEO_HOSTS],
}


@cache
def error_page_style_hashes():
    """CSP hashes ('sha256-…') of the inline <style> blocks of templates/500.html."""
    path = settings.BASE_DIR / "templates" / "500.html"
    try:
        text = path.read_text(encoding="utf-8")
    except OSError:
        return []
    blocks = re.findall(r"<style>(.*?)</style>", text, flags=re.DOTALL)
    digests = (base64.b64encode(hashlib.sha256(block.encode()).digest()) for block in blocks)
    return [f"'sha256-{digest.decode()}'" for digest in digests]


def with_directive(policy, name, value):
    """``policy`` (a header value) with directive ``name`` set to ``value``."""
    parts = [part.strip() for part in policy.split(";") if part.strip()]
    kept = [part for part in parts if part.split()[0].lower() != name]
    return "; ".join([*kept, f"{name} {value}"])


class ContentSecurityPolicyMiddleware(CSPMiddleware):
    def process_response(self, request, response):
        # A preview is rendered by a request of its own through this middleware (Wagtail's
        # make_preview_request) and arrives with the page's policy; the preview view then
        # allows framing by the admin (X-Frame-Options: SAMEORIGIN): so must the policy.
        existing = response.get("Content-Security-Policy")
        if existing and response.get("X-Frame-Options", "").upper() == "SAMEORIGIN":
            response["Content-Security-Policy"] = with_directive(existing, "frame-ancestors", SELF)
        return super().process_response(request, response)

    def get_policy_parts(self, request, response, report_only=False):
        parts = super().get_policy_parts(request, response, report_only=report_only)
        replace = dict(parts.replace or {})
        path = request.path_info
        if path.startswith(ADMIN_PREFIX) and not path.startswith(STRICT_ADMIN_PATHS):
            for directive, sources in ADMIN_DIRECTIVES.items():
                replace.setdefault(directive, sources)
        if response.get("X-Frame-Options", "").upper() == "SAMEORIGIN":
            replace.setdefault("frame-ancestors", [SELF])
        if response.status_code >= 500:
            replace.setdefault("style-src", [SELF, *error_page_style_hashes()])
        parts.replace = replace or None
        return parts


def lockout_response(request, original_response=None, credentials=None):
    """The page a locked-out login gets (AXES_LOCKOUT_CALLABLE), status 429."""
    from django.shortcuts import render  # not at import: settings import this module

    cool_off = settings.AXES_COOLOFF_TIME
    minutes = int(cool_off.total_seconds() // 60) if cool_off else None
    response = render(
        request,
        "security/lockout.html",
        {"cooloff_minutes": minutes, "login_url": request.path},
        status=429,
    )
    if minutes:
        response["Retry-After"] = str(int(cool_off.total_seconds()))
    return response
