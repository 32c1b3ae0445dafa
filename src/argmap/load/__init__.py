"""Load: from files on disk to validated models with positions, and safe writes back.

Discovery, YAML parsing with positions, validation-error translation, the parse
cache and its parallel fill. Nothing here knows about references between files.
"""
