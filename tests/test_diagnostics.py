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
            "claims/x.yaml": "claims:\n  - id: a\n    text: A\n    type: fact\n    standalone: true\n",
            "claims/y.yaml": "claims:\n  - id: b\n    text: B\n    type: fact\n    standalone: true\n  - id: b\n    text: B again\n    type: fact\n    standalone: true\n",
        },
        1,
        "claims/y.yaml:6:9: error: claim id 'b' is defined twice in namespace 'y' [duplicate-id]\n"
        "  note: first defined at claims/y.yaml:2:9\n"
        "  hint: rename one of them; ids must be unique within a file's namespace\n",
    ),
    "duplicate-namespace": (
        {
            "claims/x.yaml": "claims:\n  - id: a\n    text: A\n    type: fact\n    standalone: true\n",
            "claims/y.yaml": "namespace: x\nclaims:\n  - id: b\n    text: B\n    type: fact\n    standalone: true\n",
        },
        1,
        "claims/y.yaml:1:12: error: namespace 'x' is already the namespace of claims/x.yaml [duplicate-namespace]\n"
        "  note: first defined at claims/x.yaml\n"
        "  hint: rename one file, or give it its own 'namespace:'\n",
    ),
    "ambiguous-ref": (
        {
            "claims/people-a.yaml": "speakers:\n  - id: finer\n    name: Jon Finer\n",
            "claims/people-b.yaml": "speakers:\n  - id: finer\n    name: Jonathan Finer\n",
            "claims/x.yaml": "document: memo\nsources:\n  - id: memo\n    title: Memo\nclaims:\n  - id: a\n    text: A\n    type: fact\n    speakers: [finer]\n    standalone: true\n",
        },
        1,
        "claims/x.yaml:9:16: error: 'finer' could mean 'people-a/finer' and 'people-b/finer' [ambiguous-ref]\n"
        "  hint: write it qualified, e.g. 'people-a/finer', or rename one of them\n",
    ),
    "unlinked-claim": (
        {
            "claims/x.yaml": "claims:\n  - id: a\n    text: A\n    type: fact\n  - id: b\n    text: B\n    type: fact\n    standalone: true\n  - id: c\n    text: C\n    type: fact\n    supports: [d]\n  - id: d\n    text: D\n    type: fact\n"
        },
        0,
        "claims/x.yaml:2:9: warning: claim 'a' is linked to no other claim [unlinked-claim]\n"
        "  hint: add 'supports:'/'opposes:' or a 'links:' entry, or set 'standalone: true' if it stands alone on purpose\n",
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
    "expectation-failed": (
        {
            "claims/x.yaml": "claims:\n  - id: a\n    text: A\n    type: fact\n    opposes: b\n"
            "  - id: b\n    text: B\n    type: fact\nexpect:\n  grounded: {in: [b]}\n"
        },
        1,
        "claims/x.yaml:10:19: error: claim 'b' is expected in under grounded semantics, but is out "
        "[expectation-failed]\n"
        "  hint: defeated by 'a', which is in and opposes it\n",
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
        '  hint: closest passage, para 1 (81% similar): "The missile programme is purely"; copy the words from src.txt\n',
    ),
    # A curly apostrophe and an en dash in the text, straight ones in the quotes: both match.
    "locator-not-found": (
        {
            "claims/src.txt": "First paragraph.\n\nThe ministry’s view – stated twice.\n\n[1] A note.\n",
            "claims/x.yaml": 'sources:\n  - id: memo\n    title: Memo\n    text_file: src.txt\nclaims:\n  - id: a\n    text: A\n    type: fact\n    citations:\n      - source: memo\n        locator: para 3\n        quote: "ministry\'s view - stated"\n      - source: memo\n        locator: fn 2\n',
        },
        1,
        "claims/x.yaml:11:18: error: claim 'a' cites para 3 of source 'memo', which has 2 paragraphs [locator-not-found]\n"
        "  hint: the quote is in para 2; write 'locator: para 2'\n"
        "claims/x.yaml:14:18: error: claim 'a' cites fn 2 of source 'memo', which has 1 footnote [locator-not-found]\n"
        "  hint: 'argmap paragraphs memo' numbers them\n",
    ),
    # [1] closes the first sentence's passage, not [2]
    "passage-footnote": (
        {
            "claims/src.txt": "Costs rose. Trade fell.[1] Prices fell.[2]\n[1] “A”, X, https://x.example/a\n[2] “B”, Y, https://y.example/b\n",
            "claims/x.yaml": "document: memo\nsources:\n  - {id: memo, title: Memo, text_file: src.txt}\n  - {id: b, title: B, url: 'https://y.example/b'}\nclaims:\n  - id: a\n    text: Costs rose.\n    type: fact\n    citations:\n      - {source: memo, locator: para 1, quote: Costs rose.}\n      - {source: b, locator: fn 2, scope: paragraph}\n",
        },
        0,
        "claims/x.yaml:11:30: warning: claim 'a' cites fn 2 for its passage, but fn 1 covers it [passage-footnote]\n"
        "  hint: a footnote covers the passage since the previous footnote in its paragraph; cite fn 1 with scope: paragraph\n",
    ),
    "quote-not-in-locator": (
        {
            "claims/src.txt": "First paragraph.\nThe ministry’s view – stated twice.\n",
            "claims/x.yaml": 'sources:\n  - id: memo\n    title: Memo\n    text_file: src.txt\nclaims:\n  - id: a\n    text: A\n    type: fact\n    citations:\n      - source: memo\n        locator: para 1\n        quote: "ministry\'s view - stated"\n      - source: memo\n        locator: paras 1-2\n        quote: "paragraph. The ministry"\n',
        },
        1,
        "claims/x.yaml:11:18: error: quote in claim 'a' is not in para 1 of source 'memo' [quote-not-in-locator]\n"
        "  hint: the quote is in para 2; write 'locator: para 2'\n",
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
            "claims/a.yaml": "claims:\n  - id: a\n    text: A\n    type: fact\n",
            "claims/a/map.dot.yaml": "claims:\n  - id: b\n    text: B\n    type: fact\n",
        },
        1,
        "claims/a/map.dot.yaml: error: 'claims/a/map.dot.yaml' would render into renders/a/map.dot/, where 'claims/a.yaml' writes its map.dot [render-collision]\n"
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


# Codes only `argmap import` emits: code -> (files, the file to import, exit code, stderr lines)
IMPORT_CASES: dict[str, tuple[dict[str, str], str, int, str]] = {
    "empty-input": (
        {"x.argdown": "\n"},
        "x.argdown",
        1,
        "x.argdown: error: the file holds no Argdown [empty-input]\n",
    ),
    "import-syntax": (
        {"x.argdown": "(1) A\n(2) B\n"},
        "x.argdown",
        1,
        "x.argdown:1:1: error: the premise-conclusion structure of <Untitled 1> has no conclusion [import-syntax]\n"
        "  hint: end it with an inference line ('----') and the conclusion '(n) …'\n",
    ),
    "import-cycle": (
        {"x.txt": "Discussion Name:\nT\n\n1. Thesis:\nT.\n\n  1.1. Pro:\n  -> See 1.1.\n"},
        "x.txt",
        1,
        "x.txt:7:1: error: '-> See' links go round in a circle: 1.1 -> 1.1 [import-cycle]\n",
    ),
    "include-cycle": (
        {"x.argdown": "[A]: a\n\n@include(x.argdown)\n"},
        "x.argdown",
        0,
        "x.argdown:3:1: warning: 'x.argdown' includes 'x.argdown', which is already being included; skipped [include-cycle]\n"
        "  hint: the Argdown CLI skips it too; remove the include to silence this\n",
    ),
    "not-imported": (
        {
            "x.json": '{"nodes": [{"nodeID": 1, "text": "a", "type": "I"}, {"nodeID": 2, "text": "P", "type": "PA"}]}'
        },
        "x.json",
        0,
        "x.json#/nodes/1: warning: PA node 2 (a preference) [not-imported]\n",
    ),
    "unknown-node-type": (
        {"x.json": '{"nodes": [{"nodeID": 1, "text": "a", "type": "Q"}]}'},
        "x.json",
        1,
        "x.json#/nodes/0/type: error: node 1 has type 'Q', which AIF does not define [unknown-node-type]\n"
        "  hint: known types: I, L, RA, CA, MA, PA, YA, TA\n",
    ),
}


ARGS: dict[str, tuple[str, ...]] = {
    "file-too-large": ("--max-file-size", "0.0001", "check"),
    "render-collision": ("render", "--check"),
}
"""Commands other than `check` for a case; outside `check`, diagnostics go to stderr."""


def test_every_code_has_a_case() -> None:
    assert sorted([*CASES, *IMPORT_CASES]) == sorted(CODES)


@pytest.mark.parametrize("code", sorted(IMPORT_CASES))
def test_import_diagnostic_line(code: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    files, target, exit_code, expected = IMPORT_CASES[code]
    for name, content in files.items():
        write(tmp_path / name, content)
    monkeypatch.chdir(tmp_path)
    result = run_cli("import", target, "-o", "out.yaml")
    assert result.stderr.startswith(expected), result
    assert result.exit_code == exit_code, result


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
    output = result.stdout if "check" in args else result.stderr
    shown = output if code == "unlinked-claim" else _without_unlinked(output)
    assert shown == expected, result
    assert result.exit_code == exit_code, result


def _without_unlinked(stdout: str) -> str:
    """The output without `unlinked-claim` warnings, which most one-claim cases would add."""
    kept: list[str] = []
    skipping = False
    for line in stdout.splitlines(keepends=True):
        if not line.startswith("  "):
            skipping = line.rstrip().endswith("[unlinked-claim]")
        if not skipping:
            kept.append(line)
    return "".join(kept)
