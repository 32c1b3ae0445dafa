"""Reading the files an Argdown document includes: inside one folder, within bounds.

`@include(name)` names a file relative to the imported file. The reader
resolves it (symlinks followed) and refuses any that lands outside the allowed
folder: the input's own folder, or the one the user names (`import
--include-root`), as `text_file` copies are held to the claims folder. Includes
may nest :data:`MAX_INCLUDE_DEPTH` deep, and all the text they bring in
together may be no larger than the file size limit, so a file that includes
the next one twice, 23 times over, stops at the bound instead of reading
millions of copies. Refusals are :class:`IncludeRefused`, which the line
reader turns into located diagnostics. Nothing here prints or writes.
"""

from __future__ import annotations

from pathlib import Path

from argmap.diagnostics import Location, display_path
from argmap.load.files import UnreadableFile, read_regular
from argmap.load.limits import Limits, megabytes

MAX_INCLUDE_DEPTH = 10
"""Most includes open at once (a file includes one that includes one … ten deep)."""


class IncludeRefused(Exception):
    """An include the rules do not allow; nothing of it is read."""

    def __init__(self, code: str, message: str, hint: str | None = None) -> None:
        super().__init__(message)
        self.code = code
        """`include-outside` or `include-limit`."""
        self.message = message
        """What is wrong, as one sentence."""
        self.hint = hint
        """How to fix it."""
        self.place = Location("")
        """The `@include` line refused (set by the line reader)."""


class IncludeReader:
    """Reads includes for one import, counting what all of them bring in."""

    def __init__(self, source: Path, limits: Limits, root: Path | None = None) -> None:
        self.folder = source.parent
        """The imported file's folder, which include names are relative to."""
        self.root = (root if root is not None else source.parent).resolve()
        """The folder every include must lie in, symlinks resolved."""
        self.limits = limits
        self.budget = limits.max_file_bytes
        """Bytes all includes may still bring in."""

    def __call__(self, name: str) -> tuple[str, str] | None:
        """(shown name, text) of include *name*; None when it cannot be read.

        IncludeRefused when it lies outside the allowed folder or is over a bound.
        """
        try:
            target = (self.folder / name).resolve()
            inside = target.is_relative_to(self.root)
        except (OSError, RuntimeError, ValueError):
            return None
        if not inside:
            raise IncludeRefused(
                "include-outside",
                f"include '{name}' lies outside '{display_path(self.root)}'; not read",
                "includes must lie in the input's folder; name another with --include-root",
            )
        try:  # a regular file within what is left of the budget: an include may name /dev/zero
            data = read_regular(target, self.budget)
            text = data.decode("utf-8").removeprefix("\ufeff")
        except UnreadableFile as exc:
            if exc.too_large:
                raise IncludeRefused(
                    "include-limit",
                    f"includes bring in more than {megabytes(self.limits.max_file_bytes)} "
                    f"in all; '{name}' not read",
                    "include each file once, or raise the limit with --max-file-size",
                ) from None
            return None
        except UnicodeDecodeError:
            return None
        self.budget -= len(data)
        # shown by the path as reached, as every file is: a file met again through a link
        # is then the same name, so the cycle check knows it
        return display_path(self.folder / name), text.replace("\r\n", "\n")


def too_deep(name: str) -> IncludeRefused:
    """The refusal of include *name* opened :data:`MAX_INCLUDE_DEPTH` includes deep."""
    return IncludeRefused(
        "include-limit",
        f"includes nest more than {MAX_INCLUDE_DEPTH} deep; '{name}' not read",
        "include the files from one top file instead of from each other",
    )
