"""Operations: pure functions from specifications (and operands) to SymPy objects.

The sliding window (the definition), the matrix ``C`` and im2col/col2im, all
generated from the index map.
"""
