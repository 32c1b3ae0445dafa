"""Importing Kialo exports: both layouts, cross-links, sources, and `(citation needed)`."""

from __future__ import annotations

from pathlib import Path

import pytest

from argmap.formats.kialo.read import read_kialo
from conftest import import_and_check, interop, run_process

# Claims and links for each file, derived by reading it: one claim per numbered entry
# except `-> See` entries; one link per entry but the thesis (a See entry links the claim
# it names); sources are the distinct urls plus the discussion itself.
FIGURES = {
    # 43 entries, 1.7.2.1 is "-> See 1.7.1.1.1."; [1] and [2] are the same url.
    "kialo_new_30667_child_owes_parents.txt": (42, 42, 11),
    # 18 entries, no cross-link; 3 sources listed.
    "kialo_new_40079_family_unit.txt": (18, 17, 4),
    # 31 entries; [1], [2], [3] share one url; 4 "(citation needed)".
    "kialo_new_63741_genai_assignments.txt": (31, 30, 6),
    # old layout: 106 entries, 1.6.4 is "-> See 1.2.2."; 7 inline Markdown links.
    "kialo_old_6148_hate_speech_illegal.txt": (105, 105, 8),
    # a "Question:" discussion: 138 entries, the question is no claim; its 14 theses
    # answer it and link to nothing (137 - 14 links); 33 urls.
    "kialo_new_14121_overpopulation_question.txt": (137, 123, 34),
    # 131 entries, 6 "-> See"; a Sources block with excerpts below each url; 54 urls.
    "kialo_new_34088_work_for_money_excerpts.txt": (125, 130, 55),
    # 58 entries, 1 "-> See"; excerpts again; 17 urls.
    "kialo_new_61124_free_childcare_excerpts.txt": (57, 57, 18),
}


@pytest.mark.parametrize("name", sorted(FIGURES))
def test_every_shared_file_imports_and_checks_clean(name: str, tmp_path: Path) -> None:
    path = interop("kialo") / name
    dest = tmp_path / "claims" / "debate.yaml"
    imported, checked = import_and_check(path, dest)
    assert imported.exit_code == 0, imported
    assert checked.exit_code == 0, checked
    assert "0 error(s), 0 warning(s)" in checked.stderr, checked
    claims, links, sources = FIGURES[name]
    assert f"(kialo): {claims} claim(s), {links} link(s) -> " in imported.stderr, imported
    content = read_kialo(path.read_text(encoding="utf-8"), name, path.stem).content
    assert len(content.sources) == sources


def test_cross_link_points_at_the_existing_claim() -> None:
    path = interop("kialo") / "kialo_new_30667_child_owes_parents.txt"
    content = read_kialo(path.read_text(encoding="utf-8"), path.name, path.stem).content
    texts = [c.text for c in content.claims]
    assert not any(t.startswith("->") for t in texts)
    uk = next(c for c in content.claims if c.text.startswith("In the UK, if the elderly"))
    other_ways = next(c for c in content.claims if c.text.startswith("There are other ways"))
    assert other_ways.id in uk.supports  # 1.7.2.1 Pro: -> See 1.7.1.1.1.
    assert len(uk.opposes) == 1  # and it still opposes its own parent 1.7.1.1


def test_sources_block_and_markers_become_citations() -> None:
    path = interop("kialo") / "kialo_new_63741_genai_assignments.txt"
    content = read_kialo(path.read_text(encoding="utf-8"), path.name, path.stem).content
    claim = next(c for c in content.claims if c.text.startswith("Generative LLMs can undermine"))
    assert "[5]" not in claim.text and "[6]" not in claim.text
    urls = {s.id: s.url for s in content.sources}
    assert [urls[c.source] for c in claim.citations] == [
        "https://apnews.com/article/artificial-intelligence-hallucination-chatbots-chatgpt-falsehoods-ac4672c5b06e6f91050aa46ee731bcf4",
        "https://en.wikipedia.org/wiki/Hallucination_\\(artificial_intelligence\\)",
        "https://www.scientificamerican.com/article/we-need-to-focus-on-ais-real-harms-not-imaginary-existential-risks/#",
    ]


def test_citation_needed_is_unsourced_tagged_and_audited(tmp_path: Path) -> None:
    dest = tmp_path / "claims" / "genai.yaml"
    imported, _ = import_and_check(interop("kialo") / "kialo_new_63741_genai_assignments.txt", dest)
    assert imported.exit_code == 0, imported
    audit = run_process("audit", "--no-cache", str(dest))
    assert audit.exit_code == 0, audit
    section = audit.stdout.split("Claims marked citation needed (4):\n", 1)[1]
    assert section.splitlines()[:4] == [  # ids qualified by the file's namespace, genai
        "  genai/students-with-learning-disabilities-such-as",
        "  genai/students-learn-less-when-using-assistive",
        "  genai/for-example-digital-calculators-allowed-humans",
        "  genai/even-if-students-can-learn-from-chatbots-they",
    ]
    unsourced = audit.stdout.split("Unsourced claims", 1)[1].split("\n\n", 1)[0]
    assert "  genai/students-learn-less-when-using-assistive  —" in unsourced
    text = dest.read_text(encoding="utf-8")
    assert "(citation needed)" not in text
    assert "    tags: [citation-needed]" in text


def test_old_layout_keeps_escaped_parentheses_as_text() -> None:
    path = interop("kialo") / "kialo_old_6148_hate_speech_illegal.txt"
    content = read_kialo(path.read_text(encoding="utf-8"), path.name, path.stem).content
    trolls = next(c for c in content.claims if c.text.startswith("Modern social media"))
    assert '("Trolls")' in trolls.text and "\\(" not in trolls.text


EXCERPTS = """\
Discussion Name:
Tiny

1. Thesis:
Childcare should be free.[1]

  1.1. Pro:
  Parents lose earnings [2]due to care gaps [1] [2].

  1.2. Con:
  It costs a lot [3].

Sources:
[1] https://example.org/a
"First line of the excerpt,

 and its second paragraph."
[2] https://example.org/b
[3] https://example.org/a
A plain excerpt without quotes.
"""


def test_source_excerpts_become_quotes_and_markers_never_glue_words() -> None:
    content = read_kialo(EXCERPTS, "tiny.txt", "tiny").content
    thesis, pro, con = content.claims
    assert pro.text == "Parents lose earnings due to care gaps."
    assert thesis.text == "Childcare should be free."
    assert con.text == "It costs a lot."
    quote = "First line of the excerpt, and its second paragraph."
    assert [(c.source, c.quote) for c in pro.citations] == [("b", None), ("a", quote)]
    assert [(c.source, c.quote) for c in con.citations] == [
        ("a", "A plain excerpt without quotes.")
    ]
    assert [s.url for s in content.sources[1:]] == [
        "https://example.org/a",
        "https://example.org/b",
    ]


QUESTION = """\
Discussion Name:
How to fix it?

1. Question:
How to fix it?

  1.1. Thesis:
  Fix it with money.

    1.1.1. Con:
    There is no money.

  1.2. Thesis:
  Fix it with time.
"""


def test_a_question_discussion_is_a_question_its_theses_answer(tmp_path: Path) -> None:
    content = read_kialo(QUESTION, "q.txt", "q").content
    assert [(q.id, q.text) for q in content.questions] == [("how-to-fix-it", "How to fix it?")]
    money, no_money, time = content.claims
    assert money.questions == time.questions == ["how-to-fix-it"]
    assert not money.opposes and not money.supports and not time.opposes
    assert no_money.opposes == [money.id]
    source = tmp_path / "q.txt"
    source.write_text(QUESTION, encoding="utf-8")
    imported, checked = import_and_check(source, tmp_path / "claims" / "q.yaml")
    assert imported.exit_code == 0, imported
    assert "0 error(s), 0 warning(s)" in checked.stderr, checked
