"""The model half of rule-plus-model: a learned decider over the candidates the rules propose.

``features`` turns each candidate of a slot, with its evidence, into one row of named facts;
``decider`` scores the rows with one gradient-boosted classifier per slot (LightGBM) and picks
the most probable candidate; ``training`` builds the rows and their gold labels from the corpus
and fits the classifiers. The rules stay the source of every mention and every candidate.
"""
