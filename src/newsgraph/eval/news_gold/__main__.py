"""``python -m newsgraph.eval.news_gold resolve|check ...`` (see ``load.main``)."""
import sys

from .load import main

sys.exit(main())
