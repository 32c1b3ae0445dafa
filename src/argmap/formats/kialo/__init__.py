"""Kialo: reading a Kialo plain-text export (old and new layout) into a claims file.

``text`` reads one claim's text (footnotes, links, escapes); ``read`` reads the
discussion tree.

May import :mod:`argmap.formats.imported`, ``load``, ``diagnostics`` and
``model``; never another format's room.
"""
