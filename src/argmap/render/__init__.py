"""Render: the renderer-neutral view, its emitters by output, and the renders/ planner.

- at the top, shared by every output: the view (``view``, ``view_entries``),
  what a render shows (``select``), text transforms (``text``), layout names
  (``names``), `argmap show` (``show``) and the planner of `argmap render`
  (``renders``);
- :mod:`argmap.render.dot`: the Graphviz map (DOT, SVG, PNG, slides);
- :mod:`argmap.render.markdown`: the Markdown briefs and the audit's formats.

Render imports ``formats`` and below, never ``cli``. The output rooms are
independent of each other; only ``renders`` combines them.
"""
