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
from pathlib import Path
from typing import TYPE_CHECKING

from argmap.check.results import Results
from argmap.codes import Severity
from argmap.diagnostics import Diagnostic, sorted_diagnostics
from argmap.load.cache.facts_cache import FactsCache, slot_of
from argmap.load.cache.hashes import HashBook
from argmap.load.cache.parse_cache import ParseCache
from argmap.load.discovery import Scan, scan
from argmap.load.limits import Limits

if TYPE_CHECKING:
    from argmap.check.audit import AuditReport
    from argmap.corpus.graph import GraphIndex
    from argmap.corpus.merge import Corpus
    from argmap.corpus.plain import PlainIndex
    from argmap.corpus.table import FactTable
    from argmap.load.loader import LoadedFile, LoadResult
    from argmap.model import ClaimFile

# The stages below (loader, checks, corpus, index) are imported where first used: a run
# whose files are all unchanged reuses stored results and never needs them.


class ClaimsChanged(Exception):
    """A claims file changed between the check and a later request for its models."""


class Project:
    """A checked claims folder; its facts, models and audit are produced on first use."""

    def __init__(
        self,
        root: Path,
        scanned: Scan,
        cache_dir: Path | None,
        limits: Limits,
        models: bool,
        store_models: bool | None = None,
    ) -> None:
        self.root = root
        """The claims folder or file that was opened."""
        self.limits = limits
        """The bounds the run reads within."""
        entry = limits.max_cache_entry_bytes
        self.cache = None if cache_dir is None else ParseCache(cache_dir, entry, limits)
        """The parse cache models are read through, if any."""
        self.facts_cache = None if cache_dir is None else FactsCache(cache_dir, entry, limits)
        """The facts cache, if any."""
        self.scanned = scanned
        """The claims files found (and hashed, when caching)."""
        manifest = scanned.manifest()
        self.results = None
        """The stored results of this root, when caching and every file could be hashed."""
        if self.facts_cache is not None and manifest is not None:
            self.results = Results(self.facts_cache, root, manifest, limits)
        self.models = models
        """Whether models are built while loading (else only facts, and models on demand)."""
        self.store_models = models if store_models is None else store_models
        """Whether files parsed now go into the parse cache as models (for the command's
        own later use, or the next command's)."""
        self._loaded: LoadResult | None = None
        self._table: FactTable | None = None
        self._corpus: Corpus | None = None
        self._index: GraphIndex | None = None
        self._plain: PlainIndex | None = None
        self._audit: AuditReport | None = None
        self._released = False
        self.diagnostics: list[Diagnostic] = []
        """Everything wrong, from loading and from the checks, in print order."""
        self.file_count = 0
        """How many claims files could be used."""
        self.claim_count = 0
        """How many claims the corpus has (each id counted once)."""

    def check(self, warnings: bool = True) -> None:
        """Find the diagnostics: stored ones when nothing changed, else by loading and checking.

        Without *warnings*, the checks that yield only warnings run only when there are
        errors (then every diagnostic is wanted, to be printed).
        """
        stored = None if self.results is None else self.results.checked(warnings)
        if stored is not None:
            self.diagnostics, self.file_count, self.claim_count = stored
            return
        from argmap.check.checks import WARNINGS_ONLY, run_checks

        loaded, table = self.loaded, self.table
        with paused_gc():
            found = [*loaded.diagnostics, *run_checks(table, warnings)]
            if not warnings and any(d.severity is Severity.error for d in found):
                found += [d for check in WARNINGS_ONLY for d in check(table)]
                warnings = True
            self.diagnostics = sorted_diagnostics(found)
        self.file_count, self.claim_count = len(loaded.files), table.claim_count
        if loaded.places is not None:
            loaded.places.flush()
        if self.results is not None and loaded.steady:
            self.results.keep_checked(
                loaded.texts, self.diagnostics, self.file_count, self.claim_count, warnings
            )

    @property
    def missing(self) -> bool:
        """True when the given path does not exist or cannot be read (a usage error)."""
        return self.scanned.missing

    @property
    def loaded(self) -> LoadResult:
        """The loader's output (loaded on first use)."""
        if self._loaded is None:
            if self._released:
                raise RuntimeError("the project was released; open the claims again")
            from argmap.load.incremental import load

            with paused_gc():
                self._loaded = load(
                    self.root,
                    self.cache,
                    self.facts_cache,
                    self.models,
                    self.limits,
                    self.scanned,
                    self.store_models,
                )
        return self._loaded

    @property
    def table(self) -> FactTable:
        """Every file's facts, merged: what the checks and the audit read."""
        if self._table is None:
            from argmap.corpus.tabulate import build_table

            loaded = self.loaded
            with paused_gc():
                self._table = build_table(loaded.files)
        return self._table

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
            from argmap.corpus.merge import build_corpus

            table = self.table
            with paused_gc():
                for loaded in self.loaded.files:
                    if loaded.content is None:
                        loaded.content = self._models_of(loaded)
                self._corpus = build_corpus(table, release=True)
        return self._corpus

    def _models_of(self, loaded: LoadedFile) -> ClaimFile:
        """The models of a file only its facts were read for (from the same bytes)."""
        from argmap.load.cache.parse_cache import digest
        from argmap.load.files import read_regular
        from argmap.load.loader import load_file

        raw = None
        if self.cache is None or loaded.key is None or not self.cache.has(loaded.key):
            raw = read_regular(loaded.path, self.limits.max_file_bytes)
            if loaded.key is not None and digest(raw) != loaded.key:
                raise ClaimsChanged(f"{loaded.shown} changed while argmap was reading it")
        again, _ = load_file(
            loaded.path, self.cache, loaded.key, limits=self.limits, shown=loaded.shown, raw=raw
        )
        if again is None or again.content is None:
            raise ClaimsChanged(f"{loaded.shown} no longer reads as it did")
        return again.content

    @property
    def index(self) -> GraphIndex:
        """Adjacency and attribution over :attr:`corpus`."""
        if self._index is None:
            from argmap.corpus.graph import build_index

            corpus = self.corpus
            with paused_gc():
                self._index = build_index(corpus)
        return self._index

    @property
    def plain(self) -> PlainIndex:
        """Every entity as plain records read from :attr:`table`, with adjacency: what views
        are built from, without models (built on first use)."""
        if self._plain is None:
            from argmap.corpus.plain import build_plain_index

            table = self.table
            with paused_gc():
                self._plain = build_plain_index(table)
        return self._plain

    def release(self) -> None:
        """Let go of the facts, models and index: a command that has built what it shows from
        them (a map's view) frees that memory before it writes (a 100k-claim map's text is
        75 MB; the models behind it, several times that)."""
        if self._loaded is not None:
            for loaded in self._loaded.files:
                loaded.content = None
        self._loaded = self._table = self._corpus = self._index = self._plain = None
        self._released = True

    def audit(self) -> AuditReport:
        """The audit of the whole corpus (stored when nothing changed, else computed)."""
        if self._audit is None:
            stored = None if self.results is None else self.results.audited()
            if stored is not None:
                self._audit = stored
            else:
                from argmap.check.audit import audit

                with paused_gc():
                    self._audit = audit(self.table)
                if self.results is not None and self.loaded.steady:
                    self.results.keep_audited(self.loaded.texts, self._audit)
        return self._audit


def open_claims(
    root: Path,
    cache_dir: Path | None = None,
    limits: Limits | None = None,
    models: bool = True,
    warnings: bool = True,
    store_models: bool | None = None,
) -> Project:
    """Load and check the claims at *root*, within *limits*; with *models*, build the corpus
    and index too. Without *warnings*, warnings are found only when there are errors
    (see :meth:`Project.check`).

    With *cache_dir*, each file's facts and models are cached there under the
    hash of its bytes (see :mod:`argmap.load.cache.facts_cache` and
    :mod:`argmap.load.cache.parse_cache`), and a file whose bytes are unchanged is not
    parsed; without *models*, a run whose files and source texts are all
    unchanged reuses the last run's diagnostics (see :mod:`argmap.check.results`).
    Files parsed now are stored as models too when *store_models* (default:
    *models*) is set, for a caller that keeps no models now but will read them later.
    """
    limits = limits or Limits()
    book = None
    if cache_dir is not None:
        from argmap.load.cache.temps import sweep

        sweep(cache_dir)  # what runs killed while writing the cache left
        store = FactsCache(cache_dir, limits.max_cache_entry_bytes, limits)
        book = HashBook(store, slot_of(root))
    scanned = scan(root, cache_dir is not None, limits, book)
    project = Project(root, scanned, cache_dir, limits, models, store_models)
    project.check(warnings)
    if models and not project.scanned.empty:
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
