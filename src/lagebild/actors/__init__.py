"""lagebild actors: see component.py for the spaCy component ``lagebild_actors``."""
