#!/usr/bin/env bash
# Rewrite src/argmap/cli/help.txt: what typer prints for `argmap --help` at full width.
# `argmap --help` answers from that file without importing typer (see argmap/cli/__init__.py);
# tests/test_help_text.py fails until this is run after a change to a command or option.
set -euo pipefail
cd "$(dirname "$0")/.."
PYTHON="${PYTHON:-.venv/bin/python}"
COLUMNS=80 "$PYTHON" -c '
import sys
from argmap.cli.program import main
sys.argv = ["argmap", "--help"]
main()
' > src/argmap/cli/help.txt.new
mv src/argmap/cli/help.txt.new src/argmap/cli/help.txt
echo "wrote src/argmap/cli/help.txt"
