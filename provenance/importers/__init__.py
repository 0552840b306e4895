"""Importers: bring third-party data sets into registry overlays."""
