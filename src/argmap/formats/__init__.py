"""Formats: interchange readers and writers (JSON export today)."""
