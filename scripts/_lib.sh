# Shared helpers of scripts/run and scripts/test (sourced, not run).
# They install what a fresh Debian machine with Python 3.11 lacks, and nothing twice.

as_root() {
    if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi
}

apt_install() {
    echo ">> installing Debian packages: $*"
    as_root env DEBIAN_FRONTEND=noninteractive apt-get update -qq
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$@"
}

find_python() {
    for candidate in python3.11 python3; do
        if command -v "$candidate" >/dev/null 2>&1 &&
            "$candidate" -c 'import sys; sys.exit(sys.version_info[:2] != (3, 11))'; then
            echo "$candidate"
            return 0
        fi
    done
    echo "Python 3.11 is required (python3.11 or python3)." >&2
    return 1
}

# ensure_venv REQUIREMENTS_FILE: create .venv and install the pinned requirements when
# they changed since the last install.
ensure_venv() {
    local requirements="$1" python stamp wanted
    python="$(find_python)"
    if [ ! -x .venv/bin/python ]; then
        if ! "$python" -m venv .venv 2>/dev/null; then
            rm -rf .venv
            # Debian ships venv/ensurepip separately.
            apt_install python3-venv "python3.11-venv"
            "$python" -m venv .venv
        fi
    fi
    stamp=.venv/.installed-$(basename "$requirements")
    wanted="$(cat requirements*.txt | sha256sum | cut -d' ' -f1)"
    if [ ! -f "$stamp" ] || [ "$(cat "$stamp")" != "$wanted" ]; then
        echo ">> installing Python packages from $requirements"
        .venv/bin/python -m pip install --quiet --disable-pip-version-check --upgrade pip
        .venv/bin/python -m pip install --quiet --disable-pip-version-check -r "$requirements"
        echo "$wanted" >"$stamp"
    fi
}

# ensure_debian_packages PACKAGE...: install those not installed yet (chromium for the
# browser tests; wngerman, the German word list of search/analysis.py, GPL-2+, used
# from /usr/share/dict/ngerman and never copied into the repository; gettext, whose
# msgfmt compile_messages needs; docker-compose, Debian's Compose 1.29, which validates
# compose.yaml in tests/ik_cms/test_serving.py where the docker compose plugin is missing).
ensure_debian_packages() {
    local missing=()
    for package in "$@"; do
        dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "ok installed" ||
            missing+=("$package")
    done
    if [ "${#missing[@]}" -gt 0 ]; then
        apt_install "${missing[@]}"
    fi
}

# compile_messages: the message catalogues (*.mo, not committed) from their *.po files,
# with GNU gettext's msgfmt; skipped when every .mo is newer than its .po.
compile_messages() {
    local po
    while IFS= read -r po; do
        if [ ! "${po%.po}.mo" -nt "$po" ]; then
            echo ">> compiling the message catalogues"
            DATABASE_URL= .venv/bin/python manage.py compilemessages --ignore=.venv
            return
        fi
    done < <(find . -path ./.venv -prune -o -name '*.po' -print)
}

postgres_reachable() {
    .venv/bin/python - "$1" <<'PY'
import sys
import psycopg
try:
    psycopg.connect(sys.argv[1].replace("postgres://", "postgresql://", 1), connect_timeout=3).close()
except Exception as exc:
    print(f"   ({exc.__class__.__name__}: {str(exc).strip().splitlines()[0]})")
    sys.exit(1)
PY
}
