package io.cornu.engine.layers.rnn;

import io.cornu.engine.autodiff.GradientTape;
import io.cornu.engine.kernels.Kernels;
import io.cornu.engine.kernels.Parallelism;
import io.cornu.engine.tensor.Tensor;

import java.util.Arrays;

/**
 * A recurrent layer over a whole sequence as one op with a hand-written backward pass
 * (backpropagation through time), recorded on the tape as a single node.
 *
 * <p>The kernel and the recurrent kernel are stacked into one {@code (in + units, width)} matrix
 * {@code WR}, and each step's input and previous state sit side by side in a row of {@code XH}
 * {@code (batch, time, in + units)}, so that each step is one GEMM for all gates:
 * {@code z_t = XH_t . WR + bias} (the GRU's reset-after h gate gets its own column block, so that
 * the input and recurrent parts stay apart). The backward pass runs the steps in reverse with two
 * GEMMs each: {@code dXH_t = dz_t . WR^T} (the input's gradient and the previous state's, at once)
 * and {@code dWR += XH_t^T . dz_t}; nothing of size {@code batch * time * width} is stored for it
 * except the gate activations. Batch rows are independent, so both passes split the batch over
 * {@link Parallelism#threads()}; each thread runs all steps on its rows without synchronising and
 * keeps its own weight-gradient sums, added up at the end.
 *
 * <p>The result packs the outputs and the final states: {@code (batch, time + states, units)}, rows
 * {@code 0 .. time-1} the output sequence in processing order, then the final {@code h} (and
 * {@code c} for the LSTM). Masked steps (mask 0 for a sample) keep the previous state; their output
 * is the previous output, or 0 with {@code zeroOutputForMask} (Keras' rule).
 *
 * <p>Weight layouts are Keras': {@code kernel (in, gates * units)}, {@code recurrent_kernel (units,
 * gates * units)}, gate blocks in Keras order (LSTM i, f, c, o; GRU z, r, h); the bias is
 * {@code (gates * units,)}, or {@code (2, 3 * units)} for a GRU with {@code reset_after} (input
 * bias, recurrent bias).
 */
final class RecurrentKernel {
    /** Minimum batch rows per thread. */
    private static final int ROWS_PER_THREAD = 16;

    enum Cell {
        SIMPLE(1, 1), LSTM(4, 2), GRU(3, 1);

        final int gates, states;

        Cell(int gates, int states) {
            this.gates = gates;
            this.states = states;
        }
    }

    /** What to compute: the cell, its size and activations, and the sequence options. */
    record Spec(Cell cell, int units, FusedActivation activation, FusedActivation recurrentActivation,
                boolean resetAfter, boolean goBackwards, boolean zeroOutputForMask) {
    }

    private RecurrentKernel() {
    }

    /**
     * The packed outputs and final states of the layer; see the class comment.
     *
     * @param x    inputs {@code (batch, time, in)}
     * @param bias null without bias
     * @param h0   initial state {@code (batch, units)}, or null for zeros
     * @param c0   initial carry (LSTM), or null for zeros
     * @param mask {@code (batch, time)}, non-zero for real steps, or null
     */
    static Tensor run(Spec spec, Tensor x, Tensor kernel, Tensor recurrentKernel, Tensor bias, Tensor h0, Tensor c0, Tensor mask) {
        Run r = new Run(spec, x, kernel, recurrentKernel, bias, h0, c0, mask);
        r.forward();
        Tensor out = Tensor.wrap(r.out, r.batch, r.time + spec.cell.states, r.units);
        if (GradientTape.isRecording()) {
            GradientTape.record(out, "rnn_" + spec.cell.name().toLowerCase(java.util.Locale.ROOT),
                    new Tensor[] {x, kernel, recurrentKernel, bias, h0, c0}, r::backward);
        }
        return out;
    }

    /** The buffers of one call, kept for its backward pass. */
    private static final class Run {
        final Spec spec;
        final Cell cell;
        final FusedActivation act, recAct;
        /** LSTM with sigmoid gates and tanh on the Vector API: the vectorised step. */
        final boolean fastLstm;
        final boolean gruAfter, gruBefore;
        /**
         * Whether every step's buffers are kept for a backward pass (a tape is recording); without,
         * all steps share one slot, which keeps inference on large batches in cache.
         */
        final boolean keep;
        final int slots;
        /** The inputs {@code (batch, time, in)}, copied into {@link #xh} step by step when not kept. */
        final float[] xs;
        final int xo;
        final int batch, time, in, units, k, width, gw, states;
        /** Keras weights, read in place (recurrent kernel: for the GRU reset_before h gate). */
        final float[] rk;
        final int ro;
        final int[] xDims, wDims, rDims, bDims;
        final boolean hasBias;
        /** {@code WR (k, gw)}: the kernel over the recurrent kernel, per gate column block. */
        final float[] wr;
        /** The bias added to each step's GEMM output, {@code (gw,)}; null without bias. */
        final float[] biasZ;
        final float[] m;
        /** {@code (time, batch, k)}: each step's input, then the state it started from (time-major, so a step's rows are contiguous). */
        final float[] xh;
        /** {@code (time, batch, gw)}: each step's pre-activations, then its gate activations. */
        final float[] acts;
        /** LSTM: the carry each step started from, and the activation of the new carry. */
        final float[] cPrev, actC;
        /** GRU reset_before: {@code r * h} of each step. */
        final float[] rh;
        /** Running states {@code (batch, units)}. */
        final float[] h, c;
        final float[] out;

        Run(Spec spec, Tensor x, Tensor kernel, Tensor recurrentKernel, Tensor bias, Tensor h0, Tensor c0, Tensor mask) {
            this.spec = spec;
            keep = GradientTape.isRecording();
            cell = spec.cell;
            act = spec.activation;
            recAct = spec.recurrentActivation;
            if (x.rank() != 3) throw new IllegalArgumentException("recurrent op: expected inputs (batch, time, features), got shape " + x.shape());
            batch = x.dim(0);
            time = x.dim(1);
            in = x.dim(2);
            units = spec.units;
            if (time == 0) throw new IllegalArgumentException("recurrent op: the input sequence has no timesteps (shape " + x.shape() + ")");
            k = in + units;
            width = cell.gates * units;
            gruAfter = cell == Cell.GRU && spec.resetAfter;
            gruBefore = cell == Cell.GRU && !spec.resetAfter;
            gw = gruAfter ? 4 * units : width;
            states = cell.states;
            fastLstm = cell == Cell.LSTM && FusedActivation.VECTOR && act == FusedActivation.TANH && recAct == FusedActivation.SIGMOID;
            check("kernel", kernel, in, width);
            check("recurrent_kernel", recurrentKernel, units, width);
            xDims = x.dims();
            wDims = kernel.dims();
            rDims = recurrentKernel.dims();
            Tensor rc = recurrentKernel.contiguous();
            rk = rc.buffer();
            ro = rc.offset();
            wr = stack(kernel.contiguous(), rc);
            hasBias = bias != null;
            if (bias != null) {
                int expected = gruAfter ? 2 * width : width;
                if (bias.size() != expected) {
                    throw new IllegalArgumentException("recurrent op: bias of shape " + bias.shape() + " does not fit " + expected + " values");
                }
                bDims = bias.dims();
                float[] b = bias.toFloatArray();
                if (gruAfter) {
                    int u = units;
                    biasZ = new float[gw];
                    for (int j = 0; j < 2 * u; j++) biasZ[j] = b[j] + b[width + j];
                    System.arraycopy(b, 2 * u, biasZ, 2 * u, u);
                    System.arraycopy(b, width + 2 * u, biasZ, 3 * u, u);
                } else {
                    biasZ = b;
                }
            } else {
                bDims = null;
                biasZ = null;
            }
            if (mask != null) {
                if (mask.size() != batch * time) {
                    throw new IllegalArgumentException("recurrent op: mask of shape " + mask.shape() + " does not fit inputs of shape " + x.shape());
                }
                m = mask.toFloatArray();
            } else {
                m = null;
            }
            h = state("initial state h", h0);
            c = cell == Cell.LSTM ? state("initial state c", c0) : null;
            slots = keep ? time : 1;
            xh = new float[slots * batch * k];
            Tensor xc = x.contiguous();
            xs = xc.buffer();
            xo = xc.offset();
            if (keep) {
                for (int b = 0, o = xo; b < batch; b++) {
                    for (int t = 0; t < time; t++, o += in) System.arraycopy(xs, o, xh, (t * batch + b) * k, in);
                }
            }
            acts = new float[slots * batch * gw];
            cPrev = cell == Cell.LSTM ? new float[slots * batch * units] : null;
            actC = cell == Cell.LSTM ? new float[slots * batch * units] : null;
            rh = gruBefore ? new float[slots * batch * units] : null;
            out = new float[batch * (time + states) * units];
        }

        /** {@code WR}: kernel rows then recurrent rows; GRU reset_after: blocks {@code [z r h_x h_rec]}, zeros where a part has none. */
        private float[] stack(Tensor kernel, Tensor rc) {
            float[] w = kernel.buffer(), r = rc.buffer();
            int wo = kernel.offset(), u = units;
            float[] s = new float[k * gw];
            for (int i = 0; i < in; i++) System.arraycopy(w, wo + i * width, s, i * gw, width);
            for (int i = 0; i < units; i++) {
                int dst = (in + i) * gw, src = ro + i * width;
                if (gruAfter) {
                    System.arraycopy(r, src, s, dst, 2 * u);
                    System.arraycopy(r, src + 2 * u, s, dst + 3 * u, u);
                } else if (gruBefore) {
                    System.arraycopy(r, src, s, dst, 2 * u);
                } else {
                    System.arraycopy(r, src, s, dst, width);
                }
            }
            return s;
        }

        private void check(String what, Tensor t, int rows, int cols) {
            if (t.rank() != 2 || t.dim(0) != rows || t.dim(1) != cols) {
                throw new IllegalArgumentException("recurrent op: " + what + " of shape " + t.shape() + ", expected (" + rows + ", " + cols + ")");
            }
        }

        private float[] state(String what, Tensor s) {
            if (s == null) return new float[batch * units];
            if (s.rank() != 2 || s.dim(0) != batch || s.dim(1) != units) {
                throw new IllegalArgumentException("recurrent op: " + what + " of shape " + s.shape() + ", expected (" + batch + ", " + units + ")");
            }
            return s.toFloatArray();
        }

        /** The buffer slot of input time {@code t}: {@code t} when steps are kept, else 0. */
        private int slot(int t) {
            return keep ? t : 0;
        }

        private int inputTime(int step) {
            return spec.goBackwards ? time - 1 - step : step;
        }

        private boolean live(int b, int t) {
            return m == null || m[b * time + t] != 0f;
        }

        // ---- forward ----------------------------------------------------------------------------

        void forward() {
            Parallelism.forRange(batch, ROWS_PER_THREAD, this::forwardRows);
        }

        private void forwardRows(int lo, int hi) {
            Kernels kern = Kernels.get();
            int nb = hi - lo, u = units;
            for (int s = 0; s < time; s++) {
                int t = inputTime(s);
                for (int b = lo; b < hi; b++) {
                    if (!keep) System.arraycopy(xs, xo + (b * time + t) * in, xh, b * k, in);
                    System.arraycopy(h, b * u, xh, (slot(t) * batch + b) * k + in, u);
                    if (c != null) System.arraycopy(c, b * u, cPrev, (slot(t) * batch + b) * u, u);
                }
                int xRow = (slot(t) * batch + lo) * k, aRow = (slot(t) * batch + lo) * gw;
                kern.gemm(false, false, nb, gw, k, 1f, xh, xRow, k, wr, 0, gw, 0f, acts, aRow, gw);
                for (int b = lo; b < hi; b++) {
                    if (!live(b, t)) {
                        maskedOutput(b, s);
                        continue;
                    }
                    int row = (slot(t) * batch + b) * gw;
                    switch (cell) {
                        case SIMPLE -> simpleStep(b, row, s);
                        case LSTM -> lstmStep(b, t, row, s);
                        case GRU -> {
                            if (gruAfter) gruAfterStep(b, row, s);
                            else gruBeforeGates(b, t, row);
                        }
                    }
                }
                if (gruBefore) {
                    // h gate: (r * h) . R_h, added into the pre-activations in place
                    kern.gemm(false, false, nb, u, u, 1f, rh, (slot(t) * batch + lo) * u, u, rk, ro + 2 * u, width,
                            1f, acts, aRow + 2 * u, gw);
                    for (int b = lo; b < hi; b++) {
                        if (!live(b, t)) continue;
                        int row = (slot(t) * batch + b) * gw;
                        act.apply(acts, row + 2 * u, u);
                        blend(b, row, s);
                    }
                }
            }
            for (int b = lo; b < hi; b++) {
                System.arraycopy(h, b * u, out, (b * (time + states) + time) * u, u);
                if (c != null) System.arraycopy(c, b * u, out, (b * (time + states) + time + 1) * u, u);
            }
        }

        private void addBias(int row) {
            if (biasZ != null) for (int j = 0; j < gw; j++) acts[row + j] += biasZ[j];
        }

        /** Output of a masked step: the previous output (the state h), or zeros. */
        private void maskedOutput(int b, int s) {
            int oo = (b * (time + states) + s) * units;
            if (spec.zeroOutputForMask) Arrays.fill(out, oo, oo + units, 0f);
            else System.arraycopy(h, b * units, out, oo, units);
        }

        private void simpleStep(int b, int row, int s) {
            addBias(row);
            act.apply(acts, row, units);
            System.arraycopy(acts, row, h, b * units, units);
            System.arraycopy(acts, row, out, (b * (time + states) + s) * units, units);
        }

        private void lstmStep(int b, int t, int row, int s) {
            int u = units, so = (slot(t) * batch + b) * u, hb = b * u, oo = (b * (time + states) + s) * u;
            if (fastLstm) {
                VectorMath.lstmForward(acts, row, biasZ, c, hb, actC, so, h, out, oo, u);
                return;
            }
            addBias(row);
            recAct.apply(acts, row, 2 * u);
            act.apply(acts, row + 2 * u, u);
            recAct.apply(acts, row + 3 * u, u);
            for (int j = 0; j < u; j++) {
                float cn = acts[row + u + j] * c[hb + j] + acts[row + j] * acts[row + 2 * u + j];
                c[hb + j] = cn;
                actC[so + j] = cn;
            }
            act.apply(actC, so, u);
            for (int j = 0; j < u; j++) {
                float hn = acts[row + 3 * u + j] * actC[so + j];
                h[hb + j] = hn;
                out[oo + j] = hn;
            }
        }

        /** Row blocks {@code [z r h_x h_rec]}: z, r activated; h_rec kept; h_x becomes {@code hh}. */
        private void gruAfterStep(int b, int row, int s) {
            int u = units;
            addBias(row);
            recAct.apply(acts, row, 2 * u);
            for (int j = 0; j < u; j++) acts[row + 2 * u + j] += acts[row + u + j] * acts[row + 3 * u + j];
            act.apply(acts, row + 2 * u, u);
            blend(b, row, s);
        }

        /** {@code h = z * h + (1 - z) * hh}, also the step's output. */
        private void blend(int b, int row, int s) {
            int u = units, hb = b * u, oo = (b * (time + states) + s) * u;
            for (int j = 0; j < u; j++) {
                float z = acts[row + j];
                float hn = z * h[hb + j] + (1f - z) * acts[row + 2 * u + j];
                h[hb + j] = hn;
                out[oo + j] = hn;
            }
        }

        private void gruBeforeGates(int b, int t, int row) {
            int u = units, so = (slot(t) * batch + b) * u;
            addBias(row);
            recAct.apply(acts, row, 2 * u);
            for (int j = 0; j < u; j++) rh[so + j] = acts[row + u + j] * h[b * u + j];
        }

        // ---- backward ---------------------------------------------------------------------------

        /** Gradients of {x, kernel, recurrent_kernel, bias, h0, c0} from the packed output's gradient. */
        Tensor[] backward(Tensor gradOut, boolean[] needed) {
            Tensor gc = gradOut.contiguous();
            float[] g = gc.buffer();
            int go = gc.offset();
            int u = units;
            float[] dx = new float[batch * time * in];
            float[] dh = new float[batch * u];
            float[] dc = cell == Cell.LSTM ? new float[batch * u] : null;
            for (int b = 0; b < batch; b++) {
                System.arraycopy(g, go + (b * (time + states) + time) * u, dh, b * u, u);
                if (dc != null) System.arraycopy(g, go + (b * (time + states) + time + 1) * u, dc, b * u, u);
            }
            Sums sums = new Sums(k * gw, gw, gruBefore ? u * u : 0);
            Parallelism.forRange(batch, ROWS_PER_THREAD, (lo, hi) -> backwardRows(lo, hi, g, go, dx, dh, dc, sums));
            sums.total();

            Tensor dW = null, dR = null, dB = null;
            float[] dwr = sums.wr;
            if (needed[1]) {
                float[] d = new float[in * width];
                for (int i = 0; i < in; i++) System.arraycopy(dwr, i * gw, d, i * width, width);
                dW = Tensor.wrap(d, wDims);
            }
            if (needed[2]) {
                float[] d = new float[u * width];
                for (int i = 0; i < u; i++) {
                    int src = (in + i) * gw, dst = i * width;
                    if (gruAfter) {
                        System.arraycopy(dwr, src, d, dst, 2 * u);
                        System.arraycopy(dwr, src + 3 * u, d, dst + 2 * u, u);
                    } else if (gruBefore) {
                        System.arraycopy(dwr, src, d, dst, 2 * u);
                        System.arraycopy(sums.rh, i * u, d, dst + 2 * u, u);
                    } else {
                        System.arraycopy(dwr, src, d, dst, width);
                    }
                }
                dR = Tensor.wrap(d, rDims);
            }
            if (needed[3] && hasBias) {
                float[] db = sums.bias;
                float[] d;
                if (gruAfter) {
                    d = new float[2 * width];
                    System.arraycopy(db, 0, d, 0, 3 * u);
                    System.arraycopy(db, 0, d, width, 2 * u);
                    System.arraycopy(db, 3 * u, d, width + 2 * u, u);
                } else {
                    d = db;
                }
                dB = Tensor.wrap(d, bDims);
            }
            Tensor dx0 = needed[0] ? Tensor.wrap(dx, xDims) : null;
            Tensor dh0 = needed[4] ? Tensor.wrap(dh, batch, u) : null;
            Tensor dc0 = needed[5] && dc != null ? Tensor.wrap(dc, batch, u) : null;
            return new Tensor[] {dx0, dW, dR, dB, dh0, dc0};
        }

        /**
         * The threads' weight-gradient sums: {@code dWR}, the bias, and the GRU reset_before
         * {@code dR_h}, added up in the order of the batch chunks (not of the threads' finishing), so
         * that results do not depend on timing.
         */
        private static final class Sums {
            final float[] wr, bias, rh;
            private final java.util.TreeMap<Integer, float[][]> parts = new java.util.TreeMap<>();

            Sums(int wrSize, int biasSize, int rhSize) {
                wr = new float[wrSize];
                bias = new float[biasSize];
                rh = new float[rhSize];
            }

            synchronized void add(int chunk, float[] dwr, float[] db, float[] drh) {
                parts.put(chunk, new float[][] {dwr, db, drh});
            }

            void total() {
                for (float[][] p : parts.values()) {
                    for (int i = 0; i < wr.length; i++) wr[i] += p[0][i];
                    for (int i = 0; i < bias.length; i++) bias[i] += p[1][i];
                    for (int i = 0; i < rh.length; i++) rh[i] += p[2][i];
                }
            }
        }

        private void backwardRows(int lo, int hi, float[] g, int go, float[] dx, float[] dh, float[] dc, Sums sums) {
            Kernels kern = Kernels.get();
            int nb = hi - lo, u = units;
            float[] dz = new float[nb * gw];
            float[] dxh = new float[nb * k];
            float[] dwr = new float[k * gw];
            float[] db = new float[gw];
            float[] drhSum = gruBefore ? new float[u * u] : new float[0];
            float[] drh = gruBefore ? new float[nb * u] : null;
            float[] gh = new float[u];
            for (int s = time - 1; s >= 0; s--) {
                int t = inputTime(s);
                for (int b = lo; b < hi; b++) {
                    int gOff = go + (b * (time + states) + s) * u, hb = b * u, zo = (b - lo) * gw;
                    if (!live(b, t)) {
                        // the state passes through unchanged; the output was the previous h (or 0)
                        if (!spec.zeroOutputForMask) for (int j = 0; j < u; j++) dh[hb + j] += g[gOff + j];
                        Arrays.fill(dz, zo, zo + gw, 0f);
                        continue;
                    }
                    int row = (slot(t) * batch + b) * gw, so = (slot(t) * batch + b) * u;
                    if (fastLstm) {
                        VectorMath.lstmBackward(acts, row, actC, cPrev, so, g, gOff, dh, dc, hb, dz, zo, gh, u);
                        continue;
                    }
                    for (int j = 0; j < u; j++) gh[j] = dh[hb + j] + g[gOff + j];
                    switch (cell) {
                        case SIMPLE -> {
                            act.backward(gh, 0, acts, row, dz, zo, u);
                            Arrays.fill(dh, hb, hb + u, 0f);
                        }
                        case LSTM -> lstmBack(gh, row, so, hb, dz, zo, dc, dh);
                        case GRU -> gruBack(gh, b, t, row, hb, dz, zo, dh);
                    }
                }
                int xRow = (slot(t) * batch + lo) * k;
                if (gruBefore) {
                    // d(r * h) = dah . R_h^T: the reset gate's gradient and a direct path to h
                    kern.gemm(false, true, nb, u, u, 1f, dz, 2 * u, gw, rk, ro + 2 * u, width, 0f, drh, 0, u);
                    for (int b = lo; b < hi; b++) {
                        if (!live(b, t)) continue;
                        int row = (slot(t) * batch + b) * gw, hp = (slot(t) * batch + b) * k + in, hb = b * u, zo = (b - lo) * gw, d = (b - lo) * u;
                        for (int j = 0; j < u; j++) {
                            float r = acts[row + u + j];
                            dz[zo + u + j] = drh[d + j] * xh[hp + j] * recAct.derivative(r);
                            dh[hb + j] += drh[d + j] * r;
                        }
                    }
                    kern.gemm(true, false, u, u, nb, 1f, rh, (slot(t) * batch + lo) * u, u, dz, 2 * u, gw, 1f, drhSum, 0, u);
                }
                // the input's and the previous state's gradients at once, then the weights'
                kern.gemm(false, true, nb, k, gw, 1f, dz, 0, gw, wr, 0, gw, 0f, dxh, 0, k);
                kern.gemm(true, false, k, gw, nb, 1f, xh, xRow, k, dz, 0, gw, 1f, dwr, 0, gw);
                for (int b = lo; b < hi; b++) {
                    int d = (b - lo) * k, hb = b * u;
                    System.arraycopy(dxh, d, dx, (b * time + t) * in, in);
                    for (int j = 0; j < u; j++) dh[hb + j] += dxh[d + in + j];
                }
                if (hasBias) {
                    for (int r = 0; r < nb; r++) {
                        int zo = r * gw;
                        for (int j = 0; j < gw; j++) db[j] += dz[zo + j];
                    }
                }
            }
            sums.add(lo, dwr, db, drhSum);
        }

        private void lstmBack(float[] gh, int row, int so, int hb, float[] dz, int zo, float[] dc, float[] dh) {
            int u = units;
            for (int j = 0; j < u; j++) {
                float i = acts[row + j], f = acts[row + u + j], gg = acts[row + 2 * u + j], o = acts[row + 3 * u + j];
                float tc = actC[so + j];
                float dcn = dc[hb + j] + gh[j] * o * act.derivative(tc);
                dz[zo + j] = dcn * gg * recAct.derivative(i);
                dz[zo + u + j] = dcn * cPrev[so + j] * recAct.derivative(f);
                dz[zo + 2 * u + j] = dcn * i * act.derivative(gg);
                dz[zo + 3 * u + j] = gh[j] * tc * recAct.derivative(o);
                dc[hb + j] = dcn * f;
                dh[hb + j] = 0f;
            }
        }

        /** GRU: dz, dr (reset_after; reset_before fills it after the d(r*h) product), dah, and dah * r (reset_after). */
        private void gruBack(float[] gh, int b, int t, int row, int hb, float[] dz, int zo, float[] dh) {
            int u = units, hp = (slot(t) * batch + b) * k + in;
            for (int j = 0; j < u; j++) {
                float z = acts[row + j], r = acts[row + u + j], hh = acts[row + 2 * u + j];
                float dzp = gh[j] * (xh[hp + j] - hh) * recAct.derivative(z);
                float dah = gh[j] * (1f - z) * act.derivative(hh);
                dz[zo + j] = dzp;
                dz[zo + 2 * u + j] = dah;
                if (gruAfter) {
                    float recH = acts[row + 3 * u + j];
                    dz[zo + u + j] = dah * recH * recAct.derivative(r);
                    dz[zo + 3 * u + j] = dah * r;
                }
                dh[hb + j] = gh[j] * z;
            }
        }
    }
}
