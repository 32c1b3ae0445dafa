"""What every corpus of entities answers from its fact table: documents, namespaces, origins.

The corpus of models (:class:`~argmap.corpus.merge.Corpus`) and the plain records
(:class:`~argmap.corpus.plain.PlainIndex`) both keep the
:class:`~argmap.corpus.table.FactTable` they were built from, and pass these
questions on to it. No I/O.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from argmap.corpus.scope import Scopes
from argmap.corpus.table import FactTable, Kind, Origin
from argmap.diagnostics import Location, PathPart

if TYPE_CHECKING:
    from argmap.texts.source import SourceText


class OnTable:
    """What the corpus of models and the plain records both answer from their fact table."""

    table: FactTable
    """The facts the entities were read from: origins, namespaces, resolutions."""

    @property
    def documents(self) -> dict[str, str | None]:
        """For each file shown, the qualified id of the document it maps, if any."""
        return self.table.documents

    @property
    def namespaces(self) -> dict[str, str]:
        """For each file shown, its namespace."""
        return self.table.namespaces

    @property
    def scopes(self) -> Scopes:
        """Declared ids and the shared files' ids."""
        return self.table.scopes

    @property
    def source_texts(self) -> dict[str, SourceText]:
        """The local text of each source (by qualified id) that has a readable `text_file`."""
        return self.table.source_texts

    def origin(self, kind: Kind, key: str) -> Origin | None:
        """Where the entity *kind* *key* was written."""
        return self.table.origin(kind, key)

    def locate(self, origin: Origin, *sub: PathPart, key: bool = False) -> Location:
        """The file position of *origin* (or of a value below it)."""
        return self.table.locate(origin, *sub, key=key)

    def bare(self, kind: Kind, key: str) -> str:
        """The id of *key* as written in its file (the qualified id without namespace)."""
        return self.table.bare(kind, key)

    def label(self, key: str, file: str) -> str:
        """*key* as *file* would write it: bare when it is in the file's namespace."""
        return self.table.label(key, file)
