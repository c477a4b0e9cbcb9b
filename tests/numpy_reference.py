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
        view = padded[
            tuple(slice(start[j], start[j] + stride[j] * (out_shape[j] - 1) + 1, stride[j]) for j in range(x.ndim))
        ]
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


def conv_layer(spec, x, w):
    """A grouped convolution: output channel o sums the correlations of its group's input channels
    with W[o, c] (PyTorch's definition, channel by channel)."""
    x, w = np.asarray(x, dtype=float).reshape(spec.in_channels, *spec.input_shape), np.asarray(w, dtype=float)
    per_in, per_out = spec.in_channels // spec.groups, spec.out_channels // spec.groups
    out = np.zeros((spec.out_channels, *spec.out_shape))
    for o in range(spec.out_channels):
        for c in range(per_in):
            out[o] += conv(spec, x[(o // per_out) * per_in + c], w.reshape(spec.weight_shape)[o, c])
    return out


def conv_transpose_layer(tspec, y, w):
    """A grouped transposed convolution by scattering: input (c, o) adds W[c, m, k] y[c, o] at
    output (group start + m, s o - p + d k), positions outside the output dropped."""
    y, w = np.asarray(y, dtype=float).reshape(tspec.in_channels, *tspec.input_shape), np.asarray(w, dtype=float)
    w = w.reshape(tspec.weight_shape)
    per_in, per_out = tspec.in_channels // tspec.groups, tspec.out_channels // tspec.groups
    out = np.zeros((tspec.out_channels, *tspec.out_shape))
    for c in range(tspec.in_channels):
        for m in range(per_out):
            for o in np.ndindex(*tspec.input_shape):
                for k in np.ndindex(*tspec.kernel_shape):
                    j = tuple(
                        s * oj - p + d * kj
                        for oj, kj, s, p, d in zip(o, k, tspec.stride, tspec.padding, tspec.dilation)
                    )
                    if all(0 <= jj < n for jj, n in zip(j, tspec.out_shape)):
                        out[((c // per_in) * per_out + m, *j)] += w[(c, m, *k)] * y[(c, *o)]
    return out
