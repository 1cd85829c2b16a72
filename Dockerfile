# The Initiative K site: gunicorn serving Django/Wagtail, static files by WhiteNoise.
# Build: docker build -t initiative-k .   Run: see compose.yaml and docs/deployment.md.
FROM python:3.11-slim-bookworm

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1 \
    DJANGO_SETTINGS_MODULE=ik_cms.settings.production \
    STATIC_ROOT=/app/staticfiles \
    MEDIA_ROOT=/app/media \
    LOG_FORMAT=json

# wngerman: the German word list of search/analysis.py and search.es.write_wordlist
# (GPL-2+, used from /usr/share/dict/ngerman); gettext: msgfmt for compilemessages;
# postgresql-client 15 (pg_dump/pg_restore of scripts/backup and scripts/restore);
# sqlite3 for the SQLite variant of the same scripts.
RUN apt-get update \
    && apt-get install -y --no-install-recommends wngerman gettext postgresql-client sqlite3 \
    && rm -rf /var/lib/apt/lists/*

RUN groupadd --system --gid 1000 app \
    && useradd --system --uid 1000 --gid app --create-home --home-dir /home/app app

WORKDIR /app
COPY requirements.txt .
RUN pip install -r requirements.txt

COPY --chown=app:app . .

# Message catalogues and static files (hashed, gzip-compressed) at build time, with the
# shared settings only: no secret, no database needed.
RUN DJANGO_SETTINGS_MODULE=ik_cms.settings.base DATABASE_URL= \
        python manage.py compilemessages --ignore=.venv \
    && DJANGO_SETTINGS_MODULE=ik_cms.settings.base DATABASE_URL= \
        python manage.py collectstatic --noinput \
    && mkdir -p /app/media /analysis /backup \
    && chown -R app:app /app/media /app/staticfiles /analysis /backup /app/locale

USER app
EXPOSE 8000
ENTRYPOINT ["/app/docker/entrypoint.sh"]
CMD ["gunicorn", "-c", "ik_cms/gunicorn.conf.py", "ik_cms.wsgi:application"]

HEALTHCHECK --interval=30s --timeout=5s --start-period=30s --retries=3 \
    CMD ["python", "/app/docker/healthcheck.py"]
