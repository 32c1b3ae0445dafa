"""Importing AIF and xAIF: every shared file, the dialogue layer, and the derived 6064 map."""

from __future__ import annotations

from pathlib import Path

import pytest

from argmap.formats.aif.read import read_aif
from argmap.formats.imported import Imported
from conftest import import_and_check, interop

# Claims and links for each file, derived by reading it: claims = I-nodes; links = one
# per conclusion of each RA and CA node. MA nodes are comments, not links.
FIGURES = {
    # 14 I-nodes; RA 697915, 697933, 697947, 697960 and CA 697917.
    "aifdb_nodeset21145_hansard_pensions.json": (
        14,
        5,
        ["Lynda Chalker", "Paul Dean", "Unknown Buchan"],
    ),
    # 9 I-nodes; 5 RA; the 3 MA "Default Rephrase" bridges are comments; no L-nodes.
    "aifdb_nodeset6064_argument_only_DERIVED.json": (9, 5, []),
    # 9 I-nodes; 5 RA; speakers from the "CL :" and "NL :" L-node prefixes.
    "aifdb_nodeset6064_moralmaze_empire.json": (9, 5, ["CL", "NL"]),
    # 4 I-nodes; one RA (two co-premises) and one CA.
    "araucaria_nodeset59_hunger_pds.json": (4, 2, []),
    # 11 I-nodes; RA 52 and RA 98 (six co-premises); 3 MA as comments.
    "qt30_dialam2024_test_map10_wales_nhs.json": (11, 2, ["David Davies"]),
    # 4 I-nodes; RA 15, 16, 18 and CA 17; "|Wilma: Why" names Wilma over participant Bob.
    "xaif_ova3_toy_dialogue.json": (4, 4, ["Bob", "Wilma"]),
}


def _read(name: str) -> Imported:
    path = interop("aif") / name
    return read_aif(path.read_bytes(), name, path.stem)


@pytest.mark.parametrize("name", sorted(FIGURES))
def test_every_shared_file_imports_and_checks_clean(name: str, tmp_path: Path) -> None:
    dest = tmp_path / "claims" / "map.yaml"
    imported, checked = import_and_check(interop("aif") / name, dest)
    assert imported.exit_code == 0, imported
    assert checked.exit_code == 0, checked
    assert "0 error(s), 0 warning(s)" in checked.stderr, checked
    claims, links, speakers = FIGURES[name]
    assert f": {claims} claim(s), {links} link(s) -> " in imported.stderr, imported
    assert sorted(s.name for s in _read(name).content.speakers) == speakers


def _structure(imported: Imported) -> tuple[list[str], list[tuple[tuple[str, ...], str, str]]]:
    content = imported.content
    text = {c.id: c.text for c in content.claims}
    links = sorted(
        (tuple(sorted(text[p] for p in link.from_)), link.relation.value, text[link.to])
        for link in content.links
    )
    return sorted(text.values()), links


def test_derived_6064_gives_the_same_claims_and_relations_as_the_original() -> None:
    original = _read("aifdb_nodeset6064_moralmaze_empire.json")
    derived = _read("aifdb_nodeset6064_argument_only_DERIVED.json")
    assert _structure(original) == _structure(derived)
    assert len(_structure(original)[1]) == 5
    # the derived file keeps the locutions but not their L-nodes: said once, as a warning
    assert [d.format().splitlines()[0] for d in derived.diagnostics] == [
        "aifdb_nodeset6064_argument_only_DERIVED.json#/locutions/0: warning: 9 locution(s) "
        "name nodes the file lacks (e.g. 29056) [not-imported]"
    ]


def test_dialogue_layer_gives_speakers_quotes_schemes_and_link_speakers() -> None:
    content = _read("aifdb_nodeset21145_hansard_pensions.json").content
    names = {s.id: s.name for s in content.speakers}
    claim = next(c for c in content.claims if c.text.startswith("the local office will"))
    assert [names[s] for s in claim.speakers] == ["Lynda Chalker"]
    assert claim.citations[0].quote is not None
    assert claim.citations[0].quote.startswith("the local office will be able to help")
    assert claim.citations[0].locator == "L-node 697897"
    conflict = next(link for link in content.links if link.relation.value == "opposes")
    assert conflict.scheme == "Default Conflict"
    assert [names[s] for s in conflict.speakers] == ["Unknown Buchan"]


def test_xaif_text_offsets_become_locators() -> None:
    content = _read("xaif_ova3_toy_dialogue.json").content
    why = next(c for c in content.claims if c.text == "Why")
    assert why.citations[0].locator == "characters 37-40"
    assert why.citations[0].quote == "Why"


def test_ma_rephrase_is_a_comment_on_the_rephrasing_claim(tmp_path: Path) -> None:
    dest = tmp_path / "claims" / "qt30.yaml"
    imported, _ = import_and_check(
        interop("aif") / "qt30_dialam2024_test_map10_wales_nhs.json", dest
    )
    assert imported.exit_code == 0, imported
    text = dest.read_text(encoding="utf-8")
    assert "  # rephrases labour-is-even-trying-to-ban-meal-deals-at-3-50 (AIF MA node" in text
