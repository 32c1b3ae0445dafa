"""The closed vocabularies of claims files: kinds of source and speaker, claim types,
statuses, citation scopes and relations, as string enums.

Each member is what a claims file writes; the enum's docstring lands in the JSON
Schema. No models and no I/O. :mod:`argmap.model` re-exports each name.
"""

from __future__ import annotations

from enum import StrEnum


class SourceKind(StrEnum):
    """What kind of document a source is; maps onto CSL item types."""

    news = "news"
    analysis = "analysis"
    commentary = "commentary"
    government_statement = "government-statement"
    report = "report"
    legal_instrument = "legal-instrument"
    academic = "academic"
    dataset = "dataset"
    other = "other"


class SpeakerKind(StrEnum):
    """Who or what a speaker is."""

    person = "person"
    government = "government"
    organization = "organization"
    author = "author"
    group = "group"


class ClaimType(StrEnum):
    """The documented set of claim types."""

    fact = "fact"
    causal = "causal"
    prediction = "prediction"
    value = "value"
    policy = "policy"
    definition = "definition"


class ClaimStatus(StrEnum):
    """Where a claim stands in the debate, when the analyst records it."""

    asserted = "asserted"
    disputed = "disputed"
    retracted = "retracted"
    superseded = "superseded"
    draft = "draft"


class CitationScope(StrEnum):
    """How much of the text a citation backs."""

    sentence = "sentence"
    paragraph = "paragraph"


class Relation(StrEnum):
    """How a link's premises bear on its target."""

    supports = "supports"
    opposes = "opposes"
    undercuts = "undercuts"
