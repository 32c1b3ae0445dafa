#!/usr/bin/env bash
# Run the whole test suite: pytest (which includes `argmap render --check`),
# then ruff, mypy --strict and the import-linter layer contracts. Sets up .venv first if needed.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh --install-only
.venv/bin/pytest "$@"
.venv/bin/ruff check src tests benchmarks
.venv/bin/ruff format --check src tests benchmarks
.venv/bin/mypy --strict src benchmarks
.venv/bin/lint-imports
echo "test: all green"
