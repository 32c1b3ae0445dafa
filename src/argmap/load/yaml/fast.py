"""The happy path's YAML parser: yaml-rs, about ten times faster than PyYAML's C loader.

Most claims files are plain: mappings, lists, plain and quoted scalars. For
those, :func:`fast_parse` hands the text to yaml-rs (Rust; PyPI `yaml-rs`),
which follows the same YAML 1.2 core schema as argmap's PyYAML loader (see
:mod:`argmap.load.yaml.schema`) and leaves dates as text. It returns None, and
the caller takes the slow path (PyYAML, with positions, limits and located
diagnostics), whenever a text could read differently or needs the slow
path's care:

- tags (`!`), anchors and aliases (`&`, `*`: the slow path bounds alias
  expansion), merge keys (`<<`), complex keys (`? `), directives and document
  markers (`%`, `---`, `...` at a line start), tabs, YAML 1.1's extra line
  breaks (NEL, LS, PS), and keys inside flow collections (`{a: 1}` or
  `[a: 1]`, where the two parsers' edge cases differ) — a cheap scan of the
  text, so a claim that merely contains `!` or `*` is parsed slowly, never
  wrongly;
- deep block nesting (a line indented 200 columns, or `- - - …` twenty deep),
  which yaml-rs would recurse into until the process crashed;
- characters YAML forbids (control characters, U+FFFE, U+FFFF), some of which
  yaml-rs would accept, so both parsers refuse them alike and PyYAML says where;
- anything yaml-rs refuses: syntax errors, repeated keys, bad characters;
- a top level that is not a mapping, or keys that are not plain text.

A differential test (tests/test_fast_yaml.py) parses every YAML file of the
suite and generated documents both ways and requires identical data. This
module knows nothing about claims.
"""

from __future__ import annotations

import re
from typing import Any

import yaml_rs

_SLOW_PATH_CHARACTERS = ("!", "&", "*", "\t", "<<", "\x85", "\u2028", "\u2029")
"""Tags, anchors, aliases, tabs, merge keys and YAML 1.1's extra line breaks: found with
`in`, which runs at memory speed."""

_NOT_PLAIN_TEXT = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x84\x86-\x9f\ufffe\uffff]")
"""Characters YAML forbids in a file (yaml-rs lets some through): PyYAML locates them."""

_DEEP_LINES = re.compile(r"^(?: {200}|[ ]*(?:-[ ]+){20})", re.MULTILINE)
"""A line indented 200 columns, or opening 20 lists at once (`- - - …`): block nesting
that deep makes yaml-rs overflow its stack and kill the process (30,000 levels in a
60 KB file did), so such files go to the counting constructor, which bounds depth.
Block levels always move right, so these two bound how deep yaml-rs is asked to go."""

_DEEP_INDENT = " " * 200
_DASH_DASH = re.compile(r"-[ ]+-")
"""Cheap tests that come first: without either, no line is as deep as _DEEP_LINES asks."""

_LINE_MARKERS = ("?", "%", "---", "...")
"""Without any of these, no line can start as _SLOW_PATH_LINES asks (a cheap test first)."""

_SLOW_PATH_LINES = re.compile(r"^[ ]*(?:(?:-[ ]+)*\?(?:[ ]|$)|%|---|\.\.\.)", re.MULTILINE)
"""Complex keys (also in a list item, `- ? k`), directives and document markers, at a
line start."""

_FLOW_COLON = re.compile(r"[\[{][^\[\]{}\n]*:")
"""A colon after an opening bracket on one line: a key in a flow collection, perhaps.
Each scan stops at the next bracket, so a line of 100,000 `[` costs linear time."""

_COLLECTION_KEY = re.compile(r"[\]}][ ]*:")
"""A colon right after a closing bracket: a list or mapping used as a key (`[[]: 1]`),
which yaml-rs reads (as a tuple) and PyYAML refuses; a quoted `[1]: x` merely goes slow."""

_FLOW_OPENER = frozenset(":,[{-")
"""What may stand (before spaces) in front of a bracket that opens a flow collection."""

_POLICY = yaml_rs.DuplicateKeyPolicy.Error


def needs_slow_path(text: str) -> bool:
    """True when *text* holds something only PyYAML reads as argmap promises."""
    if any(marker in text for marker in _SLOW_PATH_CHARACTERS):
        return True
    if _NOT_PLAIN_TEXT.search(text):
        return True
    if (_DEEP_INDENT in text or _DASH_DASH.search(text)) and _DEEP_LINES.search(text):
        return True
    if any(marker in text for marker in _LINE_MARKERS) and _SLOW_PATH_LINES.search(text):
        return True
    if _COLLECTION_KEY.search(text):
        return True
    for match in _FLOW_COLON.finditer(text):  # few matches: brackets in quoted text, mostly
        at = match.start() - 1
        while at >= 0 and text[at] == " ":
            at -= 1
        if at < 0 or text[at] in _FLOW_OPENER or text[at] == "\n":
            return True
    return False


def fast_parse(text: str) -> dict[str, Any] | None:
    """The mapping *text* holds, parsed by yaml-rs; None when the slow path must read it."""
    if needs_slow_path(text):
        return None
    try:
        data = yaml_rs.loads(text, parse_datetime=False, duplicate_key_policy=_POLICY)
    except Exception:  # yaml-rs refuses it: the slow path says where and why
        return None
    if not isinstance(data, dict) or not all(isinstance(key, str) for key in data):
        return None
    return data
