"""Importing Argdown: the parse matches `argdown json`, every shared file imports and checks clean."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pytest

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
