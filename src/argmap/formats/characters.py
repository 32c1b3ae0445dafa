"""Text made safe for where a written file puts it: a comment line, XML, JSON inside HTML.

Every writer in :mod:`argmap.formats` that copies text a user (or a foreign
file) supplied into a place with syntax of its own goes through here, so text
never becomes structure:

- :func:`escape_unsafe` writes each character that could end a line, hide text
  or break a reader (controls, C1 and NEL, U+2028/U+2029, bidi controls, BOM,
  lone surrogates, U+FFFE/U+FFFF) as a visible `\\uXXXX` escape, which JSON and
  YAML double-quoted strings read back as the character itself;
- :func:`comment_line` is any text as one comment line: one line, escaped;
- :func:`plain_line` is any text as one line of plain words, for formats with
  no escape for a line break (an Argdown statement, tag or inference rule);
- :func:`xml_text` and :func:`xml_attribute` drop what XML 1.0 forbids, then escape;
- :func:`script_safe_json` keeps JSON text from closing the `<script>` it is embedded in.

Nothing here reads or writes files.
"""

from __future__ import annotations

import re
from xml.sax.saxutils import escape, quoteattr

_UNSAFE = re.compile(
    "[\x00-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069"
    "\ud800-\udfff\ufeff\ufffe\uffff]"
)
"""Characters that end a line, reorder or hide text, or that YAML or XML refuse."""

_XML_FORBIDDEN = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]+")
"""Characters outside XML 1.0's `Char` production (no escape can write them)."""

_SCRIPT_UNSAFE = {"<": "\\u003c", ">": "\\u003e", "&": "\\u0026"}
"""Characters HTML reads inside a `<script>` element, as JSON escapes."""


def _code(found: re.Match[str]) -> str:
    return f"\\u{ord(found.group()):04x}"


def escape_unsafe(text: str) -> str:
    """*text* with each character of :data:`_UNSAFE` written as `\\uXXXX`.

    Linear time; text without such characters comes back unchanged.
    """
    return _UNSAFE.sub(_code, text)


def plain_line(text: str) -> str:
    """*text* on one line for a format with no escapes of its own: whitespace runs (line
    and paragraph separators, NEL included) become one space, other unsafe characters go."""
    return _UNSAFE.sub("", " ".join(text.split()))


def comment_line(text: str) -> str:
    """*text* as the body of one comment line: line breaks and controls escaped."""
    return escape_unsafe(text).rstrip()


def xml_text(text: str) -> str:
    """*text* as XML character data: forbidden characters dropped, `&<>` escaped."""
    return escape(_XML_FORBIDDEN.sub("", text))


def xml_attribute(text: str) -> str:
    """*text* as a quoted XML attribute value, forbidden characters dropped."""
    return quoteattr(_XML_FORBIDDEN.sub("", text))


def script_safe_json(text: str) -> str:
    """JSON *text* that can sit inside an HTML `<script>`: no `</script`, `<!--` or `]]>`.

    `<`, `>` and `&` occur in JSON text only inside strings, where `\\u003c` and
    the like read back as the same characters; U+2028 and U+2029 are escaped too.
    """
    for char, code in _SCRIPT_UNSAFE.items():
        text = text.replace(char, code)
    return text.replace("\u2028", "\\u2028").replace("\u2029", "\\u2029")
