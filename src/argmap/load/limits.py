"""The bounds on what argmap reads, so no input can make it hang or exhaust memory.

One :class:`Limits` value travels from the command line to every reader: the
size of any file read (claims files, `text_file` copies, parse-cache entries),
how far YAML aliases may expand a document, how deep its data may nest, and
the folder that `text_file` paths must stay inside. docs/limits.md
documents each default and the option that raises it. Breaking a
limit is reported as a located diagnostic by the code that reads; this module
only holds the numbers.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

MB = 1_000_000
"""Bytes in the megabyte the options and messages speak of."""

MAX_FILE_BYTES = 20 * MB
"""Default size cap for every file argmap reads (`--max-file-size`, in MB)."""

MAX_ALIAS_NODES = 1_000_000
"""Default cap on the YAML nodes that aliases (`*name`) may add to one file."""

MAX_DEPTH = 100
"""Default cap on how deep collections nest in one file, aliases expanded."""

CACHE_ENTRY_FACTOR = 8
"""A parse-cache entry may be this many times the file size cap (it stores every default)."""


@dataclass(frozen=True)
class Limits:
    """The bounds one run reads within."""

    max_file_bytes: int = MAX_FILE_BYTES
    """Largest file read, in bytes; larger ones are refused before parsing."""
    max_alias_nodes: int = MAX_ALIAS_NODES
    """Most YAML nodes that aliases may add to a file beyond those written out."""
    max_depth: int = MAX_DEPTH
    """Deepest nesting of lists and mappings in a file, counting the top level as 1."""
    text_root: Path | None = None
    """The folder `text_file` copies must lie in (symlinks resolved); None: the claims root."""

    @property
    def max_cache_entry_bytes(self) -> int:
        """Largest parse-cache entry read."""
        return self.max_file_bytes * CACHE_ENTRY_FACTOR

    @property
    def cache_bounds(self) -> str:
        """What cache entries that depend on the YAML bounds add to their format line:
        nothing at the defaults, else the bounds (a file valid within the default bounds
        may be too complex within smaller ones, so its entry must not serve such a run)."""
        if (self.max_alias_nodes, self.max_depth) == (MAX_ALIAS_NODES, MAX_DEPTH):
            return ""
        return f" aliases {self.max_alias_nodes} depth {self.max_depth}"

    def text_folder(self, claims_root: Path) -> Path:
        """The folder `text_file` copies must lie in, symlinks resolved.

        It is :attr:`text_root` when given, else the claims folder: *claims_root*
        itself, or the folder holding it when it is a single file.
        """
        folder = self.text_root or (claims_root if claims_root.is_dir() else claims_root.parent)
        try:
            return folder.resolve()
        except (OSError, RuntimeError):  # a symlink loop: nothing lies inside it
            return folder


def megabytes(size: int) -> str:
    """*size* bytes as messages write it: "20 MB", "52.4 MB", or "150 bytes" below 0.1 MB."""
    if size < MB // 10:
        return f"{size:,} bytes"
    return f"{size / MB:.1f}".removesuffix(".0") + " MB"
