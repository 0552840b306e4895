"""A fast reader for the flat TOML of registry files; anything else is left to ``tomllib``.

Registry files are flat: [sources.KEY] tables, [[table]] arrays of tables,
and `key = value` lines whose values are strings, booleans, plain numbers
or one-line arrays of strings. tomllib is exact but slow (some 8 us a
line), which dominates loading a registry of 100,000 outlets. This reader
handles that subset only, and gives up (returns None) at the first thing
outside it, leaving the document to tomllib: so it accepts nothing tomllib
rejects, and returns what tomllib returns.
"""

from __future__ import annotations

import re
from typing import Any

__all__ = ["read_flat_toml"]

_BARE = r"[A-Za-z0-9_-]+"
_BASIC = r'"(?:[^"\\]|\\.)*"'
_LITERAL = r"'[^']*'"
_STRING = f"(?:{_BASIC}|{_LITERAL})"
_INLINE = rf"\{{[ \t]*(?:{_BARE}[ \t]*=[ \t]*{_STRING}[ \t]*(?:,[ \t]*{_BARE}[ \t]*=[ \t]*{_STRING}[ \t]*)*)?\}}"
_ITEM = f"(?:{_STRING}|{_INLINE})"
_COMMENT = r"(?:[ \t]*#.*)?"
_LINE = re.compile(
    rf"(?:\[\[[ \t]*({_BARE})[ \t]*\]\]"  # [[table]]
    rf"|\[[ \t]*({_BARE})[ \t]*\.[ \t]*({_BARE})[ \t]*\]"  # [table.key]
    rf"|({_BARE})[ \t]*=[ \t]*"  # key = value
    rf"(?:\"([^\"\\]*)\""  # a string without escapes
    rf"|({_STRING})"  # any one-line string
    r"|(true|false)"
    r"|(-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?)"  # a plain integer or decimal
    rf"|(\[[ \t]*(?:{_ITEM}[ \t]*(?:,[ \t]*{_ITEM}[ \t]*)*(?:,[ \t]*)?)?\])"  # a one-line array
    r"|(\[)"  # an array continued on the next lines
    rf")){_COMMENT}"
)
_ARRAY_LINE = re.compile(rf"(?:({_ITEM})[ \t]*(,)?|(\]))[ \t]*{_COMMENT}")
_ITEMS = re.compile(f"({_STRING})|({_INLINE})")
_PAIRS = re.compile(rf"({_BARE})[ \t]*=[ \t]*({_STRING})")
_ESCAPE = re.compile(r"\\(?:([btnfr\"\\])|u([0-9A-Fa-f]{4})|U([0-9A-Fa-f]{8})|(.))")
_ESCAPES = {"b": "\b", "t": "\t", "n": "\n", "f": "\f", "r": "\r", '"': '"', "\\": "\\"}
# Control characters TOML forbids anywhere (after CRLF line ends became LF).
_FORBIDDEN_ANYWHERE = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")


def _is_bare(key: str) -> bool:
    """Whether ``key`` is a bare TOML key starting with a letter, ``_`` or ``-`` (a quick test)."""
    return key.isascii() and key.replace("-", "_").isidentifier()


class _NotFlat(Exception):
    """The text leaves the flat subset: let tomllib read it."""


def _string(token: str) -> str:
    if token[0] == "'":
        return token[1:-1]
    body = token[1:-1]
    return _ESCAPE.sub(_unescape, body) if "\\" in body else body


def _unescape(match: re.Match[str]) -> str:
    simple, short, long, other = match.groups()
    if simple is not None:
        return _ESCAPES[simple]
    if other is not None:
        raise _NotFlat
    code = int(short or long, 16)
    if code > 0x10FFFF or 0xD800 <= code <= 0xDFFF:
        raise _NotFlat
    return chr(code)


def _item(token: str) -> str | dict[str, str]:
    if token[0] != "{":
        return _string(token)
    pairs = _PAIRS.findall(token)
    table = {key: _string(value) for key, value in pairs}
    if len(table) != len(pairs):
        raise _NotFlat  # a key twice in an inline table
    return table


def read_flat_toml(text: str) -> dict[str, Any] | None:
    """The document tomllib would read from ``text``, when it is flat; else ``None``."""
    if "\r" in text:
        if text.count("\r") != text.count("\r\n"):
            return None
        text = text.replace("\r\n", "\n")
    if _FORBIDDEN_ANYWHERE.search(text):
        return None
    try:
        return _FlatReader(text).read()
    except _NotFlat:
        return None


class _FlatReader:
    """One flat TOML text, read line by line into its document; raises :class:`_NotFlat` where it leaves the subset.

    :meth:`read` handles the commonest lines itself, with string operations
    (a method call per line would cost a tenth of the time): ``key = "text"``,
    ``key = ["text"]`` and ``[[table]]``. Every other line is matched by the
    regular expression (:meth:`read_matched`), and the lines of an array
    written over several lines are read by :meth:`read_array`.
    """

    __slots__ = ("arrays", "bare", "lines", "parents", "root")

    def __init__(self, text: str) -> None:
        self.root: dict[str, Any] = {}
        self.arrays: set[str] = set()  # names defined by [[name]]
        self.parents: set[str] = set()  # names defined implicitly by [name.key]
        self.bare: set[str] = set()  # keys already found bare
        # The lines that hold something (neither blank nor a comment), shared by read() and read_array().
        self.lines = iter([line for raw in text.split("\n") if (line := raw.strip(" \t")) and line[0] != "#"])

    def read(self) -> dict[str, Any]:
        """The whole document; the commonest lines are read here, the others by :meth:`read_matched`."""
        root, bare = self.root, self.bare
        table = root
        for line in self.lines:
            key, equals, value = line.partition(" = ")
            if equals and key not in bare and _is_bare(key):
                bare.add(key)
            if equals and key in bare and key not in table:
                if len(value) > 1 and value[0] == value[-1] == '"':
                    inner = value[1:-1]
                    if '"' not in inner and "\\" not in inner:
                        table[key] = inner
                        continue
                elif value[:2] == '["' and value[-2:] == '"]' and len(value) > 3:
                    inner = value[2:-2]
                    if '"' not in inner and "\\" not in inner:
                        table[key] = [inner]
                        continue
            elif line[:2] == "[[" and line[-2:] == "]]" and _is_bare(name := line[2:-2]):
                table = self.open_array_table(name)
                continue
            table = self.read_matched(line, table)
        return root

    def read_matched(self, line: str, table: dict[str, Any]) -> dict[str, Any]:
        """Read a line by the regular expression: ``key = value``, ``[[table]]`` or ``[parent.child]``.

        Returns:
            The table the following lines fill.
        """
        found = _LINE.fullmatch(line)
        if found is None:
            raise _NotFlat
        array, parent, child, key = found.groups()[:4]
        if key is not None:
            self.set_value(table, key, found)
            return table
        if array is not None:
            return self.open_array_table(array)
        return self.open_child_table(parent, child)

    def set_value(self, table: dict[str, Any], key: str, found: re.Match[str]) -> None:
        """Set ``key`` in ``table`` to the value of a ``key = value`` line the regular expression matched."""
        plain, string, boolean, number, inline, _opened = found.groups()[4:]
        if key in table:
            raise _NotFlat  # a key defined twice: tomllib names the error
        if plain is not None:
            table[key] = plain
        elif string is not None:
            table[key] = _string(string)
        elif boolean is not None:
            table[key] = boolean == "true"
        elif number is not None:
            table[key] = float(number) if "." in number else int(number)
        elif inline is not None:
            table[key] = [_item(a or b) for a, b in _ITEMS.findall(inline)]
        else:  # "key = [" opens an array continued on the next lines
            items: list[Any] = []
            table[key] = items
            self.read_array(items)

    def read_array(self, items: list[Any]) -> None:
        """Read the items of an array written over several lines, up to its closing ``]``."""
        comma = True  # whether the last item was followed by a comma
        for line in self.lines:
            found = _ARRAY_LINE.fullmatch(line)
            if found is None:
                raise _NotFlat
            item, follows, close = found.groups()
            if close is not None:
                return
            if not comma:
                raise _NotFlat  # two items without a comma between them
            items.append(_item(item))
            comma = follows is not None
        raise _NotFlat  # an array left open

    def open_array_table(self, name: str) -> dict[str, Any]:
        """Start a new table of the array of tables ``[[name]]`` and return it."""
        root = self.root
        if name in root and name not in self.arrays:
            raise _NotFlat
        self.arrays.add(name)
        table: dict[str, Any] = {}
        root.setdefault(name, []).append(table)
        return table

    def open_child_table(self, parent: str, child: str) -> dict[str, Any]:
        """Start the table ``[parent.child]`` and return it."""
        root = self.root
        if parent in root and parent not in self.parents:
            raise _NotFlat
        self.parents.add(parent)
        tables = root.setdefault(parent, {})
        if child in tables:
            raise _NotFlat
        table: dict[str, Any] = {}
        tables[child] = table
        return table
