"""Argdown out and in again keeps sourcing; sources an Argdown file names stay distinct.

argmap's Argdown export names the document each file maps in its front matter
(`argmap: {documents: [...]}`) and writes a citation's `scope: paragraph`, so an
import of it gives every claim the sourcing tier it had. Sources are told apart by
their whole title, and a merge of two differing citations is a located warning.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml

from conftest import REPO, run_process

BUNDLED = sorted((REPO / "claims").glob("*.yaml"))


def _tiers(path: Path) -> dict[str, str]:
    listed = run_process("list", "claims", str(path), "--format", "json", "--no-cache")
    assert listed.exit_code == 0, listed
    return {row["id"].rsplit("/", 1)[-1]: row["sourcing"] for row in json.loads(listed.stdout)}


@pytest.mark.parametrize("bundled", BUNDLED, ids=lambda p: p.stem)
def test_export_and_import_keep_every_tier_and_scope(bundled: Path, tmp_path: Path) -> None:
    argdown = tmp_path / f"{bundled.stem}.argdown"
    exported = run_process("export", str(bundled), "--format", "argdown", "-o", str(argdown))
    assert exported.exit_code == 0, exported
    dest = tmp_path / "claims" / f"{bundled.stem}.yaml"
    imported = run_process("import", str(argdown), "-o", str(dest))
    assert imported.exit_code == 0, imported
    assert ": warning:" not in imported.stderr, imported
    before, after = _tiers(bundled), _tiers(dest)
    assert after == before
    assert set(before.values()) >= {"sourced", "unsourced"}
    assert _scopes(dest) == _scopes(bundled)
    assert "paragraph" in {s for scopes in _scopes(bundled).values() for s in scopes} or (
        bundled.stem != "us-sanctions-on-pakistan"
    )


def _scopes(path: Path) -> dict[str, list[str]]:
    """Each claim's citations' scopes, by bare id."""
    claims = yaml.safe_load(path.read_text(encoding="utf-8"))["claims"]
    return {c["id"]: [x.get("scope", "sentence") for x in c.get("citations", [])] for c in claims}


def test_a_corpus_of_two_documents_says_what_one_file_cannot_keep(tmp_path: Path) -> None:
    argdown = tmp_path / "both.argdown"
    assert run_process("export", str(REPO / "claims"), "--format", "argdown", "-o", str(argdown))
    imported = run_process("import", str(argdown), "-o", str(tmp_path / "both.yaml"))
    assert imported.exit_code == 0, imported
    assert imported.stderr.splitlines()[:2] == [
        f"{argdown}:1:1: warning: the front matter names further documents ('US sanctions on "
        "Pakistan (commentary)'); a claims file maps one, 'Testing the Limits: Expanding the "
        "Reach of UK Sanctions', so citations of the others count as outside sources "
        "[not-imported]",
        "  hint: export and import one claims file at a time to keep every document",
    ]


SOURCES = """\
[a]: The 2019 review found gaps. {"source": "Strategic Defence and Security Review of the United Kingdom 2019"}

[b]: The 2020 review closed them. {"source": "Strategic Defence and Security Review of the United Kingdom 2020"}
  -> [a]

[c]: The 2019 review was online. {"source": "Strategic Defence and Security Review of the United Kingdom 2019", "url": "https://example.org/2019"}
  +> [a]
"""


def test_sources_sharing_their_first_words_stay_apart(tmp_path: Path) -> None:
    path = tmp_path / "reviews.argdown"
    path.write_text(SOURCES, encoding="utf-8")
    dest = tmp_path / "claims" / "reviews.yaml"
    imported = run_process("import", str(path), "-o", str(dest))
    assert imported.exit_code == 0, imported
    data = yaml.safe_load(dest.read_text())
    titles = {s["id"]: (s.get("title"), s.get("url")) for s in data["sources"][1:]}
    assert sorted(titles.values()) == [
        (
            "Strategic Defence and Security Review of the United Kingdom 2019",
            "https://example.org/2019",
        ),
        ("Strategic Defence and Security Review of the United Kingdom 2020", None),
    ]
    cited = {c["id"]: c["citations"][0]["source"] for c in data["claims"]}
    assert cited["a"] == cited["c"] != cited["b"]
    assert imported.stderr.splitlines()[:2] == [
        f"{path}:6:1: warning: source 'Strategic Defence and Security Review of the United "
        "Kingdom 2019' is cited with the url https://example.org/2019 here and without one "
        "before; taken as one source [merged-source]",
        "  hint: if they are two documents, give each its own title",
    ]
    checked = run_process("check", "--no-cache", str(dest))
    assert checked.exit_code == 0, checked
