"""Tests of the audit layer: the hash-chained log, counting sessions, replay and the stations."""
