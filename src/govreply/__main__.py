"""``python -m govreply``: the same as the ``govreply`` command."""

from __future__ import annotations

import sys

from govreply.cli import main

if __name__ == "__main__":
    sys.exit(main())
