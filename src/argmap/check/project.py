"""One call from a claims path to a checked corpus: facts always, models when asked.

This is the library's front door: :func:`open_claims` runs the loader, merges
every file's facts into the fact table, runs every check over it, and (unless
told a command needs no models, as `check` and `audit` do) builds the corpus
of models and the graph index that maps and exports read. Commands and Python
users start here; nothing here prints.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from argmap.check.checks import run_checks
from argmap.codes import Severity
from argmap.corpus.graph import GraphIndex, build_index
from argmap.corpus.merge import Corpus, build_corpus
from argmap.corpus.table import FactTable
from argmap.corpus.tabulate import build_table
from argmap.diagnostics import Diagnostic, sorted_diagnostics
from argmap.load.cache import ParseCache
from argmap.load.facts_cache import FactsCache
from argmap.load.loader import LoadResult, load, load_file
from argmap.load.places import RememberedPositions


@dataclass
class Project:
    """A loaded and checked claims folder; its models are built on first use."""

    root: Path
    """The claims folder or file that was opened."""
    loaded: LoadResult
    """The loader's output."""
    table: FactTable
    """Every file's facts, merged: what the checks and the audit read."""
    diagnostics: list[Diagnostic]
    """Everything wrong, from loading and from the checks, in print order."""
    cache: ParseCache | None = None
    """The parse cache models are read through, if any."""
    _corpus: Corpus | None = None
    _index: GraphIndex | None = None

    @property
    def errors(self) -> list[Diagnostic]:
        """The diagnostics of error severity."""
        return [d for d in self.diagnostics if d.severity is Severity.error]

    @property
    def warnings(self) -> list[Diagnostic]:
        """The diagnostics of warning severity."""
        return [d for d in self.diagnostics if d.severity is Severity.warning]

    @property
    def corpus(self) -> Corpus:
        """Every entity by id, as models (built on first use)."""
        if self._corpus is None:
            with paused_gc():
                for loaded in self.loaded.files:
                    if loaded.content is None:
                        again, _ = load_file(loaded.path, self.cache, loaded.key)
                        loaded.content = None if again is None else again.content
                self._corpus = build_corpus(self.table)
        return self._corpus

    @property
    def index(self) -> GraphIndex:
        """Adjacency and attribution over :attr:`corpus`."""
        if self._index is None:
            corpus = self.corpus
            with paused_gc():
                self._index = build_index(corpus)
        return self._index


def open_claims(root: Path, cache_dir: Path | None = None, models: bool = True) -> Project:
    """Load and check the claims at *root*; with *models*, build the corpus and index too.

    With *cache_dir*, each file's facts and models are cached there under the
    hash of its bytes (see :mod:`argmap.load.facts_cache` and
    :mod:`argmap.load.cache`), and a file whose bytes are unchanged is not parsed.
    """
    cache = None if cache_dir is None else ParseCache(cache_dir)
    facts = None if cache_dir is None else FactsCache(cache_dir)
    with paused_gc():
        loaded = load(root, cache, facts, models)
        table = build_table(loaded.files)
        diagnostics = sorted_diagnostics([*loaded.diagnostics, *run_checks(table)])
        for file in loaded.files:
            if isinstance(file.positions, RememberedPositions):
                file.positions.flush()
    project = Project(root, loaded, table, diagnostics, cache)
    if models:
        project.index  # noqa: B018 (built now, while the files' models are fresh)
    return project


@contextmanager
def paused_gc() -> Iterator[None]:
    """Pause the cycle collector while a corpus is built, then freeze what was built.

    Loading makes millions of objects and no garbage cycles; each collection
    would scan them all (2–3× slower at 100k claims). Freezing moves them out
    of later collections' way.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        gc.freeze()
        if was_enabled:
            gc.enable()
