"""From text to claims: `argmap ingest` drafts a claims file from a commentary.

:mod:`document` reads the text (front matter, paragraphs by the documented rule,
footnote markers, links, footnote definitions); :mod:`references` turns
footnotes and links into sources; :mod:`sentences` splits paragraphs into
sentences and guesses claim types and ids; :mod:`speakers` finds who is
reported as saying what; :mod:`draft` assembles the draft and its statistics.
It drafts: it invents no links or questions, and never prints or writes.
"""
