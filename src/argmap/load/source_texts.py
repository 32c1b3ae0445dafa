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
from typing import TYPE_CHECKING, Protocol

from argmap.diagnostics import Diagnostic, Location, display_path
from argmap.load.cache import ParseCache, digest
from argmap.load.files import UnreadableFile, read_regular
from argmap.load.limits import Limits
from argmap.texts.source import SourceText

if TYPE_CHECKING:
    from argmap.load.yamlsource import PositionIndex
    from argmap.model import ClaimFile


class Loaded(Protocol):
    """What is needed of a loaded file (the loader's ``LoadedFile``)."""

    path: Path
    shown: str
    content: ClaimFile
    positions: PositionIndex
    source_texts: dict[str, SourceText]


def read_source_texts(
    loaded: Loaded, text_folder: Path, limits: Limits, cache: ParseCache | None = None
) -> list[Diagnostic]:
    """Read the local copy of each source of *loaded* that names a `text_file`.

    Copies must be regular files within *limits*, lying inside *text_folder*
    (already resolved) once symlinks are resolved. Texts read are stored in
    ``loaded.source_texts``; the problems are returned. With a *cache*, each
    text's paragraph layout is kept in it under the hash of the text.
    """
    problems = []
    root = text_folder
    for index, source in enumerate(loaded.content.sources):
        if source.text_file is None:
            continue
        problem = None
        hint = "text_file is relative to the YAML file that names it"
        code = "unreadable-file"
        try:
            target = (loaded.path.parent / source.text_file).resolve()
            inside = target.is_relative_to(root)
        except (OSError, RuntimeError, ValueError) as exc:
            target, inside = loaded.path.parent / source.text_file, False
            problem = str(getattr(exc, "strerror", None) or exc)
        if problem is None and not inside:
            problem = f"it lies outside '{display_path(root)}'"
            hint = "keep source copies inside the claims folder, or allow a folder with --text-root"
        if problem is None:
            try:
                data = read_regular(target, limits.max_file_bytes, follow_symlinks=False)
                key = None if cache is None else digest(data)
                text = SourceText(source.text_file, data.decode("utf-8"), key, cache)
                loaded.source_texts[source.id] = text
                continue
            except UnreadableFile as exc:
                problem = exc.reason
                if not exc.missing:
                    hint = "point text_file at a regular file that holds the source's text"
                if exc.too_large:
                    code = "file-too-large"
                    hint = "raise the limit with --max-file-size MB"
            except UnicodeDecodeError:
                problem = "it is not UTF-8"
        line, col = loaded.positions.locate(("sources", index, "text_file"))
        problems.append(
            Diagnostic(
                Location(loaded.shown, line, col),
                code,
                f"cannot read text_file '{source.text_file}' of source '{source.id}': {problem}",
                hint,
            )
        )
    return problems
