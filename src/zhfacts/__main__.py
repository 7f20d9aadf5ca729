"""``python -m zhfacts``: the same command line as ``zhfacts``."""
import sys

from .cli import main

sys.exit(main())
