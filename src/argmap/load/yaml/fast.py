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

_SLOW_PATH_CHARACTERS = ("\x85", "\u2028", "\u2029")
"""YAML 1.1's extra line breaks: found with `in` on the text, which runs at memory speed."""

_SLOW_PATH_BYTES = (b"!", b"&", b"*", b"\t", b"<<")
"""Tags, anchors, aliases, tabs and merge keys: found with `in` on the UTF-8 bytes
(memchr), where no byte of a longer character can stand for them."""

_FORBIDDEN_ASCII = bytes([*range(0x00, 0x09), 0x0B, 0x0C, *range(0x0E, 0x20), 0x7F])
"""The ASCII characters YAML forbids in a file (yaml-rs lets some through): PyYAML
locates them."""

_ALL_BUT_FORBIDDEN = bytes(b for b in range(256) if b not in _FORBIDDEN_ASCII)
"""What `bytes.translate` deletes to leave only forbidden ASCII bytes (in one C loop)."""

_FORBIDDEN_C1 = re.compile(rb"\xc2[\x80-\x84\x86-\x9f]")
"""The C1 control characters YAML forbids (U+0080 to U+009F but NEL), in UTF-8."""

_NONCHARACTERS = re.compile(rb"\xef\xbf[\xbe\xbf]")
"""U+FFFE and U+FFFF in UTF-8, which YAML forbids too (each pattern here starts with its
own literal bytes, which the regex engine skips to quickly; one alternation would not)."""

_DEEP_LINES = re.compile(rb"^(?: {200}|[ ]*(?:-[ ]+){20})", re.MULTILINE)
"""A line indented 200 columns, or opening 20 lists at once (`- - - …`): block nesting
that deep makes yaml-rs overflow its stack and kill the process (30,000 levels in a
60 KB file did), so such files go to the counting constructor, which bounds depth.
Block levels always move right, so these two bound how deep yaml-rs is asked to go."""

_DEEP_INDENT = b" " * 200
_DASH_DASH = re.compile(rb"-[ ]+-")
"""Cheap tests that come first: without either, no line is as deep as _DEEP_LINES asks."""

_LINE_MARKERS = (b"?", b"%", b"---", b"...")
"""A line can start as _SLOW_PATH_LINES asks only if it holds one of these: each line that
does is tried once (found with `find`, never by trying every line start)."""

_SLOW_PATH_LINES = re.compile(rb"[ ]*(?:(?:-[ ]+)*\?(?:[ ]|$)|%|---|\.\.\.)", re.MULTILINE)
"""Complex keys (also in a list item, `- ? k`), directives and document markers, at a
line start (matched from one)."""

_FLOW_COLONS = (re.compile(rb"\[[^\[\]{}\n]*:"), re.compile(rb"\{[^\[\]{}\n]*:"))
"""A colon after an opening bracket on one line: a key in a flow collection, perhaps.
Each scan stops at the next bracket, so a line of 100,000 `[` costs linear time; one
pattern per bracket, so the regex engine skips to the bracket at memory speed."""

_COLLECTION_KEYS = (re.compile(rb"\][ ]*:"), re.compile(rb"\}[ ]*:"))
"""A colon right after a closing bracket: a list or mapping used as a key (`[[]: 1]`),
which yaml-rs reads (as a tuple) and PyYAML refuses; a quoted `[1]: x` merely goes slow."""

_FLOW_OPENER = frozenset(b":,[{-\n")
"""What may stand (before spaces) in front of a bracket that opens a flow collection."""

_BOM = "\ufeff".encode()

_POLICY = yaml_rs.DuplicateKeyPolicy.Error


def needs_slow_path(text: str, raw: bytes | None = None) -> bool:
    """True when *text* holds something only PyYAML reads as argmap promises.

    *raw*, when given, is the UTF-8 the text was decoded from (a byte order mark
    before it allowed): the scan runs over bytes, where `find` and `in` run at
    memory speed, and every marker sought is ASCII or whole UTF-8 characters.
    """
    if any(marker in text for marker in _SLOW_PATH_CHARACTERS):
        return True
    data = text.encode("utf-8", "surrogatepass") if raw is None else raw.removeprefix(_BOM)
    if any(marker in data for marker in _SLOW_PATH_BYTES):
        return True
    if data.translate(None, _ALL_BUT_FORBIDDEN) or _FORBIDDEN_C1.search(data):
        return True
    if _NONCHARACTERS.search(data):
        return True
    if (_DEEP_INDENT in data or _DASH_DASH.search(data)) and _DEEP_LINES.search(data):
        return True
    if _marked_line(data):
        return True
    for bracket, pattern in zip(b"]}", _COLLECTION_KEYS, strict=True):
        if bracket in data and pattern.search(data):
            return True
    for bracket, pattern in zip(b"[{", _FLOW_COLONS, strict=True):
        if bracket in data and _flow_key(data, pattern):
            return True
    return False


def _marked_line(data: bytes) -> bool:
    """True when some line starts as _SLOW_PATH_LINES asks. Only lines holding a marker
    are tried, each once per marker, so the scan stays linear."""
    for marker in _LINE_MARKERS:
        at = data.find(marker)
        while at >= 0:
            if _SLOW_PATH_LINES.match(data, data.rfind(b"\n", 0, at) + 1):
                return True
            end = data.find(b"\n", at)
            at = -1 if end < 0 else data.find(marker, end + 1)
    return False


def _flow_key(data: bytes, pattern: re.Pattern[bytes]) -> bool:
    """True when a match of *pattern* opens a flow collection (few matches: brackets in
    quoted text, mostly)."""
    for match in pattern.finditer(data):
        at = match.start() - 1
        while at >= 0 and data[at] == 0x20:
            at -= 1
        if at < 0 or data[at] in _FLOW_OPENER:
            return True
    return False


def fast_parse(text: str, raw: bytes | None = None) -> dict[str, Any] | None:
    """The mapping *text* holds, parsed by yaml-rs; None when the slow path must read it.

    *raw*, when given, is the UTF-8 *text* was decoded from (see :func:`needs_slow_path`).
    """
    if needs_slow_path(text, raw):
        return None
    try:
        data = yaml_rs.loads(text, parse_datetime=False, duplicate_key_policy=_POLICY)
    except Exception:  # yaml-rs refuses it: the slow path says where and why
        return None
    if not isinstance(data, dict) or not all(isinstance(key, str) for key in data):
        return None
    return data
