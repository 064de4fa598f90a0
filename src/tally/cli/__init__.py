"""The command line (``tally``): argparse wiring over the library, one language at a time."""

from tally.cli.main import main

__all__ = ["main"]
