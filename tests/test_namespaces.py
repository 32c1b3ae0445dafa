"""Many commentaries in one claims/ folder: file-scoped ids, shared files, qualified refs."""

from __future__ import annotations

import json
from pathlib import Path

from conftest import run_cli, write

COMMENTARY = """\
document: commentary
sources:
  - id: commentary
    title: {title}
    authors: [author]
    text_file: {text_file}
  - id: fn-1
    title: {title} footnote 1
speakers:
  - id: author
    name: {author}
    kind: author
claims:
  - id: a
    text: {title} says A.
    type: fact
    citations:
      - source: commentary
        quote: {quote}
      - source: fn-1
  - id: b
    text: {title} says B.
    type: fact
    supports: [a]
"""


def _two_commentaries(project: Path) -> None:
    write(project / "claims/one.txt", "The first text says alpha.\n")
    write(project / "claims/two.txt", "The second text says beta.\n")
    for name, author, quote in (("one", "Ann", "says alpha"), ("two", "Bo", "says beta")):
        text = COMMENTARY.format(
            title=name.title(), author=author, text_file=f"{name}.txt", quote=quote
        )
        write(project / f"claims/{name}.yaml", text)


def test_two_commentaries_with_the_same_short_ids_check_clean(project: Path) -> None:
    _two_commentaries(project)
    result = run_cli("check", "--strict")
    assert result.stdout == "", result
    assert result.stderr == "2 file(s), 4 claim(s): 0 error(s), 0 warning(s)\n"
    data = json.loads(run_cli("export").stdout)
    assert [c["id"] for c in data["claims"]] == ["one/a", "one/b", "two/a", "two/b"]
    two_a = data["claims"][2]
    assert two_a["speakers"] == ["two/author"]
    assert [c["source"] for c in two_a["citations"]] == ["two/commentary", "two/fn-1"]
    assert two_a["document"] == "two/commentary" and two_a["namespace"] == "two"
    assert [link["id"] for link in data["links"]] == ["one/b--supports--a", "two/b--supports--a"]


def test_a_duplicate_is_reported_first_and_hides_the_errors_it_causes(project: Path) -> None:
    write(project / "claims/one.txt", "The first text says alpha.\n")
    write(project / "claims/other.txt", "Another text.\n")
    text = COMMENTARY.format(title="One", author="Ann", text_file="one.txt", quote="says alpha")
    text = text.replace(
        "speakers:", "  - id: commentary\n    title: Again\n    text_file: other.txt\nspeakers:"
    )
    write(project / "claims/one.yaml", text)
    result = run_cli("check")
    assert result.stdout.splitlines()[:2] == [
        "claims/one.yaml:9:9: error: source id 'commentary' is defined twice in namespace 'one' "
        "[duplicate-id]",
        "  note: first defined at claims/one.yaml:3:9",
    ], result
    assert "quote-not-found" not in result.stdout
    assert result.exit_code == 1


def test_bare_refs_reach_shared_files_and_qualified_refs_reach_any_file(project: Path) -> None:
    _two_commentaries(project)
    write(
        project / "claims/_common.yaml",
        "speakers:\n  - id: finer\n    name: Jon Finer\n    perspective: us\n"
        "perspectives:\n  - id: us\n    name: United States\n"
        "questions:\n  - id: q\n    text: Do sanctions work?\n",
    )
    write(
        project / "claims/three.yaml",
        "document: doc\nsources:\n  - id: doc\n    title: Three\n"
        "claims:\n  - id: c\n    text: C.\n    type: fact\n    speakers: [finer]\n"
        "    questions: [q]\n    opposes: [one/a]\n",
    )
    result = run_cli("check", "--strict")
    assert result.exit_code == 0, result
    data = json.loads(run_cli("export").stdout)
    c = next(claim for claim in data["claims"] if claim["id"] == "three/c")
    assert c["speakers"] == ["_common/finer"] and c["questions"] == ["_common/q"]
    link = next(lk for lk in data["links"] if lk["from"] == ["three/c"])
    assert link["to"] == "one/a" and link["relation"] == "opposes"


def test_a_bare_ref_to_another_commentary_asks_for_the_qualified_id(project: Path) -> None:
    _two_commentaries(project)
    write(
        project / "claims/three.yaml",
        "claims:\n  - id: c\n    text: C.\n    type: fact\n    supports: [b]\n"
        "  - id: d\n    text: D.\n    type: fact\n    opposes: [c]\n",
    )
    result = run_cli("check")
    assert result.stdout == (
        "claims/three.yaml:5:16: error: unknown claim or link 'b' [unknown-ref]\n"
        "  hint: 'b' is declared in another file; write it qualified, as 'one/b' (or 'two/b')\n"
    ), result


def test_the_audit_has_three_tiers_and_counts_what_it_covers(project: Path) -> None:
    write(
        project / "claims/x.yaml",
        "document: doc\nsources:\n  - id: doc\n    title: Doc\n  - id: fn\n    title: Footnote\n"
        "claims:\n"
        "  - id: own\n    text: Own.\n    type: fact\n    supports: [para]\n"
        "    citations: [{source: fn, locator: fn 1}]\n"
        "  - id: para\n    text: Para.\n    type: fact\n"
        "    citations: [{source: fn, locator: fn 1, scope: paragraph}]\n"
        "  - id: bare\n    text: Bare.\n    type: fact\n    opposes: [para]\n"
        "  - id: gone\n    text: Gone.\n    type: fact\n    status: retracted\n    standalone: true\n",
    )
    write(project / "claims/y.yaml", "claims:\n  - id: z\n    text: Z.\n    type: fact\n")
    result = run_cli("audit", "claims/x.yaml", "--fail-on", "unsourced")
    assert result.stdout.splitlines()[:2] == [
        "Audit of 3 claim(s), plus 1 withdrawn (retracted or superseded) in 1 file(s): "
        "claims/x.yaml",
        "Sourcing coverage: 66.7% (1 sourced, 1 paragraph-sourced, 1 unsourced)",
    ], result
    assert "Paragraph-sourced claims (1):\n  x/para  — (no speaker)\n" in result.stdout
    assert "Withdrawn claims, not counted (1):\n  x/gone  [retracted]\n" in result.stdout
    assert result.exit_code == 1 and result.stderr == "argmap: 1 unsourced claim(s)\n"
    report = json.loads(run_cli("audit", "claims/x.yaml", "--format", "json").stdout)
    assert [c["id"] for c in report["paragraph_sourced"]] == ["x/para"]
    assert report["claims"] == 3 and report["sourced"] == 1


def test_paragraph_sourced_claims_do_not_fail_the_unsourced_gate(project: Path) -> None:
    write(
        project / "claims/x.yaml",
        "document: doc\nsources:\n  - id: doc\n    title: Doc\n  - id: fn\n    title: Footnote\n"
        "claims:\n  - id: para\n    text: Para.\n    type: fact\n    standalone: true\n"
        "    citations: [{source: fn, locator: fn 1, scope: paragraph}]\n",
    )
    result = run_cli("audit", "--fail-on", "unsourced")
    assert result.exit_code == 0, result
    assert "(0 sourced, 1 paragraph-sourced, 0 unsourced)" in result.stdout
    assert run_cli("show", "para").stdout.startswith("x/para (fact)  [paragraph-sourced]\n")
