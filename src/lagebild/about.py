__title__ = "lagebild"
__version__ = "0.1.0"
