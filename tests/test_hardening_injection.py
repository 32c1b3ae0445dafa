"""Issue 21, section 1: text never becomes structure, in what import and export write.

Each case runs the real CLI on hostile text and pins the exit code, the exact
line written or printed, that the output parses with a real reader (argmap's
loader, xml.etree, json, the Argdown CLI), that nothing outside the project
changed, and an end within a generous subprocess timeout.
"""

from __future__ import annotations

import json
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from conftest import run_process, write

HANG = 120
"""Seconds after which a run counts as hung."""

INJECTED = "x\n  - id: injected\n    text: boom"
"""Text that is YAML for a new claim once it follows a comment's line break."""


@pytest.fixture
def outside(project: Path) -> Path:
    """A folder beside the project that no run may touch; the test checks it last."""
    folder = project.parent / f"{project.name}-outside"
    write(folder / "keep.txt", "not argmap's\n")
    return folder


def _untouched(outside: Path) -> None:
    assert sorted(p.name for p in outside.iterdir()) == ["keep.txt"]
    assert (outside / "keep.txt").read_text(encoding="utf-8") == "not argmap's\n"


def _import(source: Path, out: str) -> tuple[str, str]:
    """Import *source* to *out* (exit 0 expected); its text and the check's stdout."""
    imported = run_process("import", str(source), "-o", out, timeout=HANG)
    assert imported.exit_code == 0, imported
    checked = run_process("check", "--no-cache", out, timeout=HANG)
    assert checked.exit_code == 0, checked
    return Path(out).read_text(encoding="utf-8"), checked.stdout + checked.stderr


def test_1_an_argdown_data_value_stays_in_its_comment(project: Path, outside: Path) -> None:
    note = json.dumps(INJECTED)
    write(project / "in.argdown", f"[a]: A text\n  + [b]: B {{note: {note}}}\n")
    text, checked = _import(project / "in.argdown", "claims/in.yaml")
    assert "  # data note: x\\u000a  - id: injected\\u000a    text: boom\n" in text
    assert "\n  - id: injected" not in text
    assert checked == "1 file(s), 2 claim(s): 0 error(s), 0 warning(s)\n"
    _untouched(outside)


def test_1_an_aif_ma_node_text_stays_in_its_comment(project: Path, outside: Path) -> None:
    nodes = [
        {"nodeID": "1", "type": "I", "text": "Taxes should rise."},
        {"nodeID": "2", "type": "I", "text": "Taxes ought to go up."},
        {"nodeID": "3", "type": "MA", "text": f"Default Rephrase {INJECTED}"},
    ]
    edges = [
        {"edgeID": "e1", "fromID": "2", "toID": "3"},
        {"edgeID": "e2", "fromID": "3", "toID": "1"},
    ]
    write(project / "in.json", json.dumps({"nodes": nodes, "edges": edges}))
    text, checked = _import(project / "in.json", "claims/in.yaml")
    assert (
        "  # rephrases taxes-should-rise (AIF MA node 3: Default Rephrase x\\u000a  - id: "
        "injected\\u000a    text: boom)\n"
    ) in text
    assert checked == "1 file(s), 2 claim(s): 0 error(s), 0 warning(s)\n"
    _untouched(outside)


def test_1_esc_and_bel_in_a_kialo_title_keep_the_file_readable(
    project: Path, outside: Path
) -> None:
    title = "Tax\x1b[2J\x07 \u202edebate"
    write(project / "in.txt", f"Discussion Title: {title}\n\n1. Thesis: Taxes should rise.\n")
    text, checked = _import(project / "in.txt", "claims/in.yaml")
    assert "Tax\\u001b[2J\\u0007 \\u202edebate" in text
    assert "\x1b" not in text and "\x07" not in text and "\u202e" not in text.split("\n\n")[0]
    assert checked == "1 file(s), 1 claim(s): 0 error(s), 0 warning(s)\n"
    _untouched(outside)


def test_1_a_file_name_with_esc_bel_and_rlo_is_one_escaped_comment_line(
    project: Path, outside: Path
) -> None:
    source = write(project / "x\x1by\x07z\u202e.argdown", "[a]: A\n  + [b]: B\n")
    text, checked = _import(source, "claims/o.yaml")
    assert text.startswith("# Imported from the Argdown file x\\u001by\\u0007z\\u202e.argdown:\n")
    assert checked == "1 file(s), 2 claim(s): 0 error(s), 0 warning(s)\n"
    _untouched(outside)


HOSTILE = """\
speakers:
  - id: s
    name: "Bob\\u2028Smith\\x85Jr\\u2029 \\v\\x01\\e\\uFFFE\\uFFFF"
    kind: person
claims:
  - id: a
    text: "A claim\\u2028with [evil]: text \\v\\x01\\e\\uFFFE\\uFFFF </script><script>x()</script>"
    type: fact
    status: disputed
    speakers: [s]
    tags: ["t1\\n[evil]: injected\\n  + [x]", "p) #(q", "d {e: 1}", "@include(/etc/hosts)"]
  - id: b
    text: B
    type: fact
links:
  - id: l1
    from: [a]
    to: b
    relation: supports
    scheme: "modus -- ponens -- tollens"
    warrant: "w {x: 1}\\n[evil2]: more @include(/etc/passwd)"
"""


def _export(fmt: str, out: str) -> str:
    result = run_process("export", "claims", "--format", fmt, "-o", out, timeout=HANG)
    assert result.exit_code == 0, result
    return Path(out).read_text(encoding="utf-8")


def test_1_graphml_drops_what_xml_forbids(project: Path, outside: Path) -> None:
    write(project / "claims/x.yaml", HOSTILE)
    graph = ET.fromstring(_export("graphml", "out.graphml"))
    ns = {"g": "http://graphml.graphdrawing.org/xmlns"}
    labels = [d.text for d in graph.iterfind(".//g:data[@key='d2']", ns)]
    assert labels[0] == ("A claim\u2028with [evil]: text  </script><script>x()</script>")
    _untouched(outside)


def test_1_claimreview_never_holds_a_raw_script_end(project: Path, outside: Path) -> None:
    write(project / "claims/x.yaml", HOSTILE)
    text = _export("claimreview", "out.jsonld")
    assert "</script" not in text.lower() and "<" not in text
    review = json.loads(text)["@graph"][0]
    assert review["claimReviewed"].endswith("</script><script>x()</script>")
    _untouched(outside)


def test_1_argdown_export_of_hostile_text_parses_and_smuggles_nothing(
    project: Path, outside: Path, argdown_cli: list[str]
) -> None:
    write(project / "claims/x.yaml", HOSTILE)
    text = _export("argdown", "out.argdown")
    assert not [line for line in text.splitlines() if line.startswith(("[evil", "  + [x]"))]
    proc = subprocess.run(
        [*argdown_cli, "json", "out.argdown", "parsed"],
        capture_output=True,
        text=True,
        check=False,
        timeout=HANG,
    )
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "syntax error" not in (proc.stdout + proc.stderr).lower()
    parsed = json.loads(Path("parsed/out.json").read_text(encoding="utf-8"))
    assert sorted(parsed["statements"]) == ["x/a", "x/b"]
    assert sorted(parsed["arguments"]) == ["x/l1"]
    member = parsed["statements"]["x/a"]["members"][0]
    assert member["tags"] == [
        "t1 [evil]: injected + [x]", "p- #-q", "d {e: 1}", "@include-/etc/hosts-"
    ]  # fmt: skip
    assert member["data"]["speakers"] == ["Bob\u2028Smith\x85Jr\u2029 \x0b\x01\x1b\ufffe\uffff"]
    rules = parsed["arguments"]["x/l1"]["pcs"][-1]["inference"]["inferenceRules"]
    assert rules == ["modus -- ponens -- tollens"]
    back = run_process("import", "out.argdown", "-o", "claims/back.yaml", timeout=HANG)
    assert back.exit_code == 0, back
    written = Path("claims/back.yaml").read_text(encoding="utf-8")
    assert "    scheme: modus -- ponens -- tollens\n" in written
    assert "    warrant: 'w {x: 1} [evil2]: more @include(/etc/passwd)'\n" in written
    assert "id: evil" not in written
    _untouched(outside)


def test_1_a_commentary_named_with_esc_bel_and_rlo_drafts_a_readable_file(
    project: Path, outside: Path
) -> None:
    source = write(project / "x\x1by\x07z\u202e.txt", "The government said the tax will rise.\n")
    result = run_process("ingest", str(source), "-o", "claims/o.yaml", timeout=HANG)
    assert result.exit_code == 0, result
    text = (project / "claims/o.yaml").read_text(encoding="utf-8")
    assert text.startswith(
        "# Drafted by `argmap ingest` from x\\u001by\\u0007z\\u202e.txt. Every claim is a draft:\n"
    )
    checked = run_process("check", "claims", timeout=HANG)
    assert checked.exit_code == 0, checked
    assert checked.stderr.endswith("1 file(s), 1 claim(s): 0 error(s), 1 warning(s)\n"), checked
    _untouched(outside)
