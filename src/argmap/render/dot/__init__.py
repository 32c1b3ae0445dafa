"""The Graphviz map: a map view as DOT, laid out by the real `dot`, as SVG, PNG and slides.

``style`` holds every visual choice as data, ``labels`` builds a claim's node,
``emit`` writes DOT, ``layout`` runs Graphviz, ``slide`` packs a map into 16:9,
``map_cache`` keeps drawn maps by the digest of their inputs.

May import the shared view modules of :mod:`argmap.render` (``view``,
``view_entries``, ``text``, ``names``) and below; never :mod:`argmap.render.markdown`.
"""
