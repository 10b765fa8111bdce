"""lagebild statements: see component.py for the spaCy component ``lagebild_statements``."""
