"""Bad input for every importer: a located diagnostic and exit 1, never a traceback or a file."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import run_process

_AIF_NODES = (
    '{"nodes": [{"nodeID": 1, "text": "a", "type": "I"}, {"nodeID": 2, "text": "b", "type": "I"},'
    ' {"nodeID": 3, "text": "CA", "type": "CA"}, {"nodeID": 4, "text": "CA", "type": "CA"}],'
)
CASES: list[tuple[str, bytes, str]] = [
    # (file name, content, the first diagnostic line)
    (
        "truncated.json",
        b'{"nodes": [{"nodeID": "1", "text": "a", "type": "I"}, {"nodeID": "2", "te',
        "truncated.json:1:71: error: not valid JSON: Unterminated string starting at [import-syntax]",
    ),
    (
        "wrong-type.json",
        b'{"nodes": {"nodeID": 1}}',
        "wrong-type.json#/nodes: error: 'nodes' must be a list, not an object [wrong-type]",
    ),
    (
        "wrong-type-text.json",
        b'{"nodes": [{"nodeID": 1, "text": 5, "type": "I"}]}',
        "wrong-type-text.json#/nodes/0/text: error: node 1's text must be a string [wrong-type]",
    ),
    (
        "unknown.json",
        b'{"nodes": [{"nodeID": 1, "text": "a", "type": "I"}, {"nodeID": 2, "text": "x", "type": "ZZ"}]}',
        "unknown.json#/nodes/1/type: error: node 2 has type 'ZZ', which AIF does not define"
        " [unknown-node-type]",
    ),
    (
        "cycle.json",
        (
            _AIF_NODES + ' "edges": [{"edgeID": 1, "fromID": 1, "toID": 3},'
            ' {"edgeID": 2, "fromID": 3, "toID": 4}, {"edgeID": 3, "fromID": 2, "toID": 4},'
            ' {"edgeID": 4, "fromID": 4, "toID": 3}]}'
        ).encode(),
        "cycle.json#/nodes/2: error: S-nodes aim at each other in a circle: 3 -> 4 -> 3"
        " [import-cycle]",
    ),
    (
        "dangling.json",
        b'{"nodes": [{"nodeID": 1, "text": "a", "type": "I"}, {"nodeID": 2, "text": "RA", "type": "RA"}],'
        b' "edges": [{"edgeID": 1, "fromID": 1, "toID": 2}, {"edgeID": 2, "fromID": 2, "toID": 9}]}',
        "dangling.json#/edges/1/toID: error: edge 2 points to node 9, which does not exist"
        " [unknown-ref]",
    ),
    (
        "dup.json",
        b'{"nodes": [{"nodeID": 1, "text": "a", "type": "I"}, {"nodeID": 1, "text": "b", "type": "I"}]}',
        "dup.json#/nodes/1/nodeID: error: node id 1 is used twice (first at /nodes/0) [duplicate-id]",
    ),
    (
        "latin1.json",
        b'{"nodes": [{"nodeID": 1, "text": "caf\xe9", "type": "I"}]}',
        "latin1.json:1:38: error: byte 0xe9 is not valid UTF-8 [not-utf8]",
    ),
    ("empty.json", b"", "empty.json: error: the file is empty [empty-input]"),
    (
        "truncated.argdown",
        b"[Claim]: text\n  + <Arg>: supports\n\n<Other>\n\n(1) A\n--\nrule\n",
        "truncated.argdown:6:1: error: the premise-conclusion structure of <Other> has no"
        " conclusion [import-syntax]",
    ),
    (
        "cycle.argdown",
        b"[A]: text\n  + [A]\n",
        "cycle.argdown:2:1: error: statement 'A' supports itself [self-link]",
    ),
    (
        "dup.argdown",
        b"<A>: one\n\n(1) [P]: p\n----\n(2) [C]: c\n\n<A>\n\n(1) [Q]: q\n----\n(2) [D]: d\n",
        "dup.argdown:9:1: error: argument <A> already has a premise-conclusion structure"
        " [import-syntax]",
    ),
    (
        "latin1.argdown",
        b"[A]: caf\xe9\n",
        "latin1.argdown:1:9: error: byte 0xe9 is not valid UTF-8 [not-utf8]",
    ),
    ("empty.argdown", b"\n\n", "empty.argdown: error: the file holds no Argdown [empty-input]"),
    (
        "truncated.txt",
        b"Discussion Name:\nT\n\n1. Thesis:\nT.\n\n  1.1. Pro:\n",
        "truncated.txt:7:1: error: claim 1.1 has no text [missing-field]",
    ),
    (
        "cycle.txt",
        b"Discussion Name:\nT\n\n1. Thesis:\nT.\n\n  1.1. Pro:\n  -> See 1.2.\n\n"
        b"  1.2. Con:\n  -> See 1.1.\n",
        "cycle.txt:7:1: error: '-> See' links go round in a circle: 1.1 -> 1.2 -> 1.1"
        " [import-cycle]",
    ),
    (
        "self.txt",
        b"Discussion Name:\nT\n\n1. Thesis:\nT.\n\n  1.1. Pro:\n  -> See 1.\n",
        "self.txt:7:1: error: claim 1.1 links claim 1 to itself [self-link]",
    ),
    (
        "dup.txt",
        b"Discussion Name:\nT\n\n1. Thesis:\nT.\n\n  1.1. Pro:\n  a\n\n  1.1. Con:\n  b\n",
        "dup.txt:10:1: error: claim number 1.1 appears twice [duplicate-id]",
    ),
    (
        "latin1.txt",
        b"Discussion Name:\nT\n\n1. Thesis:\ncaf\xe9\n",
        "latin1.txt:5:4: error: byte 0xe9 is not valid UTF-8 [not-utf8]",
    ),
    ("empty.txt", b"", "empty.txt: error: the file is empty [empty-input]"),
    (
        "not-kialo.txt",
        b"Some notes\n1. a\n",
        "not-kialo.txt:1:1: error: not a Kialo export: it should start with 'Discussion Name:' or"
        " 'Discussion Title:' [import-syntax]",
    ),
]


@pytest.mark.parametrize(("name", "content", "first_line"), CASES, ids=[c[0] for c in CASES])
def test_bad_input_is_located_and_exits_1(
    name: str, content: bytes, first_line: str, tmp_path: Path
) -> None:
    (tmp_path / name).write_bytes(content)
    result = run_process("import", name, "-o", "out.yaml", cwd=tmp_path)
    assert result.exit_code == 1, result
    assert "Traceback" not in result.stderr
    assert result.stderr.splitlines()[0] == first_line, result
    assert result.stderr.splitlines()[-1].endswith("; nothing written"), result
    assert not (tmp_path / "out.yaml").exists()


def test_missing_file_is_a_usage_error(tmp_path: Path) -> None:
    result = run_process("import", "nowhere.argdown", cwd=tmp_path)
    assert result.exit_code == 2, result
    assert result.stderr.startswith("argmap: error: cannot read nowhere.argdown: ")
