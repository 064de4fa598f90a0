"""Tests of the ``tally`` command as a board runs it: exit codes, messages, files written."""
