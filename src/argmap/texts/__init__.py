"""Source texts: how a `text_file` divides into paragraphs and footnotes, and quotes in it.

One documented rule numbers the paragraphs of a local text (docs/claims-format.md, "Paragraphs
and locators"); checks verify locators and quotes by it, `argmap paragraphs`
prints it and `argmap ingest` writes locators by it. Nothing here reads files
or knows about claims.
"""
