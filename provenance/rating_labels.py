"""``rating`` labels: what raters said of an outlet or a host, and which of them a URL shows."""

from __future__ import annotations

from provenance.domains import candidate_hosts
from provenance.labels import CERTAIN, Evidence, Label
from provenance.ratings import Rating
from provenance.registry import Registry

__all__ = ["host_rating_labels", "outlet_rating_labels", "rates_host", "rates_this_host", "rating_label"]


def outlet_rating_labels(registry: Registry, outlet: str) -> list[Label]:
    """``rating`` labels of an outlet: every rating naming it, whatever domain the rater named."""
    return [rating_label(registry, rating) for rating in registry.ratings(outlet=outlet)]


def host_rating_labels(registry: Registry, host: str, skip_outlet: str | None = None) -> list[Label]:
    """``rating`` labels given to a host or a domain above it (not those of ``skip_outlet``, shown already)."""
    return [
        rating_label(registry, rating)
        for rating in registry.ratings(host=host)
        if skip_outlet is None or rating.outlet != skip_outlet
    ]


def rating_label(registry: Registry, rating: Rating) -> Label:
    """The ``rating`` label of one rating; its ``rated`` detail is what the rater named (a name or a domain)."""
    rater = registry.rater(rating.rater)
    rater_name = rater.name if rater is not None else rating.rater
    subject = rating.outlet or rating.host or ""
    rated = rating.name or subject
    as_of = f" as of {rating.as_of}" if rating.as_of is not None else ""
    via = f", via {rating.via}" if rating.via else ""
    return Label(
        kind="rating",
        value=f"{rating.normalized:g}",
        subject=subject,
        text=f"{rater_name} rates {rated} {rating.raw!r} on {rating.axis}{as_of}{via}.",
        certainty=CERTAIN,
        rule=f"a rating by {rater_name}, normalised to 0-1 on its {rating.scale} scale",
        basis=(
            Evidence(
                f"{rater_name} rated {rated} {rating.raw!r} ({rating.axis}){as_of}{via}.",
                rating.sources,
            ),
        ),
        details={
            "rater": rating.rater,
            "rater_name": rater_name,
            "axis": rating.axis,
            "raw": rating.raw,
            "scale": rating.scale,
            "as_of": None if rating.as_of is None else str(rating.as_of),
            "via": rating.via,
            "rated": rated,
        },
    )


def rates_host(rated: object, host: str | None) -> bool:
    """Whether what a rater named applies to ``host``: a name, or a domain that is ``host`` or one above it.

    A domain (``rt.com``, lower case, no spaces) rates that site, not the
    outlet's other domains nor, for ``host=None`` (an account), anything.
    """
    if not isinstance(rated, str) or "." not in rated or rated != rated.strip().lower() or " " in rated:
        return True  # a name ("Sputnik", "Lenta.ru (2014 -)"): the outlet's, wherever it publishes
    return host is not None and rated in candidate_hosts(host)


def rates_this_host(label: Label, host: str | None) -> bool:
    """Whether a label is not a rating of another domain (:func:`rates_host` of its ``rated`` detail)."""
    return label.kind != "rating" or rates_host(label.detail("rated"), host)
