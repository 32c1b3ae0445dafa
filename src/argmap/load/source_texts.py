"""Reading the local copies of sources (`text_file`), confined and bounded.

A quote check compares a citation's words with a source's local text, so
whatever file a `text_file` names is read and searched. To keep a claims file
from probing the machine (`text_file: ../../../../etc/passwd`) or hanging a
run (`/dev/zero`, a named pipe), a copy is read only when, with symlinks
resolved, it lies inside the allowed folder (the claims folder unless
`--text-root` says otherwise), is a regular file, and is within the size
limit. Anything else is a located diagnostic saying why.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple, Protocol

from argmap.diagnostics import Diagnostic, Location, display_path
from argmap.load.cache.parse_cache import ParseCache, digest
from argmap.load.files import UnreadableFile, read_regular
from argmap.load.limits import Limits
from argmap.texts.source import SourceText

if TYPE_CHECKING:
    from argmap.load.facts import FileFacts
    from argmap.load.yaml.positions import PositionIndex


class Loaded(Protocol):
    """What is needed of a loaded file (the loader's ``LoadedFile``)."""

    path: Path
    shown: str
    facts: FileFacts
    positions: PositionIndex
    source_texts: dict[str, SourceText]


class TextRead(NamedTuple):
    """What reading one `text_file` gave: its bytes, or why not (with code and hint)."""

    data: bytes | None
    """The text's bytes (valid UTF-8), or None."""
    problem: str = ""
    """Why it could not be used, in words."""
    code: str = "unreadable-file"
    """The diagnostic code for the problem."""
    hint: str = "text_file is relative to the YAML file that names it"
    """The diagnostic hint for the problem."""

    @property
    def stamp(self) -> str:
        """The hash of the bytes, or the problem: equal stamps give equal diagnostics."""
        return digest(self.data) if self.data is not None else f"!{self.code}:{self.problem}"


def read_text_file(folder: Path, text_file: str, text_folder: Path, limits: Limits) -> TextRead:
    """Read *text_file*, written in a claims file in *folder*, if the rules allow it."""
    try:
        target = (folder / text_file).resolve()
        inside = target.is_relative_to(text_folder)
    except (OSError, RuntimeError, ValueError) as exc:
        return TextRead(None, str(getattr(exc, "strerror", None) or exc))
    if not inside:
        hint = "keep source copies inside the claims folder, or allow a folder with --text-root"
        return TextRead(None, f"it lies outside '{display_path(text_folder)}'", hint=hint)
    try:
        data = read_regular(target, limits.max_file_bytes, follow_symlinks=False)
        data.decode("utf-8")
    except UnreadableFile as exc:
        if exc.too_large:
            return TextRead(
                None, exc.reason, "file-too-large", "raise the limit with --max-file-size MB"
            )
        if not exc.missing:
            return TextRead(
                None,
                exc.reason,
                hint="point text_file at a regular file that holds the source's text",
            )
        return TextRead(None, exc.reason)
    except UnicodeDecodeError:
        return TextRead(None, "it is not UTF-8")
    return TextRead(data)


def read_source_texts(
    loaded: Loaded,
    text_folder: Path,
    limits: Limits,
    cache: ParseCache | None = None,
    read: list[tuple[str, str, str]] | None = None,
) -> list[Diagnostic]:
    """Read the local copy of each source of *loaded* that names a `text_file`.

    Copies must be regular files within *limits*, lying inside *text_folder*
    (already resolved) once symlinks are resolved. Texts read are stored in
    ``loaded.source_texts``; the problems are returned; each attempt is noted
    in *read* as (folder, text_file, stamp). With a *cache*, each text's
    paragraph layout is kept in it under the hash of the text.
    """
    problems = []
    facts, folder = loaded.facts, loaded.path.parent
    for index, (ident, text_file) in enumerate(
        zip(facts.source_ids, facts.source_text_files, strict=True)
    ):
        if text_file is None:
            continue
        found = read_text_file(folder, text_file, text_folder, limits)
        if read is not None:
            read.append((str(folder), text_file, found.stamp))
        if found.data is not None:
            key = None if cache is None else digest(found.data)
            text = SourceText(text_file, found.data.decode("utf-8"), key, cache)
            loaded.source_texts[ident] = text
            continue
        line, col = loaded.positions.locate(("sources", index, "text_file"))
        problems.append(
            Diagnostic(
                Location(loaded.shown, line, col),
                found.code,
                f"cannot read text_file '{text_file}' of source '{ident}': {found.problem}",
                found.hint,
            )
        )
    return problems
