"""Reading one YAML scalar as PyYAML's safe loader does, and the problem YAML readers raise.

A plain scalar is resolved by the loader's implicit resolvers and built by
the loader's constructors (argmap's loader follows YAML 1.2's core schema,
:mod:`argmap.load.yaml.schema`), so the counting constructor reads exactly
what PyYAML with that loader would. What PyYAML would crash on (a
10,000-digit number, `!!bool maybe`, a tag no claims file uses) becomes a
:class:`YamlProblem` at the scalar, with a hint chosen by what the scalar
is, never by the words of an exception.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass
from typing import Any

from yaml import MarkedYAMLError, nodes

_STR = "tag:yaml.org,2002:str"
_INT = "tag:yaml.org,2002:int"
_MERGE = "tag:yaml.org,2002:merge"
_VALUE = "tag:yaml.org,2002:value"  # a plain '=': PyYAML reads it as text where it is a key
_SCALAR_TAGS = {
    f"tag:yaml.org,2002:{name}" for name in ("null", "bool", "int", "float", "binary", "timestamp")
}

MERGE_KEY: Any = object()
"""What a plain `<<` reads as: a merge where it is a key, an error anywhere else."""


@dataclass(frozen=True)
class YamlProblem(Exception):
    """The text is not valid YAML, or breaks a limit; line and col are 1-based."""

    message: str
    """What is wrong, as the user's sentence."""
    line: int
    """Where it is."""
    col: int
    """Column of that place."""
    hint: str | None = None
    """How to fix it, when the reader knows."""
    code: str = "yaml-syntax"
    """The diagnostic code: `yaml-syntax`, or `yaml-too-complex` for a broken limit."""


def at(mark: Any) -> tuple[int, int]:
    """The 1-based (line, col) of a PyYAML mark (the start of the text without one)."""
    return (mark.line + 1, mark.column + 1) if mark is not None else (1, 1)


def read_scalar(loader: Any, event: Any) -> Any:
    """The value of a scalar event: text, a number, a boolean, None, bytes, or MERGE_KEY."""
    tag, value = event.tag, event.value
    if tag is None or tag == "!":
        implicit = event.implicit
        if not implicit[0]:
            return value  # quoted: always text
        if value[:1] not in loader.yaml_implicit_resolvers:
            return value
        tag = loader.resolve(nodes.ScalarNode, value, implicit)
    if tag in (_STR, _VALUE):
        return value
    if tag == _MERGE:
        return MERGE_KEY
    if tag not in _SCALAR_TAGS:
        raise bad_tag(event, tag)
    node = nodes.ScalarNode(tag, value, event.start_mark, event.end_mark, event.style)
    try:
        return loader.yaml_constructors[tag](loader, node)
    except MarkedYAMLError:
        raise
    except Exception:  # PyYAML's constructors fail in many ways on odd text
        line, col = at(event.start_mark)
        digits = sys.get_int_max_str_digits()
        if tag == _INT and sum(ch.isdigit() for ch in value) > digits:
            raise YamlProblem(
                f"this number has more than {digits} digits",
                line,
                col,
                'quote it if it is text, e.g. id: "123…"',
            ) from None
        raise YamlProblem(
            f"'{short(value)}' cannot be read as {tag_name(tag)}",
            line,
            col,
            "remove the tag, or write a value of that kind",
        ) from None


def bad_tag(event: Any, tag: str | None = None) -> YamlProblem:
    """The problem of a tag (`!foo`, `!!set`) that no claims file uses."""
    line, col = at(event.start_mark)
    return YamlProblem(
        f"the tag '{short(tag_name(tag or event.tag))}' is not used in claims files",
        line,
        col,
        "remove the tag; claims files need no '!' tags",
    )


def short(text: str, limit: int = 40) -> str:
    """*text* cut to *limit* characters for a message."""
    return text if len(text) <= limit else text[: limit - 1] + "…"


def tag_name(tag: str) -> str:
    """A tag as YAML writes it: `!!int` for the standard ones."""
    return "!!" + tag.rsplit(":", 1)[-1] if tag.startswith("tag:yaml.org,2002:") else tag
