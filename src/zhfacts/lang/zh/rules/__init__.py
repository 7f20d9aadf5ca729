"""The Chinese rules of every slot; importing this package registers them."""
from . import exclude, kind, metric, per, place, table, unit, year  # noqa: F401
