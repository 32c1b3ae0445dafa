"""Fast labels: the word wrap's shortcuts and the shared node pieces change no byte.

`wrap` takes a regular-expression shortcut for text whose words are one space
apart and fit the width; `html_lines` escapes a label once instead of line by
line; `NodeLines` builds the look, badge and speaker row once per map. Each is
compared here with the plain word-by-word way on generated text, and the whole
map with the golden file (tests/test_map.py) and every fixture's map.
"""

from __future__ import annotations

import html

from hypothesis import given, settings
from hypothesis import strategies as st

from argmap.check.project import open_claims
from argmap.render.dot.labels import NodeLines, claim_label, fills, html_lines, node_attributes
from argmap.render.dot.style import NO_PERSPECTIVE_FILL, SCREEN, SLIDE, split_fill
from argmap.render.select import Filters, map_title
from argmap.render.text import _wrap_words, one_line, printable, wrap
from argmap.render.view import MapView, build_view
from conftest import REPO

WORDS = st.text(
    alphabet=st.sampled_from(["a", "b", "é", "<", "&", '"', "'", "\t", "\u00a0", "\u2028", "x"]),
    min_size=0,
    max_size=70,
)
TEXTS = st.one_of(
    st.lists(WORDS, max_size=30).map(" ".join),
    st.lists(WORDS, max_size=30).map("  ".join),
    st.text(max_size=300),
)


def _slow_lines(text: str, width: int, align: str = "") -> str:
    """html_lines as it was: each line escaped on its own."""
    brk = f'<BR ALIGN="{align}"/>' if align else "<BR/>"
    return brk.join(html.escape(printable(line), quote=True) for line in wrap(text, width))


@settings(max_examples=3000, deadline=None)
@given(TEXTS, st.integers(min_value=-2, max_value=90))
def test_wrap_takes_its_shortcuts_without_changing_a_line(text: str, width: int) -> None:
    assert wrap(text, width) == _wrap_words(one_line(text), width)


@settings(max_examples=1000, deadline=None)
@given(TEXTS, st.integers(min_value=1, max_value=90), st.sampled_from(["", "LEFT"]))
def test_html_lines_escapes_once_as_it_did_line_by_line(text: str, width: int, align: str) -> None:
    assert html_lines(text, width, align) == _slow_lines(text, width, align)


def test_the_shortcuts_are_taken_on_ordinary_text() -> None:
    text = "Pakistan's long-range missiles could target the United States."
    assert wrap(text, 30) == [
        "Pakistan's long-range missiles",
        "could target the United",
        "States.",
    ]
    assert wrap("a " * 3 + "b" * 40, 30) == ["a a a", "b" * 40]  # a word wider than the line
    assert wrap("x" * 130, 200) == ["x" * 130]
    assert wrap("x" * 130, 30) == ["x" * 60, "x" * 60, "x" * 10]  # cut at LONGEST_WORD


def _views() -> list[MapView]:
    views = []
    for folder in ("claims", "tests/fixtures/hostile", "tests/fixtures/trial"):
        project = open_claims(REPO / folder)
        index = project.plain
        ids = list(index.claims)
        views.append(build_view(index, ids, map_title(index, ids, Filters())))
        views.append(build_view(index, ids[:5], "focus", ids[0]))
    return views


def test_node_lines_are_the_labels_built_one_by_one() -> None:
    for view in _views():
        assert view.claims
        authors = [a.id for a in view.authors]
        for preset in (SCREEN, SLIDE):
            nodes = NodeLines(view, preset)
            fill = fills(view)
            for node in view.claims:
                named = not (authors and [s.id for s in node.speakers] == authors)
                colours = [fill.get(p, NO_PERSPECTIVE_FILL) for p in node.perspectives]
                colour = fill.get(node.perspective, NO_PERSPECTIVE_FILL)
                if len(colours) > 1:  # speakers of several perspectives: a split fill
                    colour = split_fill(colours)
                look = node_attributes(node, colour, preset, node.id == view.focus)
                label = claim_label(node, preset, named)
                assert nodes.line(node).endswith(f" [{look}, label={label}];\n")


def test_claim_nodes_are_compared() -> None:
    """The comparison above meets statuses, a focus, authors' claims and shared speakers."""
    views = _views()
    nodes = [node for view in views for node in view.claims]
    assert {node.status for node in nodes} >= {"retracted", "disputed"}
    assert any(view.focus for view in views) and any(view.authors for view in views)
    assert any(len(node.perspectives) > 1 for node in nodes)  # a split fill
    names = [node.map_attribution for node in nodes]
    assert len(set(names)) < len(names)
