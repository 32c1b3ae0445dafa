"""The offline interactive HTML map: Graphviz's own SVG, the claims as JSON, vanilla JS.

`data` turns a :class:`~argmap.render.view.MapView` into the page's claim data,
`svg` draws the map with node ids, classes and links for the page, and `page`
puts both into one self-contained file with the script and style of
`assets/`. Nothing here writes files; the CLI and the render planner do.
"""
