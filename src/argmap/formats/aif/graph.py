"""Reading AIF JSON into a checked graph: AIFdb classic, OVA3 xAIF and DialAM shapes.

AIFdb exports `{nodes, edges, locutions}` at the top; OVA3 and the AMF tools wrap
them as `{"AIF": {...}, "OVA": ..., "text": ...}` and add `participants`. This
module accepts both, checks every value's JSON type, and reports problems with
a JSON pointer to the offending value (`file.json#/nodes/3/type`), or with a
line and column when the text is not JSON at all. It knows nothing of claims.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from typing import Any

from argmap.diagnostics import Diagnostic, Location

NODE_TYPES = {
    "I": "information (a proposition)",
    "L": "locution (what someone said)",
    "RA": "inference",
    "CA": "conflict",
    "MA": "rephrase",
    "PA": "preference",
    "YA": "illocution (how a locution asserts, asks or argues)",
    "TA": "transition between locutions",
}
"""The node types AIF defines, with what each stands for."""


@dataclass(frozen=True)
class AifNode:
    """One node."""

    id: str
    type: str
    text: str
    scheme: str | None
    pointer: str
    """JSON pointer of the node object."""


@dataclass(frozen=True)
class AifEdge:
    """One edge, from node to node."""

    source: str
    target: str
    pointer: str


@dataclass
class AifGraph:
    """Nodes by id (file order), edges, who said each locution, and the text if given."""

    nodes: dict[str, AifNode] = field(default_factory=dict)
    edges: list[AifEdge] = field(default_factory=list)
    persons: dict[str, list[str]] = field(default_factory=dict)
    """For each L-node id, the personIDs of its locutions."""
    locution_pointers: dict[str, str] = field(default_factory=dict)
    """For each node id named by a locution, the pointer of its first locution."""
    participants: dict[str, str] = field(default_factory=dict)
    """participantID to display name."""
    text: str | None = None
    """The analysed text (xAIF `text`), when present."""


class JsonProblems:
    """Collects diagnostics located by JSON pointer in one file."""

    def __init__(self, shown: str) -> None:
        self.shown = shown
        self.found: list[Diagnostic] = []

    def add(self, pointer: str, code: str, message: str, hint: str | None = None) -> None:
        """Report a problem at *pointer*."""
        self.found.append(Diagnostic(Location(f"{self.shown}#{pointer}"), code, message, hint))


def _ident(value: Any) -> str | None:
    """An AIF id (string or integer) as a string."""
    if isinstance(value, bool):
        return None
    if isinstance(value, int | str) and str(value).strip():
        return str(value)
    return None


def _list(container: dict[str, Any], key: str, at: str, problems: JsonProblems) -> list[Any]:
    value = container.get(key)
    if value is None:
        return []
    if not isinstance(value, list):
        problems.add(f"{at}/{key}", "wrong-type", f"'{key}' must be a list, not {_kind(value)}")
        return []
    return value


def _kind(value: Any) -> str:
    names = {dict: "an object", list: "a list", str: "a string", bool: "true/false"}
    if value is None:
        return "null"
    return names.get(type(value), "a number")


_DIGITS = 100
"""The most digits an integer in AIF JSON may have (Python refuses over 4,300 by default)."""


class _LongNumber(Exception):
    """An integer with more than :data:`_DIGITS` digits, met while decoding."""

    def __init__(self, digits: str) -> None:
        super().__init__(digits)
        self.digits = digits.lstrip("-")


def _integer(digits: str) -> int:
    if len(digits) > _DIGITS:
        raise _LongNumber(digits)
    return int(digits)


def decode_json(raw: bytes, shown: str) -> tuple[Any, list[Diagnostic]]:
    """Parse *raw* as JSON; report bad UTF-8, empty input and syntax errors with a position."""
    try:
        text = raw.decode("utf-8").removeprefix("\ufeff")
    except UnicodeDecodeError as exc:
        before = raw[: exc.start]
        line = before.count(b"\n") + 1
        col = exc.start - (before.rfind(b"\n") + 1) + 1
        message = f"byte 0x{raw[exc.start]:02x} is not valid UTF-8"
        return None, [Diagnostic(Location(shown, line, col), "not-utf8", message)]
    if not text.strip():
        return None, [Diagnostic(Location(shown), "empty-input", "the file is empty")]
    try:
        return json.loads(text, parse_int=_integer), []
    except _LongNumber as long:
        found = re.search(rf"(?<![\w.\"-])-?{long.digits}", text)
        pos = found.start() if found else 0
        line, col = text.count("\n", 0, pos) + 1, pos - (text.rfind("\n", 0, pos) + 1) + 1
        message = f"a number of {len(long.digits):,} digits; AIF numbers have at most {_DIGITS}"
        quote = "write a long id as a string, in quotes"
        return None, [Diagnostic(Location(shown, line, col), "import-syntax", message, quote)]
    except json.JSONDecodeError as exc:
        at = Location(shown, exc.lineno, exc.colno)
        hint = "the file ends early: is it truncated?" if exc.pos >= len(text.rstrip()) else None
        return None, [Diagnostic(at, "import-syntax", f"not valid JSON: {exc.msg}", hint)]
    except RecursionError:
        return None, [Diagnostic(Location(shown, 1, 1), "import-syntax", "JSON nested too deeply")]


def read_graph(data: Any, problems: JsonProblems) -> AifGraph:
    """Check the shape of decoded AIF JSON and collect its graph."""
    graph = AifGraph()
    if not isinstance(data, dict):
        problems.add("", "wrong-type", f"the top level must be an object, not {_kind(data)}")
        return graph
    body, at = data, ""
    if "AIF" in data:
        body, at = data["AIF"], "/AIF"
        if not isinstance(body, dict):
            problems.add(at, "wrong-type", f"'AIF' must be an object, not {_kind(body)}")
            return graph
        if isinstance(data.get("text"), str):
            graph.text = data["text"]
    if "nodes" not in body:
        problems.add(at, "missing-field", "no 'nodes' list: this is not AIF JSON")
        return graph
    _read_nodes(graph, _list(body, "nodes", at, problems), at, problems)
    _read_edges(graph, _list(body, "edges", at, problems), at, problems)
    for i, entry in enumerate(_list(body, "participants", at, problems)):
        if isinstance(entry, dict) and _ident(entry.get("participantID")) is not None:
            names = [entry.get("firstname"), entry.get("surname")]
            name = " ".join(str(n) for n in names if isinstance(n, str) and n not in ("", "None"))
            graph.participants.setdefault(str(entry["participantID"]), name)
        else:
            problems.add(f"{at}/participants/{i}", "wrong-type", "a participant needs an id")
    for i, entry in enumerate(_list(body, "locutions", at, problems)):
        pointer = f"{at}/locutions/{i}"
        node_id = _ident(entry.get("nodeID")) if isinstance(entry, dict) else None
        if node_id is None:
            problems.add(pointer, "wrong-type", "a locution must be an object with a 'nodeID'")
            continue
        graph.locution_pointers.setdefault(node_id, pointer)
        person = _ident(entry.get("personID"))
        if person is not None:
            graph.persons.setdefault(node_id, []).append(person)
    return graph


def _read_nodes(graph: AifGraph, nodes: list[Any], at: str, problems: JsonProblems) -> None:
    for i, entry in enumerate(nodes):
        pointer = f"{at}/nodes/{i}"
        if not isinstance(entry, dict):
            problems.add(pointer, "wrong-type", f"a node must be an object, not {_kind(entry)}")
            continue
        node_id, kind, text = _ident(entry.get("nodeID")), entry.get("type"), entry.get("text")
        if node_id is None:
            problems.add(pointer, "missing-field", "node without a 'nodeID' (string or number)")
            continue
        if not isinstance(kind, str):
            problems.add(f"{pointer}/type", "wrong-type", f"node {node_id} has no string 'type'")
            continue
        if kind not in NODE_TYPES:
            known = ", ".join(NODE_TYPES)
            message = f"node {node_id} has type '{kind}', which AIF does not define"
            problems.add(f"{pointer}/type", "unknown-node-type", message, f"known types: {known}")
            continue
        if text is not None and not isinstance(text, str):
            problems.add(f"{pointer}/text", "wrong-type", f"node {node_id}'s text must be a string")
            continue
        if node_id in graph.nodes:
            first = graph.nodes[node_id].pointer
            message = f"node id {node_id} is used twice (first at {first})"
            problems.add(f"{pointer}/nodeID", "duplicate-id", message)
            continue
        scheme = entry.get("scheme")
        graph.nodes[node_id] = AifNode(
            node_id, kind, text or "", scheme if isinstance(scheme, str) else None, pointer
        )


def _read_edges(graph: AifGraph, edges: list[Any], at: str, problems: JsonProblems) -> None:
    seen: dict[str, str] = {}
    for i, entry in enumerate(edges):
        pointer = f"{at}/edges/{i}"
        if not isinstance(entry, dict):
            problems.add(pointer, "wrong-type", f"an edge must be an object, not {_kind(entry)}")
            continue
        source, target = _ident(entry.get("fromID")), _ident(entry.get("toID"))
        if source is None or target is None:
            problems.add(pointer, "missing-field", "an edge needs a 'fromID' and a 'toID'")
            continue
        edge_id = _ident(entry.get("edgeID"))
        if edge_id is not None and edge_id in seen:
            problems.add(f"{pointer}/edgeID", "duplicate-id", f"edge id {edge_id} is used twice")
            continue
        if edge_id is not None:
            seen[edge_id] = pointer
        for end, key in ((source, "fromID"), (target, "toID")):
            if end not in graph.nodes:
                message = f"edge {edge_id or i} points to node {end}, which does not exist"
                problems.add(f"{pointer}/{key}", "unknown-ref", message)
        if source == target:
            problems.add(pointer, "self-link", f"edge {edge_id or i} joins node {source} to itself")
        elif source in graph.nodes and target in graph.nodes:
            graph.edges.append(AifEdge(source, target, pointer))
