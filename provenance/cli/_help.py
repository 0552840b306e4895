"""How ``--help`` reads: prose wrapped to the terminal, examples kept as written.

Every subcommand has a description, help on every option, and examples in
its epilog (``tests/test_cli_output.py`` walks the parser to check).
"""

from __future__ import annotations

import argparse
import textwrap

__all__ = ["HelpFormatter", "examples"]


class HelpFormatter(argparse.HelpFormatter):
    """Wraps each paragraph of a description or epilog; an indented line (an example) is kept as written."""

    def _fill_text(self, text: str, width: int, indent: str) -> str:
        lines: list[str] = []
        prose: list[str] = []

        def flush() -> None:
            if prose:
                lines.append(textwrap.fill(" ".join(prose), width, initial_indent=indent, subsequent_indent=indent))
                prose.clear()

        for line in text.splitlines():
            if line.strip() and not line[:1].isspace():
                prose.append(line.strip())
                continue
            flush()
            lines.append(indent + line if line.strip() else "")
        flush()
        return "\n".join(lines)


def examples(*commands: str, notes: str = "") -> str:
    """An epilog: ``examples:`` then each command line indented (shown as written), then any notes.

    >>> examples("provenance lookup rt.com", notes="One line per URL.").splitlines()
    ['examples:', '  provenance lookup rt.com', '', 'One line per URL.']

    Args:
        commands: Example command lines.
        notes: Prose after them (wrapped), if any.

    Returns:
        The epilog text.
    """
    text = "examples:\n" + "\n".join(f"  {command}" for command in commands)
    return f"{text}\n\n{notes}" if notes else text
