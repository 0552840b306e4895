"""Assertions that a URL or article is (or is not) labelled, whose failures explain every label found."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

import attrs

from provenance.dates import Interval, as_partial_date
from provenance.model import Article
from provenance.registry import Registry, default_registry

if TYPE_CHECKING:
    from provenance.dates import When
    from provenance.labels import Label, LabelSet
    from provenance.policies import Policy

__all__ = ["assert_labelled", "assert_not_labelled"]


def _labels_of(
    url_or_article: str | Article,
    at: When,
    policy: str | Policy,
    registry: Registry | None,
) -> tuple[LabelSet, Callable[[], str]]:
    """The labels of a URL or an article, and how to name what was labelled (worked out on failure only)."""
    from provenance.labelling import label_url

    when = "" if at is None else f" at {at}"
    if isinstance(url_or_article, Article):
        from provenance.reports import build_report

        article = url_or_article
        if at is not None and not isinstance(at, Interval):
            article = attrs.evolve(article, published=as_partial_date(at))
        report = build_report(article, policy, registry)
        what = f"article {(article.title or article.url or 'untitled')!r}{when}"
        return report.all_labels(), lambda: what
    if isinstance(url_or_article, str):
        url = url_or_article
        labels = label_url(url, at, policy, registry)

        def describe() -> str:
            chosen = registry if registry is not None else default_registry()
            outlet = chosen.outlet_for_url(url, at)
            owner = "no outlet in the registry claims its host" if outlet is None else f"outlet {outlet.id!r}"
            return f"{url!r}{when} ({owner})"

        return labels, describe
    raise TypeError(f"expected a URL or an Article, got {type(url_or_article).__name__}")


def _matches(label: Label, kind: str, value: str | None, certainty: str | None) -> bool:
    return (
        label.kind == kind
        and (value is None or label.value == value)
        and (certainty is None or label.certainty == certainty)
    )


def _wanted(kind: str, value: str | None, certainty: str | None) -> str:
    text = f"{kind!r}" + ("" if value is None else f" = {value!r}")
    return text + ("" if certainty is None else f" ({certainty})")


def _failure(headline: str, labels: Sequence[Label], shown: Sequence[Label]) -> str:
    from provenance.labelling import explain

    lines = [headline]
    if not labels:
        lines.append("No labels were found.")
    else:
        lines.append(f"Labels found ({len(labels)}):")
        lines.extend(
            f"  - {label.kind} = {label.value!r} ({label.certainty}) on {label.subject!r}"
            + (f", policy {label.policy!r}" if label.policy else "")
            for label in labels
        )
    if shown:
        lines.append("")
        lines.append("Explanations:")
        for label in shown:
            lines.extend("  " + line for line in explain(label).splitlines())
            lines.append("")
    return "\n".join(lines).rstrip()


def assert_labelled(
    url_or_article: str | Article,
    kind: str,
    value: str | None = None,
    at: When = None,
    policy: str | Policy = "typology",
    registry: Registry | None = None,
    *,
    certainty: str | None = None,
) -> Label:
    """Assert that a URL or article gets a label of a kind (and value), and return it.

    A URL is labelled with :func:`provenance.label_url`; an
    :class:`~provenance.model.Article` with
    :func:`provenance.reports.build_report` (article, origin and site labels
    together).

    >>> from provenance.testing import make_registry
    >>> reg = make_registry(outlets=[{"id": "vor", "name": "Voice of Russia", "country": "RU",
    ...                               "end": "2014-11-10"}],
    ...                     domains=[{"host": "ruvr.ru", "outlet": "vor"}])
    >>> assert_labelled("http://ruvr.ru/x", "defunct", "2014-11-10", registry=reg).text
    'Voice of Russia ceased to exist on 2014-11-10.'
    >>> assert_labelled("http://ruvr.ru/x", "state-media", registry=reg)
    Traceback (most recent call last):
    ...
    AssertionError: expected a 'state-media' label for 'http://ruvr.ru/x' (outlet 'vor') under policy 'typology'
    Labels found (1):
      - defunct = '2014-11-10' (certain) on 'vor'
    <BLANKLINE>
    Explanations:
      vor: defunct = 2014-11-10 (certain)
    ...

    Args:
        url_or_article: A URL (or host), or an article.
        kind: The label kind, e.g. ``"state-media"``.
        value: The value it must have, if it matters (``"SC"``).
        at: When the URL was seen; for an article, a date that replaces its
            published date (a window is not applied to articles).
        policy: The policy name or :class:`~provenance.policies.Policy`.
        registry: Where the facts come from (default: the shipped data).
        certainty: ``"certain"`` or ``"possible"``, if it matters.

    Returns:
        The first matching label.

    Raises:
        AssertionError: If no label matches; the message lists every label
            found, with the explanation of each.
    """
    __tracebackhide__ = True  # pytest shows the failure message, not this helper's source
    labels, describe = _labels_of(url_or_article, at, policy, registry)
    found = list(labels)
    for label in found:
        if _matches(label, kind, value, certainty):
            return label
    policy_name = policy if isinstance(policy, str) else policy.name
    headline = f"expected a {_wanted(kind, value, certainty)} label for {describe()} under policy {policy_name!r}"
    raise AssertionError(_failure(headline, found, found))


def assert_not_labelled(
    url_or_article: str | Article,
    kind: str,
    value: str | None = None,
    at: When = None,
    policy: str | Policy = "typology",
    registry: Registry | None = None,
    *,
    certainty: str | None = None,
) -> LabelSet:
    """Assert that a URL or article gets no label of a kind (and value), and return its labels.

    >>> from provenance.testing import make_registry
    >>> reg = make_registry(outlets=[{"id": "rt", "name": "RT", "country": "RU"}],
    ...                     domains=[{"host": "rt.com", "outlet": "rt"}])
    >>> len(assert_not_labelled("https://rt.com.evil.example/", "state-media", registry=reg))
    0

    Args:
        url_or_article: A URL (or host), or an article.
        kind: The label kind that must be absent.
        value: Only a label with this value counts, if given.
        at: As for :func:`assert_labelled`.
        policy: The policy name or :class:`~provenance.policies.Policy`.
        registry: Where the facts come from (default: the shipped data).
        certainty: Only a label with this certainty counts, if given.

    Returns:
        Every label found (none of them matching).

    Raises:
        AssertionError: If a label matches; the message lists every label
            found and explains the matching ones.
    """
    __tracebackhide__ = True  # pytest shows the failure message, not this helper's source
    labels, describe = _labels_of(url_or_article, at, policy, registry)
    found = list(labels)
    offending = [label for label in found if _matches(label, kind, value, certainty)]
    if not offending:
        return labels
    policy_name = policy if isinstance(policy, str) else policy.name
    headline = f"expected no {_wanted(kind, value, certainty)} label for {describe()} under policy {policy_name!r}"
    raise AssertionError(_failure(headline, found, offending))
