"""Tests of the public face: what ``import tally`` offers, and every entry point at its edges."""
