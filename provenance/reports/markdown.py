"""Render a :class:`~provenance.reports.Report` as Markdown people can read.

Every string that came from the article or the data is escaped where
Markdown would misread it, in its context (see :func:`escape_markdown`), so a
title cannot inject Markdown or HTML into the page it ends up on, and a
plain name such as ``Voice_of_Russia`` is left as it is. Every heading has a
blank line before it; a list of evidence shared by two labels is printed
once; offsets into the text stay in the JSON form.
"""

from __future__ import annotations

import re
import unicodedata
from typing import TYPE_CHECKING

from provenance.dates import Interval
from provenance.reports._evidence import cue_words

if TYPE_CHECKING:
    from provenance.labels import Evidence, Label
    from provenance.model import Source
    from provenance.ownership import ControlPath
    from provenance.reports._contents import ReportContents

__all__ = ["escape_markdown", "render_markdown"]

# A character that may mean something to Markdown; whether it does depends on its neighbours (_needs_escape).
_CANDIDATE = re.compile(r"[\\`*_\[\]<>|&~#!+=-]|\d")
_ENTITY = re.compile(r"&(?:[A-Za-z][A-Za-z0-9]{0,31}|#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6});")
_LIST_NUMBER = re.compile(r"\d{1,9}[.)]")
_CLOSING_HASHES = re.compile(r"(?:^|\s)(#+)\s*$")
_PUNCTUATION = frozenset("!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~")


def _is_space(char: str) -> bool:
    return char == "" or char.isspace()


def _is_punctuation(char: str) -> bool:
    return char in _PUNCTUATION or (char != "" and unicodedata.category(char).startswith(("P", "S")))


def _may_open(before: str, after: str) -> bool:
    """Whether an ``_`` between these characters may open emphasis (CommonMark's flanking rules).

    The ends of the text count as white space, since what stands there is not known.
    """
    left = not _is_space(after) and (not _is_punctuation(after) or _is_space(before) or _is_punctuation(before))
    right = not _is_space(before) and (not _is_punctuation(before) or _is_space(after) or _is_punctuation(after))
    return left and (not right or _is_punctuation(before))


def _needs_escape(text: str, index: int, *, table: bool, line_start: bool) -> bool:  # noqa: C901 - one rule a char
    """Whether the character at ``index`` would be read as Markdown or HTML syntax where the text goes."""
    char = text[index]
    before = text[index - 1] if index else ""
    after = text[index + 1] if index + 1 < len(text) else ""
    if line_start and index == 0 and (char in ">#=" or (char in "-+*" and _is_space(after))):
        return True  # a quote, heading, setext underline or list item at the start of a line
    if char.isdigit():  # "1. " at the start of a line is a list: its "." is escaped instead
        return False
    if char in "`~*":  # code spans; strike-through and emphasis unless it stands alone between spaces
        return char == "`" or not (before.isspace() and after.isspace())
    if char == "_":  # emphasis, when it could open one (not inside a word: Voice_of_Russia, Sputnik_(agency))
        return _may_open(before, after)
    if char == "\\":  # an escape, or a hard line break at the end
        return after == "" or after in _PUNCTUATION
    if char == "<":  # raw HTML and autolinks start with a letter, "/", "!" or "?"
        return after.isalpha() or after in "/!?"
    if char == "]":  # a link, an image or a reference definition: "](", "][", "]:"
        return after in ("(", "[", ":")
    if char == "[":  # a footnote "[^1]"
        return after == "^"
    if char == "&":  # an entity or character reference
        return _ENTITY.match(text, index) is not None
    if char == "|":
        return table
    return False


def escape_markdown(text: str, *, table: bool = False, line_start: bool = False) -> str:
    r"""Escape what Markdown or inline HTML would misread in text from outside, and nothing else.

    Line breaks become spaces. ``table`` is for text in a table cell (``|`` is escaped);
    ``line_start`` for text that begins a line (a leading ``>``, ``#`` or list marker is escaped).

    >>> print(escape_markdown("<script>*x*</script>"))
    \<script>\*x\*\</script>
    >>> print(escape_markdown("Voice_of_Russia <-owns (100%)- Russian Federation [1]"))
    Voice_of_Russia <-owns (100%)- Russian Federation [1]
    >>> print(escape_markdown("[click](javascript:alert(1)) a | b"), escape_markdown("a | b", table=True))
    [click\](javascript:alert(1)) a | b a \| b
    """
    flat = text.replace("\r", " ").replace("\n", " ")
    marks = {
        match.start()
        for match in _CANDIDATE.finditer(flat)
        if _needs_escape(flat, match.start(), table=table, line_start=line_start)
    }
    if line_start and (number := _LIST_NUMBER.match(flat)):
        marks.add(number.end() - 1)
    if closing := _CLOSING_HASHES.search(flat):  # an ATX heading's closing sequence would be dropped
        marks.update(range(closing.start(1), closing.end(1)))
    return "".join("\\" + char if index in marks else char for index, char in enumerate(flat))


def render_markdown(report: ReportContents) -> str:
    """The report in Markdown: article, publisher, origin, control chain, labels, evidence, sources."""
    numbers = {source: number for number, source in enumerate(report.sources(), 1)}
    lines = [
        *_article_section(report),
        *_origin_section(report, numbers),
        *_labels_section(report, numbers),
        *_sources_section(numbers),
    ]
    return "\n".join(_blank_before_headings(lines)).rstrip() + "\n"


def _blank_before_headings(lines: list[str]) -> list[str]:
    """The lines with a blank line before every heading but the first line."""
    out: list[str] = []
    for line in lines:
        if line.startswith("#") and out and out[-1] != "":
            out.append("")
        out.append(line)
    return out


def _article_section(report: ReportContents) -> list[str]:
    """The heading, the generator line, what is known of the article and who published it."""
    e = escape_markdown
    article = report.article
    lines = [f"# Provenance report: {e(article.title or 'untitled article')}", ""]
    lines.append(f"*provenance {e(report.library_version)}, data {e(report.data_version)}, policy `{report.policy}`*")
    lines += ["", "## The article", ""]
    lines.append(f"- **Title:** {e(article.title or 'unknown')}")
    lines.append(f"- **By:** {e(', '.join(article.authors)) if article.authors else 'unknown'}")
    genre = report.labels.get("genre")
    if genre is not None:
        terms = [
            f"{name} {genre.detail(key)}"
            for key, name in (("schema_type", "schema.org"), ("iptc_name", "IPTC"), ("trust_project", "Trust Project"))
            if genre.detail(key)
        ]
        lines.append(f"- **Genre:** {e(genre.text)}" + (f" ({e('; '.join(terms))})" if terms else ""))
    lines.append(f"- **Published:** {e(report.published_text())}")
    if article.url:
        site = report.site
        where = f" ({e(site.name)}, {e(site.kind)}, {site.country})" if site is not None else ""
        lines.append(f"- **Found at:** {e(article.url)}{where}")
    return lines + _publisher_lines(report)


def _publisher_lines(report: ReportContents) -> list[str]:
    """``Published by`` the outlet at the URL, with its labels, one a line."""
    e = escape_markdown
    if report.site is None:
        return []
    if not report.site_labels:
        return [f"- **Published by:** {e(report.site.name)} (no labels)"]
    lines = [f"- **Published by:** {e(report.site.name)}, labelled:"]
    lines += [f"  - {label.kind} {e(label.value)} ({label.certainty}): {e(label.text)}" for label in report.site_labels]
    return lines


def _origin_section(report: ReportContents, numbers: dict[Source, int]) -> list[str]:
    """Where the article came from, the evidence, the disclosure and who stood behind the origin."""
    e = escape_markdown
    lines = ["", "## Where it came from", ""]
    evidence = report.origin_evidence()
    origin = report.origin
    if origin is None or evidence is None:
        lines.append("The article does not say it was republished from an outlet in the registry.")
        disclosure = report.disclosure()
        return lines + (["", f"**Disclosure:** {e(disclosure)}"] if disclosure else [])
    shown, phrase = evidence
    if report.republished:
        cue = report.origin_mention.cue if report.origin_mention is not None else "isBasedOn"
        lines.append(f"Republished from **{e(origin.name)}** ({e(origin.id)}), as {e(cue_words(cue))} says:")
        lines += ["", f"> {e(shown, line_start=True)}"]
    else:
        lines.append(
            f"Published by **{e(origin.name)}** ({e(origin.id)}) itself, not republished: {e(phrase)} names "
            f"{e(origin.name)}."
        )
    disclosure = report.disclosure()
    if disclosure:
        lines += ["", f"**Disclosure:** {e(disclosure)}"]
    lines += ["", f"## Who stood behind {e(origin.name)}", ""]
    return lines + _chain_lines(report, numbers)


def _chain_lines(report: ReportContents, numbers: dict[Source, int]) -> list[str]:
    """The control chain over the window (or on its one day), one path a line with its sources."""
    e = escape_markdown
    when = report.window_text()
    if not report.chain or not report.chain.paths:
        return [f"No owner or controller is recorded {e(when)}."]
    lines = [f"Control chain {e(when)}:", ""]
    for path in report.chain:
        refs = "".join(f"[{numbers[s]}]" for s in path.sources())
        lines.append(f"- {e(path.describe(report.registry))}{_held(report.window, path)} {refs}".rstrip())
    return lines


def _held(window: Interval | None, path: ControlPath) -> str:
    """When a path held, in words, if not over the whole window: `` (only 2013-12-09 to 2014-11-09)``."""
    if path.certainty.value == "yes":
        return ""
    first, last = path.span
    if window is not None:
        low, _, _, high = window.bounds()
        first, last = max(first, low), min(last, high)
    if first > last:
        return " (for part of that time; the dates recorded do not say when)"
    return f" (only {escape_markdown(Interval.from_days(first, last).describe())})"


def _labels_section(report: ReportContents, numbers: dict[Source, int]) -> list[str]:
    """Every label in a table, then why each was given."""
    e = escape_markdown
    lines = ["", "## Labels", ""]
    labels = report.all_labels()
    if not labels:
        return [*lines, "No labels."]
    lines += ["| label | value | certainty | about | text |", "|---|---|---|---|---|"]
    for label in labels:
        cells = (label.kind, label.value, label.certainty, label.subject, label.text)
        lines.append("| " + " | ".join(e(cell, table=True) for cell in cells) + " |")
    lines += ["", "### Why", ""]
    told: dict[tuple[Evidence, ...], str] = {}
    for label in labels:
        lines += _why_lines(label, numbers, told)
    return lines


def _why_lines(label: Label, numbers: dict[Source, int], told: dict[tuple[Evidence, ...], str]) -> list[str]:
    """One label's value, certainty, policy, rule and evidence, with source numbers.

    Evidence already listed for an earlier label (``told``) is referred to, not printed again.
    """
    e = escape_markdown
    policy = f", policy `{label.policy}`" if label.policy else ""
    title = f"{label.kind} = {e(label.value)}"
    lines = [f"**{title}** ({label.certainty}{policy})", ""]
    if label.rule:
        lines.append(f"- Rule: {e(label.rule)}")
    if label.basis and label.basis in told:
        return [*lines, f"- Evidence: as for **{told[label.basis]}** above.", ""]
    if label.basis:
        told[label.basis] = title
    for line in dict.fromkeys(_evidence_line(fact, numbers) for fact in label.basis):
        lines.append(line)
    lines.append("")
    return lines


def _evidence_line(fact: Evidence, numbers: dict[Source, int]) -> str:
    refs = "".join(f"[{numbers[s]}]" for s in fact.sources if s in numbers)
    return f"- {escape_markdown(fact.statement)} {refs}".rstrip()


def _sources_section(numbers: dict[Source, int]) -> list[str]:
    """The numbered sources; no section when nothing is cited."""
    if not numbers:
        return []
    return ["## Sources", "", *(f"{number}. {escape_markdown(source.cite())}" for source, number in numbers.items())]
