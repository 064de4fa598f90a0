"""Tests of the io layer: the congress spec, ballots files (CSV and pandas frames), results."""
