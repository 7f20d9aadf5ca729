"""Evaluation against hand-labelled gold: scoring and gold checking."""
