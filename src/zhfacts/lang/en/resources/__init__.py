"""The data files of the English bundle; read through :mod:`zhfacts.lang.en.lexicon` only."""
