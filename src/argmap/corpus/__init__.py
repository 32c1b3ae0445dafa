"""Corpus: loaded files merged into one set of entities, and the graph index over them."""
