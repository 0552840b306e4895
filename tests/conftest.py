import os
import socket
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

from provenance import default_registry
from provenance.examples import example_registry
from provenance.registry import Registry

# The shared fact-test helpers assert: let pytest explain their failures as it does a test's own.
pytest.register_assert_rewrite("tests.facts_support")

settings.register_profile("default", max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
settings.register_profile("fuzz", max_examples=5000, deadline=None)
settings.register_profile("ci", max_examples=100, deadline=None)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "default"))

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"
SHARED_DATA = ROOT.parent / "shared" / "data"


@pytest.fixture(scope="session")
def fixture_registry() -> Registry:
    """The small example registry (never the shipped data): ``provenance.examples``, which
    tests/fixtures/registry links to, so tests and docs read the same files."""
    return example_registry()


@pytest.fixture(scope="session")
def curated_registry() -> Registry:
    """The shipped curated data alone, without the bundled third-party layers: what the fact tests pin.

    ``default_registry`` loads it once and hands back the same object, so one session-wide fixture serves
    every ``tests/test_facts_*.py`` file.
    """
    return default_registry(layers=())


@pytest.fixture(autouse=True)
def _no_network(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every test runs with sockets blocked: the library must never open one."""

    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("the library tried to open a network connection")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket.socket, "connect_ex", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", refuse)
