"""Regenerate the country and city tables of the actor KB (see lagebild.actors.build)."""
from lagebild.actors.build import main

if __name__ == "__main__":
    main()
