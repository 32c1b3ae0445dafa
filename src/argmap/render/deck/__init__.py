"""The seminar deck: a 16:9 PDF with a title slide, the whole map, and one slide per question.

`plan` decides what the deck shows (a :class:`~argmap.render.deck.plan.Deck` of
views, and how a question too large for one slide is split), `pdf` draws each
slide with Graphviz and merges them with pypdf. Nothing here writes files.
"""
