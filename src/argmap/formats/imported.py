"""What an importer returns, and the readable slug ids every importer gives entities.

An importer (Argdown, AIF, Kialo) turns a foreign file into an :class:`Imported`:
the claims file it maps to, the comments that carry what no field holds, and
located diagnostics. Importers never print and never write; the YAML writer
(:mod:`argmap.formats.yaml_write`) and the CLI do that.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

from argmap.codes import Severity
from argmap.diagnostics import Diagnostic
from argmap.model import ClaimFile

_MAX_SLUG = 48
"""Longest slug made from text, cut at a word boundary."""


@dataclass
class Imported:
    """A foreign file mapped onto one claims file."""

    content: ClaimFile
    """The claims file; ids are bare slugs, unique within it."""
    header: list[str] = field(default_factory=list)
    """Comment lines for the top of the written file (without the leading '# ')."""
    notes: dict[tuple[str, int], list[str]] = field(default_factory=dict)
    """Comment lines written above an entry, keyed by (section, index in that section)."""
    diagnostics: list[Diagnostic] = field(default_factory=list)
    """Problems met while reading, located in the input file."""

    def note(self, section: str, index: int, line: str) -> None:
        """Add a comment line above entry *index* of *section*."""
        self.notes.setdefault((section, index), []).append(line)

    @property
    def failed(self) -> bool:
        """True when an error (not only warnings) was found: nothing should be written."""
        return any(d.severity is Severity.error for d in self.diagnostics)


def slugify(text: str, limit: int = _MAX_SLUG) -> str:
    """A lowercase slug of *text*: ASCII letters, digits and '-', cut at a word boundary."""
    text = re.sub(r"(\w)['’](\w)", r"\1\2", text)  # "children's" -> "childrens"
    folded = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    words = re.findall(r"[a-z0-9]+", folded.lower())
    slug = ""
    for word in words:
        candidate = f"{slug}-{word}" if slug else word
        if len(candidate) > limit and slug:
            break
        slug = candidate[:limit]
    return slug


class SlugRegistry:
    """Hands out unique slug ids within one kind of entity: `text`, `text-2`, `text-3`, …"""

    def __init__(self, fallback: str) -> None:
        self._taken: set[str] = set()
        self._last: dict[str, int] = {}
        self._fallback = fallback

    def take(self, text: str) -> str:
        """A fresh id made from *text* (or the fallback word when it has no letters).

        Text that already is an id, or a qualified `namespace/id`, keeps its last part whole.
        """
        last = text.rsplit("/", 1)[-1]
        base = last if re.fullmatch(r"[a-z0-9][a-z0-9._-]*", last) else slugify(text)
        base = base or self._fallback
        ident, n = base, self._last.get(base, 1)
        while ident in self._taken:  # from the base's last number on: linear in all
            n += 1
            ident = f"{base}-{n}"
        self._last[base] = n
        self._taken.add(ident)
        return ident

    def reserve(self, ident: str) -> None:
        """Mark *ident* as taken."""
        self._taken.add(ident)


def clean_text(text: str) -> str:
    """Collapse runs of whitespace into single spaces and trim the ends."""
    return re.sub(r"\s+", " ", text).strip()
