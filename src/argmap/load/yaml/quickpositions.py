"""Positions by path from rapidyaml: the cold path's quick answer to "where is this value?".

A warning on a claim needs the line and column of the claim in its file,
and a large corpus on a cold run may need them in most of its files.
libyaml's events cost as much as a parse; rapidyaml (PyPI `rapidyaml`, the
C++ library's own binding) parses a file into a tree in place, about ten
times faster, and every key and scalar in that tree is a view into the
buffer, so its address less the buffer's is the byte offset where it was
written.

:class:`QuickPositions` answers only when its answer is PyYAML's answer, the
reference of :class:`argmap.load.yaml.positions.PositionIndex`, and returns None
otherwise (the caller then asks PyYAML):

- only for texts that yaml-rs's fast path reads too (no tags, anchors,
  aliases, merge keys, tabs, flow keys, document markers or deep nesting;
  :func:`argmap.load.yaml.fast.needs_slow_path`) and with no line break
  but ``\\n`` and ``\\r\\n``;
- only along keys that read as the text they are written as (no `1`, `~`,
  `true` …) and list indexes that exist: a path that runs out is PyYAML's to
  settle;
- a value's position is where PyYAML's event starts: the quote of a quoted
  scalar, the `|` or `>` of a block scalar, the `[` of a flow list, the `-` of
  a block list, the first key of a block mapping. Empty values are left to
  PyYAML.

tests/test_quick_positions.py asks both for every value and key of every
YAML file the suite has, and of generated ones, and requires equal answers.
"""

from __future__ import annotations

import ctypes
import os
from collections.abc import Sequence
from typing import Any

from argmap.diagnostics import PathPart
from argmap.load.yaml.fast import needs_slow_path


class _Buffer(ctypes.Structure):
    """CPython's ``Py_buffer``: how the address of a read-only view is asked for."""

    _fields_ = [
        ("buf", ctypes.c_void_p),
        ("obj", ctypes.c_void_p),
        ("len", ctypes.c_ssize_t),
        ("itemsize", ctypes.c_ssize_t),
        ("readonly", ctypes.c_int),
        ("ndim", ctypes.c_int),
        ("format", ctypes.c_char_p),
        ("shape", ctypes.c_void_p),
        ("strides", ctypes.c_void_p),
        ("suboffsets", ctypes.c_void_p),
        ("internal", ctypes.c_void_p),
    ]


_get_buffer = ctypes.pythonapi.PyObject_GetBuffer
_get_buffer.argtypes = [ctypes.py_object, ctypes.POINTER(_Buffer), ctypes.c_int]
_get_buffer.restype = ctypes.c_int
_release_buffer = ctypes.pythonapi.PyBuffer_Release
_release_buffer.argtypes = [ctypes.POINTER(_Buffer)]
_release_buffer.restype = None


def _address(view: Any) -> int:
    """The memory address where *view* (any object with the buffer protocol) starts."""
    buffer = _Buffer()
    if _get_buffer(view, ctypes.byref(buffer), 0) != 0:
        raise ValueError("no buffer")
    try:
        return int(buffer.buf or 0)
    finally:
        _release_buffer(ctypes.byref(buffer))


def _parse_quietly(ryml: Any, buffer: bytearray) -> Any:
    """rapidyaml's tree of *buffer*, or None if it refuses it.

    rapidyaml writes its own error report to the process's stderr before it
    raises; argmap's stderr is the user's, so it points at /dev/null meanwhile.
    """
    saved = os.dup(2)
    quiet = os.open(os.devnull, os.O_WRONLY)
    try:
        os.dup2(quiet, 2)
        return ryml.parse_in_place(buffer)
    except Exception:
        return None
    finally:
        os.dup2(saved, 2)
        os.close(saved)
        os.close(quiet)


_NOT_TEXT_KEY_START = frozenset(b"0123456789+-.~")
"""First bytes of plain keys that may read as numbers or null: PyYAML's to place."""
_NOT_TEXT_KEYS = frozenset({b"true", b"false", b"null", b"yes", b"no", b"on", b"off"})
"""Plain keys (any case) that some schema reads as something other than their text."""


class QuickPositions:
    """rapidyaml's tree of one text, and the byte offsets of its keys and values."""

    def __init__(self, raw: bytes, tree: Any, base: int, ryml: Any) -> None:
        self._raw = raw
        self._tree = tree
        self._base = base
        self._ryml = ryml
        self._buffer: bytearray | None = None  # the parsed buffer: the tree's views point into it

    @classmethod
    def of(cls, text: str, plain: bool = False) -> QuickPositions | None:
        """The quick finder for *text*, or None when only PyYAML may place its values.

        *plain* says the fast path's gate has passed this very text already (the loader
        read it with yaml-rs), so it is not run again."""
        if (not plain and needs_slow_path(text)) or text.count("\r") != text.count("\r\n"):
            return None
        try:
            import ryml
        except ImportError:  # an install without the wheel: PyYAML answers alone
            return None
        raw = text.encode("utf-8")
        buffer = bytearray(raw)
        tree = _parse_quietly(ryml, buffer)
        if tree is None:  # it reads the text differently: PyYAML answers
            return None
        if not tree.is_map(tree.root_id()):
            return None
        finder = cls(raw, tree, _address(buffer), ryml)
        finder._buffer = buffer
        return finder

    def locate(self, path: Sequence[PathPart], *, key: bool = False) -> tuple[int, int] | None:
        """(line, col) of the value at *path* (of its key, with *key*), or None when unsure."""
        tree = self._tree
        node = tree.root_id()
        offset: int | None = None
        for step in path:
            if tree.is_map(node):
                if not isinstance(step, str):
                    return None
                node = self._child_by_key(node, step)
                if node is None:
                    return None
                offset = self._key_offset(node) if key else self._value_offset(node)
            elif tree.is_seq(node):
                if type(step) is not int or not 0 <= step < tree.num_children(node):
                    return None
                node = tree.child(node, step)
                offset = self._value_offset(node)
            else:
                return None
            if offset is None:
                return None
        if offset is None:
            offset = self._value_offset(node)
        return None if offset is None else self._line_col(offset)

    def _child_by_key(self, node: int, step: str) -> int | None:
        tree, none = self._tree, self._ryml.NONE
        wanted = step.encode("utf-8")
        child = tree.first_child(node)
        while child != none:
            key = tree.key(child)
            written = b"" if key is None else bytes(key)  # an empty key (`:`) reads as None
            if key is not None and written == wanted:
                if not tree.is_key_quoted(child) and (
                    not written
                    or written[0] in _NOT_TEXT_KEY_START
                    or written.lower() in _NOT_TEXT_KEYS
                ):
                    return None
                return int(child)
            child = tree.next_sibling(child)
        return None

    def _key_offset(self, node: int) -> int | None:
        tree = self._tree
        offset = self._offset(tree.key(node))
        if offset is None or not tree.is_key_quoted(node):
            return offset
        return offset - 1 if offset > 0 and self._raw[offset - 1] in b"\"'" else None

    def _value_offset(self, node: int) -> int | None:
        """Where PyYAML's event for the value of *node* starts, when sure."""
        tree, raw = self._tree, self._raw
        if tree.is_map(node) or tree.is_seq(node):
            if tree.num_children(node) == 0:
                return None
            first = tree.first_child(node)
            inner = self._key_offset(first) if tree.is_map(node) else self._value_offset(first)
            if inner is None:
                return None
            if tree.is_map(node) and not tree.is_flow(node):
                return inner
            opener = b"[" if tree.is_flow(node) else b"-"
            if tree.is_flow(node) and tree.is_map(node):
                return None
            at = inner - 1
            while at >= 0 and raw[at] in b" \n\r":
                at -= 1
            return at if at >= 0 and raw[at : at + 1] == opener else None
        view = tree.val(node)
        offset = self._offset(view)
        if offset is None:
            return None
        if tree.is_val_literal(node) or tree.is_val_folded(node):  # (rapidyaml counts these
            return self._block_indicator(node)  # as quoted too: ask first)
        if tree.is_val_quoted(node):
            return offset - 1 if offset > 0 and raw[offset - 1] in b"\"'" else None
        return offset

    def _block_indicator(self, node: int) -> int | None:
        """The `|` or `>` of a block scalar written as `key: |`, found after its key."""
        tree, raw = self._tree, self._raw
        if not tree.has_key(node) or tree.is_key_quoted(node):
            return None
        start = self._offset(tree.key(node))
        if start is None:
            return None
        at = start + len(bytes(tree.key(node)))
        while at < len(raw) and raw[at] == 0x20:
            at += 1
        if raw[at : at + 1] != b":":
            return None
        at += 1
        while at < len(raw) and raw[at] == 0x20:
            at += 1
        return at if raw[at : at + 1] in (b"|", b">") else None

    def _offset(self, view: Any) -> int | None:
        if view is None or len(view) == 0:
            return None
        offset = _address(view) - self._base
        return offset if 0 <= offset < len(self._raw) else None

    def _line_col(self, offset: int) -> tuple[int, int]:
        raw = self._raw
        line_start = raw.rfind(b"\n", 0, offset) + 1
        column = len(raw[line_start:offset].decode("utf-8", "replace"))
        return (raw.count(b"\n", 0, offset) + 1, column + 1)
