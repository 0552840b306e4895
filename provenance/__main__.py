"""``python -m provenance``: the same as the ``provenance`` command."""

import sys

from provenance.cli import main

sys.exit(main())
