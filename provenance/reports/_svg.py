"""What the report's SVG pictures share: escaping, number formatting, text width and line wrapping.

The pictures are plain inline SVG without scripts; text is measured by an
estimate (no font metrics are available offline), so layouts leave room.

>>> wrap("Russian State Radio Broadcasting Company Voice of Russia", 28)
('Russian State Radio', 'Broadcasting Company Voice', 'of Russia')
>>> num(12.0), num(12.25)
('12', '12.2')
"""

from __future__ import annotations

from html import escape

__all__ = ["CHAR_WIDTH", "esc", "num", "text_width", "wrap"]

CHAR_WIDTH = 0.6
"""Average advance of one character, as a fraction of the font size (sans-serif, generous)."""


def esc(value: object) -> str:
    """Text or attribute value, escaped for XML."""
    return escape(str(value), quote=True)


def num(value: float) -> str:
    """A coordinate as short, stable text: whole numbers without a point, else one decimal."""
    rounded = round(value, 1)
    return str(int(rounded)) if rounded == int(rounded) else f"{rounded:.1f}"


def text_width(text: str, size: float) -> float:
    """Estimated width of ``text`` at font ``size``."""
    return len(text) * size * CHAR_WIDTH


def wrap(text: str, width: int, max_lines: int = 3) -> tuple[str, ...]:
    """Words into lines of at most ``width`` characters; the last line ends in ``…`` if text is cut."""
    lines: list[str] = []
    for word in text.split():
        if lines and len(lines[-1]) + 1 + len(word) <= width:
            lines[-1] += " " + word
        else:
            lines.append(word if len(word) <= width else word[: width - 1] + "…")
    if len(lines) > max_lines:
        last = lines[max_lines - 1]
        lines = [*lines[: max_lines - 1], (last if len(last) < width else last[: width - 1]) + "…"]
    return tuple(lines) or ("",)
