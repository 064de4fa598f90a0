"""Tests of the bilingual catalogue: Vietnamese and English say the same thing."""
