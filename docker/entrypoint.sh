#!/bin/sh
# Entrypoint of the web image. With MIGRATE_ON_START=1 the container applies the
# migrations before it starts (a single web container; with several, run the one-off
# commands of docs/deployment.md instead). Then it runs the command (gunicorn by default).
set -eu
if [ "${MIGRATE_ON_START:-0}" = "1" ]; then
    python manage.py migrate --noinput
fi
exec "$@"
