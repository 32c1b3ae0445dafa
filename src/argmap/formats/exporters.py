"""The export formats, by the name `argmap export --format` takes.

Each exporter takes the graph index and returns text, whole or in chunks. JSON is argmap's own
shape (docs/interchange.md, "Export format"); the others are interchange formats written by
their own modules, imported only when chosen. Nothing here prints or writes.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator

from argmap.corpus.graph import GraphIndex
from argmap.formats.names import ExportFormat


def _json(index: GraphIndex) -> Iterator[str]:
    """The JSON export in chunks (:mod:`argmap.formats.json_stream`): the whole data is
    never held, nor its whole text (100k claims)."""
    from argmap.formats.json_export import export_sections
    from argmap.formats.json_stream import json_chunks

    return json_chunks(export_sections(index))


def _argdown(index: GraphIndex) -> str:
    from argmap.formats.argdown.write import emit_argdown

    return emit_argdown(index)


def _aif(index: GraphIndex) -> str:
    from argmap.formats.aif.write import emit_aif

    return emit_aif(index)


def _graphml(index: GraphIndex) -> str:
    from argmap.formats.graphml_write import emit_graphml

    return emit_graphml(index)


def _csl(index: GraphIndex) -> str:
    from argmap.formats.csl_write import emit_csl

    return emit_csl(index)


def _claimreview(index: GraphIndex) -> str:
    from argmap.formats.claimreview_write import emit_claimreview

    return emit_claimreview(index)


EXPORTERS: dict[ExportFormat, Callable[[GraphIndex], str | Iterable[str]]] = {
    ExportFormat.json: _json,
    ExportFormat.argdown: _argdown,
    ExportFormat.aif: _aif,
    ExportFormat.graphml: _graphml,
    ExportFormat.csl_json: _csl,
    ExportFormat.claimreview: _claimreview,
}
"""Each export format's writer."""
