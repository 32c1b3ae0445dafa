"""Any YAML argmap writes reads back as written: ids YAML 1.2 would read as numbers are quoted.

`007238`, `1e5`, `0o17`, `0x1f`, `1_000` are numbers to YAML 1.2's core schema, which
argmap's loader follows. Every writer (import, ingest, `add`, `set`, `fmt`) quotes them by
one shared rule (`argmap.load.yaml.schema.reads_as_text`); these tests hold each writer
to it over any id, and run the commands on such ids.
"""

from __future__ import annotations

from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from argmap.edit.fmt import format_text
from argmap.edit.yamlio import dump, flow_ids
from argmap.formats.imported import Imported
from argmap.formats.yaml_write import emit_claim_file
from argmap.load.loader import load_file
from argmap.model import Claim, ClaimFile, ClaimType, Source
from conftest import run_cli, run_process, write

NUMBERS = ["007238", "1e5", "0o17", "0x1f", "1_000", "12e-3", "2023", "1.5", "0b101", "10"]
"""Ids that YAML 1.2 reads as numbers when left plain."""

IDS = st.one_of(
    st.sampled_from(NUMBERS),
    st.from_regex(r"[0-9][0-9eExXoObB._-]{0,6}", fullmatch=True).filter(lambda s: s.lower() == s),
    st.from_regex(r"[a-z0-9][a-z0-9._-]{0,10}", fullmatch=True),
)


def _read_back(text: str) -> ClaimFile:
    """The claims file argmap's own loader reads from *text*; it must load without a problem."""
    loaded, problems = load_file(Path("ids.yaml"), raw=text.encode("utf-8"), shown="ids.yaml")
    assert not problems, (text, [d.format() for d in problems])
    assert loaded is not None and loaded.content is not None
    return loaded.content


@settings(max_examples=300, deadline=None)
@given(IDS)
def test_the_import_writer_quotes_what_would_read_as_a_number(ident: str) -> None:
    content = ClaimFile(
        document=ident,
        sources=[Source(id=ident, title=ident)],
        claims=[Claim(id=ident, text=ident, type=ClaimType.fact, tags=[ident], supports=[])],
    )
    back = _read_back(emit_claim_file(Imported(content)))
    assert back.document == ident
    assert (back.sources[0].id, back.sources[0].title) == (ident, ident)
    assert (back.claims[0].id, back.claims[0].text, back.claims[0].tags) == (ident, ident, [ident])


@settings(max_examples=300, deadline=None)
@given(IDS)
def test_the_round_trip_writer_and_fmt_quote_it_too(ident: str) -> None:
    # add, set, remove, rename and ingest write through this dump; fmt re-dumps a file
    data = {
        "document": ident,
        "sources": [{"id": ident}],
        "claims": [{"id": ident, "text": ident, "type": "fact", "tags": [ident, "x"]}],
    }
    text = dump(flow_ids(data))
    back = _read_back(text)
    assert (back.document, back.sources[0].id, back.claims[0].id) == (ident, ident, ident)
    assert back.claims[0].tags == [ident, "x"]
    formatted = format_text(text.replace("document:", "# a comment\ndocument:"))
    assert _read_back(formatted).claims[0].id == ident
    assert "# a comment" in formatted


def test_add_set_and_import_write_numeric_ids_that_check_clean(project: Path) -> None:
    claims = write(project / "claims/n.yaml", "claims:\n  - id: a\n    text: A.\n    type: fact\n")
    for ident in ("007238", "1e5", "0o17"):
        added = run_cli(
            "add", "claim", str(claims), "--id", ident, "--text", "N.", "--type", "fact"
        )
        assert added.exit_code == 0, added
    assert run_cli("set", "a", "supports", "007238, 1e5, 0o17").exit_code == 0
    text = claims.read_text()
    assert "  - id: '007238'\n" in text and "  - id: '1e5'\n" in text
    assert "    supports: ['007238', '1e5', '0o17']\n" in text
    assert run_cli("fmt").exit_code == 0
    checked = run_cli("check")
    assert checked.exit_code == 0, checked
    kialo = project / "numbers.txt"
    kialo.write_text("Discussion Name:\nNumbers\n\n1. Thesis:\n1e5\n\n  1.1. Pro:\n  0o17\n")
    imported = run_process("import", str(kialo), "-o", str(project / "claims/k.yaml"))
    assert imported.exit_code == 0, imported
    assert "  - id: '1e5'\n" in (project / "claims/k.yaml").read_text()
    assert run_process("check", "--no-cache", str(project / "claims")).exit_code == 0
