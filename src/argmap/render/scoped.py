"""The view a scoped command draws: the corpus's claims narrowed by the user's filters.

`map`, `html` and `deck` take the same scope options (`--focus/--depth`,
`--question`, `--perspective`, `--speaker`); this is the one place that turns
them into a :class:`~argmap.render.view.MapView` with its title. Raises
:class:`~argmap.render.select.SelectionError` for an unknown id; prints nothing.
"""

from __future__ import annotations

from argmap.corpus.graph import GraphIndex
from argmap.render.select import Filters, apply_filters, map_title, resolve
from argmap.render.view import MapView, build_view


def scoped_view(index: GraphIndex, filters: Filters) -> MapView:
    """The view of every claim of *index* that passes *filters*, titled for them."""
    filters = resolve(index, filters)
    claim_ids = apply_filters(index, list(index.corpus.claims), filters)
    title = map_title(index, claim_ids, filters)
    return build_view(index, claim_ids, title, filters.focus)
