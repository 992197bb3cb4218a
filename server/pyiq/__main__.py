"""Allows ``python -m pyiq`` wherever the console script is not on PATH."""

import sys

from pyiq.cli.main import main

sys.exit(main())
