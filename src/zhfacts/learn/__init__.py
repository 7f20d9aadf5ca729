"""The learned decider: feature texts, training examples, and the shipped models that rank
the rules' candidates."""
