"""Allows ``python -m broadsheet``."""

import sys

from broadsheet.cli import main

# The guard matters: import's helper process re-imports the main module when it starts.
if __name__ == "__main__":
    sys.exit(main())
