"""Where a sentence reports someone: the reporting patterns that point at a subject.

- "SUBJECT [has/also/…] VERB …" with a reporting verb of the lexicon ("said",
  "warned", "characterises", "made it clear" …); progressive forms after *be*
  ("were insisting"); a passive only with its agent ("as argued by X");
- "…, said X" with the subject after the verb;
- "according to X", with an appositive role after it ("X, a senior fellow at Y");
- "X, the UK Foreign Secretary, said": the role between commas;
- "X's report/letter/statement concluded" and "an assessment by X warned".

Each pattern yields the token span of its subject; :func:`.phrase.mention`
reads the span. Deterministic: the same sentence always gives the same mentions.
"""

from __future__ import annotations

import re

from argmap.ingest.speakers.lexicon import (
    BE_FORMS,
    CLAUSE_WORDS,
    OBJECT_VERBS,
    PHRASE_VERBS,
    PREPOSITIONS,
    PROGRESSIVE_VERBS,
    REPORTING_VERBS,
    ROLE_WORDS,
    SKIP_BEFORE_VERB,
    STANCE_OBJECTS,
)
from argmap.ingest.speakers.phrase import Mention, bare, capitalised, join, mention

_TOKEN = re.compile(r"[\w’'.\-]+|[^\w\s]")
_WORD = re.compile(r"[\w’'.\-]+")
_ASIDES = re.compile(
    r",\s*(?:however|in turn|too|indeed|though|meanwhile|therefore|moreover|nonetheless|"
    r"in fact|for example|for instance|in other words|in particular),",
    re.IGNORECASE,
)
_QUOTE_CLOSERS = frozenset({",", "”", '"', "’"})
_TITLES = frozenset({"interim", "deputy", "foreign", "prime", "vice", "acting", "then"})
_LIMIT = 14
"""The longest subject span read, in tokens."""


def mentions(sentence: str) -> list[Mention]:
    """Every mention a sentence reports as speaking, in order."""
    tokens = _TOKEN.findall(_ASIDES.sub(" ", sentence))
    found: list[Mention] = []
    for i, token in enumerate(tokens):
        low = token.lower().rstrip(".")
        if low == "according" and i + 1 < len(tokens) and tokens[i + 1].lower() == "to":
            found += _according(tokens, i + 2)
        elif i and token[:1].islower() and _is_verb(tokens, i):
            found += _reported(tokens, i)
    return found


def _is_verb(tokens: list[str], i: int) -> bool:
    low = tokens[i].rstrip(".")
    if low in REPORTING_VERBS or low in PROGRESSIVE_VERBS:
        return True
    return any(tuple(t.lower() for t in tokens[i : i + len(p)]) == p for p in PHRASE_VERBS)


def _reported(tokens: list[str], i: int) -> list[Mention]:
    """The subject of the reporting verb at *i*, before it or (inverted, passive) after it."""
    low = tokens[i].rstrip(".")
    following = tokens[i + 1].lower() if i + 1 < len(tokens) else ""
    if low in OBJECT_VERBS and following and following not in STANCE_OBJECTS:
        return []
    j = _skip_back(tokens, i)
    before = tokens[j - 1].lower() if j else ""
    if low in PROGRESSIVE_VERBS:
        if before not in BE_FORMS:
            return []
        j = _skip_back(tokens, j - 1)
    elif before in BE_FORMS or before == "as":
        return _after(tokens, i + 2) if following == "by" else []
    if j == 0:
        return []
    if tokens[j - 1] in _QUOTE_CLOSERS:
        inverted = _after(tokens, i + 1)
        return inverted or _appositive(tokens, j - 1)
    found = mention(_span_before(tokens, j))
    return [found] if found else []


def _skip_back(tokens: list[str], j: int) -> int:
    """Back over auxiliaries and adverbs from *j* (exclusive) to the subject's end."""
    while j > 0 and (
        tokens[j - 1].lower() in SKIP_BEFORE_VERB
        or (tokens[j - 1].endswith("ly") and tokens[j - 1].islower())
    ):
        j -= 1
    return j


def _span_before(tokens: list[str], j: int) -> list[str]:
    """The words from the last clause boundary before *j* up to *j*."""
    k = j
    while k > 0 and j - k < _LIMIT:
        word = tokens[k - 1]
        low = word.lower()
        if word == ")" and k >= 3 and tokens[k - 3] == "(":
            k -= 3
            continue
        if not _WORD.fullmatch(word) or low in CLAUSE_WORDS | BE_FORMS | SKIP_BEFORE_VERB:
            break
        if low.rstrip(".") in REPORTING_VERBS and word[:1].islower():
            break
        if low == "and" and not (k >= 2 and capitalised(tokens[k - 2]) and capitalised(tokens[k])):
            break
        k -= 1
    return tokens[k:j]


def _span_after(tokens: list[str], start: int, stop_at_prepositions: bool) -> list[str]:
    """The words from *start* up to the next punctuation or clause word."""
    end = start
    while end < len(tokens) and end - start < _LIMIT:
        word = tokens[end]
        if word == "(" and end + 2 < len(tokens) and tokens[end + 2] == ")":
            end += 3
            continue
        low = word.lower()
        if not _WORD.fullmatch(word) or (low in CLAUSE_WORDS and low != "and"):
            break
        if stop_at_prepositions and low in PREPOSITIONS - {"of", "for"} and end > start:
            break
        end += 1
    return tokens[start:end]


def _after(tokens: list[str], start: int) -> list[Mention]:
    """The subject after an inverted or passive verb: "…, said the minister", "by X"."""
    span = _span_after(tokens, start, stop_at_prepositions=True)
    found = mention(span) if span else None
    return [found] if found and found.kind not in ("pronoun", "author") else []


def _according(tokens: list[str], start: int) -> list[Mention]:
    """ "according to X", and X's role when an appositive follows: "X, a senior fellow at Y"."""
    span = _span_after(tokens, start, stop_at_prepositions=False)
    found = mention(span) if span else None
    if found is None or found.kind in ("pronoun", "author"):
        return []
    end = start + len(span)
    if (
        not found.common
        and found.role is None
        and tokens[end : end + 1] == [","]
        and tokens[end + 1 : end + 2] in (["a"], ["an"], ["the"])
    ):
        role = _span_after(tokens, end + 2, stop_at_prepositions=False)
        if role and any(bare(w) in ROLE_WORDS for w in role):
            found = found._replace(role=join(role), kind="person")
    return [found]


def _appositive(tokens: list[str], comma: int) -> list[Mention]:
    """ "Jane Doe, the UK Foreign Secretary, said": the name before the role between commas."""
    role_span = _span_before(tokens, comma)
    start = comma - len(role_span)
    role = mention(role_span)
    if role is None or start < 2 or tokens[start - 1] != ",":
        return []
    name = mention(_span_before(tokens, start - 1))
    if name is None or name.common or name.role is not None:
        return []
    words = role_span[1:] if role_span[0].lower() in ("a", "an", "the") else role_span
    kind = "person" if any(bare(w) in ROLE_WORDS for w in words) else name.kind
    return [name._replace(role=join(words), kind=kind)]


def capitalised_runs(sentence: str) -> list[Mention]:
    """Names the sentence introduces with a title or an acronym, speaking or not.

    "Interim President Ahmad al-Sharaa is being criticized" and "the Centre for
    Finance and Security (CFS) hosted" name someone a later sentence may quote.
    """
    tokens = _TOKEN.findall(sentence)
    found: list[Mention] = []
    i = 0
    while i < len(tokens):
        if not capitalised(tokens[i]):
            i += 1
            continue
        end = i
        while end < len(tokens) and (
            capitalised(tokens[end])
            or (
                tokens[end] in ("of", "for", "and")
                and end + 1 < len(tokens)
                and capitalised(tokens[end + 1])
            )
        ):
            end += 1
        if end + 2 < len(tokens) and tokens[end] == "(" and tokens[end + 2] == ")":
            end += 3
        start = i
        while start > 0 and i - start < 3 and tokens[start - 1].lower() in ROLE_WORDS | _TITLES:
            start -= 1
        item = mention(tokens[start:end]) if end > i else None
        if item and not item.common and (item.short or item.role or _body(item)):
            found.append(item)
        i = max(end, i + 1)
    return found


def _body(item: Mention) -> bool:
    """A named body of several words ("the Foreign Affairs Committee"): "the committee" later."""
    return item.kind in ("organization", "government") and " " in item.name
