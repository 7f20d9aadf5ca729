"""The data files of the Chinese bundle; read through :mod:`zhfacts.lang.zh.lexicon` only."""
