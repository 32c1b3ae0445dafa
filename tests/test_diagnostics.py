"""Every diagnostic code, pinned to its exact printed lines by a real `argmap check` run."""

from __future__ import annotations

from pathlib import Path

import pytest

from argmap.codes import CODES
from conftest import run_cli, write

# code -> (files to write, expected exit code, expected stdout of `argmap check`)
CASES: dict[str, tuple[dict[str, str | bytes], int, str]] = {
    "yaml-syntax": (
        {"claims/x.yaml": "claims:\n  - id: a\n    text: [unclosed\n"},
        1,
        "claims/x.yaml:4:1: error: did not find expected ',' or ']' (while parsing a flow sequence at line 3, column 11) [yaml-syntax]\n"
        "  hint: '[' starts a list: close it with ']', or quote text that begins with '['\n",
    ),
    "not-utf8": (
        {"claims/x.yaml": b"claims:\n  - id: a\n    text: caf\xe9\n"},
        1,
        "claims/x.yaml:3:14: error: byte 0xe9 is not valid UTF-8 [not-utf8]\n"
        "  hint: save the file as UTF-8 (most editors: 'Save with encoding')\n",
    ),
    "not-mapping": (
        {"claims/x.yaml": "- id: a\n  text: A\n"},
        1,
        "claims/x.yaml:1:1: error: the top level is a list, not a mapping [not-mapping]\n"
        "  hint: start the file with keys such as 'claims:' and 'sources:'\n",
    ),
    "no-claims": (
        {},
        2,
        "claims: error: claims path 'claims' does not exist [no-claims]\n"
        "  hint: run from the project folder, or pass the claims folder as PATH\n",
    ),
    "wrong-type": (
        {"claims/x.yaml": "claims:\n  - id: a\n    text: A\n    type: fact\n    tags: oops\n"},
        1,
        "claims/x.yaml:5:11: error: 'tags' of claim 'a': input should be a valid list [wrong-type]\n"
        "  hint: write a list, e.g. [a, b] or one '- item' per line\n",
    ),
    "unknown-field": (
        {
            "claims/x.yaml": "claims:\n  - id: a\n    text: A\n    type: fact\n    suports: [b]\n  - id: b\n    text: B\n    type: fact\n"
        },
        1,
        "claims/x.yaml:5:5: error: unknown field 'suports' in claim 'a' [unknown-field]\n"
        "  hint: did you mean 'supports'?\n",
    ),
    "missing-field": (
        {"claims/x.yaml": "claims:\n  - id: a\n    type: fact\n"},
        1,
        "claims/x.yaml:2:5: error: claim 'a' has no 'text' [missing-field]\n"
        "  hint: add 'text: …' to it\n",
    ),
    "invalid-value": (
        {"claims/x.yaml": "claims:\n  - id: a\n    text: A\n    type: predicton\n"},
        1,
        "claims/x.yaml:4:11: error: 'predicton' is not a valid value for 'type' of claim 'a' [invalid-value]\n"
        "  hint: did you mean 'prediction'?\n",
    ),
    "bad-id": (
        {"claims/x.yaml": "claims:\n  - id: Sanctions Work\n    text: A\n    type: fact\n"},
        1,
        "claims/x.yaml:2:9: error: 'Sanctions Work' in claim #1 in 'claims' is not a valid id [bad-id]\n"
        "  hint: ids are lowercase slugs, e.g. 'sanctions-work'\n",
    ),
    "duplicate-key": (
        {"claims/x.yaml": "claims:\n  - id: a\n    text: A\n    type: fact\n    text: B\n"},
        1,
        "claims/x.yaml:5:5: error: key 'text' appears twice in the same mapping; only the last is kept [duplicate-key]\n"
        "  hint: remove or rename one of them\n",
    ),
    "duplicate-id": (
        {
            "claims/x.yaml": "claims:\n  - id: a\n    text: A\n    type: fact\n",
            "claims/y.yaml": "claims:\n  - id: b\n    text: B\n    type: fact\n  - id: a\n    text: A again\n    type: fact\n",
        },
        1,
        "claims/y.yaml:5:9: error: claim id 'a' is defined twice [duplicate-id]\n"
        "  note: first defined at claims/x.yaml:2:9\n"
        "  hint: rename one of them; ids must be unique across all of claims/\n",
    ),
    "unknown-ref": (
        {
            "claims/x.yaml": "claims:\n  - id: sanctions-work\n    text: A\n    type: fact\n  - id: b\n    text: B\n    type: fact\n    opposes: [sanctions-wrok]\n"
        },
        1,
        "claims/x.yaml:8:15: error: unknown claim or link 'sanctions-wrok' [unknown-ref]\n"
        "  hint: did you mean 'sanctions-work'?\n",
    ),
    "self-link": (
        {"claims/x.yaml": "claims:\n  - id: a\n    text: A\n    type: fact\n    supports: [a]\n"},
        1,
        "claims/x.yaml:5:16: error: claim 'a' supports itself [self-link]\n"
        "  hint: a claim cannot be its own premise; link it to a different claim\n",
    ),
    "relation-mismatch": (
        {
            "claims/x.yaml": "claims:\n  - id: a\n    text: A\n    type: fact\n  - id: b\n    text: B\n    type: fact\nlinks:\n  - from: a\n    to: b\n    relation: undercuts\n"
        },
        1,
        "claims/x.yaml:10:9: error: link 'a--undercuts--b' undercuts claim 'b', but undercuts aims at a link [relation-mismatch]\n"
        "  hint: use 'relation: opposes' to attack a claim, or aim 'to:' at a link id\n",
    ),
    "support-cycle": (
        {
            "claims/x.yaml": "claims:\n  - id: a\n    text: A\n    type: fact\n    supports: [b]\n  - id: b\n    text: B\n    type: fact\n    supports: [c]\n  - id: c\n    text: C\n    type: fact\n    supports: [a]\n"
        },
        0,
        "claims/x.yaml:2:5: warning: claims support each other in a cycle: 'a' -> 'b' -> 'c' -> 'a' [support-cycle]\n"
        "  hint: circular support proves nothing; check which direction the text argues\n",
    ),
    "empty-text": (
        {"claims/x.yaml": "claims:\n  - id: a\n    text: '  '\n    type: fact\n"},
        1,
        "claims/x.yaml:3:11: error: claim 'a' has empty text [empty-text]\n"
        "  hint: state the proposition in a sentence\n",
    ),
    "unidentified-source": (
        {
            "claims/x.yaml": "sources:\n  - id: memo\nclaims:\n  - id: a\n    text: A\n    type: fact\n    citations:\n      - source: memo\n"
        },
        1,
        "claims/x.yaml:2:9: error: source 'memo' is cited but has neither url nor title [unidentified-source]\n"
        "  hint: add a 'title:' or 'url:' so readers can find it\n",
    ),
    "quote-not-found": (
        {
            "claims/src.txt": "The missile programme is purely\n defensive, said the ministry.\n",
            "claims/x.yaml": "sources:\n  - id: memo\n    title: Memo\n    text_file: src.txt\nclaims:\n  - id: a\n    text: A\n    type: fact\n    citations:\n      - source: memo\n        quote: the programme is purely defensive\n  - id: b\n    text: B\n    type: fact\n    citations:\n      - source: memo\n        quote: missile programme is purely defensive\n",
        },
        1,
        "claims/x.yaml:11:16: error: quote in claim 'a' does not occur in source 'memo' [quote-not-found]\n"
        "  hint: copy the words exactly from src.txt; only whitespace may differ\n",
    ),
    "duplicate-premise": (
        {
            "claims/x.yaml": "claims:\n  - id: a\n    text: A\n    type: fact\n  - id: b\n    text: B\n    type: fact\nlinks:\n  - from: [b, b]\n    to: a\n    relation: supports\n"
        },
        1,
        "claims/x.yaml:9:15: error: link 'b+b--supports--a' lists claim 'b' twice among its premises [duplicate-premise]\n"
        "  hint: list each co-premise once; a claim cannot back itself up\n",
    ),
    "file-too-large": (
        {"claims/x.yaml": "claims:\n  - id: a\n    text: " + "A" * 200 + "\n    type: fact\n"},
        1,
        "claims/x.yaml: error: file not read: it is 244 bytes, over the 100 bytes limit [file-too-large]\n"
        "  hint: split it into several files, or raise the limit with --max-file-size MB\n",
    ),
    "yaml-too-complex": (
        {
            "claims/x.yaml": "l0: &l0 [x, x, x, x, x, x, x, x, x]\n"
            + "".join(f"l{i}: &l{i} [{', '.join([f'*l{i - 1}'] * 9)}]\n" for i in range(1, 9))
            + "claims:\n  - id: a\n    text: A\n    type: *l8\n"
        },
        1,
        "claims/x.yaml:7:10: error: aliases expand this file by more than 1,000,000 values (this '*l5' repeats 597,871) [yaml-too-complex]\n"
        "  hint: write the data out instead of repeating it through aliases, or raise the limit with --max-alias-nodes\n",
    ),
    "render-collision": (
        {
            "claims/x.yaml": "claims:\n  - id: a\n    text: A\n    type: fact\n",
            "claims/x.yml": "claims:\n  - id: b\n    text: B\n    type: fact\n",
        },
        1,
        "claims/x.yml: error: 'claims/x.yml' would render into the same folder as 'claims/x.yaml': renders/x/ [render-collision]\n"
        "  note: first defined at claims/x.yaml\n"
        "  hint: rename one of the two files; each renders into its path under claims/\n"
        "argmap: error: 1 render folder(s) claimed twice\n",
    ),
    "unreadable-file": (
        {"claims/x.yaml": "sources:\n  - id: memo\n    title: Memo\n    text_file: missing.txt\n"},
        1,
        "claims/x.yaml:4:16: error: cannot read text_file 'missing.txt' of source 'memo': No such file or directory [unreadable-file]\n"
        "  hint: text_file is relative to the YAML file that names it\n",
    ),
}


ARGS: dict[str, tuple[str, ...]] = {
    "file-too-large": ("--max-file-size", "0.0001", "check"),
    "render-collision": ("render", "--check"),
}
"""Commands other than `check` for a case; outside `check`, diagnostics go to stderr."""


def test_every_code_has_a_case() -> None:
    assert sorted(CASES) == sorted(CODES)


@pytest.mark.parametrize("code", sorted(CASES))
def test_diagnostic_line(code: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    files, exit_code, expected = CASES[code]
    if code != "no-claims":
        (tmp_path / "claims").mkdir()
    for name, content in files.items():
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            write(path, content)
    monkeypatch.chdir(tmp_path)
    args = ARGS.get(code, ("check",))
    result = run_cli(*args)
    assert (result.stdout if "check" in args else result.stderr) == expected, result
    assert result.exit_code == exit_code, result
