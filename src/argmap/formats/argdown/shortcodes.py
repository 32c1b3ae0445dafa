"""Argdown's shortcodes: `.A.` and `:A:` written for ∀, `.->.` for →, `:happy:` for 😀 …

The table is the one `@argdown/core` 2.0.1 ships (`plugins/shortcodes.js`, MIT), so a
text reads as `argdown json` reads it. :func:`expand` replaces each shortcode the way
Argdown's lexer finds them: from a `.` or `:`, the shortest run of non-spaces up to the
next one, with one following space or tab kept; a run that is no shortcode stays as
written. Nothing here prints.
"""

from __future__ import annotations

import re

SHORTCODES: dict[str, str] = {
    ".A.": "∀",
    ":A:": "∀",
    ".E.": "∃",
    ":E:": "∃",
    ".O.": "𝗢",
    ":O:": "𝗢",
    ".P.": "𝗣",
    ":P:": "𝗣",
    ".->.": "→",
    ":->:": "→",
    ".<->.": "↔",
    ":<->:": "↔",
    ".~.": "¬",
    ":~:": "¬",
    ".^.": "∧",
    ":^:": "∧",
    ".v.": "∨",
    ":v:": "∨",
    ".v_.": "⊻",
    ":v_:": "⊻",
    ".<>.": "◇",
    ":<>:": "◇",
    ".[].": "◻",
    ":[]:": "◻",
    ":happy:": "😀",
    ".happy.": "😀",
    ":smile:": "☺️",
    ".smile.": "☺",
    ":smiley:": "☺",
    ".smiley.": "☺",
    ":laugh:": "😆",
    ".laugh.": "😆",
    ":lol:": "😆",
    ".lol.": "😆",
    ":rofl:": "🤣",
    ".rofl.": "🤣",
    ":joy:": "😂",
    ".joy.": "😂",
    ":heart:": "❤",
    ".heart.": "❤",
    ".?.": "❓",
    ":?:": "❓",
    ".question.": "❓",
    ":question:": "❓",
    ":love:": "😍",
    ".love.": "😍",
    ":wink:": "😉",
    ".wink.": "😉",
    ":shush:": "🤫",
    ".shush.": "🤫",
    ":meh:": "😐",
    ".meh.": "😐",
    ":eye-roll:": "🙄",
    ".eye-roll.": "🙄",
    ":sad:": "😢",
    ".sad.": "😢",
    ":disappointed:": "😞",
    ".disappointed.": "😞",
    ":scream:": "😱",
    ".scream.": "😱",
    ":+1:": "👍",
    ".+1.": "👍",
    ":up:": "👍",
    ".up.": "👍",
    ":-1:": "👎",
    ".-1.": "👎",
    ":down:": "👎",
    ".down.": "👎",
    ":think:": "🤔",
    ".think.": "🤔",
    ".star.": "⭐",
    ":star:": "⭐",
    ".y.": "✔",
    ":y:": "✔",
    ".agree.": "✔",
    ":agree:": "✔",
    ".n.": "❌",
    ":n:": "❌",
    ".disagree.": "❌",
    ":disagree:": "❌",
}
"""Each shortcode and the character Argdown writes for it."""

_SPECIAL = re.compile(r"\.[^\s]+?\.[ \t]?|:[^\s]+?:[ \t]?")
"""Argdown's SpecialChar token (a lazy run stops at the first closing mark: linear)."""


def expand(text: str) -> str:
    """*text* with every shortcode replaced by its character."""
    if "." not in text and ":" not in text:
        return text

    def one(match: re.Match[str]) -> str:
        image = match.group(0)
        found = SHORTCODES.get(image.strip())
        if found is None:
            return image
        return found + (" " if image[-1] in " \t" else "")

    return _SPECIAL.sub(one, text)
