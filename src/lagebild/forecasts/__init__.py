"""lagebild forecasts: see component.py for the spaCy component ``lagebild_forecasts``."""
