"""Who the text reports as saying something: reporting verbs, attributions, role words.

"X said/argued/suggested/…", "X has emphasized", "according to X" and a closing
"…, the judge warned." name a speaker X. X is the run of capitalised words
(with possessives, "of", "and") just before the verb, or a common noun such as
"the judge" or "the government". Role words before a name become its role:
"US Deputy National Security Advisor Jon Finer" is Jon Finer, whose role is
US Deputy National Security Advisor. Nothing is guessed beyond the sentence.
"""

from __future__ import annotations

import re
from typing import NamedTuple

_VERB_WORDS = (
    "said says argued argues suggested suggests dismissed dismisses emphasized emphasizes "
    "emphasised emphasises warned warns stated concluded concludes claimed noted observed "
    "observes insisted insists maintained maintains asserted asserts criticized criticizes "
    "criticised criticises contended contends declared declares announced announces "
    "acknowledged acknowledges admitted admits told added adds considers considered believes "
    "believed described describes referred expressed ruled found held saw"
)
VERBS = frozenset(_VERB_WORDS.split())
"""Reporting verbs: the subject before one of them is a speaker."""

_ROLE_TEXT = (
    "advisor adviser minister secretary president ambassador director spokesperson spokesman "
    "spokeswoman chancellor envoy judge justice senator general chief commissioner governor "
    "chair chairman chairwoman officer representative premier leader head editor mayor "
    "attorney-general ceo founder analyst"
)
_ROLE_WORDS = frozenset(_ROLE_TEXT.split())
_NOUN_TEXT = (
    "government judge court ministry majority minister ministers officials official "
    "spokesperson authorities administration dissent tribunal panel committee"
)
_NOUNS = frozenset(_NOUN_TEXT.split())
_SKIP_TEXT = "has have had also further consistently repeatedly publicly recently then"
_SKIP = frozenset(_SKIP_TEXT.split())
_JOINERS = {"of", "for", "and", "the", "de", "von"}
_TOKEN = re.compile(r"[\w’'.-]+|[^\w\s]")
_PASSIVE = re.compile(
    r"\b(?:argued|said|stated|warned|claimed|noted|suggested|emphasi[sz]ed) by (?:the )?"
    r"((?:[A-Z][\w’'.-]*\s?)+)"
)
_ACCORDING = re.compile(r"(?i:according to) (?:the )?((?:[A-Z][\w’'.-]*\s?)+)")


class Speaker(NamedTuple):
    """A speaker found in a sentence."""

    name: str
    """The name, e.g. "Jon Finer" or "Pakistan’s Foreign Ministry"."""
    role: str | None
    """Role words before the name, e.g. "US Deputy National Security Advisor"."""


def find_speakers(sentence: str) -> list[Speaker]:
    """Every speaker a sentence reports, in order, each once."""
    found: list[Speaker] = []
    for match in _ACCORDING.finditer(sentence):
        found.append(_split_role(match.group(1).strip().split()))
    for match in _PASSIVE.finditer(sentence):
        found.append(_split_role(match.group(1).strip().split()))
    words = _TOKEN.findall(re.sub(r",\s*(however|in turn|too|indeed|though),", "", sentence))
    for i, word in enumerate(words):
        if not word[:1].islower() or word.rstrip(".") not in VERBS or i == 0:
            continue
        if word.lower() == "expressed" and (i + 1 >= len(words) or words[i + 1] != "concern"):
            continue
        j = i
        while j > 0 and (words[j - 1].lower() in _SKIP or words[j - 1].lower().endswith("ly")):
            j -= 1
        subject = _subject(words[:j])
        if subject is not None:
            found.append(subject)
    return list(dict.fromkeys(found))


def _subject(words: list[str]) -> Speaker | None:
    """The speaker named by the words just before a verb, if any."""
    if len(words) > 2 and words[-1] == ")" and words[-3] == "(" and _capitalised(words[-2]):
        return Speaker(words[-2], None)  # "… Implementation (OFSI) warned"
    run: list[str] = []
    k = len(words)
    while k > 0 and (_capitalised(words[k - 1]) or (run and words[k - 1] in _JOINERS)):
        k -= 1
        run.insert(0, words[k])
    while run and run[0] in _JOINERS:
        run.pop(0)
    if run and run != ["The"] and not (len(run) == 1 and k == 0 and run[0] in ("It", "This")):
        if run[0] == "The" and len(run) > 1:
            run = run[1:]
        role = _lower_role(words[:k])
        speaker = _split_role(run)
        if role and speaker.role is None:
            return Speaker(speaker.name, role)
        return speaker
    if words and words[-1].lower() in _NOUNS:
        name = words[-1]
        if len(words) > 1 and words[-2].lower() in ("the", "a"):
            name = f"the {name}"
        return Speaker(name, None)
    return None


def _capitalised(word: str) -> bool:
    return word[:1].isupper() and word not in ("I",)


def _lower_role(words: list[str]) -> str | None:
    """Lowercase role words before a name: "foreign secretary" in "then foreign secretary X"."""
    if not words or words[-1].lower() not in _ROLE_WORDS:
        return None
    start = len(words) - 1
    while start > 0 and len(words) - start < 3 and words[start - 1].isalpha():
        if words[start - 1].lower() in ("the", "a", "an", "then", "and", "while", "former"):
            break
        start -= 1
    return " ".join(words[start:])


def _split_role(words: list[str]) -> Speaker:
    """Role words up to the last title word, the name after them."""
    last_role = max((i for i, w in enumerate(words) if w.lower() in _ROLE_WORDS), default=-1)
    if 0 <= last_role < len(words) - 1:
        return Speaker(" ".join(words[last_role + 1 :]), " ".join(words[: last_role + 1]))
    return Speaker(" ".join(words), None)
