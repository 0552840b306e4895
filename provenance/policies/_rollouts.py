"""When and for whose media X, Meta and YouTube labelled state media: the roll-outs and their sources."""

from __future__ import annotations

import attrs

from provenance.dates import Interval
from provenance.model import Source

__all__ = [
    "META_DEFINITION",
    "META_ROLLOUTS",
    "X_DEFINITION",
    "X_ROLLOUTS",
    "YOUTUBE_DEFINITION",
    "YOUTUBE_ROLLOUTS",
    "Rollout",
]


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


X_DEFINITION = _news(
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
X_ROLLOUTS = (
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

META_DEFINITION = _news(
    "https://fortune.com/2020/06/04/facebook-label-state-owned-media-government-control-fb",
    "Facebook to label state-owned media outlets’ posts, pages, and ads",
    "Fortune",
    "Facebook is rolling out new labels that identify all posts, pages, and ads published by media outlets that "
    "are partially or wholly controlled by their governments.",
)
META_ROLLOUTS = (
    Rollout(
        Interval.parse("2020-06-04"),
        "Meta (Facebook) labelled state-controlled media on their Pages from 4 June 2020 (posts in US feeds from "
        "the following week, elsewhere later).",
        (
            META_DEFINITION,
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

YOUTUBE_DEFINITION = _news(
    "https://www.usatoday.com/story/tech/talkingtech/2018/02/02/youtube-label-state-funded-news-videos-effort-provide-transparency/303414002/",
    "[title not shown in the text read] USA Today report of 2 February 2018 on YouTube labelling state-funded news",
    "USA Today",
    "Video network YouTube said it will start labeling news videos that are funded by governments.",
)
YOUTUBE_ROLLOUTS = (
    Rollout(
        Interval.parse("2018-02-02"),
        "YouTube showed its notices to viewers in the United States from 2 February 2018.",
        (
            YOUTUBE_DEFINITION,
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
