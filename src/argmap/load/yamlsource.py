"""Reading YAML text within the limits, and finding where a value sits in it when asked.

Parsing uses PyYAML's C parser (libyaml) where present; the pure-Python one
is 5–10× slower. Data is built from the parser's events by the counting
constructor of :mod:`argmap.load.yamlbuild`, which enforces the alias and
nesting limits. Positions are not kept for every value, which would cost
memory and time on large corpora: a :class:`PositionIndex` reads the text
again, lazily, only when a diagnostic needs a line and column. Every error
becomes a :class:`YamlProblem` located at the character at fault, with a
hint chosen by the parser's state, never by words in its message. This
module knows nothing about claims.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from typing import Any, ClassVar

import yaml
from yaml import events, nodes

from argmap.load.limits import Limits
from argmap.load.yamlbuild import Built, build
from argmap.load.yamlscalars import YamlProblem
from argmap.load.yamlschema import IMPLICIT_RESOLVERS, to_float, to_int

HAVE_LIBYAML: bool = bool(getattr(yaml, "__with_libyaml__", False))
"""True when PyYAML was built with libyaml and the fast parser is used."""

_BaseLoader: Any = yaml.CSafeLoader if HAVE_LIBYAML else yaml.SafeLoader

PathPart = str | int
"""One step into parsed YAML: a mapping key or a list index."""

ParsedYaml = Built
"""The data of one YAML text, and the keys it repeated."""

YamlSyntaxProblem = YamlProblem
"""The text is not valid YAML or breaks a limit (the name the loader uses)."""

_NOT_YAML_CHARACTER = re.compile(
    "[^\t\n\r\x20-\x7e\x85\xa0-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]"
)
"""A character YAML does not allow anywhere in a file (its `c-printable` set, negated)."""

_INDENTATION = "check the indentation of this line against the one above"
_CONTEXT_HINTS = {
    "while parsing a flow sequence": (
        "'[' starts a list: close it with ']', or quote text that begins with '['"
    ),
    "while parsing a flow mapping": (
        "'{' starts a mapping: close it with '}', or quote text that begins with '{'"
    ),
    "while parsing a block mapping": _INDENTATION,
    "while parsing a block collection": _INDENTATION,
    "while scanning a quoted scalar": "close the quote, or escape quotes inside it",
}
"""Hints by the parser's state when it failed (PyYAML's `context`)."""
_PROBLEM_HINTS = {
    "mapping values are not allowed here": (
        "quote text that contains ': ', e.g. text: \"Finer: missiles could …\""
    ),
    "mapping values are not allowed in this context": (
        "quote text that contains ': ', e.g. text: \"Finer: missiles could …\""
    ),
}
"""Hints by what the parser met (PyYAML's `problem`), for states without one above."""


class _EventLoader(_BaseLoader):  # type: ignore[misc]
    """The safe loader's parser, on argmap's schema (:mod:`argmap.load.yamlschema`).

    Plain scalars resolve by YAML 1.2's core schema and dates stay strings:
    the model parses them, so a bad date gets a located message instead of a
    crash inside the YAML constructor.
    """

    yaml_implicit_resolvers: ClassVar[dict[Any, Any]] = IMPLICIT_RESOLVERS  # YAML 1.2 core

    def construct_yaml_int(self, node: yaml.ScalarNode) -> int:
        return to_int(self.construct_scalar(node))

    def construct_yaml_float(self, node: yaml.ScalarNode) -> float:
        return to_float(self.construct_scalar(node))


_EventLoader.add_constructor("tag:yaml.org,2002:int", _EventLoader.construct_yaml_int)
_EventLoader.add_constructor("tag:yaml.org,2002:float", _EventLoader.construct_yaml_float)


def parse_yaml(text: str, limits: Limits | None = None) -> ParsedYaml:
    """Parse one YAML document within *limits*; raise :class:`YamlProblem` with a position."""
    loader = _EventLoader(text)
    try:
        return build(loader, limits or Limits())
    except yaml.reader.ReaderError:
        raise _bad_character(text) from None
    except yaml.MarkedYAMLError as exc:
        raise _marked(exc, text) from None
    except yaml.YAMLError as exc:  # unmarked: nothing better than the start is known
        raise YamlProblem(str(exc).splitlines()[0] or "invalid YAML", 1, 1) from None
    finally:
        loader.dispose()


def _bad_character(text: str) -> YamlProblem:
    found = _NOT_YAML_CHARACTER.search(text)
    if found is None:
        return YamlProblem("the file holds a character YAML does not allow", 1, 1)
    at = found.start()
    line = text.count("\n", 0, at) + 1
    col = at - (text.rfind("\n", 0, at) + 1) + 1
    char = found.group()
    return YamlProblem(
        f"character U+{ord(char):04X} is not allowed in YAML",
        line,
        col,
        "delete it: YAML files may hold no control characters except tab and newline; "
        'write it as an escape inside double quotes, e.g. "\\x1b", if it belongs in a text',
    )


def _marked(exc: yaml.MarkedYAMLError, text: str) -> YamlProblem:
    mark = exc.problem_mark or exc.context_mark
    line, col = (mark.line + 1, mark.column + 1) if mark else (1, 1)
    message = str(exc.problem or exc.context or "invalid YAML")
    if exc.context and exc.problem and exc.context_mark:
        start = exc.context_mark
        message += f" ({exc.context} at line {start.line + 1}, column {start.column + 1})"
    hint = None
    if mark is not None and _tab_at(text, mark.line, mark.column):
        hint = "YAML indents with spaces, never tabs"
    else:
        hint = _CONTEXT_HINTS.get(str(exc.context)) or _PROBLEM_HINTS.get(str(exc.problem))
    return YamlProblem(message, line, col, hint)


def _tab_at(text: str, line: int, column: int) -> bool:
    """True when the error sits on a tab, or in indentation that holds one."""
    start = 0
    for _ in range(line):
        start = text.find("\n", start) + 1
        if start == 0:
            return False
    end = text.find("\n", start)
    row = text[start : end if end >= 0 else len(text)]
    if column < len(row) and row[column] == "\t":
        return True
    indentation = row[: len(row) - len(row.lstrip(" \t"))]
    return "\t" in indentation and column <= len(indentation)


Position = tuple[int, int, Any]
"""(line, col, children) of one value: children is None for a scalar, a list of
positions for a list, and for a mapping a dict from the key (as ``str`` of the
value it reads as) to (key line, key col, position, key as written)."""


def position_tree(text: str) -> Position | None:
    """The position of every value of *text*, aliases shared, or None when it does not parse."""
    loader = _EventLoader(text)
    try:
        return _positions(loader)
    except yaml.YAMLError:
        return None
    finally:
        loader.dispose()


def _positions(loader: Any) -> Position | None:
    anchors: dict[str, Position] = {}
    stack: list[tuple[Position, list[Any]]] = []  # (collection, pending key for a mapping)
    while True:
        event = loader.get_event()
        kind = event.__class__
        if kind is events.StreamEndEvent:
            return None
        if kind in (events.StreamStartEvent, events.DocumentStartEvent, events.DocumentEndEvent):
            continue
        mark = event.start_mark
        scalar = None
        if kind is events.AliasEvent:  # the alias's place, the anchored value's insides
            anchored = anchors.get(event.anchor)
            position = (mark.line + 1, mark.column + 1, anchored[2] if anchored else None)
        elif kind is events.SequenceEndEvent or kind is events.MappingEndEvent:
            position = stack.pop()[0]
        else:
            children: Any = None
            if kind is events.SequenceStartEvent:
                children = []
            elif kind is events.MappingStartEvent:
                children = {}
            else:
                scalar = event
            position = (mark.line + 1, mark.column + 1, children)
            if event.anchor is not None:
                anchors[event.anchor] = position
            if children is not None:
                stack.append((position, []))
                continue
        if not stack:
            return position
        parent, pending = stack[-1]
        if isinstance(parent[2], list):
            parent[2].append(position)
        elif not pending:
            pending.append((position, scalar))
        else:
            (key_line, key_col, _), key = pending.pop()
            if key is not None:
                entry = (key_line, key_col, position, key.value)
                parent[2].setdefault(_key_as_read(loader, key), entry)


def _key_as_read(loader: Any, event: Any) -> str:
    """``str`` of the value a scalar key reads as: '1' for `1`, 'None' for `~`."""
    if event.tag is not None or not event.implicit[0]:
        return str(event.value)
    tag = loader.resolve(nodes.ScalarNode, event.value, event.implicit)
    if tag == "tag:yaml.org,2002:null":
        return "None"
    if tag in ("tag:yaml.org,2002:bool", "tag:yaml.org,2002:int", "tag:yaml.org,2002:float"):
        try:
            node = nodes.ScalarNode(tag, event.value)
            return str(loader.yaml_constructors[tag](loader, node))
        except (ValueError, TypeError, KeyError):
            pass
    return str(event.value)


def step_text(step: PathPart) -> str:
    """``str(step)``, safe for a number too long to print (YAML can hold one)."""
    try:
        return str(step)
    except ValueError:  # more digits than int -> str allows
        return "<a number too long to print>"


class PositionIndex:
    """Finds the line and column of a value, or of its key, by its path.

    It holds no text until asked: *read_text* is called on the first lookup,
    so a large corpus without problems never keeps its files in memory.
    """

    def __init__(self, read_text: Callable[[], str]) -> None:
        self._read_text = read_text
        self._root: Position | None = None
        self._built = False

    def _tree(self) -> Position | None:
        if not self._built:
            self._built = True
            self._root = position_tree(self._read_text())
        return self._root

    def locate(self, path: Sequence[PathPart], *, key: bool = False) -> tuple[int, int]:
        """(line, col) of the value at *path*, or of its key when *key* is set.

        A path that runs past what the text holds stops at the deepest value
        found, so the position is always somewhere sensible.
        """
        node = self._tree()
        if node is None:
            return (1, 1)
        line, col = node[0], node[1]
        for step in path:
            children = node[2]
            if isinstance(children, dict):
                entry = children.get(step_text(step))
                if entry is None:
                    break
                node = entry[2]
                line, col = (entry[0], entry[1]) if key else (node[0], node[1])
            elif isinstance(children, list) and isinstance(step, int) and 0 <= step < len(children):
                node = children[step]
                line, col = node[0], node[1]
            else:
                break
        return (line, col)

    def key_text(self, path: Sequence[PathPart]) -> str | None:
        """The last key of *path* as the file writes it (`~` for a null key), if found."""
        node = self._tree()
        for step in path[:-1] if path else ():
            if node is None:
                return None
            children = node[2]
            if isinstance(children, dict) and step_text(step) in children:
                node = children[step_text(step)][2]
            elif isinstance(children, list) and isinstance(step, int) and 0 <= step < len(children):
                node = children[step]
            else:
                return None
        if node is None or not path or not isinstance(node[2], dict):
            return None
        entry = node[2].get(step_text(path[-1]))
        return None if entry is None else str(entry[3])
