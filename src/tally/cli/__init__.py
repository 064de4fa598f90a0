"""The command line (``tally``): argparse wiring over the library, one language at a time.

``main`` builds the parser and runs a command; ``parser`` makes argparse speak Vietnamese or
English; ``count`` and ``log_commands`` hold the commands' bodies; ``outputs`` checks and writes
what they print.
"""

from tally.cli.main import main

__all__ = ["main"]
