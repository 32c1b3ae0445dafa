"""The export formats, by the name `argmap export --format` takes.

Each exporter takes the plain records of the corpus (:mod:`argmap.corpus.plain`; no
models are built for an export) and returns text, whole or in chunks: JSON, AIF,
Argdown and GraphML in chunks, so a 100k-claim corpus is never held as one text. JSON
is argmap's own shape (docs/interchange.md, "Export format"); the others are
interchange formats written by their own modules, imported only when chosen. Nothing
here prints or writes.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator

from argmap.corpus.plain import PlainIndex
from argmap.formats.names import ExportFormat


def _json(index: PlainIndex) -> Iterator[str]:
    """The JSON export in chunks (:mod:`argmap.formats.json_stream`): neither the whole
    data nor its whole text is held."""
    from argmap.formats.json_export import export_sections
    from argmap.formats.json_stream import json_chunks

    return json_chunks(export_sections(index))


def _argdown(index: PlainIndex) -> Iterator[str]:
    from argmap.formats.argdown.write import emit_argdown

    return emit_argdown(index)


def _aif(index: PlainIndex) -> Iterator[str]:
    """AIF in chunks, like JSON: its graph at 100k claims is millions of entries."""
    from argmap.formats.aif.write import aif_sections
    from argmap.formats.json_stream import json_chunks

    return json_chunks(aif_sections(index))


def _graphml(index: PlainIndex) -> Iterator[str]:
    from argmap.formats.graphml_write import emit_graphml

    return emit_graphml(index)


def _csl(index: PlainIndex) -> str:
    from argmap.formats.csl_write import emit_csl

    return emit_csl(index)


def _claimreview(index: PlainIndex) -> str:
    from argmap.formats.claimreview_write import emit_claimreview

    return emit_claimreview(index)


EXPORTERS: dict[ExportFormat, Callable[[PlainIndex], str | Iterable[str]]] = {
    ExportFormat.json: _json,
    ExportFormat.argdown: _argdown,
    ExportFormat.aif: _aif,
    ExportFormat.graphml: _graphml,
    ExportFormat.csl_json: _csl,
    ExportFormat.claimreview: _claimreview,
}
"""Each export format's writer."""
