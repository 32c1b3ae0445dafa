"""The export formats, by the name `argmap export --format` takes.

Each exporter takes the checked project and returns text, whole or in chunks, and says
whether it reads the models (the project is then opened with them). JSON is argmap's own
shape (docs/interchange.md, "Export format"); the others are interchange formats written by
their own modules, imported only when chosen. All but AIF are written from the plain
records, without models (JSON, Argdown and GraphML in chunks); AIF from the graph index.
Nothing here prints or writes.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from typing import TYPE_CHECKING, NamedTuple

from argmap.corpus.graph import GraphIndex
from argmap.formats.names import ExportFormat

if TYPE_CHECKING:
    from argmap.check.project import Project


def _json(project: Project) -> Iterator[str]:
    """The JSON export in chunks (:mod:`argmap.formats.json_stream`) from the plain records:
    neither models, nor the whole data, nor its whole text are held (100k claims)."""
    from argmap.formats.json_export import export_sections
    from argmap.formats.json_stream import json_chunks

    return json_chunks(export_sections(project.plain))


def _argdown(project: Project) -> Iterator[str]:
    from argmap.formats.argdown.write import emit_argdown

    return emit_argdown(project.plain)


def _aif(index: GraphIndex) -> str:
    from argmap.formats.aif.write import emit_aif

    return emit_aif(index)


def _graphml(project: Project) -> Iterator[str]:
    from argmap.formats.graphml_write import emit_graphml

    return emit_graphml(project.plain)


def _csl(project: Project) -> str:
    from argmap.formats.csl_write import emit_csl

    return emit_csl(project.plain)


def _claimreview(project: Project) -> str:
    from argmap.formats.claimreview_write import emit_claimreview

    return emit_claimreview(project.plain)


class Exporter(NamedTuple):
    """How one format is written."""

    write: Callable[[Project], str | Iterable[str]]
    """The writer: the project's export, whole or in chunks."""
    models: bool
    """True when the writer reads the models (the graph index), False for plain records."""


def _from_index(write: Callable[[GraphIndex], str]) -> Exporter:
    return Exporter(lambda project: write(project.index), True)


EXPORTERS: dict[ExportFormat, Exporter] = {
    ExportFormat.json: Exporter(_json, False),
    ExportFormat.argdown: Exporter(_argdown, False),
    ExportFormat.aif: _from_index(_aif),
    ExportFormat.graphml: Exporter(_graphml, False),
    ExportFormat.csl_json: Exporter(_csl, False),
    ExportFormat.claimreview: Exporter(_claimreview, False),
}
"""Each export format's writer."""
