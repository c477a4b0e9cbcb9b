"""Printing: the seminar's LaTeX printer, slide-style matrices, tables of formulas, text helpers.

Named like ``sympy.printing``; the function ``symconv.latex`` is the entry point.
"""
