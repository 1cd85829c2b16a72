"""Security headers on every kind of response, login throttling, upload limits."""

import base64
import hashlib
import io
import re

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.http import HttpResponse, HttpResponseServerError
from django.template.loader import render_to_string
from django.test import RequestFactory
from PIL import Image as PILImage
from wagtail.documents.models import Document
from wagtail.images.models import Image

from home import editorial, page_cache
from ik_cms.security import ContentSecurityPolicyMiddleware
from tests.conftest import build_site_root, fresh, module_transaction
from tests.home.editorial_helpers import PASSWORD, make_user
from tests.ik_cms.test_settings import BASE_DIR, STRONG_KEY, run_manage

STRICT = {
    "default-src": "'self'",
    "script-src": "'self'",
    "style-src": "'self'",
    "img-src": "'self' data:",
    "media-src": "'self'",
    "frame-src": "https://www.youtube-nocookie.com https://player.vimeo.com",
    "object-src": "'none'",
    "base-uri": "'self'",
    "form-action": "'self'",
    "frame-ancestors": "'none'",
}


def policy(response):
    header = response["Content-Security-Policy"]
    return {
        part.split()[0]: " ".join(part.split()[1:])
        for part in (p.strip() for p in header.split(";"))
        if part
    }


def assert_secure_headers(response, csp=STRICT):
    assert {key: policy(response).get(key) for key in csp} == csp
    assert "unsafe-eval" not in response["Content-Security-Policy"]
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "strict-origin-when-cross-origin"
    assert response["Cross-Origin-Opener-Policy"] == "same-origin"
    assert response["X-Frame-Options"] == "DENY"
    permissions = response["Permissions-Policy"]
    for feature in ("camera", "microphone", "geolocation", "payment", "usb", "browsing-topics"):
        assert f"{feature}=()" in permissions
    assert 'fullscreen=(self "https://www.youtube-nocookie.com" "https://player.vimeo.com")' in (
        permissions
    )
    assert "Strict-Transport-Security" not in response  # production only


@pytest.fixture(scope="module")
def shared_site(django_db_setup, django_db_blocker):
    from knowledge.factories import CaseStudyPageFactory

    with module_transaction(django_db_blocker):
        root = build_site_root()
        root["case_study"] = CaseStudyPageFactory(parent=root["knowledge"], title="Bauantrag")
        yield root


@pytest.fixture
def site(shared_site, db):
    return fresh(shared_site)


def test_headers_on_a_page_and_on_the_cached_page(client, site, settings):
    settings.PAGE_CACHE_SECONDS = 300
    page_cache.purge()
    url = site["case_study"].url
    first = client.get(url)
    assert first.status_code == 200
    assert first["X-Page-Cache"] == "miss"
    assert_secure_headers(first)
    cached = client.get(url)
    assert cached["X-Page-Cache"] == "hit"
    assert_secure_headers(cached)
    assert cached["Content-Security-Policy"] == first["Content-Security-Policy"]
    page_cache.purge()


@pytest.mark.parametrize(
    "url", ["/api/search/?q=Bauantrag", "/api/v2/pages/", "/api/openapi.json", "/gibt-es-nicht/"]
)
def test_headers_on_the_apis_and_a_404(client, site, url):
    response = client.get(url)
    assert response.status_code == (404 if "gibt" in url else 200)
    assert_secure_headers(response)


def test_admin_login_is_strict_and_the_admin_has_its_own_policy(client, site):
    login = client.get("/admin/login/")
    assert login.status_code == 200
    assert_secure_headers(login)
    client.force_login(make_user("redakteurin", editorial.REDAKTION))
    dashboard = client.get("/admin/")
    assert dashboard.status_code == 200
    assert_secure_headers(
        dashboard,
        {
            **STRICT,
            "script-src": "'self' 'unsafe-inline'",
            "style-src": "'self' 'unsafe-inline'",
            "frame-src": "'self' https://www.youtube-nocookie.com https://player.vimeo.com",
            "img-src": "'self' data: blob:",
        },
    )


def test_previews_may_be_framed_by_the_admin_only():
    def preview(request):
        response = HttpResponse("preview")
        response["Content-Security-Policy"] = "default-src 'self'; frame-ancestors 'none'"
        response["X-Frame-Options"] = "SAMEORIGIN"
        return response

    response = ContentSecurityPolicyMiddleware(preview)(
        RequestFactory().get("/admin/pages/3/edit/preview/")
    )
    assert policy(response)["frame-ancestors"] == "'self'"
    assert policy(response)["default-src"] == "'self'"


def test_the_500_page_style_is_allowed_by_its_hash():
    html = render_to_string("500.html")
    style = re.search(r"<style>(.*?)</style>", html, re.S).group(1)
    digest = base64.b64encode(hashlib.sha256(style.encode()).digest()).decode()
    response = ContentSecurityPolicyMiddleware(lambda request: HttpResponseServerError(html))(
        RequestFactory().get("/")
    )
    assert policy(response)["style-src"] == f"'self' 'sha256-{digest}'"
    assert policy(response)["script-src"] == "'self'"


def test_hsts_and_https_only_with_the_production_settings():
    code = (
        "from django.test import Client; "
        "r = Client().get('/api/openapi.json', secure=True, HTTP_HOST='initiative-k.example'); "
        "print(r.status_code, r.get('Strict-Transport-Security'), "
        "'frame-ancestors' in r['Content-Security-Policy'], "
        "'upgrade-insecure-requests' in r['Content-Security-Policy']); "
        "r = Client().get('/api/openapi.json', HTTP_HOST='initiative-k.example'); "
        "print(r.status_code, r.get('Location'))"
    )
    result = run_manage(
        "shell",
        "-c",
        code,
        env_overrides={
            "DJANGO_SETTINGS_MODULE": "ik_cms.settings.production",
            "SECRET_KEY": STRONG_KEY,
            "ALLOWED_HOSTS": "initiative-k.example",
            "DATABASE_URL": "",
        },
    )
    lines = result.stdout.strip().splitlines()
    assert lines[-2:] == [
        "200 max-age=31536000; includeSubDomains; preload True True",
        "301 https://initiative-k.example/api/openapi.json",
    ], result.stdout + result.stderr


# --- Login throttling --------------------------------------------------------------


def post_login(client, username, password):
    return client.post("/admin/login/", {"username": username, "password": password})


def test_five_wrong_passwords_lock_that_login(client, site, settings):
    settings.AXES_ENABLED = True
    make_user("redakteurin", editorial.REDAKTION)
    make_user("autorin", editorial.AUTHORS)
    for _ in range(4):
        wrong = post_login(client, "redakteurin", "falsch")
        assert wrong.status_code == 200  # the login form with its error
    locked = post_login(client, "redakteurin", "falsch")
    assert locked.status_code == 429
    text = locked.content.decode()
    assert "Anmeldung vorübergehend gesperrt" in text
    assert "Zu viele fehlgeschlagene Anmeldeversuche" in text
    assert "für 15 Minuten gesperrt" in text
    assert locked["Retry-After"] == "900"
    assert_secure_headers(locked)  # the lockout page is a sign-in page: strict policy

    refused = post_login(client, "redakteurin", PASSWORD)
    assert refused.status_code == 429
    assert "_auth_user_id" not in client.session

    other = post_login(client, "autorin", PASSWORD)
    assert other.status_code == 302
    assert client.session["_auth_user_id"]


def test_the_cool_off_ends_and_a_success_resets_the_count(client, site, settings):
    from axes.models import AccessAttempt

    settings.AXES_ENABLED = True
    make_user("redakteurin", editorial.REDAKTION)
    for _ in range(5):
        post_login(client, "redakteurin", "falsch")
    assert post_login(client, "redakteurin", PASSWORD).status_code == 429
    AccessAttempt.objects.update(attempt_time="2000-01-01T00:00:00Z")  # 15 minutes later
    assert post_login(client, "redakteurin", PASSWORD).status_code == 302
    assert not AccessAttempt.objects.exists()


# --- Uploads -----------------------------------------------------------------------


def png_bytes(size=(8, 8)):
    buffer = io.BytesIO()
    PILImage.new("RGB", size, "#0b3a66").save(buffer, "PNG")
    return buffer.getvalue()


def file_errors(response):
    return list(response.context["form"].errors["file"])


@pytest.fixture
def editor_client(client, site):
    client.force_login(make_user("redakteurin", editorial.REDAKTION))
    return client


def test_images_are_limited_by_type_and_size(editor_client):
    svg = SimpleUploadedFile("logo.svg", b"<svg xmlns='http://www.w3.org/2000/svg'/>")
    response = editor_client.post("/admin/images/add/", {"title": "Logo", "file": svg})
    assert response.status_code == 200
    assert file_errors(response) == [
        "Nicht unterstütztes Bildformat. Unterstützte Bildformate: AVIF, GIF, JPG, JPEG, PNG, WEBP."
    ]

    too_large = SimpleUploadedFile("gross.png", png_bytes() + b"\0" * (10 * 1024 * 1024))
    response = editor_client.post("/admin/images/add/", {"title": "Groß", "file": too_large})
    assert response.status_code == 200
    assert file_errors(response) == [
        "Die Datei ist zu groß (10,0\xa0MB). Maximale Dateigröße 10,0\xa0MB."
    ]
    assert not Image.objects.exists()

    ok = SimpleUploadedFile("rathaus.png", png_bytes())
    response = editor_client.post("/admin/images/add/", {"title": "Rathaus", "file": ok})
    assert response.status_code == 302
    assert Image.objects.get().title == "Rathaus"


def test_documents_are_limited_by_type(editor_client):
    for name in ("skript.html", "programm.exe", "bild.svg"):
        upload = SimpleUploadedFile(name, b"<script>alert(1)</script>")
        response = editor_client.post("/admin/documents/add/", {"title": name, "file": upload})
        assert response.status_code == 200
        extension = name.rsplit(".", 1)[1]
        assert file_errors(response)[0].startswith(f"Dateiendung „{extension}“ ist nicht erlaubt")
    assert not Document.objects.exists()
    captions = SimpleUploadedFile("untertitel.vtt", b"WEBVTT\n\n00:00.000 --> 00:01.000\nHallo\n")
    response = editor_client.post(
        "/admin/documents/add/", {"title": "Untertitel", "file": captions}
    )
    assert response.status_code == 302
    assert Document.objects.get().title == "Untertitel"


def test_upload_limits_documented_in_the_settings(settings):
    assert settings.WAGTAILIMAGES_EXTENSIONS == ["avif", "gif", "jpg", "jpeg", "png", "webp"]
    assert settings.WAGTAILIMAGES_MAX_UPLOAD_SIZE == 10 * 1024 * 1024
    assert "svg" not in settings.WAGTAILDOCS_EXTENSIONS
    assert {"mp4", "webm", "vtt", "pdf"} <= set(settings.WAGTAILDOCS_EXTENSIONS)
    assert settings.DATA_UPLOAD_MAX_MEMORY_SIZE == 10 * 1024 * 1024
    assert (BASE_DIR / "docs" / "security.md").exists()
