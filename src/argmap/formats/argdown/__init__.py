"""Argdown: parsing Argdown text as `argdown json` does, mapping it to claims, writing it back.

``text`` (lines, comments, inline content) and ``model`` (the parsed document)
are at the bottom; ``parse`` and ``pcs`` parse blocks and premise-conclusion
structures over ``blocks`` (what both share); ``relations`` applies Argdown's
model plugin; ``data``, ``links`` and ``read`` map the document onto argmap;
``write`` writes the corpus as Argdown.

May import :mod:`argmap.formats.imported`, ``corpus``, ``load``, ``diagnostics``
and ``model``; never another format's room.
"""
