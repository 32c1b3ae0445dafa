"""Re-checking an edit before it is written: the errors it would bring, with the new text.

Every edit command (`add`, `set`, `remove`, `rename`) plans new texts for some
files and asks :func:`new_errors` what `argmap check` would say about the claims
folder if they were written. Errors the folder has already are not the edit's
fault and do not stop it; only errors the edit brings do. The folder is loaded
the way `check` loads it (the same loader, facts, table and checks), with the
planned texts standing in for the files on disk. Nothing is written here.
"""

from __future__ import annotations

from collections import Counter
from functools import partial
from pathlib import Path

from argmap.check.checks import run_checks
from argmap.codes import Severity
from argmap.corpus.tabulate import build_table
from argmap.diagnostics import Diagnostic, display_path, sorted_diagnostics
from argmap.load.discovery import discover, namespace_of
from argmap.load.extract import extract
from argmap.load.facts import problems_of
from argmap.load.limits import Limits
from argmap.load.loader import LoadedFile, load_file
from argmap.load.source_texts import read_source_texts
from argmap.load.yaml.positions import PositionIndex


def errors_of(root: Path, texts: dict[Path, str], limits: Limits | None = None) -> list[Diagnostic]:
    """The errors `argmap check` finds at *root* with *texts* standing in for those files."""
    limits = limits or Limits()
    planned = {path.resolve(): text for path, text in texts.items()}
    folder = limits.text_folder(root)
    files: list[LoadedFile] = []
    found: list[Diagnostic] = []
    for path in discover(root):
        text = planned.get(path.resolve())
        raw = None if text is None else text.encode("utf-8")
        loaded, problems = load_file(path, limits=limits, shown=display_path(path), raw=raw)
        found += problems
        if loaded is None or loaded.content is None:
            continue
        if text is not None:
            loaded.positions = PositionIndex(partial(str, text))
        loaded.facts = extract(
            loaded.content, loaded.invalid_ids, problems_of(problems), loaded.plain
        )
        loaded.namespace = loaded.facts.namespace or namespace_of(root, path)
        files.append(loaded)
        found += read_source_texts(loaded, folder, limits)
    found += run_checks(build_table(files), warnings=False)
    return sorted_diagnostics([d for d in found if d.severity is Severity.error])


def new_errors(
    root: Path, texts: dict[Path, str], limits: Limits | None = None
) -> list[Diagnostic]:
    """The errors writing *texts* would bring to *root* that it does not have now."""
    before = Counter((d.code, d.message) for d in errors_of(root, {}, limits))
    brought = []
    for diagnostic in errors_of(root, texts, limits):
        key = (diagnostic.code, diagnostic.message)
        if before[key]:
            before[key] -= 1
        else:
            brought.append(diagnostic)
    return brought
