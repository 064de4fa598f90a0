"""Tests of the model layer: names, the roll, contests, ballots and their kernels."""
