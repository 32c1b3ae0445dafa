"""The Markdown briefs as a reader gets them: parsed back with markdown-it, and golden files.

For the seed corpus and the hostile fixture, each brief is parsed with
CommonMark + GFM tables + footnotes and checked for what must hold whatever
the claims say: every claim, speaker, perspective and question is shown
literally (so no emphasis, link or HTML was made from it), every footnote
reference resolves and every definition is referenced, every table row has
the header's cell count, and no tag but the emitters' own reaches the HTML.
The seed briefs are also pinned as golden files, reviewed by hand.
"""

from __future__ import annotations

import difflib
import functools
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from markdown_it import MarkdownIt
from markdown_it.token import Token
from mdit_py_plugins.footnote import footnote_plugin

from argmap.check.project import open_claims
from argmap.render.markdown.brief import emit_brief
from argmap.render.markdown.perspectives import emit_perspectives
from argmap.render.text import bidi_isolated, markdown_line_start, one_line
from argmap.render.view import MapView, SourceEntry, build_view
from conftest import REPO

HOSTILE = REPO / "tests" / "fixtures" / "hostile"
GOLDEN = REPO / "tests" / "golden"
TITLES = {
    "seed": "US sanctions on Pakistan (commentary)",
    "hostile": "Hostile | <script>alert(1)</script> *title* [x](y) \\",
}
ROOTS = {"seed": REPO / "claims" / "us-sanctions-on-pakistan.yaml", "hostile": HOSTILE}
EMITTERS: dict[str, Callable[[MapView], str]] = {
    "brief": emit_brief,
    "perspectives": emit_perspectives,
}
CASES = [(corpus, kind) for corpus in ROOTS for kind in EMITTERS]
BIDI_CONTROLS = re.compile("[\u202a-\u202e\u2066-\u2069]")
ALLOWED_TAGS = {
    "a", "br", "em", "h1", "h2", "h3", "hr", "li", "ol", "p", "section", "strong", "sup",
    "table", "tbody", "td", "th", "thead", "tr", "ul",
}  # fmt: skip


def _build(corpus: str) -> MapView:
    """A fresh view of *corpus*, which must load without errors."""
    project = open_claims(ROOTS[corpus])
    assert not project.errors, project.errors
    return build_view(project.plain, list(project.plain.claims), TITLES[corpus])


_view = functools.cache(_build)


def _parser() -> MarkdownIt:
    return MarkdownIt("commonmark").enable("table").use(footnote_plugin)


def _emit(corpus: str, kind: str) -> str:
    return EMITTERS[kind](_view(corpus))


def _plain(token: Token) -> str:
    """The text a reader sees in an inline token; tags and footnote marks become breaks."""
    parts: list[str] = []
    for child in token.children or []:
        if child.type in ("text", "code_inline"):
            parts.append(child.content)
        elif child.type == "softbreak":
            parts.append(" ")
        else:
            parts.append("\n")
    return "".join(parts)


def _literal(text: str) -> str:
    """What a literal rendering of *text* reads as: one line, bidi controls aside."""
    return BIDI_CONTROLS.sub("", one_line(text))


def _shown_texts(markdown: str) -> list[str]:
    tokens = _parser().parse(markdown)
    return [_literal(_plain(t)) for t in tokens if t.type == "inline"]


def _gfm_cells(row: str) -> int:
    """Cells in a table row as GFM splits it: a pipe preceded by a backslash is text."""
    body = row.strip()
    body = body[1:] if body.startswith("|") else body
    if body.endswith("|") and not body.endswith("\\|"):
        body = body[:-1]
    return 1 + sum(1 for i, ch in enumerate(body) if ch == "|" and (i == 0 or body[i - 1] != "\\"))


def _tables(markdown: str) -> list[list[str]]:
    """Each table in the source as its lines (header, delimiter, rows)."""
    tables: list[list[str]] = []
    lines = markdown.splitlines()
    for i, line in enumerate(lines[:-1]):
        if line.startswith("|") and re.fullmatch(r"\|( --- \|)+", lines[i + 1]):
            end = i + 2
            while end < len(lines) and lines[end].startswith("|"):
                end += 1
            tables.append(lines[i:end])
    return tables


@pytest.mark.parametrize(("corpus", "kind"), CASES)
def test_every_claim_is_shown_literally(corpus: str, kind: str) -> None:
    shown = _shown_texts(_emit(corpus, kind))
    view = _view(corpus)
    missing = [n.id for n in view.claims if not any(_literal(n.text) in s for s in shown)]
    assert not missing, f"claim text not shown literally in the {kind}: {missing}"
    wanted = [n.attribution for n in view.claims] + [q.text for q in view.questions]
    wanted += [view.title] + ([p.name for p in view.perspectives] if kind == "perspectives" else [])
    absent = [w for w in wanted if not any(_literal(w) in s for s in shown)]
    assert not absent, f"not shown literally in the {kind}: {absent}"


@pytest.mark.parametrize(("corpus", "kind"), CASES)
def test_footnotes_resolve_both_ways(corpus: str, kind: str) -> None:
    markdown = _emit(corpus, kind)
    referenced = set(re.findall(r"(?<!\\)\[\^([^\]\s]+)\](?!:)", markdown))
    defined = set(re.findall(r"^\[\^([^\]\s]+)\]: ", markdown, flags=re.MULTILINE))
    assert referenced == defined, f"refs without definition: {referenced - defined}; " + (
        f"definitions never referenced: {defined - referenced}"
    )
    env: dict[str, Any] = {}
    tokens = _parser().parse(markdown, env)
    parsed = {c.meta["label"] for t in tokens for c in t.children or [] if c.type == "footnote_ref"}
    assert parsed == referenced
    counts = {entry["label"]: entry["count"] for entry in env["footnotes"]["list"].values()}
    assert set(counts) == defined and all(n for n in counts.values()), counts
    legend = {str(s.number) for s in _view(corpus).sources}
    assert defined <= legend, "footnote labels must be the view's legend numbers"


@pytest.mark.parametrize(("corpus", "kind"), CASES)
def test_table_rows_have_the_header_cell_count(corpus: str, kind: str) -> None:
    markdown = _emit(corpus, kind)
    tables = _tables(markdown)
    for table in tables:
        width = _gfm_cells(table[0])
        bad = [row for row in table[2:] if _gfm_cells(row) != width]
        assert not bad, f"rows whose cell count differs from the header's ({width}): {bad}"
    parsed = [t for t in _parser().parse(markdown) if t.type == "table_open"]
    assert len(parsed) == len(tables)
    if kind == "perspectives":
        view = _view(corpus)
        other = any(not n.questions for n in view.claims)
        assert len(tables) == len(view.questions) + other + 1  # + points of clash


@pytest.mark.parametrize(("corpus", "kind"), CASES)
def test_no_markup_is_injected_into_the_html(corpus: str, kind: str) -> None:
    html = _parser().render(_emit(corpus, kind))  # raw HTML allowed: escaping must hold
    assert "<script" not in html.lower()
    assert 'href="javascript' not in html.lower()
    tags = {t.lower() for t in re.findall(r"</?([a-zA-Z][a-zA-Z0-9]*)", html)}
    assert tags <= ALLOWED_TAGS, f"unexpected tags: {tags - ALLOWED_TAGS}"


@pytest.mark.parametrize(("corpus", "kind"), CASES)
def test_bidi_controls_are_closed_on_every_line(corpus: str, kind: str) -> None:
    for line in _emit(corpus, kind).splitlines():
        depth = 0
        for ch in BIDI_CONTROLS.findall(line):
            depth += -1 if ch in "\u202c\u2069" else 1
            assert depth >= 0, f"a closer with nothing open: {line!r}"
        assert depth == 0, f"direction left open at the end of: {line!r}"


@pytest.mark.parametrize("kind", EMITTERS)
def test_only_cited_sources_get_a_definition(kind: str) -> None:
    view = _build("hostile")
    view.sources.append(SourceEntry(99, "uncited", "Cited by no claim", None, None, None))
    assert "[^99]" not in EMITTERS[kind](view)


def test_a_long_chain_stays_within_list_nesting_and_shows_every_claim(tmp_path: Path) -> None:
    claims = "".join(
        f"  - id: c{i}\n    text: Link {i} of the chain.\n    type: fact\n    questions: [q]\n"
        + (f"    supports: [c{i - 1}]\n" if i else "")
        for i in range(40)
    )
    head = "questions:\n  - id: q\n    text: Does the chain hold?\nclaims:\n"
    (tmp_path / "chain.yaml").write_text(head + claims, encoding="utf-8")
    project = open_claims(tmp_path)
    assert not project.errors, project.errors
    brief = emit_brief(build_view(project.plain, list(project.plain.claims), "Chain"))
    tokens = _parser().parse(brief)
    depth = deepest = 0
    for token in tokens:
        depth += token.nesting if token.type == "bullet_list_open" else 0
        depth -= 1 if token.type == "bullet_list_close" else 0
        deepest = max(deepest, depth)
    assert deepest <= 10
    shown = _shown_texts(brief)
    assert all(any(f"Link {i} of the chain." in s for s in shown) for i in range(40))
    assert "(what bears on it is listed separately)" in brief


def _section(markdown: str, heading: str) -> str:
    """The body of the ``## `` section whose heading starts with *heading*."""
    for chunk in markdown.split("\n## ")[1:]:
        if chunk.startswith(heading):
            return chunk
    raise AssertionError(f"no section {heading!r}")


def test_hostile_brief_shapes_the_argument() -> None:
    brief = _emit("hostile", "brief")
    q1, q2 = _section(brief, "Q1. "), _section(brief, "Q2. ")
    cycle = r"Cycle A opposes B \\\| and B opposes A — .*"
    opposed = r"\n  - \*\*Opposes:\*\* Cycle B opposes A .*\n"
    assert re.search(rf"^- {cycle}{opposed}    - \*\*Opposes:\*\* {cycle} \(see above\)$", q2, re.M)
    assert "\n  - **Supports** (premises taken together):\n    - \\*emphasis\\* and" in q1
    assert "\n    - *together with* \\[link\\](x) and" in q1
    premises = r"“\\\*emphasis.*” and “\\\[link.*”"
    assert re.search(rf"^  - \*\*Undercuts\*\* the link from {premises}: \\\| --- ", q1, re.M)
    assert re.search(r"^  - \*\*Undercuts\*\* the link from “\\\{\\\} .*”: ", q1, re.M)
    assert "\n  - **Supports:** \\- not a list item ⚠ *unsourced*\n" in q2  # the author's
    assert "\n- 1\\. not an ordered list — " in q2
    other = _section(brief, "Other claims")
    assert "\n- Bears on no question \\| at all \\<br\\> really — " in other
    unsourced = _section(brief, "Unsourced claims")
    assert unsourced.count("\n- ") == len(_view("hostile").unsourced)
    assert "⚠" not in unsourced


def test_seed_briefs_have_no_empty_sections() -> None:
    brief = _emit("seed", "brief")
    perspectives = _emit("seed", "perspectives")
    assert "## Other claims" not in brief + perspectives  # every seed claim bears on a question
    assert "Unattributed" not in perspectives  # every seed speaker has a perspective
    clash = perspectives.split("## Points of clash", 1)[1].split("\n## ", 1)[0]
    assert "| undercuts |" in clash  # the author's undercut of the US justification


def test_text_escapes_for_line_starts_and_direction() -> None:
    assert markdown_line_start("- a") == "\\- a"
    assert markdown_line_start("12. b") == "12\\. b"
    assert markdown_line_start("a - b") == "a - b"
    assert bidi_isolated("plain") == "plain"
    assert bidi_isolated("\u2069x\u202e") == "\u2068x\u202e\u202c\u2069"


@pytest.mark.parametrize("kind", EMITTERS)
def test_seed_brief_matches_golden_file(kind: str) -> None:
    golden = GOLDEN / f"{kind}.md"
    actual = _emit("seed", kind)
    expected = golden.read_text(encoding="utf-8")
    if actual != expected:
        diff = "".join(
            difflib.unified_diff(
                expected.splitlines(keepends=True),
                actual.splitlines(keepends=True),
                str(golden.relative_to(REPO)),
                "emitter output",
            )
        )
        pytest.fail(
            f"The {kind} of the seed corpus differs from {golden.relative_to(REPO)}.\n"
            "Review the diff as a reader would. If the new output is right, write it to the\n"
            "golden file yourself and commit both; nothing regenerates it automatically.\n" + diff,
            pytrace=False,
        )
