"""The examples the documentation uses, shipped with the package so they run wherever it is installed.

Three things, read through :mod:`importlib.resources` and never written anywhere:

- the seed article (``seed.txt``): an opinion piece republished on Eurasia Review whose footer
  says it came from the Voice of Russia; :func:`seed_article` gives its text and URL;
- a small example registry (``registry/``: a handful of Russian and Western outlets, their
  owners, domains and ratings, with made-up sources), far smaller than the shipped data:
  :func:`example_registry` and :func:`example_registry_path`. The test suite's
  ``tests/fixtures/registry`` links to these same files;
- small made-up samples of the third-party data sets the importers read (``importers/``: a State
  Media Monitor matrix, perennial-sources rows, domain-quality ratings, Wikidata entities, a
  plain CSV of ratings): :func:`example_path`.

>>> text, url = seed_article()
>>> text.splitlines()[0]
'Russia And Belarus: 20 Years Of Diplomatic Relations – OpEd'
>>> example_registry().outlet_for_url("https://de.rt.com/inland/1").id
'rt'
>>> example_path("importers/ratings.csv").name
'ratings.csv'
"""

from __future__ import annotations

import functools
from importlib.resources import files
from pathlib import Path

from provenance.errors import ProvenanceError
from provenance.registry import Registry

__all__ = [
    "SEED_URL",
    "UnknownExampleError",
    "example_path",
    "example_registry",
    "example_registry_path",
    "seed_article",
]

SEED_URL = "https://www.eurasiareview.com/16082012-russia-and-belarus-20-years-of-diplomatic-relations-oped/"
"""Where the seed article was published (Eurasia Review, 16 August 2012)."""


class UnknownExampleError(ProvenanceError, FileNotFoundError):
    """No shipped example has the name asked for.

    Attributes:
        name: The name asked for.
    """

    def __init__(self, name: str) -> None:
        self.name = name
        super().__init__(f"no example named {name!r}; the examples are {', '.join(_listing())}")


def _listing() -> list[str]:
    """The names :func:`example_path` accepts, files inside folders included."""
    root = Path(str(files(__name__)))
    return sorted(
        path.relative_to(root).as_posix()
        for path in root.rglob("*")
        if path.suffix not in {".py", ".pyc"} and "__pycache__" not in path.parts
    )


def example_path(name: str) -> Path:
    """The path of one shipped example file or folder, to hand to anything that reads files.

    Args:
        name: Its name inside the examples, with ``/`` between parts: ``"seed.txt"``,
            ``"registry"``, ``"importers/state_media_matrix.csv"``...

    Returns:
        Its path in the installed package.

    Raises:
        UnknownExampleError: No example has that name (the message lists them).

    >>> sorted(path.name for path in example_path("importers").iterdir())[:3]
    ['lin_pc1_sample.csv', 'lin_ratings_sample.csv', 'ratings.csv']
    >>> example_path("nothing.csv")
    Traceback (most recent call last):
    ...
    provenance.examples.UnknownExampleError: no example named 'nothing.csv'; the examples are importers, ...
    """
    if name not in _listing():
        raise UnknownExampleError(name)
    return Path(str(files(__name__))).joinpath(*name.split("/"))


def example_registry_path() -> Path:
    """The folder of the example registry (TOML files), for ``Registry.from_folder`` or the command line.

    >>> sorted(path.name for path in example_registry_path().glob("*.toml"))
    ['ru.toml', 'west.toml']
    """
    return example_path("registry")


@functools.cache
def example_registry() -> Registry:
    """The small example registry the docs use, loaded once (a ``Registry`` never changes).

    >>> reg = example_registry()
    >>> reg.outlet_for_url("https://radiosputnik.ria.ru/x", at="2016").id
    'radio-sputnik'
    """
    return Registry.from_folder(example_registry_path())


def seed_article() -> tuple[str, str]:
    """The seed article's text and the URL it was published at.

    Returns:
        ``(text, url)``: hand them to ``parse_article(text, url=url)``.

    >>> text, url = seed_article()
    >>> url
    'https://www.eurasiareview.com/16082012-russia-and-belarus-20-years-of-diplomatic-relations-oped/'
    >>> "Voice of Russia" in text
    True
    """
    return example_path("seed.txt").read_text(encoding="utf-8"), SEED_URL
