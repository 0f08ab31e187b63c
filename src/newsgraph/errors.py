"""The project's exceptions. Each carries a message a user can act on."""
from __future__ import annotations


class NewsgraphError(Exception):
    """Base class: the CLI prints these as one line, never as a traceback."""


class PipelineError(NewsgraphError):
    """The pipeline configuration is invalid (unknown stage, unmet requirement)."""


class ModelNotInstalled(NewsgraphError):
    """No spaCy English model is installed."""


class InputError(NewsgraphError):
    """One input (file, line, row) cannot be read; names the input and the reason."""

    def __init__(self, where: str, reason: str):
        super().__init__(f"{where}: {reason}")
        self.where = where
        self.reason = reason
