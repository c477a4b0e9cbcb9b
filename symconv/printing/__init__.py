"""Printing: the seminar's LaTeX printer, slide-style matrices, tables of formulas.

Named like ``sympy.printing``; the function ``symconv.latex`` is the entry point.
"""
