"""Cross-layer property, invariant, fuzz and differential suites."""
