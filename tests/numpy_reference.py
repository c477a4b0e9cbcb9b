"""An independent numpy reference for the tests, written from the definition by another
route than ``symconv.reference``: a sum over kernel taps of shifted, strided slices."""

import numpy as np


def correlate(x, w, stride, before, after, dilation):
    x = np.asarray(x, dtype=float)
    w = np.asarray(w, dtype=float)
    padded = np.pad(x, list(zip(before, after)))
    out_shape = [(padded.shape[j] - dilation[j] * (w.shape[j] - 1) - 1) // stride[j] + 1 for j in range(x.ndim)]
    out = np.zeros(out_shape)
    for k in np.ndindex(*w.shape):
        start = [dilation[j] * k[j] for j in range(x.ndim)]
        view = padded[tuple(slice(start[j], start[j] + stride[j] * (out_shape[j] - 1) + 1, stride[j])
                            for j in range(x.ndim))]
        out += w[k] * view
    return out


def conv(spec, x, w):
    return correlate(x, w, spec.stride, spec.padding_before, spec.padding_after, spec.dilation)


def numeric_matrix(matrix):
    """A SymPy matrix with numeric entries as a float array, reading its non-zeros only."""
    result = np.zeros(matrix.shape)
    for (r, c), value in matrix.todok().items():
        result[r, c] = float(value)
    return result
