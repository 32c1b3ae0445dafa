"""Who a text reports as saying something, and who each mention is across the text.

:mod:`.lexicon` holds the word lists; :mod:`.patterns` finds where a sentence
reports someone; :mod:`.phrase` reads the subject's noun phrase into name, role
and acronym; :mod:`.resolve` links mentions to speakers across the document
(coreference) and classifies them. Deterministic rules over capitalised spans
and a role lexicon: no model, no download.
"""

from argmap.ingest.speakers.resolve import Attributor, Speaker, find_speakers

__all__ = ["Attributor", "Speaker", "find_speakers"]
