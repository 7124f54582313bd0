"""``python -m hai_central`` = ``hai-central``."""

import sys

from hai_central.cli import main

sys.exit(main())
