"""``python -m tally``: the same command line as ``tally``."""

import sys

from tally.cli.main import main

if __name__ == "__main__":
    sys.exit(main())
