"""The exceptions the library raises.

Every error derives from :class:`ProvenanceError`, so callers can catch one
class. Lookups that find nothing raise subclasses of :class:`LookupError` as
well, so ``except LookupError`` keeps working.
"""

from __future__ import annotations

from collections.abc import Iterable


class ProvenanceError(Exception):
    """Base class of every error the library raises on purpose."""


class DateParseError(ProvenanceError, ValueError):
    """A date string could not be read.

    Attributes:
        value: The text that could not be read.
    """

    def __init__(self, value: object, reason: str) -> None:
        self.value = value
        super().__init__(f"cannot read date {value!r}: {reason}")


class IntervalError(ProvenanceError, ValueError):
    """An interval is malformed, for example it ends before it starts."""


class InvalidURLError(ProvenanceError, ValueError):
    """A string is not a URL or host name the library can match.

    Attributes:
        value: The offending input.
    """

    def __init__(self, value: object, reason: str) -> None:
        self.value = value
        super().__init__(f"not a usable URL or host {value!r}: {reason}")


class RecordError(ProvenanceError, ValueError):
    """A record was built with an invalid field value."""


class RegistryError(ProvenanceError):
    """A registry failed validation.

    Attributes:
        problems: Every problem found, each naming its file, record and fault.
    """

    def __init__(self, problems: Iterable[str]) -> None:
        self.problems = tuple(problems)
        count = len(self.problems)
        header = f"registry has {count} problem{'s' if count != 1 else ''}"
        super().__init__(header + ":\n" + "\n".join(f"  - {p}" for p in self.problems))


class SnapshotError(ProvenanceError):
    """A registry snapshot cannot be written or used: not a snapshot, damaged, stale or from another version."""


class SourcePolicyError(ProvenanceError):
    """A source policy file cannot be read or is not a policy."""


class UnknownIdError(ProvenanceError, LookupError):
    """No outlet or organisation has the id asked for.

    Attributes:
        id: The id that was looked up.
    """

    def __init__(self, id: str) -> None:
        self.id = id
        super().__init__(f"no outlet or organisation with id {id!r}")


class UnknownPolicyError(ProvenanceError, LookupError):
    """No labelling policy has the name asked for."""


class UnknownLayerError(ProvenanceError, LookupError):
    """No bundled data layer has the name asked for.

    Attributes:
        name: The name asked for.
        known: The names of the bundled layers.
    """

    def __init__(self, name: str, known: Iterable[str]) -> None:
        self.name = name
        self.known = tuple(known)
        super().__init__(f"unknown data layer {name!r}; the bundled layers are {', '.join(self.known)}")
