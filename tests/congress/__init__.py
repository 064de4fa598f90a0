"""Tests of the congress layer: the chain of contests, rounds, delegates, nominations."""
