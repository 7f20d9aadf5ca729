"""The Chinese rules of every slot; importing this package registers them."""
from . import exclude, kind, metric, per, place, unit, year  # noqa: F401
