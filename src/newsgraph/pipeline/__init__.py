"""Stages, their registry and the pipeline that runs them (see docs/architecture.md).

``build(names)`` is the one place a pipeline is made; ``local`` runs it in several processes
and ``ray`` on a Ray cluster, both with the same per-document function.
"""
from .budget import Budget, BudgetExceeded, over_budget, spend
from .build import Pipeline, build, check_order, runnable
from .features import FEATURES, INITIAL_FEATURES
from .registry import BUILTIN_STAGES, ENTRY_POINT_GROUP, register, registered, stage_class, stage_names
from .stage import Stage, check_declaration, run_guarded

__all__ = ["BUILTIN_STAGES", "Budget", "BudgetExceeded", "ENTRY_POINT_GROUP", "FEATURES", "INITIAL_FEATURES", "Pipeline", "Stage",
           "build", "check_declaration", "check_order", "over_budget", "register", "registered", "run_guarded",
           "runnable", "spend", "stage_class", "stage_names"]
