"""pytest plugin of provenance (placeholder until the testing toolkit lands)."""
