"""Loading a claims folder: every file's facts, from the cache when its bytes are unchanged.

This is the loader of a whole run. Every claims file gets its
:class:`~argmap.load.facts.FileFacts`: read from the facts cache when a file
with the same bytes was loaded before, else by parsing and validating the file
(:func:`~argmap.load.loader.load_file`) and extracting them, then storing them.
Models are kept only when the command needs them (`map`, `export` …); a warm
`check` or `audit` parses nothing but the files that changed. Source texts
are read on every run, since they are files of their own. Nothing here prints.
"""

from __future__ import annotations

import marshal
from functools import partial
from pathlib import Path

from argmap import progress
from argmap.diagnostics import Diagnostic, Location, display_path
from argmap.load.cache.facts_cache import FactsCache, slot_of
from argmap.load.cache.parse_cache import ParseCache, digest
from argmap.load.discovery import Scan, scan
from argmap.load.extract import extract
from argmap.load.facts import FileFacts, problems_of, unusable
from argmap.load.files import UnreadableFile, read_regular
from argmap.load.limits import Limits
from argmap.load.loader import LoadedFile, LoadResult, load_file
from argmap.load.places import PlaceBook, RememberedPositions
from argmap.load.source_texts import read_source_texts

READING = "reading claims files"
"""The progress label of the files read in the main process (not found in the caches)."""


def load(
    root: Path,
    cache: ParseCache | None = None,
    facts_cache: FactsCache | None = None,
    models: bool = True,
    limits: Limits | None = None,
    scanned: Scan | None = None,
    store: bool | None = None,
) -> LoadResult:
    """Load every claims file at *root* (found by *scanned*, or now), through the caches.

    With *models* False, a file whose facts are cached is neither parsed nor
    turned into models, and models made while parsing are dropped: ``content``
    stays None. A file parsed now is stored in the parse cache as models when *store*
    (default: *models*) is set, because this run or the command after it will draw or
    export; `check` and `audit` store only facts.
    """
    store = models if store is None else store
    limits = limits or Limits()
    if scanned is None:
        scanned = scan(root, cache is not None or facts_cache is not None, limits)
    book = PlaceBook(facts_cache, slot_of(root), limits.max_file_bytes)
    result = LoadResult(diagnostics=list(scanned.diagnostics), missing=scanned.missing)
    result.places = book
    if scanned.empty:
        return result
    keys = scanned.keys
    found: dict[str, FileFacts] = {}
    if facts_cache is not None:
        found = facts_cache.get_many(key for key, _ in keys.values())
    if cache is not None:
        from argmap.load.cache.prewarm import prewarm

        def done(key: str) -> bool:
            facts = found.get(key)
            return facts is not None and (not store or not facts.usable or cache.has(key))

        def keep(made: tuple[str, bytes]) -> None:  # a worker's facts: made by our own code
            found[made[0]] = FileFacts.from_data(marshal.loads(made[1]))

        if facts_cache is not None:
            warm = partial(warm_file, limits=limits, models=store)
            prewarm(keys, cache, warm, done=done, keep=keep)
        else:
            prewarm(keys, cache, partial(load_file, limits=limits), done=done)
        if facts_cache is not None:  # what no worker handed over (none ran, or one failed)
            found.update(facts_cache.get_many(k for k, _ in keys.values() if k not in found))
    text_folder = limits.text_folder(root)
    total = len(scanned.paths)
    for at, (path, shown, name) in enumerate(
        zip(scanned.paths, scanned.shown, scanned.names, strict=True)
    ):
        key = keys[path][0] if path in keys else None
        facts = found.get(key) if key is not None else None
        if facts is None and progress.active():
            progress.step(READING, at, total)
        one = _One(path, shown, cache, facts_cache, limits, book, store)
        loaded, problems, read = one.load(key, facts, models)
        result.steady = result.steady and read == key
        result.diagnostics.extend(problems)
        if loaded is not None:
            loaded.namespace = loaded.facts.namespace or name
            result.files.append(loaded)
            result.diagnostics.extend(
                read_source_texts(loaded, text_folder, limits, cache, result.texts)
            )
    progress.finish()
    return result


class _One:
    """Loads one file of a run: its facts, and its models when needed or parsed anyway."""

    def __init__(
        self,
        path: Path,
        shown: str,
        cache: ParseCache | None,
        facts_cache: FactsCache | None,
        limits: Limits,
        book: PlaceBook,
        store: bool = True,
    ) -> None:
        self.path, self.shown, self.limits, self.book = path, shown, limits, book
        self.cache, self.facts_cache = cache, facts_cache
        self.store = store
        """Whether a file parsed now goes into the parse cache as models."""

    def load(
        self, key: str | None, facts: FileFacts | None, models: bool, raw: bytes | None = None
    ) -> tuple[LoadedFile | None, list[Diagnostic], str | None]:
        """The file, its problems, and the hash of the bytes they come from.

        *raw*, when given, is the file's bytes, read by the caller and hashed to *key*.
        Models made now are stored in the parse cache only when the loader's *store* is set.
        """
        path, shown, cache = self.path, self.shown, self.cache
        if facts is not None and (not models or not facts.usable):
            problems = [
                Diagnostic(Location(shown, line, col), code, message, hint)
                for line, col, code, message, hint in facts.problems
            ]
            if not facts.usable:
                return None, problems, key
            invalid = {section: set(ids) for section, ids in facts.invalid.items()}
            kept = LoadedFile(path, shown, None, self._positions(key, facts), invalid, facts, key)
            return kept, problems, key
        if (
            raw is None
            and key is not None
            and (facts is None or cache is None or not cache.has(key))
        ):
            try:  # about to parse: the bytes must be the ones hashed, or facts and models disagree
                raw = read_regular(path, self.limits.max_file_bytes)
            except UnreadableFile:
                raw = None  # load_file reports it
            if raw is not None and digest(raw) != key:
                key, facts = digest(raw), None  # changed since the scan: judge what is there now
        loaded, problems = load_file(
            path, cache, key, limits=self.limits, shown=shown, raw=raw, store=self.store
        )
        if facts is None:
            if loaded is None or loaded.content is None:
                facts = unusable(problems_of(problems))
            else:
                facts = extract(
                    loaded.content, loaded.invalid_ids, problems_of(problems), loaded.plain
                )
            if self.facts_cache is not None and key is not None:
                self.facts_cache.put(key, facts)
        if loaded is not None:
            loaded.facts, loaded.key = facts, key
            if not models:
                loaded.content = None  # the facts are all this run needs: free the models
            loaded.positions = self._positions(key, facts)
        return loaded, problems, key

    def _positions(self, key: str | None, facts: FileFacts) -> RememberedPositions:
        return RememberedPositions(self.path, key, self.book, facts.plain)


def warm_file(
    path: Path, cache: ParseCache, *, limits: Limits, models: bool = True
) -> tuple[str, bytes] | None:
    """Parse one file into the facts cache, and into the parse cache when the run needs
    *models* (run by the parallel cache fill); return the hash of its bytes and its facts
    as stored (marshal bytes), for the main process to take without reading them back."""
    try:
        raw = read_regular(path, limits.max_file_bytes)
    except UnreadableFile:
        return None
    book = PlaceBook(None, "", limits.max_file_bytes)
    one = _One(path, display_path(path), cache, None, limits, book, models)
    key = digest(raw)
    loaded, problems, _ = one.load(key, None, models, raw)
    facts = loaded.facts if loaded is not None else unusable(problems_of(problems))
    payload = marshal.dumps(facts.to_data())
    FactsCache(cache.folder, limits.max_cache_entry_bytes, limits).put_payload(key, payload)
    return key, payload
