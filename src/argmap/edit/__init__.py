"""Safe edits of claims files: rename an id everywhere, add an entry, format canonically.

Every edit reads files with ruamel.yaml's round-trip loader, so comments, key
order, quoting and line breaks survive, validates the result against the model
before anything is written, and writes through
:mod:`argmap.load.writes` (locked, atomic), so a file is always either old or new.
Nothing here prints; the CLI reports.
"""
