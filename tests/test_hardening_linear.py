"""Issue 10, cases 4 and 5: time grows with the input, never with its square.

Every pattern and function that sees user text runs in linear time (a million
characters of each kind of whitespace, long runs of brackets and quotes), and a
misspelt id referred to thousands of times is looked up once. The bounds are
generous subprocess timeouts against hangs, never measures of speed.
"""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest
import rapidfuzz.process

from argmap.check.project import open_claims
from conftest import run_process, write

HANG = 120
"""Seconds after which a run counts as hung."""

CLAIM = "claims:\n  - id: a\n    text: A\n    type: fact\n    standalone: true\n"


def test_4_a_long_run_of_spaces_in_a_text_renders_in_linear_time(project: Path) -> None:
    write(project / "claims/x.yaml", CLAIM.replace("text: A", f"text: 'a{' ' * 60_000}b'"))
    result = run_process("brief", timeout=HANG)
    assert result.exit_code == 0, result
    assert f"- a{' ' * 60_000}b — unattributed" in result.stdout


WHITESPACE = [chr(c) for c in range(0x110000) if re.fullmatch(r"\s", chr(c))]
"""Every character Python's regular expressions count as whitespace."""

LINEAR_SCRIPT = """
import json, sys
from pathlib import Path
from argmap.check.audit import audit
from argmap.check.checks import run_checks
from argmap.cli.app import json_text, terminal_safe
from argmap.corpus.graph import build_index
from argmap.corpus.merge import build_corpus
from argmap.corpus.tabulate import build_table
from argmap.corpus.plain import build_plain_index
from argmap.diagnostics import did_you_mean
from argmap.load.extract import extract
from argmap.load.yaml.fast import needs_slow_path
from argmap.load.loader import LoadedFile
from argmap.load.yaml.validation_errors import shown_value, slugify
from argmap.load.yaml.positions import PositionIndex
from argmap.load.yaml.source import parse_yaml
from argmap.model import ClaimFile
from argmap.render.markdown.audit_format import format_markdown, format_table
from argmap.render.markdown.brief import emit_brief
from argmap.render.dot.emit import emit_dot, html_lines, html_text
from argmap.render.markdown.common import cell, inline, line_start, short_text
from argmap.render.markdown.perspectives import emit_perspectives
from argmap.render.dot.layout import count_nodes
from argmap.render.show import format_claim
from argmap.render.text import bidi_isolated, markdown_cell, one_line, printable, wrap
from argmap.render.view import build_view
from argmap.texts.quotes import normalize
from argmap.texts.source import SourceText

def pipeline(run):
    content = ClaimFile.model_validate({
        "document": "doc",
        "sources": [{"id": "doc", "title": run, "url": run, "authors": ["s"]}],
        "speakers": [{"id": "s", "name": run, "perspective": "p"}],
        "perspectives": [{"id": "p", "name": run}],
        "questions": [{"id": "q", "text": run}],
        "claims": [
            {"id": "a", "text": run, "type": "fact", "questions": ["q"], "supports": ["b"],
             "citations": [{"source": "doc", "locator": run, "quote": run}]},
            {"id": "b", "text": run, "type": "fact"},
        ],
    })
    loaded = LoadedFile(Path("x.yaml"), "x.yaml", content, PositionIndex(lambda: ""),
                        source_texts={"doc": SourceText("doc.txt", run)}, namespace="x",
                        facts=extract(content, {}, []))
    table = build_table([loaded])
    index = build_index(build_corpus(table))
    list(run_checks(table))
    view = build_view(build_plain_index(table), ["x/a", "x/b"], run)
    assert count_nodes(emit_dot(view)) == 3
    emit_brief(view), emit_perspectives(view), format_claim(index, "x/a")
    format_markdown(audit(table)), format_table(audit(table))

kinds = [chr(int(code)) for code in sys.argv[1:]]
for kind in kinds:  # each function that transforms user text, on each kind of whitespace
    run = "a" + kind * 1_000_000 + "b"
    for function in (printable, one_line, wrap, bidi_isolated, markdown_cell, html_text,
                     normalize, needs_slow_path, terminal_safe, json_text, slugify, shown_value):
        function(run)
    did_you_mean(run, ["a", "b"])
    assert parse_yaml("text: " + json.dumps(run)).data == {"text": run}
for kind in (" ", "\\n", "\\x0c", "\\u3000"):  # and every path that composes them
    run = "a" + kind * 1_000_000 + "b"
    inline(run), cell(run), line_start(run), short_text(run), html_lines(run, 30)
    pipeline(run)
print("done", len(kinds))
"""


def test_4_every_text_path_is_linear_on_a_million_of_each_whitespace_character() -> None:
    codes = [str(ord(ch)) for ch in WHITESPACE]
    proc = subprocess.run(
        [sys.executable, "-c", LINEAR_SCRIPT, *codes],
        capture_output=True,
        text=True,
        timeout=HANG * 3,
        check=False,
    )
    assert proc.returncode == 0, proc.stderr[-3000:]
    assert proc.stdout == f"done {len(WHITESPACE)}\n"


HOSTILE_RUNS_SCRIPT = """
import sys
from argmap.formats.argdown.text import parse_content, strip_comments
from argmap.formats.imported import SlugRegistry
from argmap.formats.kialo.text import SourceRefs, extract_citations
from argmap.ingest.references import parse_citation
from argmap.ingest.sentences import _without_trailing_markers
from argmap.load.yaml.fast import needs_slow_path

n = 300_000
runs = ["[" * n, "{" * n, "**a " * (n // 4), "*a " * (n // 3), "#(" * (n // 2), "[a](" * (n // 4),
        " " * n + "x", " [1]" * (n // 4) + "x", "\u201c" * n, "\u2018" * n,
        "(citation needed)" + " " * n, "<!--" * (n // 4), "/*" * (n // 2)]
for run in runs:
    needs_slow_path("text: " + run)
    strip_comments(run), parse_content(run), parse_citation(run), _without_trailing_markers(run)
    extract_citations(run, SourceRefs({}, SlugRegistry("source")))
print("done", len(runs))
"""


def test_4_importers_and_the_yaml_fast_path_are_linear_on_hostile_runs() -> None:
    proc = subprocess.run(
        [sys.executable, "-c", HOSTILE_RUNS_SCRIPT],
        capture_output=True,
        text=True,
        timeout=HANG,
        check=False,
    )
    assert proc.returncode == 0, proc.stderr[-3000:]
    assert proc.stdout == "done 13\n"


def _claims_referring_to(unknown: str, references: int, others: int) -> str:
    lines = ["claims:"]
    for i in range(others):
        lines += [f"  - id: claim-number-{i}", f"    text: Claim {i}.", "    type: fact"]
        lines += ["    standalone: true"]
    for i in range(references):
        lines += [
            f"  - id: ref-{i}",
            "    text: R.",
            "    type: fact",
            f"    supports: [{unknown}]",
        ]
    return "\n".join(lines) + "\n"


def test_5_thousands_of_references_to_one_misspelt_id_are_answered_once(project: Path) -> None:
    write(project / "claims/x.yaml", _claims_referring_to("claim-numbr-7", 5000, 10_000))
    result = run_process("check", "--no-cache", timeout=HANG)
    assert result.exit_code == 1, result
    lines = result.stdout.splitlines()
    assert len(lines) == 10_000
    assert (
        lines[0]
        == "claims/x.yaml:40005:16: error: unknown claim or link 'claim-numbr-7' [unknown-ref]"
    )
    assert set(lines[1::2]) == {"  hint: did you mean 'claim-number-7'?"}


def test_5_suggestions_are_computed_once_per_distinct_unknown_id(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    write(tmp_path / "claims/x.yaml", _claims_referring_to("claim-numbr-7", 300, 50))
    calls: list[str] = []
    real = rapidfuzz.process.extractOne

    def counting(query: str, *args: object, **kwargs: object) -> object:
        calls.append(query)
        return real(query, *args, **kwargs)  # type: ignore[call-overload]

    monkeypatch.setattr(rapidfuzz.process, "extractOne", counting)
    project = open_claims(tmp_path / "claims")
    assert len([d for d in project.diagnostics if d.code == "unknown-ref"]) == 300
    assert calls == ["claim-numbr-7"]
