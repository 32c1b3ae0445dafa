"""The parse cache: validated claims files, keyed by the hash of their bytes.

Parsing YAML is most of the cost of a large corpus, and validating it with
pydantic the rest. A file that loaded without any problem is stored here as
plain data (``marshal``), under ``.argmap-cache/`` and the hash of its exact
bytes, so an unchanged file is neither parsed nor validated again; an edited
file has a new hash and misses. Rebuilding models from the cache skips
validation (the data was valid when stored) but restores enums, dates and
nested models. An entry written by another version, or corrupt in any way,
is ignored and rewritten, never trusted.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import marshal
import os
import tempfile
from enum import Enum
from pathlib import Path
from types import UnionType
from typing import Any, Union, get_args, get_origin

import pydantic
from pydantic import BaseModel

from argmap import __version__
from argmap.load.trusted import construct_trusted
from argmap.model import ClaimFile
from argmap.texts.layout import Layout

CACHE_DIR_NAME = ".argmap-cache"
"""The cache folder, created in the working directory."""

FORMAT = f"argmap-cache 1 argmap {__version__} pydantic {pydantic.VERSION}"
"""Written into every entry; entries with another format are ignored."""


def digest(data: bytes) -> str:
    """The cache key of a file's bytes."""
    return hashlib.blake2b(data, digest_size=20).hexdigest()


def file_keys(paths: list[Path]) -> dict[Path, tuple[str, int]]:
    """The cache key and size of each readable file in *paths*, reading each once."""
    keys = {}
    for path in paths:
        try:
            data = path.read_bytes()
        except OSError:
            continue  # the loader reports it
        keys[path] = (digest(data), len(data))
    return keys


class ParseCache:
    """Validated file contents stored under a folder, one entry per content hash."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder

    def _path(self, key: str) -> Path:
        return self.folder / key[:2] / f"{key}.marshal"

    def has(self, key: str) -> bool:
        """True when an entry for *key* exists (it may still turn out stale)."""
        return self._path(key).is_file()

    def get(self, key: str) -> ClaimFile | None:
        """The cached content for *key*, or None when absent, stale or corrupt."""
        try:
            stored = marshal.loads(self._path(key).read_bytes())
            if not (isinstance(stored, tuple) and len(stored) == 2 and stored[0] == FORMAT):
                return None
            rebuilt = rebuild(ClaimFile, stored[1])
        except (OSError, EOFError, ValueError, TypeError, KeyError, AttributeError):
            return None
        return rebuilt if isinstance(rebuilt, ClaimFile) else None

    def put(self, key: str, content: ClaimFile) -> None:
        """Store *content* under *key*; failures to write are ignored (it is only a cache)."""
        self._write(self._path(key), (FORMAT, content.model_dump(mode="json", by_alias=False)))

    def get_layout(self, key: str) -> Layout | None:
        """The paragraph layout stored for the text with hash *key*, or None."""
        try:
            stored = marshal.loads(self._path(key).with_suffix(".layout").read_bytes())
            if not (isinstance(stored, tuple) and len(stored) == 2 and stored[0] == FORMAT):
                return None
            return Layout.from_data(stored[1])
        except (OSError, EOFError, ValueError, TypeError):
            return None

    def put_layout(self, key: str, layout: Layout) -> None:
        """Store the paragraph layout of the text with hash *key* (failures are ignored)."""
        self._write(self._path(key).with_suffix(".layout"), (FORMAT, layout.to_data()))

    def _write(self, path: Path, value: Any) -> None:
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            blob = marshal.dumps(value)
            fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".tmp-")
            with os.fdopen(fd, "wb") as handle:
                handle.write(blob)
            os.replace(tmp, path)
        except (OSError, ValueError):
            return


# --- rebuilding models without validation -------------------------------------------------

_Plan = list[tuple[str, str, Any]]
_plans: dict[type[BaseModel], _Plan] = {}


def _plan(model: type[BaseModel]) -> _Plan:
    """Which fields of *model* need converting back from plain data, and how."""
    if model not in _plans:
        steps: _Plan = []
        for name, info in model.model_fields.items():
            annotation = info.annotation
            if get_origin(annotation) in (Union, UnionType):
                annotation = next(a for a in get_args(annotation) if a is not type(None))
            item = get_args(annotation)[0] if get_origin(annotation) is list else None
            if isinstance(item, type) and issubclass(item, BaseModel):
                steps.append((name, "models", item))
            elif isinstance(annotation, type) and issubclass(annotation, BaseModel):
                steps.append((name, "model", annotation))
            elif isinstance(annotation, type) and issubclass(annotation, Enum):
                steps.append((name, "enum", annotation))
            elif annotation is dt.date:
                steps.append((name, "date", None))
        _plans[model] = steps
    return _plans[model]


def rebuild(model: type[BaseModel], data: dict[str, Any]) -> BaseModel:
    """An instance of *model* from its ``model_dump(mode="json")``, without validation.

    *data* is converted in place and becomes the instance's ``__dict__``.
    """
    values = data
    for name, kind, target in _plan(model):
        value = values.get(name)
        if value is None:
            continue
        if kind == "models":
            values[name] = [rebuild(target, item) for item in value]
        elif kind == "model":
            values[name] = rebuild(target, value)
        elif kind == "enum":
            values[name] = target(value)
        else:
            values[name] = dt.date.fromisoformat(value)
    return construct_trusted(model, values)
