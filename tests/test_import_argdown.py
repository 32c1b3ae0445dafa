"""Importing Argdown: the parse matches `argdown json`, every shared file imports and checks clean."""

from __future__ import annotations

import json
import re
import subprocess
from collections import Counter
from pathlib import Path
from typing import Any

import pytest
import yaml

from argmap.formats.argdown.read import parse_argdown
from conftest import import_and_check, interop, run_process

# Claims and links (shorthand and explicit) argmap writes for each file, derived by
# reading it: claims = statements (equivalence classes) + arguments without a
# premise-conclusion structure; links = one per inference step of each reconstructed
# argument + one per relation, two for each contradictory relation (opposes both ways).
FIGURES = {
    # 17 statements + 3 sketched arguments (<Argument 1> is reconstructed);
    # 1 inference + 5 supports + 5 attacks.
    "argdown-primer.argdown": (20, 11),
    # 36 statements + <No bubbles…> and <Harmless bubbles…>; 5 inference steps in 4
    # reconstructions + 4 supports + the one `><` read both ways.
    "greenspan-schefczyk_hardwrap.argdown": (38, 11),
    # the 6 plain lines of the main file and its two partials; no relations.
    "include-test.argdown": (6, 0),
    # 12 statements + 4 sketched arguments; 1 inference + 7 relations.
    "intro.argdown": (16, 8),
    # arguments A, B, C, D as claims; 3 attacks.
    "kellenff-mcp_dung_reinstatement-4chain.argdown": (4, 3),
    # arguments A, B, C; 3 attacks in a circle (an opposition cycle is no support cycle).
    "kellenff-mcp_dung_three-cycle.argdown": (3, 3),
    # 8 statements + <Argument> and <Counter>; 1 inference + 2 supports + 1 attack +
    # `>< [Contradiction]` both ways.
    "kellenff-mcp_fuzz_features.argdown": (10, 6),
    # the thesis + 17 arguments; 9 supports + 8 attacks + 2 undercuts (each of an
    # argument with one outgoing inference).
    "legalisation-softdrugs.argdown": (18, 19),
    # 10 statements + <Argument 2>, <Argument 3>; 1 + 3 inference steps + 3 relations.
    "parser-arguments.argdown": (12, 7),
    # 29 statements (list items too); 2 inferences + 15 relations.
    "parser-mix.argdown": (29, 17),
    # 28 statements, every argument reconstructed; 10 inference steps + 4 attacks.
    "state-censorship.argdown": (28, 14),
    # 25 statements + 22 sketched arguments; 35 supports + 23 attacks.
    "veggie_debate.argdown": (47, 58),
    # the partials alone: 4 lines each, the include back into the other skipped.
    "_partial1.argdown": (4, 0),
    "_partial2.argdown": (4, 0),
}


def _parse(path: Path) -> tuple[object, list[str]]:
    def read_include(name: str) -> tuple[str, str] | None:
        found = path.parent / name
        return (found.name, found.read_text(encoding="utf-8")) if found.exists() else None

    doc, diagnostics = parse_argdown(path.read_text(encoding="utf-8"), path.name, read_include)
    return doc, [d.format() for d in diagnostics]


def _kinds(relations: list[tuple[str, str, str]]) -> Counter[tuple[str, str, str]]:
    return Counter(relations)


REFERENCE_FILES = sorted(
    name.removesuffix("-cli.json")
    for name in [
        "argdown-primer.argdown-cli.json",
        "greenspan-schefczyk_hardwrap.argdown-cli.json",
        "include-test.argdown-cli.json",
        "intro.argdown-cli.json",
        "kellenff-mcp_dung_reinstatement-4chain.argdown-cli.json",
        "kellenff-mcp_dung_three-cycle.argdown-cli.json",
        "kellenff-mcp_fuzz_features.argdown-cli.json",
        "legalisation-softdrugs.argdown-cli.json",
        "parser-arguments.argdown-cli.json",
        "parser-mix.argdown-cli.json",
        "state-censorship.argdown-cli.json",
        "veggie_debate.argdown-cli.json",
    ]
)


@pytest.mark.parametrize("name", REFERENCE_FILES)
def test_parse_matches_the_reference_cli(name: str) -> None:
    """Counts and kinds of statements, arguments and relations equal `argdown json`'s.

    Differences that remain, by design, and are not compared: texts (we drop tags and
    Markdown markers from statement text, Argdown keeps tags unless told
    `removeTagsFromText`), the numbering of "Untitled N" titles (we number in reading
    order, Argdown when a statement's relations begin), section colours and layout
    data. No file differs in any count or kind compared here.
    """
    folder = interop("argdown")
    reference = json.loads((folder / f"{name}-cli.json").read_text(encoding="utf-8"))
    doc, diagnostics = _parse(folder / name)
    assert not [d for d in diagnostics if ": error:" in d]
    assert len(doc.statements) == len(reference["statements"])  # type: ignore[attr-defined]
    assert len(doc.arguments) == len(reference["arguments"])  # type: ignore[attr-defined]
    kind = {"equivalence-class": "statement", "argument": "argument", "inference": "inference"}
    theirs = [
        (r["relationType"], kind[r["fromType"]], kind[r["toType"]]) for r in reference["relations"]
    ]
    ours = [(r.type, r.source[0], r.target[0]) for r in doc.relations]  # type: ignore[attr-defined]
    assert _kinds(ours) == _kinds(theirs)
    reconstructed = {t for t, a in reference["arguments"].items() if a.get("pcs")}
    assert {t for t, a in doc.arguments.items() if a.pcs} == reconstructed  # type: ignore[attr-defined]
    roles = Counter(p["role"] for a in reference["arguments"].values() for p in a.get("pcs", []))
    ours_roles = Counter(s.role for a in doc.arguments.values() for s in a.pcs)  # type: ignore[attr-defined]
    assert ours_roles == roles


@pytest.mark.parametrize("name", sorted(FIGURES))
def test_every_shared_file_imports_and_checks_clean(name: str, tmp_path: Path) -> None:
    folder = interop("argdown")
    dest = tmp_path / "claims" / f"{Path(name).stem.lstrip('_')}.yaml"
    imported, checked = import_and_check(folder / name, dest)
    assert imported.exit_code == 0, imported
    assert "Traceback" not in imported.stderr
    assert checked.exit_code == 0, checked
    assert "0 error(s), 0 warning(s)" in checked.stderr, checked
    claims, links = FIGURES[name]
    assert f": {claims} claim(s), {links} link(s) -> " in imported.stderr, imported


def test_invalid_demo_gives_the_reference_cli_errors(tmp_path: Path) -> None:
    # The Argdown CLI reports the same two places: 10:8 and 19:1.
    folder = interop("argdown")
    result = run_process("import", str(folder / "demo.argdown"), "-o", str(tmp_path / "x.yaml"))
    assert result.exit_code == 1, result
    shown = str(folder / "demo.argdown")
    lines = result.stderr.splitlines()
    assert lines[0] == (
        f"{shown}:10:8: error: '><' (contradiction) relates statements; <A4> is an argument"
        " [import-syntax]"
    )
    assert lines[1] == (
        f"{shown}:19:1: error: expected a numbered statement such as '(2) …' here [import-syntax]"
    )
    assert lines[-1] == f"argmap: error: 2 error(s) in {shown}; nothing written"
    assert not (tmp_path / "x.yaml").exists()


def test_include_cycle_is_skipped_with_a_warning() -> None:
    folder = interop("argdown")
    doc, diagnostics = _parse(folder / "include-test.argdown")
    assert diagnostics[0] == (
        "_partial2.argdown:3:1: warning: '_partial2.argdown' includes '_partial1.argdown', "
        "which is already being included; skipped [include-cycle]\n"
        "  hint: the Argdown CLI skips it too; remove the include to silence this"
    )
    texts = [s.text for s in doc.statements.values()]  # type: ignore[attr-defined]
    assert texts == [
        "First line of main file",
        "First line of partial1",
        "First line of partial2",
        "Second line pof partial2",
        "Second line of partial1",
        "Second line of main file",
    ]


def _tsv_files() -> list[str]:
    """The Argdown repository's test and example files listed in SOURCES.tsv (without a
    stored `argdown json`): the tests below run the CLI on each."""
    path = Path(__file__).resolve().parents[2] / "shared" / "interop" / "argdown" / "SOURCES.tsv"
    if not path.exists():
        return []
    names = [line.split("\t", 1)[0] for line in path.read_text(encoding="utf-8").splitlines()]
    return sorted(n for n in names if n.startswith(("cli-test_", "core-test_")))


TEST_FILES = _tsv_files()


def _reference(argdown_cli: list[str], path: Path, out: Path) -> dict[str, Any] | None:
    """What `argdown json` makes of *path*, or None when the CLI refuses it."""
    proc = subprocess.run(
        [*argdown_cli, "json", str(path), str(out)],
        capture_output=True,
        text=True,
        check=False,
        timeout=300,
    )
    made = out / f"{path.stem}.json"
    if proc.returncode != 0 or not made.exists():
        return None
    return dict(json.loads(made.read_text(encoding="utf-8")))


def _expected(reference: dict[str, Any]) -> tuple[int, int]:
    """Claims and links argmap writes for a parse: statements and sketched arguments are
    claims; each inference step, each relation, and the reverse of each contradiction are
    links (the mapping FIGURES spell out file by file)."""
    arguments = reference["arguments"].values()
    claims = len(reference["statements"]) + sum(1 for a in arguments if not a.get("pcs"))
    steps = sum(sum(1 for s in a.get("pcs", []) if s["role"] != "premise") for a in arguments)
    relations = reference["relations"]
    contradictions = sum(1 for r in relations if r["relationType"] == "contradictory")
    return claims, steps + len(relations) + contradictions


@pytest.mark.parametrize("name", TEST_FILES)
def test_each_test_file_matches_the_cli_or_is_refused_where_it_is(
    name: str, tmp_path: Path, argdown_cli: list[str]
) -> None:
    path = interop("argdown") / name
    reference = _reference(argdown_cli, path, tmp_path / "ref")
    dest = tmp_path / "claims" / "x.yaml"
    imported, checked = import_and_check(path, dest)
    if reference is None:  # a lexer test the Argdown CLI refuses: a located error here too
        assert imported.exit_code == 1, imported
        first = imported.stderr.splitlines()[0]
        assert re.match(rf"^{re.escape(str(path))}:\d+:\d+: error: .+ \[import-syntax\]$", first)
        assert not dest.exists()
        return
    assert imported.exit_code == 0, imported
    assert "0 error(s), 0 warning(s)" in checked.stderr, checked
    doc, diagnostics = _parse(path)
    assert not [d for d in diagnostics if ": error:" in d]
    _same_parse(doc, reference)
    claims, links = _expected(reference)
    assert f": {claims} claim(s), {links} link(s) -> " in imported.stderr, imported


def test_the_expected_counts_agree_with_the_figures_read_by_hand() -> None:
    folder = interop("argdown")
    for name in REFERENCE_FILES:
        reference = json.loads((folder / f"{name}-cli.json").read_text(encoding="utf-8"))
        assert _expected(reference) == FIGURES[name], name


def _same_parse(doc: Any, reference: dict[str, Any]) -> None:
    """Statements, arguments, relation kinds and pcs roles as `argdown json` has them."""
    assert len(doc.statements) == len(reference["statements"])
    assert len(doc.arguments) == len(reference["arguments"])
    kind = {"equivalence-class": "statement", "argument": "argument", "inference": "inference"}
    theirs = [
        (r["relationType"], kind[r["fromType"]], kind[r["toType"]]) for r in reference["relations"]
    ]
    assert Counter((r.type, r.source[0], r.target[0]) for r in doc.relations) == Counter(theirs)
    roles = Counter(p["role"] for a in reference["arguments"].values() for p in a.get("pcs", []))
    assert Counter(s.role for a in doc.arguments.values() for s in a.pcs) == roles


TEXTS = """\
# A long heading
that goes on

[S]: Issue \\#42 is fixed \\*now\\*, .A. x .E. y and p .->. q.
  <+ <A>

<A>

(1) [P]: p
(2) [Q]: q
(3) [U]: unused
----
(4) [S] {uses: [1, 2]}
"""


def test_argdown_text_reads_as_the_cli_reads_it(tmp_path: Path, argdown_cli: list[str]) -> None:
    path = tmp_path / "texts.argdown"
    path.write_text(TEXTS, encoding="utf-8")
    reference = _reference(argdown_cli, path, tmp_path / "ref")
    assert reference is not None
    doc, diagnostics = _parse(path)
    assert diagnostics == []
    _same_parse(doc, reference)  # the idiom `[S] <+ <A>`, <A> concluding [S]: no relation
    assert reference["relations"] == [] and doc.relations == []
    theirs = {t: s["members"][0]["text"] for t, s in reference["statements"].items()}
    assert theirs["S"] == "Issue #42 is fixed *now*, ∀ x ∃ y and p → q."
    assert {t: s.members[0].text for t, s in doc.statements.items()} == theirs
    assert [s["title"] for s in reference["sections"]] == ["A long heading that goes on"]
    assert [s.title for s in doc.sections] == ["A long heading that goes on"]
    dest = tmp_path / "claims" / "texts.yaml"
    imported, checked = import_and_check(path, dest)
    assert imported.exit_code == 0, imported
    assert "0 error(s), 0 warning(s)" in checked.stderr, checked
    written = yaml.safe_load(dest.read_text(encoding="utf-8"))
    claims = {c["id"]: c for c in written["claims"]}
    assert claims["s"]["text"] == "Issue #42 is fixed *now*, ∀ x ∃ y and p → q."
    (link,) = written["links"]
    assert (link["from"], link["to"]) == (["p", "q"], "s")  # {uses: [1, 2]}: not [U]
