"""Loading claims files: find them, read them, parse them, validate them.

The loader turns a claims folder (or one file) into validated
:class:`~argmap.model.ClaimFile` models plus located diagnostics for
everything that went wrong on the way. It reports every problem of every
file, and salvages the valid entries of a file that has invalid ones so that
later checks do not cascade. It never prints and never raises for bad input.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from argmap.diagnostics import Diagnostic, Location, display_path, display_paths
from argmap.load.cache import ParseCache, digest, file_keys
from argmap.load.facts import FileFacts, extract, problems_of, unusable
from argmap.load.facts_cache import FactsCache
from argmap.load.fastyaml import fast_parse
from argmap.load.places import PlaceBook, RememberedPositions, slot_of
from argmap.load.validation_errors import translate_errors
from argmap.load.yamlsource import ParsedYaml, PositionIndex, YamlSyntaxProblem, parse_yaml
from argmap.model import SECTIONS, ClaimFile
from argmap.texts.source import SourceText

YAML_SUFFIXES = (".yaml", ".yml")
"""File endings read as claims files."""


@dataclass
class LoadedFile:
    """One claims file that parsed as a mapping: its facts, and its models when loaded."""

    path: Path
    """Where the file is on disk."""
    shown: str
    """The path as printed in diagnostics."""
    content: ClaimFile | None
    """The valid entries of the file as models; None when only its facts were read."""
    positions: PositionIndex
    """Finds line and column of any value in the file."""
    invalid_ids: dict[str, set[str]] = field(default_factory=dict)
    """Ids of entries dropped as invalid, by section, so references to them are not 'unknown'."""
    facts: FileFacts = field(default_factory=FileFacts)
    """What the file contributes to the corpus (see :mod:`argmap.load.facts`)."""
    key: str | None = None
    """The hash of the file's bytes, when it was computed (the cache key)."""
    source_texts: dict[str, SourceText] = field(default_factory=dict)
    """The local text of each source whose `text_file` could be read, by source id."""
    namespace: str = ""
    """The file's namespace: its `namespace:` field, else its path under the claims root
    without suffix (set by :func:`load`)."""


@dataclass
class LoadResult:
    """Everything the loader produced."""

    files: list[LoadedFile] = field(default_factory=list)
    """Files that were read, in path order."""
    diagnostics: list[Diagnostic] = field(default_factory=list)
    """Problems met while loading."""
    missing: bool = False
    """True when the given path does not exist (a usage error)."""
    texts: list[tuple[str, str]] = field(default_factory=list)
    """Each source text read: its path, and the hash of its bytes or why it could not be read
    (see :func:`read_text`)."""
    places: PlaceBook | None = None
    """The positions remembered for these files (stored by :meth:`PlaceBook.flush`)."""
    steady: bool = True
    """False when a file changed between being hashed and being read (then nothing that
    depends on the whole run's inputs may be kept)."""


@dataclass
class Scan:
    """The claims files at a root, found and (when caching) hashed, but not yet read further."""

    root: Path
    """The claims folder or file."""
    paths: list[Path] = field(default_factory=list)
    """Every claims file, in path order."""
    shown: list[str] = field(default_factory=list)
    """Each file's path as diagnostics show it."""
    names: list[str] = field(default_factory=list)
    """Each file's default namespace (its path under the root without suffix)."""
    keys: dict[Path, tuple[str, int]] = field(default_factory=dict)
    """The hash and size of each file that could be read, when hashed."""
    empty: LoadResult | None = None
    """The whole result when there is nothing to load (a missing root, no files)."""

    def manifest(self) -> list[tuple[str, str, str]] | None:
        """(shown, default namespace, hash) of every file, or None when one was not hashed."""
        if len(self.keys) != len(self.paths):
            return None
        return [
            (shown, name, self.keys[path][0])
            for path, shown, name in zip(self.paths, self.shown, self.names, strict=True)
        ]


def discover(root: Path) -> list[Path]:
    """The claims files at *root*: the file itself, or every YAML file below a folder."""
    if root.is_file():
        return [root]
    found = [
        path
        for path in root.rglob("*")
        if path.suffix in YAML_SUFFIXES
        and path.is_file()
        and not any(part.startswith(".") for part in path.relative_to(root).parts)
    ]
    return sorted(found)


def scan(root: Path, hashed: bool) -> Scan:
    """Find the claims files at *root*; with *hashed*, read and hash each one."""
    found = Scan(root)
    shown_root = display_path(root)
    if not root.exists():
        found.empty = LoadResult(missing=True)
        found.empty.diagnostics.append(
            Diagnostic(
                Location(shown_root),
                "no-claims",
                f"claims path '{shown_root}' does not exist",
                "run from the project folder, or pass the claims folder as PATH",
            )
        )
        return found
    found.paths = discover(root)
    if not found.paths:
        found.empty = LoadResult()
        found.empty.diagnostics.append(
            Diagnostic(
                Location(shown_root),
                "no-claims",
                f"no .yaml files under '{shown_root}'",
                "add a claims file such as claims/commentary.yaml (see README)",
            )
        )
        return found
    found.shown = display_paths(found.paths)
    found.names = _names(root, found.paths)
    if hashed:
        found.keys = file_keys(found.paths)
    return found


def load(
    root: Path,
    cache: ParseCache | None = None,
    facts_cache: FactsCache | None = None,
    models: bool = True,
    scanned: Scan | None = None,
) -> LoadResult:
    """Load every claims file at *root* (found by *scanned*, or now), through the caches.

    Every file gets its facts, read from *facts_cache* when its bytes are
    unchanged. With *models* False, a file whose facts are cached is neither
    parsed nor turned into models: its ``content`` stays None.
    """
    caching = cache is not None or facts_cache is not None
    if scanned is None:
        scanned = scan(root, caching)
    if scanned.empty is not None:
        return scanned.empty
    book = PlaceBook(facts_cache, slot_of(root))
    result = LoadResult(places=book)
    keys = scanned.keys
    found: dict[str, FileFacts] = {}
    if facts_cache is not None:
        found = facts_cache.get_many(key for key, _ in keys.values())
    if cache is not None:
        from argmap.load.prewarm import prewarm

        def done(key: str) -> bool:
            facts = found.get(key)
            return facts is not None and (not models or not facts.usable or cache.has(key))

        prewarm(keys, cache, warm_file if facts_cache is not None else load_file, done=done)
        if facts_cache is not None:
            found.update(facts_cache.get_many(k for k, _ in keys.values() if k not in found))
    for path, shown, name in zip(scanned.paths, scanned.shown, scanned.names, strict=True):
        key = keys[path][0] if path in keys else None
        facts = found.get(key) if key is not None else None
        loaded, problems, read = _load_one(
            path, shown, key, facts, cache, facts_cache, models, book
        )
        result.steady = result.steady and read == key
        result.diagnostics.extend(problems)
        if loaded is not None:
            loaded.namespace = loaded.facts.namespace or name
            result.diagnostics.extend(_read_source_texts(loaded, cache, result.texts))
            result.files.append(loaded)
    return result


def _names(root: Path, paths: list[Path]) -> list[str]:
    """:func:`namespace_of` each of *paths*, by slicing strings where that is the same."""
    if not root.is_dir():
        return [namespace_of(root, path) for path in paths]
    start = str(root) + os.sep
    names = []
    for path in paths:
        text = str(path)
        relative, dot = text[len(start) :], path.name.rfind(".")
        if os.sep != "/" or not text.startswith(start) or dot <= 0:
            names.append(namespace_of(root, path))
        else:
            names.append(relative[: len(relative) - len(path.name) + dot])
    return names


def _load_one(
    path: Path,
    shown: str,
    key: str | None,
    facts: FileFacts | None,
    cache: ParseCache | None,
    facts_cache: FactsCache | None,
    models: bool,
    book: PlaceBook,
) -> tuple[LoadedFile | None, list[Diagnostic], str | None]:
    """One file's facts (cached, else extracted) and, when needed or parsed anyway, models;
    and the hash of the bytes they come from."""
    if facts is not None and (not models or not facts.usable):
        problems = [
            Diagnostic(Location(shown, line, col), code, message, hint)
            for line, col, code, message, hint in facts.problems
        ]
        if not facts.usable:
            return None, problems, key
        positions = RememberedPositions(path, key, book)
        invalid = {section: set(ids) for section, ids in facts.invalid.items()}
        return LoadedFile(path, shown, None, positions, invalid, facts, key), problems, key
    raw = None
    if key is not None and (facts is None or cache is None or not cache.has(key)):
        try:  # about to parse: the bytes must be the ones hashed, or facts and models disagree
            raw = path.read_bytes()
        except OSError:
            raw = None  # load_file reports it
        if raw is not None and digest(raw) != key:
            key, facts = digest(raw), None  # changed since the scan: judge what is there now
    loaded, problems = load_file(path, cache, key, shown, raw)
    if facts is None:
        if loaded is None or loaded.content is None:
            facts = unusable(problems_of(problems))
        else:
            facts = extract(loaded.content, loaded.invalid_ids, problems_of(problems))
        if facts_cache is not None and key is not None:
            facts_cache.put(key, facts)
    if loaded is not None:
        loaded.facts, loaded.key = facts, key
        if not models:
            loaded.content = None  # the facts are all this run needs: free the models
        loaded.positions = RememberedPositions(path, key, book)
    return loaded, problems, key


def warm_file(path: Path, cache: ParseCache) -> None:
    """Parse one file into both caches (run by the parallel cache fill)."""
    try:
        key = digest(path.read_bytes())
    except OSError:
        return
    book = PlaceBook(None, "")
    _load_one(path, display_path(path), key, None, cache, FactsCache(cache.folder), True, book)


def namespace_of(root: Path, path: Path) -> str:
    """The default namespace of *path*: its path under *root* without suffix, '/'-separated."""
    relative = path.relative_to(root) if root.is_dir() else Path(path.name)
    return relative.with_suffix("").as_posix()


def load_file(
    path: Path,
    cache: ParseCache | None = None,
    key: str | None = None,
    shown: str | None = None,
    raw: bytes | None = None,
) -> tuple[LoadedFile | None, list[Diagnostic]]:
    """Load one file; return it (None when unusable) and its problems.

    *key* is the file's cache key when the caller has already hashed it; a
    cache hit then does not read the file at all. Only files that load
    without any problem are cached, so a hit means the file is valid and its
    diagnostics would be empty. Source texts are read by :func:`load`. *shown* is the
    path as diagnostics print it (computed when not given); *raw*, the file's bytes
    when the caller has read them already (they must hash to *key*).
    """
    shown = display_path(path) if shown is None else shown
    cached = cache.get(key) if cache is not None and key is not None else None
    if cached is None and raw is None:
        try:
            raw = path.read_bytes()
        except OSError as exc:
            message = f"cannot read file: {exc.strerror or exc}"
            return None, [Diagnostic(Location(shown), "unreadable-file", message)]
    if cached is None and raw is not None and cache is not None and key is None:
        key = digest(raw)
        cached = cache.get(key)
    if cached is not None:  # the same bytes were valid UTF-8 and valid claims before
        return LoadedFile(path, shown, cached, PositionIndex.of_file(path)), []
    assert raw is not None  # read above whenever the cache had nothing
    try:
        text = raw.decode("utf-8").removeprefix("\ufeff")
    except UnicodeDecodeError as exc:
        return None, [_not_utf8(shown, raw, exc)]
    fast = fast_parse(text)  # the happy path; None sends the text to PyYAML
    try:
        parsed = ParsedYaml(fast) if fast is not None else parse_yaml(text)
    except YamlSyntaxProblem as problem:
        return None, [
            Diagnostic(
                Location(shown, problem.line, problem.col),
                "yaml-syntax",
                problem.message,
                _syntax_hint(problem.message),
            )
        ]
    problems = [
        Diagnostic(
            Location(shown, line, col),
            "duplicate-key",
            f"key '{name}' appears twice in the same mapping; only the last is kept",
            "remove or rename one of them",
        )
        for name, line, col in parsed.duplicate_keys
    ]
    data = parsed.data
    if data is None:
        data = {}  # an empty file is an empty (but valid) claims file
    if not isinstance(data, dict):
        kind = type(data).__name__
        problems.append(
            Diagnostic(
                Location(shown, 1, 1),
                "not-mapping",
                f"the top level is a {_yaml_kind(kind)}, not a mapping",
                "start the file with keys such as 'claims:' and 'sources:'",
            )
        )
        return None, problems
    positions = PositionIndex.of_file(path)
    content, invalid_ids, errors = _validate(data)
    problems.extend(translate_errors(errors, data, shown, positions))
    loaded = LoadedFile(path, shown, content, positions, invalid_ids)
    if cache is not None and key is not None and not problems:
        cache.put(key, content)
    return loaded, problems


def read_text(path: Path) -> tuple[str, str] | str:
    """A source copy's text and the hash of its bytes, or why it cannot be read."""
    try:
        raw = path.read_bytes()
        return raw.decode("utf-8"), digest(raw)
    except OSError as exc:
        return str(exc.strerror)
    except UnicodeDecodeError:
        return "it is not UTF-8"


def _read_source_texts(
    loaded: LoadedFile, cache: ParseCache | None, read: list[tuple[str, str]]
) -> list[Diagnostic]:
    """Read the local copy of each source that names a `text_file`; note each in *read*.

    With a cache, the text's paragraph layout is kept in it under the hash of the text.
    """
    problems = []
    facts = loaded.facts
    for index, (ident, text_file) in enumerate(
        zip(facts.source_ids, facts.source_text_files, strict=True)
    ):
        if text_file is None:
            continue
        text_path = loaded.path.parent / text_file
        found = read_text(text_path)
        read.append((str(text_path), found if isinstance(found, str) else found[1]))
        if isinstance(found, str):
            line, col = loaded.positions.locate(("sources", index, "text_file"))
            problems.append(
                Diagnostic(
                    Location(loaded.shown, line, col),
                    "unreadable-file",
                    f"cannot read text_file '{text_file}' of source '{ident}': {found}",
                    "text_file is relative to the YAML file that names it",
                )
            )
            continue
        text, key = found
        loaded.source_texts[ident] = SourceText(text_file, text, key, cache)
    return problems


def _validate(data: dict[str, Any]) -> tuple[ClaimFile, dict[str, set[str]], list[Any]]:
    """Validate a file; on errors, keep the entries that are valid on their own."""
    try:
        return ClaimFile.model_validate(data), {}, []
    except ValidationError as exc:
        errors = exc.errors(include_url=False)
    kept: dict[str, Any] = {}
    invalid: dict[str, set[str]] = {}
    document = data.get("document")
    if isinstance(document, str):
        try:
            ClaimFile.model_validate({"document": document})
            kept["document"] = document
        except ValidationError:
            pass
    for section, model in SECTIONS.items():
        entries = data.get(section)
        if not isinstance(entries, list):
            continue
        good = []
        for entry in entries:
            try:
                good.append(model.model_validate(entry))
            except ValidationError:
                if isinstance(entry, dict) and isinstance(entry.get("id"), str):
                    invalid.setdefault(section, set()).add(entry["id"])
        kept[section] = good
    return ClaimFile.model_construct(**kept), invalid, errors


def _not_utf8(shown: str, raw: bytes, exc: UnicodeDecodeError) -> Diagnostic:
    before = raw[: exc.start]
    line = before.count(b"\n") + 1
    col = exc.start - (before.rfind(b"\n") + 1) + 1
    return Diagnostic(
        Location(shown, line, col),
        "not-utf8",
        f"byte 0x{raw[exc.start]:02x} is not valid UTF-8",
        "save the file as UTF-8 (most editors: 'Save with encoding')",
    )


def _syntax_hint(message: str) -> str | None:
    if "flow sequence" in message:
        return "'[' starts a list: close it with ']', or quote text that begins with '['"
    if "flow mapping" in message:
        return "'{' starts a mapping: close it with '}', or quote text that begins with '{'"
    if "\t" in message or "tab" in message:
        return "YAML indents with spaces, never tabs"
    if "mapping values are not allowed" in message:
        return "quote text that contains ': ', e.g. text: \"Finer: missiles could …\""
    if "expected <block end>" in message or "did not find expected" in message:
        return "check the indentation of this line against the one above"
    return None


def _yaml_kind(python_type: str) -> str:
    return {"list": "list", "str": "string", "int": "number", "float": "number"}.get(
        python_type, python_type
    )
