"""Loading one claims file: read it, parse it, validate it; and what loading produces.

:func:`load_file` turns one file into validated :class:`~argmap.model.ClaimFile`
models plus located diagnostics for everything that went wrong on the way,
and salvages the valid entries of a file that has invalid ones so that later
checks do not cascade. A whole folder is loaded by
:func:`argmap.load.incremental.load`, which reads most files' facts from the
cache instead. Nothing here prints or raises for bad input.
"""

from __future__ import annotations

from contextlib import suppress
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from argmap.diagnostics import Diagnostic, Location, display_path
from argmap.load.cache.parse_cache import ParseCache, digest
from argmap.load.discovery import discover, namespace_of
from argmap.load.facts import FileFacts
from argmap.load.files import UnreadableFile, read_regular
from argmap.load.limits import Limits
from argmap.load.places import PlaceBook
from argmap.load.yaml.bounds import deeper_than
from argmap.load.yaml.fast import fast_parse
from argmap.load.yaml.positions import PositionIndex
from argmap.load.yaml.source import ParsedYaml, YamlSyntaxProblem, parse_yaml
from argmap.load.yaml.validation_errors import translate_errors
from argmap.model import SECTIONS, ClaimFile
from argmap.texts.source import SourceText

__all__ = ["LoadResult", "LoadedFile", "discover", "load_file", "namespace_of"]

MODEL_DEPTH = 7
"""How deep lists and mappings nest, at most, in a file that validates without a problem
(the top mapping, `claims:`, a claim, its `history:`, an entry, its `citations:`, a
citation): every field declares its shape and unknown fields are refused, so deeper data
fails validation. Within a depth bound at least this large, the happy path checks depth
only for files that failed validation (tests/test_fast_yaml.py derives it from the model)."""


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
    plain: bool = False
    """True when the happy path (yaml-rs) parsed the file in this run."""


@dataclass
class LoadResult:
    """Everything the loader produced."""

    files: list[LoadedFile] = field(default_factory=list)
    """Files that were read, in path order."""
    diagnostics: list[Diagnostic] = field(default_factory=list)
    """Problems met while loading."""
    missing: bool = False
    """True when the given path does not exist or cannot be read (a usage error)."""
    texts: list[tuple[str, str, str]] = field(default_factory=list)
    """Each source text read: the folder of the file naming it, its `text_file`, and the
    hash of its bytes or why it could not be read (see :mod:`argmap.load.source_texts`)."""
    places: PlaceBook | None = None
    """The positions remembered for these files (stored by :meth:`PlaceBook.flush`)."""
    steady: bool = True
    """False when a file changed between being hashed and being read (then nothing that
    depends on the whole run's inputs may be kept)."""


def load_file(
    path: Path,
    cache: ParseCache | None = None,
    key: str | None = None,
    *,
    limits: Limits | None = None,
    shown: str | None = None,
    raw: bytes | None = None,
    store: bool = True,
) -> tuple[LoadedFile | None, list[Diagnostic]]:
    """Load one file; return it (None when unusable) and its problems.

    *key* is the file's cache key when the caller has already hashed it; a
    cache hit then does not read the file at all. Only files that load
    without any problem are cached, so a hit means the file is valid and its
    diagnostics would be empty. Source texts are read by
    :func:`~argmap.load.source_texts.read_source_texts`. *shown* is the path as
    diagnostics print it (computed when not given); *raw*, the file's bytes when
    the caller has read them already (they must hash to *key*). With *store*
    False a file parsed now is not put in *cache* (the run needs only its facts).
    """
    limits = limits or Limits()
    shown = display_path(path) if shown is None else shown
    cached = cache.get(key) if cache is not None and key is not None else None
    if cached is None and raw is None:
        try:
            raw = read_regular(path, limits.max_file_bytes)
        except UnreadableFile as exc:
            return None, [_unreadable(shown, exc)]
    if cached is None and raw is not None and cache is not None and key is None:
        key = digest(raw)
        cached = cache.get(key)
    positions = PositionIndex(partial(_text_for_positions, path, limits.max_file_bytes))
    if cached is not None:  # the same bytes were valid UTF-8 and valid claims before
        return LoadedFile(path, shown, cached, positions), []
    assert raw is not None  # read above whenever the cache had nothing
    try:
        text = raw.decode("utf-8").removeprefix("\ufeff")
    except UnicodeDecodeError as exc:
        return None, [_not_utf8(shown, raw, exc)]
    fast = fast_parse(text, raw)  # the happy path; None sends the text to PyYAML
    validated = None
    if fast is not None and limits.max_depth >= MODEL_DEPTH:
        validated = _validate(fast)  # when clean, it nests no deeper than the model
    if (
        fast is not None
        and (validated is None or validated[2])
        and deeper_than(fast, limits.max_depth)
    ):
        fast = validated = None  # the slow path says where the nesting goes too deep
    try:
        parsed = ParsedYaml(fast, []) if fast is not None else parse_yaml(text, limits)
    except YamlSyntaxProblem as problem:
        return None, [
            Diagnostic(
                Location(shown, problem.line, problem.col),
                problem.code,
                problem.message,
                problem.hint,
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
    content, invalid_ids, errors = validated if validated is not None else _validate(data)
    problems.extend(translate_errors(errors, data, shown, positions))
    loaded = LoadedFile(path, shown, content, positions, invalid_ids, plain=fast is not None)
    if store and cache is not None and key is not None and not problems:
        cache.put(key, content)
    return loaded, problems


def _unreadable(shown: str, exc: UnreadableFile) -> Diagnostic:
    if exc.too_large:
        return Diagnostic(
            Location(shown),
            "file-too-large",
            f"file not read: {exc.reason}",
            "split it into several files, or raise the limit with --max-file-size MB",
        )
    return Diagnostic(
        Location(shown),
        "unreadable-file",
        f"cannot read file: {exc.reason}",
        "claims files must be readable regular files (or symlinks to one)",
    )


def _text_for_positions(path: Path, max_bytes: int) -> str:
    try:
        raw = read_regular(path, max_bytes)
    except UnreadableFile:
        return ""
    return raw.decode("utf-8", "replace").removeprefix("\ufeff")


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
    if "expect" in data:
        with suppress(ValidationError):
            kept["expect"] = ClaimFile.model_validate({"expect": data["expect"]}).expect
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


def _yaml_kind(python_type: str) -> str:
    return {"list": "list", "str": "string", "int": "number", "float": "number"}.get(
        python_type, python_type
    )
