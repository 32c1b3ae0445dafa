"""Argdown text below the block level: lines without comments, includes, inline content.

Comments (`<!-- -->`, `/* */`, `// …`) are removed the way Argdown's lexer
removes them: a line that held only a comment disappears, so it neither ends a
block nor breaks a relation tree. `@include(file)` lines are replaced by the
included file's lines, each line keeping its own file and number for
diagnostics. Inline content is split into title, text, tags, links and the
`{…}` data block; a backslash escape (`\\#42`, `\\*`) is the character itself, never
markup, and shortcodes (`.A.`, `.->.`) become their characters, as Argdown reads
them (:mod:`argmap.formats.argdown.shortcodes`). Nothing here prints.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from argmap.diagnostics import Diagnostic, Location
from argmap.formats.argdown.includes import MAX_INCLUDE_DEPTH, IncludeRefused, too_deep
from argmap.formats.argdown.model import Place
from argmap.formats.argdown.shortcodes import expand
from argmap.load.limits import Limits
from argmap.load.yaml.scalars import YamlProblem
from argmap.load.yaml.source import parse_yaml

DEFAULT_LIMITS = Limits()
"""The bounds a data block is read within when the caller names none."""

_COMMENT_OR_SKIP = re.compile(  # each scan stops at the next opener: linear on hostile text
    r"(?P<link>\[[^\[\]\n]+?\]\([^()\n]+?\))"
    r"|(?P<data>\{[^{}]*(?:\{[^{}]*\}[^{}]*)*\})"
    r"|(?P<comment><!--(?:(?!<!--).)*?-->|/\*(?:(?!/\*).)*?\*/|//[^\n]*)",
    re.DOTALL,
)
_INCLUDE = re.compile(r"^\s*@include\(\s*([^)\s]+?)\s*\)\s*$")
_TAG = re.compile(
    r"#(?:\(([^)]{1,200})\)|([A-Za-z0-9\-\u00A0-\uD7FF\uF900-\uFDCF\uFDF0-\uFFEF]+))[ \t]?"
)
# Every scan below stops at a bracket or after a bounded span, so hostile text (a line of
# 100,000 `[` or `**`) costs linear time.
_LINK = re.compile(r"\[([^\[\]]+?)\]\(([^()]+?)\)")
_BOLD = re.compile(r"(\*\*|__)(?=\S)(.{1,300}?)(?<=\S)\1")
_ITALIC = re.compile(r"(?<![\w*])(\*|_)(?=\S)(.{1,300}?)(?<=\S)\1(?![\w*])")
_ESCAPE = re.compile(r"\\(.)")
_PROTECTED = 0xE000
"""Escaped characters are held as private-use characters (U+E000 + code) while markup is
read, so no rule sees them; :func:`_release` gives them back."""
_HELD = re.compile("[\ue000-\uf8ff]")


def _hold(match: re.Match[str]) -> str:
    code = ord(match.group(1))
    return chr(_PROTECTED + code) if code < 0xF900 - _PROTECTED else match.group(1)


def _release(text: str) -> str:
    return _HELD.sub(lambda m: chr(ord(m.group(0)) - _PROTECTED), text)


@dataclass(frozen=True)
class Line:
    """One line of the document after comments are gone and includes are inlined."""

    text: str
    place: Place


def strip_comments(text: str) -> str:
    """*text* with comments removed; a line that held only a comment becomes a marker."""
    out: list[str] = []
    pos = 0
    for match in _COMMENT_OR_SKIP.finditer(text):
        if match.group("link") or match.group("data"):
            continue
        out.append(text[pos : match.start()])
        # keep the line count: every newline inside the comment stays, marked as removed
        out.append("\x00" + "\n\x00" * match.group("comment").count("\n"))
        pos = match.end()
    out.append(text[pos:])
    return "".join(out)


def logical_lines(
    text: str,
    shown: str,
    read_include: Callable[[str], tuple[str, str] | None],
    diagnostics: list[Diagnostic],
) -> list[Line]:
    """The lines of *text*, comment-only lines dropped and includes inlined.

    *read_include* maps an include path to (shown name, text), or None when
    unreadable, or raises IncludeRefused. A file that includes one already
    being included is skipped with a warning, as the Argdown CLI skips it.
    Includes nested deeper than MAX_INCLUDE_DEPTH, or past the reader's size
    bound, are refused, and the first such refusal ends all inlining.
    """
    lines: list[Line] = []
    try:
        _inline(text, shown, read_include, diagnostics, (), lines)
    except IncludeRefused as refused:  # a bound: reported once, the lines so far kept
        diagnostics.append(Diagnostic(refused.place, refused.code, refused.message, refused.hint))
    return lines


def _inline(
    text: str,
    shown: str,
    read_include: Callable[[str], tuple[str, str] | None],
    diagnostics: list[Diagnostic],
    stack: tuple[str, ...],
    lines: list[Line],
) -> None:
    """Append the lines of *text* (the file *shown*, included through *stack*) to *lines*."""
    for number, raw in enumerate(strip_comments(text).split("\n"), start=1):
        if "\x00" in raw and not raw.replace("\x00", "").strip():
            continue  # held only a comment
        raw = raw.replace("\x00", "")
        include = _INCLUDE.match(raw)
        if include is None:
            lines.append(Line(raw.rstrip("\r"), Place(shown, number, 1)))
            continue
        place = Location(shown, number, raw.index("@") + 1)
        try:
            if len(stack) >= MAX_INCLUDE_DEPTH:
                raise too_deep(include.group(1))
            found = read_include(include.group(1))
        except IncludeRefused as refused:
            refused.place = place
            if refused.code == "include-limit":
                raise
            diagnostics.append(Diagnostic(place, refused.code, refused.message, refused.hint))
            continue
        if found is None:
            message = f"cannot read included file '{include.group(1)}'"
            diagnostics.append(Diagnostic(place, "unreadable-file", message))
            continue
        name, included = found
        if name in (*stack, shown):
            message = f"'{shown}' includes '{name}', which is already being included; skipped"
            hint = "the Argdown CLI skips it too; remove the include to silence this"
            diagnostics.append(Diagnostic(place, "include-cycle", message, hint))
            continue
        _inline(included, name, read_include, diagnostics, (*stack, shown), lines)


@dataclass
class Content:
    """The inline content of one statement, argument or heading."""

    text: str
    tags: list[str] = field(default_factory=list)
    links: list[tuple[str, str]] = field(default_factory=list)
    data: dict[str, Any] = field(default_factory=dict)
    data_error: str | None = None


def split_data(raw: str) -> tuple[str, str | None]:
    """(*raw* without a trailing `{…}` data block, the block's text or None)."""
    stripped = raw.rstrip()
    if not stripped.endswith("}") or stripped.endswith("\\}"):  # `\}` is text
        return raw, None
    depth = 0
    for i in range(len(stripped) - 1, -1, -1):
        depth += {"}": 1, "{": -1}.get(stripped[i], 0)
        if depth == 0:
            return stripped[:i], stripped[i:]
    return raw, None


def parse_data(block: str, limits: Limits) -> tuple[dict[str, Any], str | None]:
    """A `{…}` data block as a mapping (Argdown reads it as YAML), or an error message."""
    try:  # the counting builder: bounded aliases and depth, as for claims files
        value = parse_yaml(block, limits).data
    except YamlProblem as problem:
        return {}, f"the data block {block[:30]!r} is not valid YAML: {problem.message}"
    if not isinstance(value, dict):
        return {}, f"the data block {block[:30]!r} is not a mapping"
    return {str(k): v for k, v in value.items()}, None


def unescape(text: str) -> str:
    """*text* with each backslash escape (`\\-`, `\\[`) read as the character it escapes."""
    return _ESCAPE.sub(r"\1", text)


def parse_content(raw: str, limits: Limits = DEFAULT_LIMITS) -> Content:
    """Split inline text into plain text, tags, links and data (read within *limits*)."""
    if _HELD.search(raw):  # text using the private-use range itself: escapes read in place
        body, block = split_data(raw)
        body = _ESCAPE.sub(lambda m: m.group(1), body)
    else:
        body, block = split_data(_ESCAPE.sub(_hold, raw))
        if block is not None:  # the data block is YAML: its backslashes are YAML's own
            block = _HELD.sub(lambda m: "\\" + chr(ord(m.group(0)) - _PROTECTED), block)
    content = Content("")
    if block is not None:
        content.data, content.data_error = parse_data(block, limits)
    for match in _TAG.finditer(body):
        tag = (match.group(1) or match.group(2)).strip()
        if tag and tag not in content.tags:
            content.tags.append(tag)
    body = _TAG.sub("", body)
    content.links = [(m.group(1), m.group(2)) for m in _LINK.finditer(body)]
    body = _LINK.sub(lambda m: m.group(1), body)
    body = _BOLD.sub(lambda m: m.group(2), body)
    body = _ITALIC.sub(lambda m: m.group(2), body)
    content.text = _release(re.sub(r"\s+", " ", expand(body)).strip())
    content.tags = [_release(tag) for tag in content.tags]
    content.links = [(_release(label), _release(url)) for label, url in content.links]
    return content
