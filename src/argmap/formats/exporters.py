"""The export formats, by the name `argmap export --format` takes.

Each exporter takes the graph index and returns text. JSON is argmap's own
shape (docs/interchange.md, "Export format"); the others are interchange formats written by
their own modules, imported only when chosen. Nothing here prints or writes.
"""

from __future__ import annotations

import json
from collections.abc import Callable

from argmap.corpus.graph import GraphIndex
from argmap.formats.names import ExportFormat


def _json(index: GraphIndex) -> str:
    from argmap.formats.json_export import export_corpus

    return json.dumps(export_corpus(index), indent=2, ensure_ascii=False) + "\n"


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


EXPORTERS: dict[ExportFormat, Callable[[GraphIndex], str]] = {
    ExportFormat.json: _json,
    ExportFormat.argdown: _argdown,
    ExportFormat.aif: _aif,
    ExportFormat.graphml: _graphml,
    ExportFormat.csl_json: _csl,
    ExportFormat.claimreview: _claimreview,
}
"""Each export format's writer."""
