"""Parsing Argdown blocks into an :class:`~argmap.formats.argdown.model.ArgdownDocument`.

A document is a front matter and blocks separated by blank lines: headings,
statements and arguments with indented relation trees, premise-conclusion
structures, and lists. Indentation follows Argdown's lexer: a deeper line opens
a level, a shallower one closes levels until it is no longer shallower. Syntax
errors are located diagnostics; parsing goes on after them. Nothing here prints.
"""

from __future__ import annotations

import re

from argmap.diagnostics import Diagnostic, Location
from argmap.formats.argdown.blocks import INFERENCE, NUMBER, Ref
from argmap.formats.argdown.model import (
    ArgdownDocument,
    Argument,
    Member,
    Place,
    Relation,
    RelationType,
    Section,
    Statement,
)
from argmap.formats.argdown.pcs import parse_pcs
from argmap.formats.argdown.text import Line, parse_content, split_data
from argmap.load.limits import Limits
from argmap.load.yaml.scalars import YamlProblem
from argmap.load.yaml.source import parse_yaml

_REL = re.compile(r"^([ \t]*)(\+>|->|<\+|<-|\+|-|><|_>|<_|_(?=\s))[ \t]*(.*)$")
_LIST_ITEM = re.compile(r"^([ \t]*)(?:\d+\.|\*)(?=\s)[ \t]*(.*)$")
_HEADING = re.compile(r"^(#+)\s+(.*)$")
_LINK_START = re.compile(r"^\[[^\]]+?\]\([^)]+?\)")
_HEADS = (
    ("statement", True, re.compile(r"^\[(.+?)\]:")),
    ("statement", False, re.compile(r"^\[([^-].*?)\]")),
    ("argument", True, re.compile(r"^<(.+?)>:")),
    ("argument", False, re.compile(r"^<([^-].*?)>")),
)
_SYMBOLS: dict[str, tuple[RelationType, bool]] = {
    "+": ("support", True),
    "<+": ("support", True),
    "-": ("attack", True),
    "<-": ("attack", True),
    "+>": ("support", False),
    "->": ("attack", False),
    "><": ("contradictory", False),
    "_>": ("undercut", False),
    "<_": ("undercut", True),
    "_": ("undercut", True),
}
"""Each relation symbol: its type, and whether the indented child is the source."""


class ArgdownParser:
    """Parses the lines of one document (includes already inlined)."""

    def __init__(self, lines: list[Line], diagnostics: list[Diagnostic], limits: Limits) -> None:
        self.lines, self.diagnostics = lines, diagnostics
        self.limits = limits
        self.doc = ArgdownDocument()
        self.untitled = 0
        self.section: int | None = None
        self.seen: set[tuple[Ref, Ref, str]] = set()

    def error(self, place: Place, message: str, hint: str | None = None) -> None:
        """Report a syntax error at *place*."""
        where = Location(place.file, place.line, place.col)
        self.diagnostics.append(Diagnostic(where, "import-syntax", message, hint))

    def parse(self) -> ArgdownDocument:
        """The whole document."""
        lines = self._frontmatter(self.lines)
        blocks: list[list[Line]] = [[]]
        for line in lines:
            if line.text.strip():
                blocks[-1].append(line)
            elif blocks[-1]:
                blocks.append([])
        previous: str | None = None
        for block in (b for b in blocks if b):
            previous = self._block(block, previous)
        return self.doc

    def _frontmatter(self, lines: list[Line]) -> list[Line]:
        start = next((i for i, line in enumerate(lines) if line.text.strip()), None)
        if start is None or not lines[start].text.strip().startswith("==="):
            return lines
        end = next(
            (i for i in range(start + 1, len(lines)) if lines[i].text.startswith("===")), None
        )
        if end is None:
            self.error(lines[start].place, "front matter opened with '===' is never closed")
            return []
        try:  # the counting builder: bounded aliases and depth, as for claims files
            data = parse_yaml(
                "\n".join(line.text for line in lines[start + 1 : end]), self.limits
            ).data
        except YamlProblem as problem:
            line = lines[min(start + problem.line, end - 1)]
            place = Place(line.place.file, line.place.line, problem.col)
            self.error(place, f"front matter is not valid YAML: {problem.message}", problem.hint)
            data = None
        self.doc.frontmatter = data if isinstance(data, dict) else {}
        return lines[end + 1 :]

    def _block(self, block: list[Line], previous: str | None) -> str | None:
        """Parse one block; return the title of a top-level argument it defines, if any."""
        first = block[0].text.strip()
        heading = _HEADING.match(first)
        if heading:  # a heading runs on to the end of its block, as Argdown's lexer reads it
            self._heading(block, heading)
            return None
        if NUMBER.match(block[0].text):
            self._pcs(block, previous)
            return None
        if _LIST_ITEM.match(block[0].text):
            self._list(block)
            return None
        if _REL.match(block[0].text) or INFERENCE.match(block[0].text):
            self.error(block[0].place, "a relation or inference line starts a block", _AFTER_BLANK)
            return None
        ref, i = self.element(block, 0, block[0].text.strip(), 0, "top-level-statement")
        i = self.tree(block, i, ref)
        if i < len(block):
            self.error(block[i].place, "unexpected line after a statement", _NUMBERED_HINT)
        return ref[1] if ref[0] == "argument" else None

    def _heading(self, block: list[Line], match: re.Match[str]) -> None:
        line = block[0]
        text = " ".join([match.group(2), *(more.text.strip() for more in block[1:])])
        body, data_block = split_data(text)
        content = parse_content(body, self.limits)
        data = parse_content("x " + data_block, self.limits).data if data_block else {}
        self.doc.sections.append(Section(content.text, len(match.group(1)), line.place, data))
        self.section = len(self.doc.sections) - 1

    def next_title(self) -> str:
        self.untitled += 1
        return f"Untitled {self.untitled}"

    def element(
        self, block: list[Line], i: int, head: str, col: int, role: str | None
    ) -> tuple[Ref, int]:
        """Parse a statement or argument starting at line *i* (its text from *head* on)."""
        place = Place(block[i].place.file, block[i].place.line, col + 1)
        parts = [head]
        i += 1
        while i < len(block) and not _structural(block[i].text):
            if _starts_element(block[i].text.strip()):
                self.error(block[i].place, _NEW_ELEMENT, _NEW_ELEMENT_HINT)
            parts.append(block[i].text.strip())
            i += 1
        text = " ".join(parts)
        kind, title, definition = "statement", None, True
        if not _LINK_START.match(text):
            for head_kind, is_definition, pattern in _HEADS:
                match = pattern.match(text)
                if match:
                    kind, title, definition = head_kind, match.group(1).strip(), is_definition
                    rest = head[match.end() :]
                    if not definition and (rest.strip()[:1].isalnum() or rest[:1] == "("):
                        at = col + match.end() + len(rest) - len(rest.lstrip()) + 1
                        self.error(
                            Place(place.file, place.line, at),
                            f"text after the reference {match.group(0)}",
                            f"define it with a colon: {match.group(0)}: text",
                        )
                    text = text[match.end() :]
                    break
        content = parse_content(text, self.limits)
        if content.data_error:
            self.error(place, content.data_error)
        reference = title is not None and not definition
        member = Member(
            title or self.next_title(),
            content.text,
            "argument-description" if kind == "argument" else role,
            place,
            reference,
            content.tags,
            content.data,
            content.links,
            self.section,
        )
        order = len(self.doc.statements) + len(self.doc.arguments)
        if kind == "argument":
            argument = self.doc.arguments.setdefault(member.title, Argument(member.title, order))
            argument.members.append(member)
            argument.place = argument.place or place
            return ("argument", member.title), i
        statement = self.doc.statements.setdefault(member.title, Statement(member.title, order))
        statement.members.append(member)
        return ("statement", member.title), i

    def tree(self, block: list[Line], i: int, root: Ref, stop_at_items: bool = False) -> int:
        """Parse the relation lines below *root*; return the index after them."""
        indents, parents, last = [0], [root], root
        while i < len(block):
            line = block[i]
            match = _REL.match(line.text)
            if match is None or INFERENCE.match(line.text) or NUMBER.match(line.text):
                break
            if stop_at_items and _LIST_ITEM.match(line.text):
                break
            depth = len(match.group(1))
            if depth > indents[-1]:
                indents.append(depth)
                parents.append(last)
            while len(indents) > 1 and depth < indents[-1]:
                indents.pop()
                parents.pop()
            if len(indents) == 1:
                self.error(line.place, "a relation must be indented below its statement")
            symbol, col = match.group(2), match.start(3)
            child, i = self.element(block, i, match.group(3), col, "relation-statement")
            rel_type, child_is_source = _SYMBOLS[symbol]
            if rel_type == "contradictory" and child[0] == "argument":
                place = Place(line.place.file, line.place.line, col + 1)
                self.error(
                    place, f"'><' (contradiction) relates statements; <{child[1]}> is an argument"
                )
            parent = parents[-1]
            source, target = (child, parent) if child_is_source else (parent, child)
            self.add_relation(source, target, rel_type, line.place)
            last = child
        return i

    def add_relation(self, source: Ref, target: Ref, rel_type: RelationType, place: Place) -> None:
        """Record a relation unless the same one (either way, when symmetric) exists."""
        if (source, target, rel_type) in self.seen:
            return
        if rel_type == "contradictory" and (target, source, rel_type) in self.seen:
            return
        self.seen.add((source, target, rel_type))
        self.doc.relations.append(Relation(source, target, rel_type, place))

    def _list(self, block: list[Line]) -> None:
        i = 0
        first = _LIST_ITEM.match(block[0].text)
        margin = len(first.group(1)) if first else 0
        while i < len(block):
            match = _LIST_ITEM.match(block[i].text)
            if match is None:
                self.error(block[i].place, "expected a list item ('* ' or '1. ')")
                i += 1
                continue
            if len(match.group(1)) > margin:
                self.error(
                    block[i].place,
                    "a list item is indented below another",
                    "Argdown lists are flat: start each item where the first one starts",
                )
            col = match.start(2)
            ref, i = self.element(block, i, match.group(2), col, None)
            i = self.tree(block, i, ref, stop_at_items=True)

    def _pcs(self, block: list[Line], previous: str | None) -> None:
        parse_pcs(self, block, previous)


_NEW_ELEMENT = "a statement or argument title starts a line inside another's text"
_NEW_ELEMENT_HINT = "a new statement or argument starts after a blank line"
_AFTER_BLANK = "relations follow their statement directly, without a blank line between"
_NUMBERED_HINT = "a premise-conclusion structure starts after a blank line with '(1)'"


def _starts_element(text: str) -> bool:
    """True when *text* begins with a statement or argument title (not a Markdown link)."""
    if _LINK_START.match(text):
        return False
    return any(pattern.match(text) for _, _, pattern in _HEADS)


def _structural(text: str) -> bool:
    """True when a line starts something new rather than continuing a text."""
    return bool(
        _REL.match(text) or NUMBER.match(text) or INFERENCE.match(text) or _LIST_ITEM.match(text)
    )
