"""Fact-checking: claims loaded and compared (load, intervals, align, render), consistency
inside one document, and the HTML report."""
