"""Tests of the bundled examples and of the documentation's runnable blocks."""
