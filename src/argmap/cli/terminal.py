"""Text made safe for a terminal, a log or a JSON reader: the one rule every output follows.

Control characters (C0 but tab and newline, DEL, C1) and bidirectional overrides from
claims, ids or file names are shown as escapes (``\\x1b``, ``\\u202e``), so nothing argmap
prints can move the cursor, reorder text or start a forged line. JSON keeps the same
data with such characters written as ``\\u`` escapes. Nothing here prints.
"""

from __future__ import annotations

import re
from typing import Any

_UNSAFE_CODES = [*range(0x00, 0x09), *range(0x0B, 0x20), *range(0x7F, 0xA0)]
_UNSAFE_CODES += [0x061C, 0x200E, 0x200F, *range(0x202A, 0x202F), *range(0x2066, 0x206A)]
"""What must not reach a terminal raw: C0 but tab and newline, DEL, C1, bidi controls."""
_SHOWN = {code: f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}" for code in _UNSAFE_CODES}
_SHOWN_ONE_LINE = {**_SHOWN, ord("\n"): "\\n"}
_JSON_ESCAPED = {code: f"\\u{code:04x}" for code in _UNSAFE_CODES}
_ANY_UNSAFE = re.compile("[" + "".join(re.escape(chr(code)) for code in _UNSAFE_CODES) + "]")


def terminal_safe(text: str, *, keep_newlines: bool = False) -> str:
    """*text* with every control character shown as an escape; newlines too unless kept."""
    if _ANY_UNSAFE.search(text) is None and (keep_newlines or "\n" not in text):
        return text  # the common case, found at the speed of a scan
    return text.translate(_SHOWN if keep_newlines else _SHOWN_ONE_LINE)


def json_safe(text: str) -> str:
    """JSON text with its control and bidi characters written as \\u escapes (same data)."""
    return text if _ANY_UNSAFE.search(text) is None else text.translate(_JSON_ESCAPED)


def json_text(data: Any) -> str:
    """*data* as indented JSON in which control and bidi characters are \\u escapes."""
    import json

    return json_safe(json.dumps(data, indent=2, ensure_ascii=False))
