/**
 * Multinomial logistic regression (softmax) with L2 regularisation, fitted by L-BFGS on the
 * full batch. Plain TypeScript, deterministic (no random numbers at all).
 */

/** Sparse rows in CSR form. */
export interface SparseMatrix {
  rows: number;
  cols: number;
  indptr: Int32Array;
  indices: Int32Array;
  values: Float64Array;
}

export interface FitOptions {
  /** L2 strength (on weights, not biases), relative to the summed example loss. */
  l2: number;
  /** Weight of each class in the loss (default all 1). */
  classWeights?: readonly number[];
  maxIterations?: number;
  /** Stop when the relative decrease of the loss over 5 iterations is below this. */
  tolerance?: number;
  /** L-BFGS memory. */
  memory?: number;
  onIteration?: (iteration: number, loss: number) => void;
}

/** Fitted weights: `weights[j * classes + k]` for feature j and class k, plus one bias per class. */
export interface LinearModel {
  classes: number;
  features: number;
  weights: Float64Array;
  bias: Float64Array;
  iterations: number;
  loss: number;
}

/** Builds a CSR matrix from rows of [index, value] pairs. */
export function toSparse(rows: ReadonlyArray<ReadonlyArray<readonly [number, number]>>, cols: number): SparseMatrix {
  let nnz = 0;
  for (const r of rows) nnz += r.length;
  const indptr = new Int32Array(rows.length + 1);
  const indices = new Int32Array(nnz);
  const values = new Float64Array(nnz);
  let p = 0;
  rows.forEach((r, i) => {
    for (const [j, v] of r) {
      indices[p] = j;
      values[p] = v;
      p++;
    }
    indptr[i + 1] = p;
  });
  return { rows: rows.length, cols, indptr, indices, values };
}

/** Class scores (logits) of one sparse row. */
function logits(x: SparseMatrix, i: number, w: Float64Array, b: Float64Array, K: number, out: Float64Array): void {
  for (let k = 0; k < K; k++) out[k] = b[k]!;
  for (let p = x.indptr[i]!; p < x.indptr[i + 1]!; p++) {
    const base = x.indices[p]! * K;
    const v = x.values[p]!;
    for (let k = 0; k < K; k++) out[k]! += v * w[base + k]!;
  }
}

/** Softmax in place. */
export function softmax(z: Float64Array | number[]): void {
  let m = -Infinity;
  for (let k = 0; k < z.length; k++) if (z[k]! > m) m = z[k]!;
  let s = 0;
  for (let k = 0; k < z.length; k++) {
    z[k] = Math.exp(z[k]! - m);
    s += z[k]!;
  }
  for (let k = 0; k < z.length; k++) z[k] = z[k]! / s;
}

/**
 * Fits softmax regression. Parameters are packed as [weights (features × classes), biases].
 */
export function fitSoftmax(x: SparseMatrix, y: ArrayLike<number>, classes: number, options: FitOptions): LinearModel {
  const K = classes;
  const D = x.cols;
  const nW = D * K;
  const n = nW + K;
  const cw = options.classWeights ?? new Array<number>(K).fill(1);
  const l2 = options.l2;
  const z = new Float64Array(K);

  const evaluate = (theta: Float64Array, grad: Float64Array): number => {
    grad.fill(0);
    const w = theta.subarray(0, nW);
    const b = theta.subarray(nW);
    let loss = 0;
    for (let i = 0; i < x.rows; i++) {
      logits(x, i, w, b, K, z);
      softmax(z);
      const yi = y[i]!;
      const c = cw[yi]!;
      loss -= c * Math.log(Math.max(z[yi]!, 1e-300));
      for (let k = 0; k < K; k++) z[k] = c * (z[k]! - (k === yi ? 1 : 0));
      for (let p = x.indptr[i]!; p < x.indptr[i + 1]!; p++) {
        const base = x.indices[p]! * K;
        const v = x.values[p]!;
        for (let k = 0; k < K; k++) grad[base + k]! += v * z[k]!;
      }
      for (let k = 0; k < K; k++) grad[nW + k]! += z[k]!;
    }
    for (let j = 0; j < nW; j++) {
      loss += 0.5 * l2 * theta[j]! * theta[j]!;
      grad[j]! += l2 * theta[j]!;
    }
    return loss;
  };

  const theta = new Float64Array(n);
  const result = lbfgs(theta, evaluate, {
    maxIterations: options.maxIterations ?? 300,
    tolerance: options.tolerance ?? 1e-6,
    memory: options.memory ?? 10,
    onIteration: options.onIteration,
  });
  return { classes: K, features: D, weights: theta.slice(0, nW), bias: theta.slice(nW), iterations: result.iterations, loss: result.loss };
}

/** Probabilities of every row. */
export function predictProba(model: LinearModel, x: SparseMatrix): Float64Array[] {
  const out: Float64Array[] = [];
  for (let i = 0; i < x.rows; i++) {
    const z = new Float64Array(model.classes);
    logits(x, i, model.weights, model.bias, model.classes, z);
    softmax(z);
    out.push(z);
  }
  return out;
}

interface LbfgsOptions {
  maxIterations: number;
  tolerance: number;
  memory: number;
  onIteration?: ((iteration: number, loss: number) => void) | undefined;
}

function dot(a: Float64Array, b: Float64Array): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i]! * b[i]!;
  return s;
}

/** Minimises f in place with L-BFGS and a backtracking (Armijo) line search. */
export function lbfgs(
  theta: Float64Array,
  f: (theta: Float64Array, grad: Float64Array) => number,
  options: LbfgsOptions,
): { iterations: number; loss: number } {
  const n = theta.length;
  const m = options.memory;
  const s: Float64Array[] = [];
  const yv: Float64Array[] = [];
  const rho: number[] = [];
  let g = new Float64Array(n);
  let loss = f(theta, g);
  const history: number[] = [loss];
  const dir = new Float64Array(n);
  const alpha = new Array<number>(m).fill(0);
  const next = new Float64Array(n);
  let gNext = new Float64Array(n);
  let it = 0;
  for (; it < options.maxIterations; it++) {
    // two-loop recursion: dir = -H g
    for (let i = 0; i < n; i++) dir[i] = -g[i]!;
    for (let h = s.length - 1; h >= 0; h--) {
      alpha[h] = rho[h]! * dot(s[h]!, dir);
      const a = alpha[h]!;
      const yh = yv[h]!;
      for (let i = 0; i < n; i++) dir[i]! -= a * yh[i]!;
    }
    if (s.length > 0) {
      const last = s.length - 1;
      const gamma = dot(s[last]!, yv[last]!) / dot(yv[last]!, yv[last]!);
      for (let i = 0; i < n; i++) dir[i]! *= gamma;
    } else {
      const gn = Math.sqrt(dot(g, g));
      if (gn === 0) break;
      for (let i = 0; i < n; i++) dir[i]! /= gn;
    }
    for (let h = 0; h < s.length; h++) {
      const beta = rho[h]! * dot(yv[h]!, dir);
      const c = alpha[h]! - beta;
      const sh = s[h]!;
      for (let i = 0; i < n; i++) dir[i]! += c * sh[i]!;
    }
    let slope = dot(g, dir);
    if (slope >= 0) {
      // not a descent direction: restart from steepest descent
      s.length = 0;
      yv.length = 0;
      rho.length = 0;
      const gn = Math.sqrt(dot(g, g));
      for (let i = 0; i < n; i++) dir[i] = -g[i]! / gn;
      slope = dot(g, dir);
    }
    let step = 1;
    let newLoss = Infinity;
    for (let tries = 0; tries < 40; tries++) {
      for (let i = 0; i < n; i++) next[i] = theta[i]! + step * dir[i]!;
      newLoss = f(next, gNext);
      if (newLoss <= loss + 1e-4 * step * slope) break;
      step *= 0.5;
    }
    if (!(newLoss < loss)) break;
    const sNew = new Float64Array(n);
    const yNew = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      sNew[i] = next[i]! - theta[i]!;
      yNew[i] = gNext[i]! - g[i]!;
    }
    const sy = dot(sNew, yNew);
    if (sy > 1e-12) {
      if (s.length === m) {
        s.shift();
        yv.shift();
        rho.shift();
      }
      s.push(sNew);
      yv.push(yNew);
      rho.push(1 / sy);
    }
    theta.set(next);
    const tmp = g;
    g = gNext;
    gNext = tmp;
    loss = newLoss;
    history.push(loss);
    options.onIteration?.(it + 1, loss);
    if (history.length > 5) {
      const old = history[history.length - 6]!;
      if ((old - loss) / Math.max(Math.abs(loss), 1e-12) < options.tolerance) {
        it++;
        break;
      }
    }
  }
  return { iterations: it, loss };
}
