"""The test suite of tally, one folder per layer (see README.md)."""
