"""Check: diagnostics over the corpus, the sourcing audit, and the one-call project."""
