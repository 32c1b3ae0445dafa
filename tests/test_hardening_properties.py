"""Issue 21, section 6: properties of the importers and exporters on hostile text.

- Any Argdown, AIF or Kialo text an importer accepts writes a claims file that
  checks without errors and reads back as exactly what was imported: no text
  the importer copied (into a comment or a string) became structure.
- Any claims file that loads exports to well-formed outputs: GraphML parses
  with xml.etree, the JSON formats with json (ClaimReview without a raw `<`),
  and the Argdown with argmap's importer and with the Argdown CLI, with as many
  statements as claims.

Examples are drawn with text full of line breaks (U+2028, U+2029, NEL), controls,
bidi controls, non-characters and the syntax of each format. `ARGMAP_FUZZ` sets
the number of examples, as in test_hardening_fuzz.py.
"""

from __future__ import annotations

import json
import os
import subprocess
import xml.etree.ElementTree as ET
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, event, example, given, settings
from hypothesis import strategies as st

from argmap.check.project import open_claims
from argmap.formats.argdown.read import read_argdown
from argmap.formats.characters import escape_unsafe
from argmap.formats.exporters import EXPORTERS
from argmap.formats.importers import import_file
from argmap.formats.names import ExportFormat, ImportFormat
from argmap.formats.yaml_write import emit_claim_file
from argmap.load.yaml.source import parse_yaml
from argmap.model import ClaimFile

EXAMPLES = int(os.environ.get("ARGMAP_FUZZ", "200"))
PROPERTY = settings(
    max_examples=max(EXAMPLES // 4, 10),
    deadline=timedelta(seconds=30),
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
HOSTILE = [
    "\n  - id: injected\n    text: boom", "\u2028", "\u2029", "\x85", "\x1b[2J", "\x07", "\x0b",
    "\u202e", "\u2066", "\ufeff", "\ufffe", "\uffff", "--", "----", "[x]: y", "\n  + [x]",
    "<a>: b", "{a: 1}", "}", "{", "#(t)", "#t", "@include(x)", "</script>", "<!--", "]]>",
    "&amp;", "'", '"', "\\", "# c", ": ", "- ", "*a", "&a", "!!python", "1.2. Pro:", "-> See 1.",
]  # fmt: skip
"""Pieces of text that are syntax somewhere, or break a reader."""

texts = st.lists(
    st.one_of(
        st.sampled_from(HOSTILE),
        st.text(st.characters(exclude_categories=["Cs"]), max_size=12),
    ),
    min_size=1,
    max_size=5,
).map("".join)
"""Hostile text."""
titles = st.from_regex(r"[A-Za-z][A-Za-z0-9 ]{0,8}[A-Za-z0-9]", fullmatch=True)


def _imports_cleanly(tmp_path: Path, name: str, raw: bytes, fmt: ImportFormat) -> None:
    """The property: if *raw* imports, the written file checks clean and reads back the same."""
    source = tmp_path / name
    source.write_bytes(raw)
    _, imported = import_file(source, raw, fmt)
    event("refused" if imported.failed else "imported")
    if imported.failed:
        return
    text = emit_claim_file(imported)
    folder = tmp_path / "claims"
    folder.mkdir(exist_ok=True)
    (folder / "out.yaml").write_text(text, encoding="utf-8")
    project = open_claims(folder / "out.yaml", None)
    errors = [d.format() for d in project.diagnostics if d.severity.value == "error"]
    assert not errors, text
    back = ClaimFile.model_validate(parse_yaml(text).data)
    assert back.model_dump() == imported.content.model_dump(), text


def _yaml_json(value: Any) -> str:
    """*value* as JSON that is also YAML: astral characters raw, not as surrogate pairs."""
    return escape_unsafe(json.dumps(value, ensure_ascii=False))


@st.composite
def argdown_texts(draw: Any) -> str:
    """Statements with hostile text, tags and data, and relations between them."""
    names = draw(st.lists(titles, min_size=1, max_size=4, unique=True))
    lines = []
    for name in names:
        data = {draw(st.sampled_from(["note", "speakers", "x"])): draw(texts)}
        tag = draw(texts).replace(")", "")
        line = f"[{name}]: Says {draw(texts)} #({tag}) {_yaml_json(data)}"
        lines.append(line)
        if draw(st.booleans()):
            lines.append(f"  {draw(st.sampled_from(['+', '-']))} [{draw(st.sampled_from(names))}]")
        lines.append("")
    if draw(st.booleans()):
        lines = ["===", f"title: {_yaml_json(draw(texts))}", "===", "", *lines]
    return "\n".join(lines)


@st.composite
def aif_texts(draw: Any) -> str:
    """I-nodes and RA/CA/MA nodes with hostile text, and edges between them."""
    count = draw(st.integers(1, 4))
    nodes: list[dict[str, Any]] = [
        {"nodeID": str(i), "type": "I", "text": draw(texts)} for i in range(count)
    ]
    edges = []
    for n in range(draw(st.integers(0, 3))):
        kind = draw(st.sampled_from(["RA", "CA", "MA"]))
        ident = f"s{n}"
        nodes.append({"nodeID": ident, "type": kind, "text": f"Default {kind} {draw(texts)}"})
        premise, conclusion = draw(st.integers(0, count - 1)), draw(st.integers(0, count - 1))
        edges += [
            {"edgeID": f"a{n}", "fromID": str(premise), "toID": ident},
            {"edgeID": f"b{n}", "fromID": ident, "toID": str(conclusion)},
        ]
    return json.dumps({"nodes": nodes, "edges": edges}, ensure_ascii=draw(st.booleans()))


@st.composite
def kialo_texts(draw: Any) -> str:
    """A discussion with a hostile title, thesis and pros and cons."""
    lines = [f"Discussion Title: {draw(texts)}", "", f"1. Thesis: {draw(texts)}"]
    for i in range(1, draw(st.integers(1, 4)) + 1):
        stance = draw(st.sampled_from(["Pro", "Con"]))
        lines.append(f"1.{i}. {stance}: {draw(texts)}")
    return "\n".join(lines) + "\n"


@PROPERTY
@given(argdown_texts())
def test_6_any_argdown_the_importer_accepts_writes_a_clean_file(
    tmp_path_factory: pytest.TempPathFactory, text: str
) -> None:
    tmp = tmp_path_factory.mktemp("argdown")
    _imports_cleanly(tmp, "in.argdown", text.encode("utf-8"), ImportFormat.argdown)


@PROPERTY
@given(aif_texts())
@example(  # ids 0e and 0e-2: `0e-2` is a float to YAML 1.2, so it must be written quoted
    '{"nodes": [{"nodeID": "0", "type": "I", "text": "0E"}, '
    '{"nodeID": "1", "type": "I", "text": "0E"}], "edges": []}'
)
def test_6_any_aif_the_importer_accepts_writes_a_clean_file(
    tmp_path_factory: pytest.TempPathFactory, text: str
) -> None:
    tmp = tmp_path_factory.mktemp("aif")
    _imports_cleanly(tmp, "in.json", text.encode("utf-8"), ImportFormat.aif)


@PROPERTY
@given(kialo_texts())
def test_6_any_kialo_the_importer_accepts_writes_a_clean_file(
    tmp_path_factory: pytest.TempPathFactory, text: str
) -> None:
    tmp = tmp_path_factory.mktemp("kialo")
    _imports_cleanly(tmp, "in.txt", text.encode("utf-8"), ImportFormat.kialo)


@st.composite
def claims_files(draw: Any) -> dict[str, Any]:
    """A valid claims file whose every text, name, tag, scheme and warrant is hostile."""
    count = draw(st.integers(1, 4))
    claims = [
        {
            "id": f"c{i}",
            "text": "Says " + draw(texts),
            "type": "fact",
            "speakers": ["s"],
            "tags": draw(st.lists(texts.map("t ".__add__), max_size=2)),
            "status": draw(st.sampled_from(["disputed", "retracted", "asserted"])),
            "standalone": True,
        }
        for i in range(count)
    ]
    links = [
        {
            "id": f"l{n}",
            "from": [f"c{draw(st.integers(0, count - 1))}"],
            "to": f"c{draw(st.integers(0, count - 1))}",
            "relation": draw(st.sampled_from(["supports", "opposes"])),
            "scheme": draw(texts),
            "warrant": draw(texts),
        }
        for n in range(draw(st.integers(0, 2)))
    ]
    links = [link for link in links if link["from"] != [link["to"]]]
    speakers = [{"id": "s", "name": "Ann " + draw(texts), "kind": "person"}]
    return {"speakers": speakers, "claims": claims, "links": links}


def _exported(tmp: Path, data: dict[str, Any]) -> dict[ExportFormat, str] | None:
    """Every export of *data* (None when argmap does not load it cleanly)."""
    (tmp / "claims").mkdir()
    (tmp / "claims/x.yaml").write_text(_yaml_json(data), encoding="utf-8")
    project = open_claims(tmp / "claims", None)
    loads = not any(d.severity.value == "error" for d in project.diagnostics)
    event("loads" if loads else "refused")
    if not loads:
        return None
    # an exporter returns its text whole or in chunks (JSON is streamed)
    outputs = {fmt: writer(project.plain) for fmt, writer in EXPORTERS.items()}
    return {fmt: out if isinstance(out, str) else "".join(out) for fmt, out in outputs.items()}


@PROPERTY
@given(claims_files())
def test_6_any_claims_file_exports_to_well_formed_outputs(
    tmp_path_factory: pytest.TempPathFactory, data: dict[str, Any]
) -> None:
    outputs = _exported(tmp_path_factory.mktemp("export"), data)
    if outputs is None:
        return
    ET.fromstring(outputs[ExportFormat.graphml])
    for fmt in (ExportFormat.json, ExportFormat.aif, ExportFormat.csl_json):
        json.loads(outputs[fmt])
    review = outputs[ExportFormat.claimreview]
    assert "<" not in review
    json.loads(review)
    imported = read_argdown(outputs[ExportFormat.argdown], "x.argdown", "x", lambda name: None)
    assert not imported.failed, [d.format() for d in imported.diagnostics]
    assert len(imported.content.claims) == len(data["claims"])


CLI = settings(PROPERTY, max_examples=max(EXAMPLES // 20, 5))
"""Fewer examples where each starts the Argdown CLI (node) once."""


@CLI
@given(claims_files())
def test_6_the_argdown_cli_parses_any_argdown_export(
    tmp_path_factory: pytest.TempPathFactory, argdown_cli: list[str], data: dict[str, Any]
) -> None:
    tmp = tmp_path_factory.mktemp("cli")
    outputs = _exported(tmp, data)
    if outputs is None:
        return
    (tmp / "x.argdown").write_text(outputs[ExportFormat.argdown], encoding="utf-8")
    proc = subprocess.run(
        [*argdown_cli, "json", "x.argdown", "out"],
        cwd=tmp,
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
    )
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "syntax error" not in (proc.stdout + proc.stderr).lower(), outputs[ExportFormat.argdown]
    parsed = json.loads((tmp / "out/x.json").read_text(encoding="utf-8"))
    claims = {s for s in parsed["statements"] if not s.endswith("(conclusion)")}
    assert claims == {f"x/c{i}" for i in range(len(data["claims"]))}
