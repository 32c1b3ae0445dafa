"""The commands, one module per group: each parses its options, calls the library,
prints through :mod:`argmap.cli.app` and picks the exit code.

`check` (check, audit), `diff` (diff, history), `edit` (rename, add, fmt),
`edit_entries` (set, remove), `evaluate`, `info` (schema, codes, show, paragraphs),
`ingest`, `interchange` (import, export), `listing` (list), `map_command` (map),
`render` (brief, perspectives, render), `seminar` (html, deck) and `track`.
They may import the shared modules of `argmap.cli` (app, editing, render_options)
and the library, never :mod:`argmap.cli.program`, which registers them.
"""
