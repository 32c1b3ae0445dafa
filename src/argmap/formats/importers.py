"""One entry point for every importer: guess the format, read the file, map it.

:func:`import_file` reads a file in Argdown, AIF/xAIF JSON or Kialo text and
returns an :class:`~argmap.formats.imported.Imported`. The format comes from
the caller, else from the extension, else from the content. Argdown includes
are read relative to the imported file, and only inside its folder or the
folder the caller names (:mod:`argmap.formats.argdown.includes`). Nothing here
prints or writes.
"""

from __future__ import annotations

from pathlib import Path

from argmap.diagnostics import Diagnostic, Location, display_path
from argmap.formats.imported import Imported
from argmap.formats.names import ImportFormat
from argmap.load.limits import Limits
from argmap.model import ClaimFile

_EXTENSIONS = {
    ".argdown": ImportFormat.argdown,
    ".ad": ImportFormat.argdown,
    ".adown": ImportFormat.argdown,
    ".argdn": ImportFormat.argdown,
    ".json": ImportFormat.aif,
    ".txt": ImportFormat.kialo,
}


def guess_format(path: Path, raw: bytes) -> ImportFormat:
    """The format of *path*: by extension, else by its first characters."""
    if path.suffix.lower() in _EXTENSIONS:
        return _EXTENSIONS[path.suffix.lower()]
    head = raw.lstrip(b"\xef\xbb\xbf \t\r\n")[:40]
    if head.startswith((b"{", b"[")):
        return ImportFormat.aif
    if head.startswith((b"Discussion Name:", b"Discussion Title:")):
        return ImportFormat.kialo
    return ImportFormat.argdown


def _decode(raw: bytes, shown: str) -> tuple[str | None, list[Diagnostic]]:
    try:
        return raw.decode("utf-8").removeprefix("\ufeff").replace("\r\n", "\n"), []
    except UnicodeDecodeError as exc:
        before = raw[: exc.start]
        line = before.count(b"\n") + 1
        col = exc.start - (before.rfind(b"\n") + 1) + 1
        message = f"byte 0x{raw[exc.start]:02x} is not valid UTF-8"
        hint = "save the file as UTF-8"
        return None, [Diagnostic(Location(shown, line, col), "not-utf8", message, hint)]


def import_file(
    path: Path,
    raw: bytes,
    fmt: ImportFormat | None = None,
    limits: Limits | None = None,
    include_root: Path | None = None,
) -> tuple[ImportFormat, Imported]:
    """Map the file at *path* (whose bytes are *raw*) onto a claims file.

    Embedded YAML and includes are read within *limits*; Argdown includes must
    lie in *include_root* (default: the folder of *path*).
    """
    limits = limits or Limits()
    fmt = fmt or guess_format(path, raw)
    shown = display_path(path)
    stem = path.stem
    if fmt is ImportFormat.aif:
        from argmap.formats.aif.read import read_aif

        return fmt, read_aif(raw, shown, stem)
    text, problems = _decode(raw, shown)
    if text is None:
        return fmt, Imported(ClaimFile(), diagnostics=problems)
    if fmt is ImportFormat.kialo:
        from argmap.formats.kialo.read import read_kialo

        return fmt, read_kialo(text, shown, stem)
    from argmap.formats.argdown.includes import IncludeReader
    from argmap.formats.argdown.read import read_argdown

    read_include = IncludeReader(path, limits, include_root)
    return fmt, read_argdown(text, shown, stem, read_include, limits)
