"""Tests of the render layer: the minutes, the entry log, golden files byte for byte."""
