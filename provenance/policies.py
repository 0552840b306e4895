"""Policies: how the facts about an outlet become state-media labels.

One fact base, many policies. Every policy reads the same
:class:`OutletFacts` (the outlet's control chain at a date, what the state
funds, governs and controls editorially, and the assessments others made)
and returns labels. The shipped policies:

- ``typology`` (default): the State Media Monitor typology (SC, CaPu, CaPr,
  ISFM, ISF, ISM, IP); taken from a recorded assessment of the outlet, or of
  the company that owns or operates it, when there is one, derived from the
  facts otherwise, and the basis says which. A derived code never claims
  editorial independence as certain (:func:`derived_typologies`).
- ``x-2020``: X/Twitter's "<Country> state-affiliated media" labels
  (6 August 2020 to 21 April 2023, country by country).
- ``meta-2020``: Meta's "<Country> state-controlled media" labels (from
  4 June 2020).
- ``youtube-2018``: YouTube's notices (from 2 February 2018): "<Outlet> is
  funded in whole or in part by the <adjective> government", or "<Outlet> is
  a <adjective> public broadcast service".

A platform policy shows first the labels the platform is recorded to have
applied (``platform-label`` assessments by ``x``, ``meta`` or ``youtube``),
in its own wording; a label derived from the facts under the platform's rule
says so and is only ever ``possible``; and it holds only within the
platform's :class:`Rollout` phases. Definitions and sources are in
``docs/policies.md``. A policy of your own is a name and a function::

    >>> def any_state_money(facts):
    ...     if facts.funding is not Truth.NO:
    ...         yield facts.make_label("platform-label", "state money", "Paid for by a state.",
    ...                                facts.funding, rule="the state funds it", basis=facts.evidence("funds"))
    >>> mine = Policy("state-money", "Labels any state funding.", any_state_money)
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from types import MappingProxyType

import attrs

from provenance.countries import country_adjective, country_name
from provenance.dates import ONGOING, Interval, Truth
from provenance.errors import UnknownPolicyError
from provenance.labels import CERTAIN, POSSIBLE, Evidence, Label
from provenance.model import Assessment, Organization, Outlet, Relation, Source
from provenance.ownership import ControlChain, ControlPath, control_chain, covers
from provenance.registry import Registry

__all__ = [
    "ASSESSOR_NAMES",
    "POLICIES",
    "TYPOLOGY_NAMES",
    "AppliedTypology",
    "OutletFacts",
    "Policy",
    "Rollout",
    "certainty_of",
    "derive_typology",
    "derived_typologies",
    "describe_relation",
    "get_policy",
    "with_article",
]

TYPOLOGY_NAMES: Mapping[str, str] = MappingProxyType(
    {
        "SC": "state-controlled media",
        "CaPu": "captured public media",
        "CaPr": "captured private media",
        "ISFM": "independent state-funded and state-managed media",
        "ISF": "independent state-funded media",
        "ISM": "independent state-managed media",
        "IP": "independent public media",
    }
)
"""What each State Media Monitor code means."""

ASSESSOR_NAMES: Mapping[str, str] = MappingProxyType(
    {
        "state-media-monitor": "State Media Monitor",
        "x": "X",
        "meta": "Meta",
        "youtube": "YouTube",
        "eu": "The European Union",
        "us": "The United States",
        "uk": "The United Kingdom",
        "ca": "Canada",
        "ru": "Russia",
    }
)
"""Display names of the assessors the shipped data uses; other ids are shown as they are."""

_CODES = tuple(TYPOLOGY_NAMES)
_INDEPENDENT = frozenset({"ISFM", "ISF", "ISM", "IP"})
_CAPTURED = frozenset({"SC", "CaPu", "CaPr"})
_SMM = "state-media-monitor"
_VERBS = {
    "owns": "owns",
    "funds": "funds",
    "governs": "governs",
    "controls-editorially": "controls the editorial line of",
    "operates": "operates",
    "parent-of": "is the parent of",
}


def certainty_of(truth: Truth) -> str | None:
    """``certain`` for ``YES``, ``possible`` for ``MAYBE``, ``None`` for ``NO``."""
    return {Truth.YES: CERTAIN, Truth.MAYBE: POSSIBLE}.get(truth)


def describe_relation(registry: Registry, relation: Relation) -> str:
    """A relation in words: ``Russian Federation owns Rossiya Segodnya (100%, since 2013-12-09)``."""
    subject, object = registry.lookup(relation.subject).name, registry.lookup(relation.object).name
    notes = [f"{relation.share:.0%}"] if relation.share is not None else []
    if relation.interval != Interval():
        notes.append(relation.interval.describe())
    suffix = f" ({', '.join(notes)})" if notes else ""
    return f"{subject} {_VERBS[relation.kind]} {object}{suffix}"


def derive_typology(funding: Truth, governance: Truth, editorial: Truth, public_service: bool) -> str | None:
    """The State Media Monitor code that three facts imply, or ``None``: the typology's table.

    ``MAYBE`` counts as present. An outlet with no link to the state gets no
    code, unless it is a public-service broadcaster (``IP``). This is the
    bare table; :func:`derived_typologies` is what the ``typology`` policy
    uses, since ``NO`` editorial control there means only that no fact says so.

    >>> derive_typology(Truth.YES, Truth.YES, Truth.YES, False)
    'SC'
    >>> derive_typology(Truth.YES, Truth.NO, Truth.NO, True)
    'ISF'
    >>> derive_typology(Truth.NO, Truth.NO, Truth.NO, False) is None
    True
    """
    f, g, e = (truth is not Truth.NO for truth in (funding, governance, editorial))
    if e:
        if not g:
            return "CaPr"
        return "SC" if f else "CaPu"
    if f and g:
        return "ISFM"
    if f:
        return "ISF"
    if g:
        return "ISM"
    return "IP" if public_service else None


def derived_typologies(
    funding: Truth, governance: Truth, editorial: Truth, public_service: bool
) -> tuple[tuple[str, Truth], ...]:
    """The codes the facts allow, each with how surely it holds, when no assessment applies.

    ``editorial`` is what the recorded facts say about state editorial
    control: ``YES`` or ``MAYBE`` when a ``controls-editorially`` relation
    holds on all or some days, ``NO`` when none is recorded. The registry
    has no fact for "the state does not control it" (that is what an
    assessment of editorial independence records), so ``NO`` here means
    *unknown*, and absence of evidence is not independence:

    - editorial control ``YES``: the captured code (SC, CaPu or CaPr by
      funding and governance), ``YES`` unless funding or governance is ``MAYBE``;
    - otherwise, both codes the facts allow, each ``MAYBE``: the captured code
      (only when a state funds or governs the outlet, or may control its line)
      and the independent code (ISFM, ISF, ISM, or IP for a public-service
      broadcaster);
    - nothing when neither is allowed (no link to a state, not public service).

    An independent code is therefore never ``YES``.

    >>> derived_typologies(Truth.YES, Truth.YES, Truth.YES, False)
    (('SC', <Truth.YES: 'yes'>),)
    >>> derived_typologies(Truth.YES, Truth.YES, Truth.NO, False)
    (('SC', <Truth.MAYBE: 'maybe'>), ('ISFM', <Truth.MAYBE: 'maybe'>))
    >>> derived_typologies(Truth.NO, Truth.NO, Truth.NO, True)
    (('IP', <Truth.MAYBE: 'maybe'>),)
    >>> derived_typologies(Truth.NO, Truth.NO, Truth.NO, False)
    ()
    """
    if editorial is Truth.YES:
        code = derive_typology(funding, governance, editorial, public_service)
        assert code is not None  # editorial control always gives a captured code
        return ((code, Truth.MAYBE if Truth.MAYBE in (funding, governance) else Truth.YES),)
    found: list[tuple[str, Truth]] = []
    if editorial is Truth.MAYBE or funding is not Truth.NO or governance is not Truth.NO:
        captured = derive_typology(funding, governance, Truth.YES, public_service)
        assert captured is not None
        found.append((captured, Truth.MAYBE))
    independent = derive_typology(funding, governance, Truth.NO, public_service)
    if independent is not None:
        found.append((independent, Truth.MAYBE))
    return tuple(found)


@attrs.frozen(slots=True)
class AppliedTypology:
    """A State Media Monitor code that applies to an outlet, and how it came to apply."""

    assessment: Assessment
    """The assessment: of the outlet itself, or of the company that owns or operates it."""
    truth: Truth
    """Whether it applies on every day of the window (``YES``) or only on some (``MAYBE``)."""
    via: Relation | None = None
    """The ``owns`` or ``operates`` relation through which a company's code applies; ``None`` for the outlet's own."""

    @property
    def code(self) -> str:
        """The typology code."""
        return self.assessment.value


@attrs.frozen(slots=True)
class OutletFacts:
    """What a policy may read about an outlet over a window, gathered once."""

    registry: Registry
    """Where the facts come from."""
    outlet: Outlet
    """The outlet."""
    window: Interval
    """The days the article or URL could date from, within the outlet's lifetime."""
    chain: ControlChain
    """Every control path at that time."""

    @classmethod
    def gather(cls, registry: Registry, outlet: Outlet, window: Interval) -> OutletFacts:
        """Collect the facts about ``outlet`` over ``window``."""
        return cls(registry, outlet, window, control_chain(registry, outlet.id, window))

    @property
    def state(self) -> Organization | None:
        """The state (or government body standing for one) at the top of the chain, the first found, or ``None``."""
        states = self.chain.states(self.registry)
        return states[0] if states else None

    @property
    def country(self) -> str:
        """The controlling state's country, else the outlet's own."""
        state = self.state
        return state.country if state is not None and state.country else self.outlet.country

    def _state_paths(self, kinds: frozenset[str]) -> tuple[ControlPath, ...]:
        return tuple(path for path in self.chain.to_state(self.registry) if path.carries(kinds))

    def _truth(self, kinds: frozenset[str]) -> Truth:
        paths = self._state_paths(kinds)
        truth = Truth.combine_any(path.certainty for path in paths)
        if truth is Truth.MAYBE and covers(paths, self.window):
            return Truth.YES  # different paths hand over, together holding every day
        return truth

    @property
    def funding(self) -> Truth:
        """Whether a state funds the outlet, directly or through bodies it controls or funds."""
        return self._truth(frozenset({"funds"}))

    @property
    def governance(self) -> Truth:
        """Whether a state owns or governs the outlet, directly or through bodies it controls.

        Funding a body passes no control: a state that funds a foundation
        which governs the outlet does not govern the outlet.
        """
        return self._truth(frozenset({"owns", "governs"}))

    @property
    def editorial_control(self) -> Truth:
        """Whether a recorded fact says a state controls what the outlet publishes (``NO``: none says so)."""
        return self._truth(frozenset({"controls-editorially"}))

    def evidence(self, *kinds: str) -> tuple[Evidence, ...]:
        """The relations on state paths that carry these kinds (every state path if none given), as evidence."""
        paths = self.chain.to_state(self.registry) if not kinds else self._state_paths(frozenset(kinds))
        relations = dict.fromkeys(r for path in paths for r in path.relations)
        return tuple(Evidence(describe_relation(self.registry, r), r.sources) for r in relations)

    def assessments(self, kind: str, assessor: str | None = None) -> tuple[tuple[Assessment, Truth], ...]:
        """Assessments of the outlet that may hold in the window, with how surely they do."""
        found = []
        for assessment in self.registry.assessments(self.outlet.id, self.window, kind):
            if assessor is None or assessment.assessor == assessor:
                found.append((assessment, assessment.interval.contains(self.window)))
        return tuple(found)

    def typologies(self) -> tuple[tuple[Assessment, Truth], ...]:
        """State Media Monitor typology assessments of the outlet itself in the window."""
        return self.assessments("typology", _SMM)

    def owner_typologies(self) -> tuple[AppliedTypology, ...]:
        """Codes assessed for the companies that directly own or operate the outlet, while they do.

        The State Media Monitor assesses media companies; a company's code
        applies to the outlets it owns or operates on the days when both the
        assessment and the ``owns`` / ``operates`` relation hold.
        """
        found = []
        for relation in self.registry.relations(object=self.outlet.id, at=self.window, kinds=("owns", "operates")):
            holder = self.registry.lookup(relation.subject)
            for assessment in self.registry.assessments(holder.id, self.window, "typology"):
                if assessment.assessor != _SMM:
                    continue
                truth = _together((assessment.interval, relation.interval, holder.lifetime), self.window)
                if truth is not Truth.NO:
                    found.append(AppliedTypology(assessment, truth, relation))
        return tuple(found)

    def applicable_typologies(self) -> tuple[AppliedTypology, ...]:
        """The outlet's own State Media Monitor codes, or, when it has none, those of its owners and operators."""
        own = tuple(AppliedTypology(a, t) for a, t in self.typologies())
        return own or self.owner_typologies()

    def independent(self) -> bool:
        """Whether an applicable typology code records editorial independence (ISFM, ISF, ISM, IP)."""
        return any(applied.code in _INDEPENDENT for applied in self.applicable_typologies())

    def is_past(self) -> bool:
        """Whether the outlet no longer exists."""
        return self.outlet.lifetime.end is not ONGOING

    def name(self) -> str:
        """The outlet's name in the window."""
        return self.outlet.name_at(self.window)

    def make_label(
        self,
        kind: str,
        value: str,
        text: str,
        truth: Truth,
        *,
        rule: str,
        basis: Iterable[Evidence] = (),
        policy: str | None = None,
        details: Mapping[str, str | int | float | bool | None] | None = None,
    ) -> Label:
        """A label about this outlet with certainty from ``truth`` (``NO`` is an error)."""
        certainty = certainty_of(truth)
        if certainty is None:
            raise ValueError("a label needs a truth of YES or MAYBE")
        return Label(
            kind=kind,
            value=value,
            subject=self.outlet.id,
            text=text,
            certainty=certainty,
            policy=policy,
            rule=rule,
            basis=tuple(basis),
            details=details or {},
        )


def _span(interval: Interval) -> tuple[int, int]:
    """The first and last ordinal day an interval may cover."""
    bounds = interval.bounds()
    return bounds[0], bounds[3]


def _together(intervals: Iterable[Interval], window: Interval) -> Truth:
    """Whether all the intervals hold on each day of the window (``YES``), on none together (``NO``), or maybe."""
    intervals = tuple(intervals)
    truths = [interval.contains(window) for interval in intervals]
    if all(truth is Truth.YES for truth in truths):
        return Truth.YES
    if Truth.NO in truths:
        return Truth.NO
    first, last = _span(window)
    for interval in intervals:
        start, end = _span(interval)
        first, last = max(first, start), min(last, end)
    return Truth.NO if first > last else Truth.MAYBE


def _subject_name(facts: OutletFacts, id: str) -> str:
    body = facts.registry.get(id)
    return body.name if body is not None else id


def _assessment_evidence(facts: OutletFacts, assessment: Assessment) -> Evidence:
    when = "" if assessment.interval == Interval() else f" ({assessment.interval.describe()})"
    note = f" Note: {assessment.note}" if assessment.note else ""
    return Evidence(
        f"{ASSESSOR_NAMES.get(assessment.assessor, assessment.assessor)} assessed "
        f"{_subject_name(facts, assessment.subject)} as {assessment.value}{when}.{note}",
        assessment.sources,
    )


def _holder_role(relation: Relation) -> str:
    return "owner" if relation.kind == "owns" else "operator"


def _typology_rule(facts: OutletFacts) -> Iterable[Label]:
    verb = "was" if facts.is_past() else "is"
    adjective = country_adjective(facts.country) or country_name(facts.country)
    applied = facts.applicable_typologies()
    by_code: dict[str, list[AppliedTypology]] = {}
    for item in applied:
        by_code.setdefault(item.code, []).append(item)
    # Conflicting assessments are all kept, one label per code, never merged.
    for code, group in sorted(by_code.items()):
        truth = Truth.combine_any(item.truth for item in group)
        holders = [item.via for item in group if item.via is not None]
        basis = [_assessment_evidence(facts, item.assessment) for item in group]
        if not holders:
            text = f"{facts.name()} {verb} {adjective} {TYPOLOGY_NAMES[code]} (State Media Monitor: {code})."
            rule = "State Media Monitor typology, as assessed"
            details: dict[str, str | None] = {"typology_source": "assessment"}
        else:
            named = " and ".join(
                dict.fromkeys(f"its {_holder_role(r)} {_subject_name(facts, r.subject)}" for r in holders)
            )
            text = (
                f"{facts.name()} {verb} {adjective} {TYPOLOGY_NAMES[code]} "
                f"(State Media Monitor: {code}, assessed for {named})."
            )
            rule = (
                f"State Media Monitor typology assessed for {named}, applied to the outlets it owns or operates "
                "while it does; the outlet has no code of its own"
            )
            basis.extend(Evidence(describe_relation(facts.registry, r), r.sources) for r in dict.fromkeys(holders))
            details = {"typology_source": "owner-assessment", "assessed_for": holders[0].subject}
        yield facts.make_label(
            "state-media",
            code,
            text,
            truth,
            rule=rule,
            basis=[*basis, *facts.evidence()],
            policy="typology",
            details={"country": facts.country, **details},
        )
    if applied:
        return
    flags = (facts.funding, facts.governance, facts.editorial_control)
    shown = [flag.value for flag in flags]
    if flags[2] is Truth.NO:
        shown[2] = "unknown (no fact recorded)"
    found = ", ".join(
        f"{name}: {value}"
        for name, value in zip(("state funding", "state governance", "state editorial control"), shown, strict=True)
    )
    editorial = flags[2]
    for code, truth in derived_typologies(*flags, public_service=facts.outlet.public_service):
        if editorial is Truth.YES:
            text = f"{facts.name()} {verb} {adjective} {TYPOLOGY_NAMES[code]}"
            condition = why = ""
        else:
            # Editorial control is unknown on some or all days: neither code is established.
            text = f"{facts.name()} may {'have been' if facts.is_past() else 'be'} {adjective} {TYPOLOGY_NAMES[code]}"
            known = "facts say it does on some days only" if editorial is Truth.MAYBE else "no fact says if it does"
            does = "does not control" if code in _INDEPENDENT else "controls"
            condition = f" if the state {does} its editorial line; {known}"
            why = (
                "; possible only: no fact says the state does not control the editorial line"
                if code in _INDEPENDENT
                else "; possible only: no fact says the state controls the editorial line on every day"
            )
        yield facts.make_label(
            "state-media",
            code,
            f"{text} (derived from ownership and funding facts: {code}{condition}).",
            truth,
            rule=f"no State Media Monitor assessment; typology derived from the facts ({found}){why}",
            basis=facts.evidence(),
            policy="typology",
            details={"country": facts.country, "typology_source": "derived"},
        )


# -- platform policies --------------------------------------------------------------


def _news(url: str, title: str, publisher: str, quote: str) -> Source:
    return Source(url, title, publisher=publisher, quote=quote, kind="news")


@attrs.frozen(slots=True)
class Rollout:
    """One phase of a platform's labelling programme: when it ran and whose media it covered.

    A platform policy gives a derived label only on days inside a phase that
    covers the controlling state's country.
    """

    interval: Interval
    """The days the phase may have labelled (both ends inclusive)."""
    summary: str
    """The phase in words, saying which bounds are established and which are not."""
    sources: tuple[Source, ...]
    """Where the phase is reported, each with a verbatim quote."""
    countries: frozenset[str] | None = None
    """ISO codes of the states whose media it covered; ``None`` for any state's."""

    def covers(self, country: str) -> bool:
        """Whether the phase covered media of the state of ``country``."""
        return self.countries is None or country in self.countries


_X_DEFINITION = _news(
    "https://www.thehindu.com/sci-tech/technology/twitter-introduces-new-labels-for-government-state-affiliated-media-accounts/article32301759.ece",
    "Twitter introduces new labels for government, state-affiliated media accounts",
    "The Hindu",
    "State-financed media organizations with editorial independence will not be labelled.",
)
_X_END = _news(
    "https://www.semafor.com/article/04/21/2023/twitter-gets-rid-of-labels-for-media-organizations",
    "Twitter gets rid of labels for media organizations",
    "Semafor",
    "Accounts for state media organizations in Russia and China, like RT and Xinhua News, also no longer have a "
    '"state-affiliated" label.',
)
_X_ROLLOUTS = (
    Rollout(
        Interval.parse("2020-08-06", "2023-04-21"),
        "X (Twitter) labelled state-affiliated media of the five permanent members of the UN Security Council "
        "(China, France, Russia, the United Kingdom, the United States) from 6 August 2020 until it removed "
        "all such labels on 21 April 2023.",
        (
            _news(
                "https://www.thehindu.com/sci-tech/technology/twitter-introduces-new-labels-for-government-state-affiliated-media-accounts/article32301759.ece",
                "Twitter introduces new labels for government, state-affiliated media accounts",
                "The Hindu",
                "Labels will only be applied to accounts from the five permanent members of the UN Security Council, "
                "namely China, France, Russian Federation, the United Kingdom, and the United States.",
            ),
            _X_END,
        ),
        countries=frozenset({"CN", "FR", "RU", "GB", "US"}),
    ),
    Rollout(
        Interval.parse("2021-02-17", "2023-04-21"),
        "X's second phase began on 17 February 2021 with government accounts of Canada, Cuba, Ecuador, Egypt, "
        "Germany, Honduras, Indonesia, Iran, Italy, Japan, Saudi Arabia, Serbia, Spain, Thailand, Turkey and the "
        "United Arab Emirates; their state-affiliated media were to follow as 'the immediate next phase', at a date "
        "not established here, so 17 February 2021 is only the earliest day.",
        (
            _news(
                "https://scroll.in/latest/986764/twitter-to-add-labels-to-identify-more-accounts-of-world-leaders-leaves-india-out-of-list",
                "Twitter to add labels to identify more accounts of world leaders, leaves India out of list",
                "Scroll.in",
                "In a blog post, Twitter said the roll-out will begin from February 17 in Canada, Cuba, Ecuador, "
                "Egypt, Germany, Honduras, Indonesia, Iran, Italy, Japan, Saudi Arabia, Serbia, Spain, Thailand, "
                "Turkey, and the United Arab Emirates.",
            ),
            _news(
                "https://www.business-standard.com/article/current-affairs/twitter-to-add-more-labels-to-identify-ids-of-govt-leaders-from-next-week-121021300017_1.html",
                "Twitter to add more labels to identify IDs of govt leaders from next week",
                "Business Standard",
                "The immediate next phase will be to apply these labels to state-affiliated media entities of these "
                "phase two countries.",
            ),
            _X_END,
        ),
        countries=frozenset(
            {"CA", "CU", "EC", "EG", "DE", "HN", "ID", "IR", "IT", "JP", "SA", "RS", "ES", "TH", "TR", "AE"}
        ),
    ),
    Rollout(
        Interval.parse("2022-03-11", "2023-04-21"),
        "X added labels to Belarusian state-affiliated media from 11 March 2022.",
        (
            _news(
                "https://itc.ua/news/twitter-takzhe-nachal-pomechat-publikaczii-gosudarstvennyh-smi-belarusi/",
                "Twitter также начал помечать публикации государственных СМИ Беларуси",
                "ITC.ua",
                "We’re adding labels to accounts and Tweets sharing links of state-affiliated media outlets in "
                "Belarus after detailed reporting about their role in the war in Ukraine.",
            ),
            _X_END,
        ),
        countries=frozenset({"BY"}),
    ),
)
"""X's roll-out, phase by phase (see ``docs/policies.md``)."""

_META_DEFINITION = _news(
    "https://fortune.com/2020/06/04/facebook-label-state-owned-media-government-control-fb",
    "Facebook to label state-owned media outlets’ posts, pages, and ads",
    "Fortune",
    "Facebook is rolling out new labels that identify all posts, pages, and ads published by media outlets that "
    "are partially or wholly controlled by their governments.",
)
_META_ROLLOUTS = (
    Rollout(
        Interval.parse("2020-06-04"),
        "Meta (Facebook) labelled state-controlled media on their Pages from 4 June 2020 (posts in US feeds from "
        "the following week, elsewhere later).",
        (
            _META_DEFINITION,
            _news(
                "https://pocketnow.com/facebook-now-labels-content-from-state-controlled-media-to-boost-transparency",
                "Facebook now labels content from state-controlled media to boost transparency",
                "Pocketnow",
                "The labels will be seen on Pages, Ad Library Page view, and in the Page Transparency section.",
            ),
            _news(
                "https://www.foxbusiness.com/technology/facebook-labels-state-run-media",
                "Facebook adding labels to state-controlled media, including Russian, Chinese outlets",
                "Fox Business",
                "The labels will begin to appear on Facebook's Ad Library Page view, Pages, and the Page Transparency "
                "section. The labels will also appear on ads starting later this summer and on posts in the News Feed "
                "section for U.S. users starting next week, the company said.",
            ),
        ),
    ),
)
"""Meta's roll-out (see ``docs/policies.md``)."""

_YOUTUBE_DEFINITION = _news(
    "https://www.usatoday.com/story/tech/talkingtech/2018/02/02/youtube-label-state-funded-news-videos-effort-provide-transparency/303414002/",
    "[title not shown in the text read] USA Today report of 2 February 2018 on YouTube labelling state-funded news",
    "USA Today",
    "Video network YouTube said it will start labeling news videos that are funded by governments.",
)
_YOUTUBE_ROLLOUTS = (
    Rollout(
        Interval.parse("2018-02-02"),
        "YouTube showed its notices to viewers in the United States from 2 February 2018.",
        (
            _YOUTUBE_DEFINITION,
            _news(
                "https://www.sharjah24.ae/en/variety/tech/289366-youtube-labels-state-sponsored-news-as-rules-tighten",
                "YouTube labels state-sponsored news as rules tighten",
                "Sharjah24 (AFP)",
                "A feature being rolled out in the US displays notices below videos uploaded by news broadcasters "
                "which receive government or public money",
            ),
        ),
    ),
    Rollout(
        Interval.parse("2019-04-15"),
        "YouTube showed them to viewers in India from 15 April 2019.",
        (
            _news(
                "https://www.financialexpress.com/industry/technology/youtube-now-shows-government-funding-information-for-news-videos-in-india/1549496/",
                "YouTube now shows government funding information for news videos in India",
                "Financial Express",
                "Starting Monday, when you search for a video on YouTube’s ‘Watch’ page, both in English and Hindi, "
                "you will see the information panel",
            ),
        ),
    ),
    Rollout(
        Interval.parse("2018-02-02"),
        "YouTube later showed them to viewers in further countries (its help page lists Australia, Brazil, Canada, "
        "France, Germany, Hong Kong, Indonesia, Ireland, Italy, Japan, Mexico, the Philippines, Poland, South Korea, "
        "Spain, Taiwan, Thailand, Ukraine, the United Kingdom and Vietnam) at dates not established here; "
        "2 February 2018 is only the earliest day.",
        (
            Source(
                "https://support.google.com/youtube/answer/7630512?hl=de&ref_topic=9257092",
                "Infobereich mit Kontextinformationen zum Verlag oder Webpublisher",
                publisher="YouTube Help",
                quote="Australien, Brasilien, Deutschland, Frankreich, Hongkong, Indien, Indonesien, Irland, Italien, "
                "Japan, Kanada, Mexiko, Philippinen, Polen, Spanien, Südkorea, Taiwan, Thailand, Ukraine, USA, "
                "Vereinigtes Königreich, Vietnam",
                kind="official",
            ),
        ),
    ),
)
"""YouTube's roll-out, by where viewers saw the notices; any state's media could get one (see ``docs/policies.md``)."""


def _editorial_basis(facts: OutletFacts) -> tuple[Truth, list[Evidence], str]:
    """Editorial control from relations or from a captured typology code (the outlet's own or its owner's)."""
    truth = facts.editorial_control
    basis = list(facts.evidence("controls-editorially"))
    reason = "the state controls its editorial line"
    captured = [item for item in facts.applicable_typologies() if item.code in _CAPTURED]
    if captured and truth is not Truth.YES:
        truth = Truth.combine_any([truth, *(item.truth for item in captured)])
        basis.extend(_assessment_evidence(facts, item.assessment) for item in captured)
        reason = "State Media Monitor records state editorial control"
    return truth, basis, reason


_Derivation = tuple[Truth, str, str, list[Evidence]]
"""What a platform's rule gives: truth, label text, the rule in words, and the facts it rests on."""


def _x_2020_derive(facts: OutletFacts) -> _Derivation | None:
    if facts.independent():
        return None  # state-financed with editorial independence: exempt
    truth, basis, reason = _editorial_basis(facts)
    if truth is Truth.NO:
        return None
    text = f"{country_name(facts.country)} state-affiliated media"
    return truth, text, f"X 2020: the state exercises control over editorial content; here {reason}", basis


def _meta_2020_derive(facts: OutletFacts) -> _Derivation | None:
    truth, basis, reason = _editorial_basis(facts)
    if truth is Truth.NO and not facts.independent():
        # Meta weighs ownership, funding and governance too: a state that both
        # owns or governs and funds an outlet, with no record of independence.
        truth = Truth.combine_all((facts.funding, facts.governance))
        basis = list(facts.evidence("funds", "owns", "governs"))
        reason = "the state owns or governs and funds it, with no record of editorial independence"
    if truth is Truth.NO:
        return None
    text = f"{country_name(facts.country)} state-controlled media"
    return truth, text, f"Meta 2020: wholly or partially under a government's editorial control; here {reason}", basis


def _youtube_2018_derive(facts: OutletFacts) -> _Derivation | None:
    adjective = country_adjective(facts.country)
    name = facts.name()
    if facts.outlet.public_service:
        text = f"{name} is {with_article(adjective or country_name(facts.country))} public broadcast service."
        basis = [Evidence(f"{facts.outlet.name} is a public-service broadcaster.", facts.outlet.sources)]
        return Truth.YES, text, "YouTube 2018: public broadcaster notice", basis
    if facts.funding is Truth.NO:
        return None
    government = f"the {adjective} government" if adjective else f"the government of {country_name(facts.country)}"
    text = f"{name} is funded in whole or in part by {government}."
    rule = "YouTube 2018: funded in whole or in part by a government"
    return facts.funding, text, rule, list(facts.evidence("funds"))


@attrs.frozen(slots=True)
class _PlatformRule:
    """A platform policy's rule: recorded labels first, then a derived one within the roll-out, never certain."""

    platform: str
    policy: str
    rollouts: tuple[Rollout, ...]
    definition: Source
    derive: Callable[[OutletFacts], _Derivation | None]

    def __call__(self, facts: OutletFacts) -> Iterable[Label]:
        recorded = self._recorded(facts)
        yield from recorded
        if any(label.certainty == CERTAIN for label in recorded):
            return  # what the platform showed on every day of the window is known: nothing to derive
        derived = self._derived(facts)
        if derived is not None:
            yield derived

    @property
    def platform_name(self) -> str:
        return ASSESSOR_NAMES.get(self.platform, self.platform)

    def _programme(self) -> Interval:
        spans = [_span(rollout.interval) for rollout in self.rollouts]
        return Interval.from_days(min(first for first, _ in spans), max(last for _, last in spans))

    def _recorded(self, facts: OutletFacts) -> list[Label]:
        """The labels the platform is recorded to have applied in the window, within its programme."""
        programme = self._programme()
        labels = []
        for assessment, _ in facts.assessments("platform-label", self.platform):
            truth = _together((assessment.interval, programme), facts.window)
            if truth is Truth.NO:
                continue
            when = assessment.interval.describe()
            note = f" Note: {assessment.note}" if assessment.note else ""
            labels.append(
                facts.make_label(
                    "platform-label",
                    assessment.value,
                    f'{self.platform_name} labelled {facts.name()} "{assessment.value}" ({when}).',
                    truth,
                    rule=f"{self.platform_name} is recorded to have applied this label",
                    basis=[
                        Evidence(
                            f"Recorded: {self.platform_name} labelled {facts.outlet.name} "
                            f"{assessment.value!r} ({when}).{note}",
                            assessment.sources,
                        )
                    ],
                    policy=self.policy,
                    details={"country": facts.country, "platform": self.platform_name, "label_source": "recorded"},
                )
            )
        return labels

    def _phases(self, facts: OutletFacts) -> tuple[tuple[Rollout, ...], OutletFacts] | None:
        """The phases covering the outlet's state in the window, and the facts over the days they ran."""
        window = _span(facts.window)
        phases = tuple(r for r in self.rollouts if r.interval.overlaps(facts.window) is not Truth.NO)
        for _ in range(2):  # the state (and so the phases) can change once the window is narrowed
            if not phases:
                return None
            first = max(window[0], min(_span(r.interval)[0] for r in phases))
            last = min(window[1], max(_span(r.interval)[1] for r in phases))
            narrowed = Interval.from_days(first, last)
            if narrowed != facts.window:
                facts = OutletFacts.gather(facts.registry, facts.outlet, narrowed)
            covering = tuple(r for r in phases if r.covers(facts.country))
            if covering == phases:
                return phases, facts
            phases = covering
        return (phases, facts) if phases else None

    def _derived(self, facts: OutletFacts) -> Label | None:
        found = self._phases(facts)
        if found is None:
            return None
        phases, narrowed = found
        derivation = self.derive(narrowed)
        if derivation is None:
            return None
        truth, text, rule, basis = derivation
        if truth is Truth.NO:
            return None
        platform = self.platform_name
        return narrowed.make_label(
            "platform-label",
            text,
            f"{text.rstrip('.')} (derived from the facts under {platform}'s rule, not a label {platform} is "
            "recorded to have applied).",
            Truth.MAYBE,  # a derived platform label is never certain
            rule=f"derived: {rule}",
            basis=[
                Evidence(
                    f"Derived, not recorded: {platform}'s rule applied to the facts below.",
                    (self.definition,),
                ),
                *(Evidence(phase.summary, phase.sources) for phase in phases),
                *basis,
            ],
            policy=self.policy,
            details={"country": narrowed.country, "platform": platform, "label_source": "derived"},
        )


def with_article(word: str) -> str:
    """The word with its indefinite article: ``a Russian``, ``an American``.

    >>> with_article("American"), with_article("opinion"), with_article("Russian")
    ('an American', 'an opinion', 'a Russian')
    """
    return f"an {word}" if word[:1].lower() in "aeiou" else f"a {word}"


@attrs.frozen(slots=True)
class Policy:
    """A named way of turning facts into labels.

    Attributes:
        name: Stable id, e.g. ``"typology"``.
        description: One line saying what it labels.
        rule: A function from :class:`OutletFacts` to labels.
        definition_url: Where the rule it reproduces is defined, if anywhere.
        rollouts: For a platform's policy, the phases of its labelling
            programme: when, and for whose media; empty for a policy that
            holds at any date.
        segment_shareable: Whether the rule reads the date only through the
            interval tests of :class:`OutletFacts` (never the window itself),
            so that its labels are the same on every day between two changes
            of the facts and :mod:`provenance.batch` may share one result
            across those days. ``False`` (no sharing, always exact) unless
            you set it; ``True`` for the shipped policies. Set it back to
            ``False`` when you evolve a shipped policy with a rule that reads
            the window.
    """

    name: str
    description: str
    rule: Callable[[OutletFacts], Iterable[Label]]
    definition_url: str | None = None
    rollouts: tuple[Rollout, ...] = ()
    segment_shareable: bool = False

    def label(self, facts: OutletFacts) -> tuple[Label, ...]:
        """The labels this policy gives, each stamped with the policy's name."""
        return tuple(
            label if label.policy == self.name else attrs.evolve(label, policy=self.name) for label in self.rule(facts)
        )


def _platform_policy(
    name: str,
    description: str,
    platform: str,
    rollouts: tuple[Rollout, ...],
    definition: Source,
    derive: Callable[[OutletFacts], _Derivation | None],
    definition_url: str,
) -> Policy:
    rule = _PlatformRule(platform, name, rollouts, definition, derive)
    return Policy(name, description, rule, definition_url, rollouts, segment_shareable=True)


POLICIES: Mapping[str, Policy] = MappingProxyType(
    {
        policy.name: policy
        for policy in (
            Policy(
                "typology",
                "State Media Monitor typology, assessed or derived from funding, governance and editorial control.",
                _typology_rule,
                "https://statemediamonitor.com/methodology/",
                segment_shareable=True,
            ),
            _platform_policy(
                "x-2020",
                "X (Twitter) state-affiliated media labels, 6 August 2020 to 21 April 2023, country by country.",
                "x",
                _X_ROLLOUTS,
                _X_DEFINITION,
                _x_2020_derive,
                "https://blog.x.com/en_us/topics/product/2020/new-labels-for-government-and-state-affiliated-media-accounts",
            ),
            _platform_policy(
                "meta-2020",
                "Meta (Facebook) state-controlled media labels, from 4 June 2020.",
                "meta",
                _META_ROLLOUTS,
                _META_DEFINITION,
                _meta_2020_derive,
                "https://about.fb.com/news/2020/06/labeling-state-controlled-media/",
            ),
            _platform_policy(
                "youtube-2018",
                "YouTube publisher-context notices on publicly funded channels, from 2 February 2018.",
                "youtube",
                _YOUTUBE_ROLLOUTS,
                _YOUTUBE_DEFINITION,
                _youtube_2018_derive,
                "https://blog.youtube/news-and-events/greater-transparency-for-users-around/",
            ),
        )
    }
)
"""The shipped policies, by name."""


def get_policy(policy: str | Policy) -> Policy:
    """A policy by name (or the policy itself).

    Raises:
        UnknownPolicyError: If no shipped policy has that name.
    """
    if isinstance(policy, Policy):
        return policy
    try:
        return POLICIES[policy]
    except KeyError:
        raise UnknownPolicyError(f"no policy {policy!r}; known: {', '.join(POLICIES)}") from None
