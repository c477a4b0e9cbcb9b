"""Printing: the seminar's LaTeX conventions, slide-style matrices (and later figures and documents)."""
