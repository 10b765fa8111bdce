"""Forecast resolution: candidate evidence from later events, analysts' decisions, and
scorecards per holder (hit rate, Brier score and its Murphy decomposition, log score,
calibration). ``lagebild resolve`` and ``lagebild score`` are the CLI over it.
"""
from .candidates import DEFAULT_HORIZON_DAYS, load, propose, resolution_queue
from .decisions import OUTCOMES, current, history, record, undo
from .ids import event_id, forecast_id, parse_id
from .scorecards import reliability_diagram, scorecards

__all__ = [
    "DEFAULT_HORIZON_DAYS", "OUTCOMES", "current", "event_id", "forecast_id", "history", "load",
    "parse_id", "propose", "record", "reliability_diagram", "resolution_queue", "scorecards", "undo",
]
