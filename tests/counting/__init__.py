"""Tests of the counting layer: validity, the count, the decision, open votes."""
