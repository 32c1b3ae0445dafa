"""Reading YAML text within the limits, and finding where a value sits in it when asked.

Parsing uses PyYAML's C parser (libyaml) where present; the pure-Python one
is 5–10× slower. Data is built from the parser's events by the counting
constructor of :mod:`argmap.load.yaml.build`, which enforces the alias and
nesting limits. Positions are not kept for every value, which would cost
memory and time on large corpora: a :class:`PositionIndex` reads the text
again, lazily, only when a diagnostic needs a line and column. Every error
becomes a :class:`YamlProblem` located at the character at fault, with a
hint chosen by the parser's state, never by words in its message. This
module knows nothing about claims.
"""

from __future__ import annotations

import re
from typing import Any, ClassVar

import yaml

from argmap import diagnostics
from argmap.load.limits import Limits
from argmap.load.yaml.build import Built, build
from argmap.load.yaml.scalars import YamlProblem
from argmap.load.yaml.schema import IMPLICIT_RESOLVERS, to_float, to_int

HAVE_LIBYAML: bool = bool(getattr(yaml, "__with_libyaml__", False))
"""True when PyYAML was built with libyaml and the fast parser is used."""

_BaseLoader: Any = yaml.CSafeLoader if HAVE_LIBYAML else yaml.SafeLoader

PathPart = diagnostics.PathPart
"""One step into parsed YAML: a mapping key or a list index (defined with the locations)."""

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
    """The safe loader's parser, on argmap's schema (:mod:`argmap.load.yaml.schema`).

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
