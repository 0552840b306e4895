"""The package version, in one place (read by pyproject.toml, the CLI and snapshots)."""

__version__ = "0.1.0"
