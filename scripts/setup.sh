#!/usr/bin/env bash
# Set argmap up on a fresh machine, then run the main job on the bundled claims/.
#   bash scripts/setup.sh                 # install, then check, audit and render claims/
#   bash scripts/setup.sh --install-only  # install only (used by scripts/test.sh)
#   bash scripts/setup.sh --run-only      # only the main job; renders go to
#                                         # $ARGMAP_RENDERS_DIR (default renders/)
set -euo pipefail
cd "$(dirname "$0")/.."

install() {
    local python=${PYTHON:-python3}
    if [ ! -x .venv/bin/python ]; then
        echo "setup: creating .venv with $($python --version)"
        "$python" -m venv .venv
    fi
    echo "setup: installing argmap and its test tools into .venv"
    .venv/bin/python -m pip install --quiet --disable-pip-version-check -e '.[dev]'
    # An editable install leaves src/ uncompiled; where PYTHONDONTWRITEBYTECODE is set,
    # every run would compile argmap's modules again (about 0.1 s). Write the bytecode once.
    .venv/bin/python -m compileall -q src/argmap >/dev/null

    if ! command -v dot >/dev/null 2>&1; then
        if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
            echo "setup: Graphviz 'dot' is missing; installing the Debian package graphviz"
            apt-get install -y -qq graphviz >/dev/null 2>&1 \
                || { apt-get update -qq && apt-get install -y -qq graphviz; }
        else
            echo "setup: error: Graphviz 'dot' is missing and this script cannot install it." >&2
            echo "  hint: install it, then run this again:" >&2
            echo "    Debian/Ubuntu:  sudo apt-get install graphviz" >&2
            echo "    macOS:          brew install graphviz" >&2
            exit 2
        fi
    fi

    # The HTML map's tests drive Debian's Chromium through Playwright (never
    # `playwright install`: its own browser builds cannot be fetched).
    if [ ! -x /usr/bin/chromium ]; then
        if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
            echo "setup: Chromium is missing; installing the Debian package chromium"
            apt-get install -y -qq chromium >/dev/null 2>&1 \
                || { apt-get update -qq && apt-get install -y -qq chromium; }
        else
            echo "setup: warning: /usr/bin/chromium is missing, so the HTML map's browser" >&2
            echo "  tests will skip (and fail under CI=true); install it:" >&2
            echo "    Debian/Ubuntu:  sudo apt-get install chromium" >&2
        fi
    fi
}

main_job() {
    local renders=${ARGMAP_RENDERS_DIR:-renders}
    .venv/bin/argmap check claims
    .venv/bin/argmap audit claims
    .venv/bin/argmap render claims --slide --out "$renders"
    echo "setup: done; renders are in $renders/"
}

case "${1:-}" in
    --install-only) install ;;
    --run-only) main_job ;;
    "") install && main_job ;;
    *) echo "usage: bash scripts/setup.sh [--install-only | --run-only]" >&2; exit 2 ;;
esac
