"""The dialogue layer of AIF: who said each locution, and where in the text.

L-nodes are locutions; YA nodes anchor them to what they assert (an I-node)
or argue (an RA or CA, through a TA transition between locutions). A
locution's speaker is the "Name: " prefix of its text when it has one
(AIFdb writes "Paul Dean : I welcome …", DialAM "David Davies: …"), else the
participant its locution names, else "Person N" for a bare personID.
Nothing here prints.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass

from argmap.formats.aif.graph import AifGraph, AifNode

_PREFIX = re.compile(r"^\s*\|?\s*([^:|]{1,60}?)\s*:\s+(.*)$", re.DOTALL)
_NAME = re.compile(r"^[A-Z][\w'’.-]*(?:\s+[\w'’.-]+){0,5}$")
_TAGS = re.compile(r"<[^>]+>")


@dataclass(frozen=True)
class Locution:
    """What an L-node tells: who spoke, and the words without the speaker prefix."""

    speaker: str | None
    """The speaker's name, or None when nothing names one."""
    words: str
    """The locution's text without its "Name: " prefix."""
    prefix: str
    """The prefix as written ('' when there is none), to strip from copied I-node text."""


def read_locution(graph: AifGraph, node: AifNode) -> Locution:
    """The speaker and words of L-node *node*."""
    known = sorted({n for n in graph.participants.values() if n}, key=len, reverse=True)
    text = node.text
    stripped = text.lstrip().lstrip("|").lstrip()
    for name in known:
        match = re.match(rf"{re.escape(name)}\s*:\s+", stripped)
        if match:
            return Locution(
                name,
                stripped[match.end() :].strip(),
                text[: len(text) - len(stripped) + match.end()],
            )
    match = _PREFIX.match(text)
    if match and _NAME.match(match.group(1).strip()):
        return Locution(match.group(1).strip(), match.group(2).strip(), text[: match.start(2)])
    for person in graph.persons.get(node.id, []):
        name = graph.participants.get(person) or f"Person {person}"
        return Locution(name, text.strip(), "")
    return Locution(None, text.strip(), "")


def plain_text(marked_up: str) -> str:
    """The xAIF `text` without its HTML markup and entities."""
    without = _TAGS.sub(" ", marked_up.replace("<br>", "\n"))
    return html.unescape(without)


def locate(words: str, text: str | None, node_id: str) -> str:
    """A locator for a locution: character offsets in the text when found there."""
    if text and words:
        start = text.find(words)
        if start >= 0:
            return f"characters {start}-{start + len(words)}"
    return f"L-node {node_id}"


def anchors(graph: AifGraph) -> dict[str, list[tuple[str, str]]]:
    """For each I-node or S-node, the (L-node id, illocution) pairs that anchor it.

    An I-node is anchored by a YA whose source is an L-node. An RA, CA or MA is
    anchored by a YA whose source is a TA; the TA's target L-nodes are whoever
    argues. A YA fed by an L-node and aimed at an S-node counts that L-node.
    """
    into: dict[str, list[str]] = {}
    out_of: dict[str, list[str]] = {}
    for edge in graph.edges:
        out_of.setdefault(edge.source, []).append(edge.target)
        into.setdefault(edge.target, []).append(edge.source)
    found: dict[str, list[tuple[str, str]]] = {}
    for node in graph.nodes.values():
        if node.type != "YA":
            continue
        speakers: list[str] = []
        for source in into.get(node.id, []):
            kind = graph.nodes[source].type
            if kind == "L":
                speakers.append(source)
            elif kind == "TA":
                targets = out_of.get(source, [])
                speakers += [t for t in targets if graph.nodes[t].type == "L"]
        for target in out_of.get(node.id, []):
            if graph.nodes[target].type in ("I", "RA", "CA", "MA"):
                pairs = found.setdefault(target, [])
                pairs += [(s, node.text or "YA") for s in speakers if (s, node.text) not in pairs]
    return found
