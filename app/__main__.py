"""``python -m app``: the command line and the window."""

import sys

from app.cli import main

sys.exit(main())
