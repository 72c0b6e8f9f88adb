"""Allows ``python -m broadsheet``."""

import sys

from broadsheet.cli import main

sys.exit(main())
