"""Writing every source as CSL-JSON, the bibliography format reference managers read.

Each source becomes one CSL item: `title`, `container-title` (for articles) or
`publisher` (for reports, documents and data), `URL`, `accessed` and `issued` as
date-parts, authors as literal names, and a CSL `type` mapped from the source
kind (the table is :data:`CSL_TYPES`). Ids are argmap ids, opaque strings that
CSL allows to hold '/'. Written from the plain records, without models. Nothing here prints.
"""

from __future__ import annotations

import json
from typing import Any

from argmap.corpus.plain import PlainIndex
from argmap.corpus.plain_details import source_kind
from argmap.model import SourceKind

CSL_TYPES: dict[SourceKind, str] = {
    SourceKind.news: "article-newspaper",
    SourceKind.analysis: "article",
    SourceKind.commentary: "article",
    SourceKind.government_statement: "report",
    SourceKind.report: "report",
    SourceKind.legal_instrument: "legislation",
    SourceKind.academic: "article-journal",
    SourceKind.dataset: "dataset",
    SourceKind.other: "webpage",
}
"""CSL item type of each source kind."""

_IN_CONTAINER = {"article-newspaper", "article", "article-journal", "webpage"}
"""Types whose publisher is the periodical or site they appear in (`container-title`)."""


def _date_parts(value: str) -> dict[str, list[list[int]]]:
    """CSL's date parts of a date as written: `2023-05` gives [[2023, 5]], as CSL allows."""
    return {"date-parts": [[int(part) for part in value.split("-")]]}


def export_csl(index: PlainIndex) -> list[dict[str, Any]]:
    """Every source as a CSL-JSON item, in corpus order."""
    items: list[dict[str, Any]] = []
    for ident, source in index.sources.items():
        kind = CSL_TYPES[SourceKind(source_kind(index.table, ident))]
        item: dict[str, Any] = {"id": ident, "type": kind}
        if source.title:
            item["title"] = source.title
        if source.publisher:
            item["container-title" if kind in _IN_CONTAINER else "publisher"] = source.publisher
        if source.url:
            item["URL"] = source.url
        if source.accessed:
            item["accessed"] = _date_parts(source.accessed)
        if source.published:
            item["issued"] = _date_parts(source.published)
        authors = [index.speakers[a].name for a in source.authors if a in index.speakers]
        if authors:
            item["author"] = [{"literal": name} for name in authors]
        items.append(item)
    return items


def emit_csl(index: PlainIndex) -> str:
    """The sources as CSL-JSON text."""
    return json.dumps(export_csl(index), indent=2, ensure_ascii=False) + "\n"
