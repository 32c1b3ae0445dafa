"""One mention: the noun phrase a reporting pattern points at, split into name, role and short.

A subject is read walking back from its verb to a clause boundary (a comma,
"that", "while", another verb …). Its head is the last word before any
post-modifier ("a participant *from Lithuania*"). A capitalised head gives a
proper name: title words up to the last of them are its role ("UK Foreign
Secretary Jane Doe"), an acronym in parentheses after it is its short form. A
lowercase head must be a speaker noun of the lexicon ("analysts", "the
committee"). Anything else is not a speaker. Nothing here knows the rest of the
document; :mod:`.resolve` links mentions to speakers.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from argmap.ingest.speakers.lexicon import (
    AUTHOR_PRONOUNS,
    COUNTRIES,
    DETERMINERS,
    DOCUMENT_NOUNS,
    GOVERNMENT_NOUNS,
    GROUP_NOUNS,
    HONORIFICS,
    METONYMS,
    MODIFIERS,
    ORGANIZATION_NOUNS,
    PERSON_NOUNS,
    PREPOSITIONS,
    PRONOUNS,
    ROLE_WORDS,
)

_NOT_NAMES = frozenset({"it", "this", "that", "there", "these", "those", "others", "such", "none"})
_JOINERS = frozenset({"of", "for", "and", "the", "de", "von", "on", "as"})
_NAME_PREFIX = re.compile(r"(?:al|el|bin|ibn|van|von|de|da|di|du|le|la)-[A-Z]")
_POSSESSIVE = re.compile(r"(?:’s|'s|’|')$")
SPEAKER_NOUNS = PERSON_NOUNS | GROUP_NOUNS | ORGANIZATION_NOUNS | GOVERNMENT_NOUNS
"""Lowercase heads that make a noun phrase a speaker."""


class Mention(NamedTuple):
    """A noun phrase that names who is reported."""

    name: str
    """The name as shown: "Jane Doe", "Some European officials", "the committee"."""
    role: str | None = None
    """Title words, e.g. "UK Foreign Secretary"."""
    short: str | None = None
    """An acronym given in parentheses, e.g. "ISS"."""
    kind: str = "person"
    """person, government, organization, group; or "pronoun" / "author" (resolved later)."""
    common: bool = False
    """True for a common-noun phrase ("an HTS official"), False for a proper name."""
    definite: bool = False
    """True when it opens with "the" ("the committee"): it may refer back."""
    head: str = ""
    """Its head word, lowercase ("official", "committee", "doe")."""
    core: str = ""
    """Its words before any post-modifier, normalised ("hts official")."""


def capitalised(word: str) -> bool:
    """True for a word that can be part of a proper name ("Doe", "al-Sharaa", "UK")."""
    return (word[:1].isupper() and word != "I") or _NAME_PREFIX.match(word) is not None


def join(words: list[str]) -> str:
    """Tokens back into text: no space before ) , . or after (."""
    text = " ".join(words)
    text = re.sub(r" ([),.;:])", r"\1", text).replace("( ", "(")
    return text.rstrip(" .,;:")


def bare(word: str) -> str:
    """*word* lowercase, without a possessive ending or a final full stop."""
    return _POSSESSIVE.sub("", word.lower().rstrip("."))


def normalise(words: list[str]) -> str:
    """Words compared across mentions: lowercase, no possessives, no opening determiners."""
    found = [bare(w) for w in words if w not in "()"]
    while found and (found[0] in DETERMINERS or found[0].isdigit()):
        found.pop(0)
    return " ".join(found)


def mention(span: list[str]) -> Mention | None:
    """The mention a subject span names, or None when it names no speaker."""
    words = [w.rstrip(".") if i == len(span) - 1 else w for i, w in enumerate(span)]
    words = [w for w in words if w]
    if len(words) == 1 and words[0].lower() in PRONOUNS:
        return Mention(words[0].lower(), kind="pronoun")
    if len(words) == 1 and words[0].lower() in AUTHOR_PRONOUNS:
        return Mention(words[0].lower(), kind="author")
    for i, word in enumerate(words):  # "an assessment by the Office …": the Office speaks
        if word == "by" and i and words[i - 1].lower() in DOCUMENT_NOUNS:
            return mention(words[i + 1 :])
    if len(words) >= 2 and words[-1].lower() in DOCUMENT_NOUNS and _POSSESSIVE.search(words[-2]):
        words = [*words[:-2], _POSSESSIVE.sub("", words[-2])]  # "the committee's report"
    short = None
    if len(words) >= 4 and words[-1] == ")" and words[-3] == "(" and capitalised(words[-2]):
        short, words = words[-2], words[:-3]
    if not words or "(" in words or ")" in words:
        return None
    cut = next(
        (
            i
            for i in range(1, len(words))
            if words[i] in PREPOSITIONS
            and (not capitalised(words[i - 1]) or (i == 1 and _opening_noun(words[0])))
        ),
        len(words),
    )
    core, head = words[:cut], words[cut - 1]
    if head.lower() in SPEAKER_NOUNS and not capitalised(head):
        return _common(words, core, short)
    if len(core) == 1 and _opening_noun(head):
        return _common([head.lower(), *words[1:]], [head.lower()], short)  # "Analysts say …"
    if capitalised(head):
        return _proper(core, short)
    return None


def _opens(words: list[str]) -> bool:
    """True for no words or a determiner (or number) alone: what may open a noun phrase."""
    return not words or (
        len(words) == 1 and (words[0].lower() in DETERMINERS or words[0].isdigit())
    )


def _opening_noun(word: str) -> bool:
    """A capitalised speaker noun that only opens the sentence ("Participants from …")."""
    return word.istitle() and word.lower() in PERSON_NOUNS | GROUP_NOUNS


def _common(words: list[str], core: list[str], short: str | None) -> Mention:
    """A common-noun phrase, cut to the modifiers a speaker noun takes ("insurance company")."""
    start = len(core) - 1
    while start > 0 and (
        capitalised(core[start - 1])
        or core[start - 1].lower() in MODIFIERS
        or (core[start - 1] == "and" and start > 1 and capitalised(core[start - 2]))
    ):
        start -= 1
    if start == len(core) - 1 and start > 0 and _opens(core[: start - 1]):
        start -= 1  # one unknown word right after a determiner: "some trade lawyers"
    if start > 0 and _opens(core[start - 1 : start]):
        start -= 1
    definite = words[0].lower() == "the"
    words, core = words[start:], core[start:]
    shown = words[1:] if words[0].lower() in ("a", "an") else words
    if shown[0].lower() in DETERMINERS:
        shown = [shown[0].lower(), *shown[1:]]
    head = bare(core[-1])
    kind = (
        "group"
        if head in GROUP_NOUNS
        else "person"
        if head in PERSON_NOUNS
        else classify([bare(w) for w in core], head, common=True)
    )
    return Mention(
        " ".join(shown), None, short, kind, True, definite, head, normalise(core) or head
    )


def _proper(core: list[str], short: str | None) -> Mention | None:
    """A capitalised run ending at the head; lowercase title words before it are its role."""
    start = len(core)
    while start > 0 and (
        capitalised(core[start - 1])
        or (start < len(core) and core[start - 1] in _JOINERS and start > 1)
    ):
        start -= 1
    while start < len(core) and core[start] in _JOINERS:
        start += 1
    run = core[start:]
    if run and run[0] == "The" and len(run) > 1:
        run = run[1:]
    if not run or (len(run) == 1 and run[0].lower() in _NOT_NAMES | DETERMINERS):
        return None  # "Many believe", "Others insisted", "This suggests"
    role_end = max((i for i, w in enumerate(run) if bare(w) in ROLE_WORDS), default=-1)
    if 0 <= role_end < len(run) - 1:
        role: str | None = " ".join(run[: role_end + 1])
        name = run[role_end + 1 :]
    else:
        role, name = _lower_role(core[:start]), run
    if role_end == len(run) - 1:  # only title words: "the President"
        role, name = " ".join(run), ["the", *run]
    lowered = [bare(w) for w in name]
    acronym = len(name) == 1 and len(name[0]) > 1 and name[0].isupper()
    kind = "person" if role else classify(lowered, lowered[-1], common=False, acronym=acronym)
    return Mention(" ".join(name), role, short, kind, False, False, lowered[-1], normalise(name))


def _lower_role(words: list[str]) -> str | None:
    """Lowercase title words before a name: "foreign secretary" in "then foreign secretary X"."""
    if not words or words[-1].lower() not in ROLE_WORDS:
        return None
    start = len(words) - 1
    while start > 0 and len(words) - start < 3 and words[start - 1].isalpha():
        if words[start - 1].lower() in ("the", "a", "an", "then", "and", "while", "former"):
            break
        start -= 1
    return " ".join(words[start:])


def classify(words: list[str], head: str, common: bool, acronym: bool = False) -> str:
    """person, government, organization or group, from a mention's words and head."""
    if set(words) & GOVERNMENT_NOUNS or (len(words) <= 2 and words[-1] in METONYMS | COUNTRIES):
        return "government"
    if words[-2:] == ["united", "states"] or words[-2:] == ["white", "house"]:
        return "government"
    if head in ORGANIZATION_NOUNS or (not common and set(words) & ORGANIZATION_NOUNS):
        return "organization"
    if common:
        return "group" if head in GROUP_NOUNS else "person"
    if acronym:
        return "organization"
    name = [w for w in words if w not in HONORIFICS]
    return "person" if 1 <= len(name) <= 4 else "organization"
