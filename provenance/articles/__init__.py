r"""Article ingestion: plain text or an HTML page in, an :class:`~provenance.model.Article` out.

:func:`parse_article` reads what an article says about itself: its title (and
a genre marker such as "– OpEd"), byline, date, body, a disclosure footer,
and the registry outlets it names. A mention is an *attribution* (the piece
came from that outlet) only when an attribution statement says so: the
disclosure footer, a "Source: X" line, or a sentence such as "This article was
originally published by X". A mere mention in the body ("Lavrov told RT",
"according to TASS") never is.

>>> from provenance.testing import make_registry
>>> reg = make_registry(outlets=[{"id": "rt", "name": "RT", "country": "RU"}])
>>> article = parse_article(
...     "Sanctions Bite – OpEd\n\nBy Ann Lee\n\nThe ministry told RT it would respond.\n\n"
...     "This article was originally published by RT.",
...     registry=reg,
... )
>>> article.title, article.authors, article.genre, article.genre_evidence
('Sanctions Bite', ('Ann Lee',), 'opinion', 'OpEd')
>>> [(m.name, m.attribution, m.cue) for m in article.mentions]
[('RT', False, None), ('RT', True, 'originally-published')]
>>> article.footer
'This article was originally published by RT.'

Genre vocabularies (see :func:`genre_vocabulary`). Only terms checked against
these sources are used; where a vocabulary has no verified term the field is
``None``:

- schema.org ``NewsArticle`` subtypes (``OpinionNewsArticle``,
  ``AnalysisNewsArticle``, ``BackgroundNewsArticle``, ``ReportageNewsArticle``,
  ``ReviewNewsArticle``, ``AskPublicNewsArticle``) and ``SatiricalArticle``:
  https://schema.org/NewsArticle, https://schema.org/OpinionNewsArticle,
  https://schema.org/SatiricalArticle.
- IPTC Genre NewsCodes (scheme http://cv.iptc.org/newscodes/genre/):
  ``Analysis``, ``Background`` and ``Current`` ("Current Events") as listed at
  https://www.iptc.org/std-dev/NewsCodes/treeview/genre-en-GB.html; ``Opinion``
  as listed in the scheme at http://cv.iptc.org/newscodes/genre/ (and in
  NewsQ's genre reference, https://newsq.net/reference-news-genre/). No IPTC
  genre was verified for reviews, satire or calls for input, so those are ``None``.
- The Trust Project's "Type of Work" labels (https://thetrustproject.org/, as
  published by participating newsrooms, e.g.
  https://highlandscurrent.org/editorial-standards/type-of-work-trust-factor/ and
  https://www.theexaminernews.com/best-practices/types-of-work-the-trust-project/):
  News, Opinion (which "includes editorials and columns"), Analysis, Review,
  Satire, Explainer, Help Us Report.

Pairing ``news`` with IPTC ``Current`` and ``background`` with the Trust
Project's Explainer is this module's judgement of the closest term.
"""

from __future__ import annotations

from provenance.articles._genres import GENRES, GenreTerms, genre_vocabulary
from provenance.articles._html import decode_html
from provenance.articles._parse import ArticleInputError, parse_article

__all__ = ["GENRES", "ArticleInputError", "GenreTerms", "decode_html", "genre_vocabulary", "parse_article"]
