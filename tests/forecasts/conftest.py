"""Forecast tests: the grid checks live in kinds_checks.py (importable from here)."""
import os
import sys

sys.path.insert(0, os.path.dirname(__file__))
