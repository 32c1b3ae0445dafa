"""The Markdown outputs: the brief, the perspectives brief and the audit's formats.

``common`` holds what the briefs share (claim lines, footnotes, link names);
``brief`` and ``perspectives`` write the two briefs; ``audit_format`` writes an
audit report as a table, JSON or Markdown.

May import the shared view modules of :mod:`argmap.render` (``view``,
``view_entries``, ``text``) and below; never :mod:`argmap.render.dot`.
"""
