"""lagebild events: see component.py for the spaCy component ``lagebild_events``."""
