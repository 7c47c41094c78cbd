/**
 * Lower-triangular Cholesky factor L of the symmetric positive-definite d x d matrix stored at
 * `matrix[offset...]` (row-major): L L^T = M. Writes L into `out` (d x d, zeros above the
 * diagonal). A tiny jitter keeps round-off from breaking positive definiteness.
 */
export function cholesky(matrix: Float64Array, offset: number, d: number, out: Float64Array): void {
  out.fill(0);
  for (let i = 0; i < d; i++) {
    for (let j = 0; j <= i; j++) {
      let sum = matrix[offset + i * d + j];
      for (let k = 0; k < j; k++) sum -= out[i * d + k] * out[j * d + k];
      if (i === j) out[i * d + i] = Math.sqrt(Math.max(sum, 1e-12));
      else out[i * d + j] = sum / out[j * d + j];
    }
  }
}
