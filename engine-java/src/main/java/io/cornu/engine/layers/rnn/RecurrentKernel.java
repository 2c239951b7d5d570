package io.cornu.engine.layers.rnn;

import io.cornu.engine.autodiff.GradientTape;
import io.cornu.engine.kernels.Kernels;
import io.cornu.engine.kernels.Parallelism;
import io.cornu.engine.tensor.Tensor;

/**
 * A whole recurrent layer over a whole sequence as one op with a hand-written backward pass
 * (backpropagation through time), recorded on the tape as a single node.
 *
 * <p>Forward: the input projection {@code x . kernel + bias} for all timesteps is one GEMM over
 * {@code batch * time} rows; each step adds {@code h . recurrent_kernel} for all gates at once (one
 * small GEMM, written into the projection in place) and applies the gate activations. Backward: the
 * steps run in reverse with one small GEMM each ({@code dz . recurrent_kernel^T}); the gradients of
 * the kernel, the recurrent kernel, the bias and the input are then four large GEMMs or sums over
 * all {@code batch * time} rows. Batch rows are independent, so both passes split the batch over
 * {@link Parallelism#threads()} and each thread runs all steps on its rows without synchronising.
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
     * @param x      inputs {@code (batch, time, in)}
     * @param bias   null without bias
     * @param h0     initial state {@code (batch, units)}, or null for zeros
     * @param c0     initial carry (LSTM), or null for zeros
     * @param mask   {@code (batch, time)}, non-zero for real steps, or null
     */
    static Tensor run(Spec spec, Tensor x, Tensor kernel, Tensor recurrentKernel, Tensor bias, Tensor h0, Tensor c0, Tensor mask) {
        Run r = new Run(spec, x, kernel, recurrentKernel, bias, h0, c0, mask);
        r.forward();
        Tensor out = Tensor.wrap(r.out, r.batch, r.time + spec.cell.states, r.units);
        if (GradientTape.isRecording()) {
            GradientTape.record(out, "rnn_" + spec.cell.name().toLowerCase(java.util.Locale.ROOT),
                    new Tensor[] {x, kernel, recurrentKernel, bias, h0, c0}, (g, needed) -> r.backward(g, needed));
        }
        return out;
    }

    /** The buffers of one call, kept for its backward pass. */
    private static final class Run {
        final Spec spec;
        final Cell cell;
        final int batch, time, in, units, gates, width, states;
        final float[] xs, w, rk, bias, m;
        final int xo, wo, ro, bo;
        final int[] xDims, wDims, rDims, bDims;
        /** Pre-activations, then gate activations, {@code (batch, time, width)} indexed by input time. */
        final float[] acts;
        /** The state h each step started from, {@code (batch, time, units)}. */
        final float[] hPrev;
        /** LSTM: the carry each step started from, and the activation of the new carry. */
        final float[] cPrev, actC;
        /** GRU reset_after: the recurrent h-gate term {@code h . R_h + b_h}; reset_before: {@code r * h}. */
        final float[] gruAux;
        /** Running states {@code (batch, units)} at the start. */
        final float[] h, c;
        final float[] out;

        Run(Spec spec, Tensor x, Tensor kernel, Tensor recurrentKernel, Tensor bias, Tensor h0, Tensor c0, Tensor mask) {
            this.spec = spec;
            this.cell = spec.cell;
            if (x.rank() != 3) throw new IllegalArgumentException("recurrent op: expected inputs (batch, time, features), got shape " + x.shape());
            batch = x.dim(0);
            time = x.dim(1);
            in = x.dim(2);
            units = spec.units;
            gates = cell.gates;
            width = gates * units;
            states = cell.states;
            if (time == 0) throw new IllegalArgumentException("recurrent op: the input sequence has no timesteps (shape " + x.shape() + ")");
            Tensor xc = x.contiguous(), wc = kernel.contiguous(), rc = recurrentKernel.contiguous();
            check("kernel", kernel, in, width);
            check("recurrent_kernel", recurrentKernel, units, width);
            xs = xc.buffer();
            xo = xc.offset();
            w = wc.buffer();
            wo = wc.offset();
            rk = rc.buffer();
            ro = rc.offset();
            xDims = x.dims();
            wDims = kernel.dims();
            rDims = recurrentKernel.dims();
            if (bias != null) {
                int expected = cell == Cell.GRU && spec.resetAfter ? 2 * width : width;
                if (bias.size() != expected) {
                    throw new IllegalArgumentException("recurrent op: bias of shape " + bias.shape() + " does not fit " + expected + " values");
                }
                Tensor bc = bias.contiguous();
                this.bias = bc.buffer();
                bo = bc.offset();
                bDims = bias.dims();
            } else {
                this.bias = null;
                bo = 0;
                bDims = null;
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
            acts = new float[batch * time * width];
            hPrev = new float[batch * time * units];
            cPrev = cell == Cell.LSTM ? new float[batch * time * units] : null;
            actC = cell == Cell.LSTM ? new float[batch * time * units] : null;
            gruAux = cell == Cell.GRU ? new float[batch * time * units] : null;
            out = new float[batch * (time + states) * units];
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

        private int inputTime(int step) {
            return spec.goBackwards ? time - 1 - step : step;
        }

        private boolean live(int b, int t) {
            return m == null || m[b * time + t] != 0f;
        }

        // ---- forward ----------------------------------------------------------------------------

        void forward() {
            Kernels k = Kernels.get();
            // input projection for every timestep: one GEMM over batch * time rows
            k.gemm(false, false, batch * time, width, in, 1f, xs, xo, in, w, wo, width, 0f, acts, 0, width);
            if (bias != null) {
                for (int row = 0; row < batch * time; row++) {
                    int o = row * width;
                    for (int j = 0; j < width; j++) acts[o + j] += bias[bo + j];
                }
            }
            Parallelism.forRange(batch, ROWS_PER_THREAD, this::forwardRows);
        }

        private void forwardRows(int lo, int hi) {
            Kernels k = Kernels.get();
            int nb = hi - lo, u = units, ld = time * width;
            float[] tmp = cell == Cell.GRU ? new float[nb * width] : null;
            for (int s = 0; s < time; s++) {
                int t = inputTime(s);
                for (int b = lo; b < hi; b++) {
                    System.arraycopy(h, b * u, hPrev, (b * time + t) * u, u);
                    if (c != null) System.arraycopy(c, b * u, cPrev, (b * time + t) * u, u);
                }
                int rowBase = (lo * time + t) * width;
                switch (cell) {
                    case SIMPLE, LSTM -> {
                        k.gemm(false, false, nb, width, u, 1f, h, lo * u, u, rk, ro, width, 1f, acts, rowBase, ld);
                        for (int b = lo; b < hi; b++) {
                            if (cell == Cell.SIMPLE) simpleStep(b, t, s);
                            else lstmStep(b, t, s);
                        }
                    }
                    case GRU -> {
                        if (spec.resetAfter) {
                            k.gemm(false, false, nb, width, u, 1f, h, lo * u, u, rk, ro, width, 0f, tmp, 0, width);
                            for (int b = lo; b < hi; b++) gruAfterStep(b, t, s, tmp, (b - lo) * width);
                        } else {
                            k.gemm(false, false, nb, 2 * u, u, 1f, h, lo * u, u, rk, ro, width, 0f, tmp, 0, 2 * u);
                            for (int b = lo; b < hi; b++) gruBeforeGates(b, t, tmp, (b - lo) * 2 * u);
                            // h-gate: (r * h) . R_h, added into the projection in place
                            k.gemm(false, false, nb, u, u, 1f, gruAux, (lo * time + t) * u, time * u, rk, ro + 2 * u, width,
                                    1f, acts, rowBase + 2 * u, ld);
                            for (int b = lo; b < hi; b++) gruBeforeOutput(b, t, s);
                        }
                    }
                }
            }
            for (int b = lo; b < hi; b++) {
                System.arraycopy(h, b * u, out, (b * (time + states) + time) * u, u);
                if (c != null) System.arraycopy(c, b * u, out, (b * (time + states) + time + 1) * u, u);
            }
        }

        /** Output of a masked step: the previous output (the state h), or zeros. */
        private void maskedOutput(int b, int s) {
            int oo = (b * (time + states) + s) * units;
            if (spec.zeroOutputForMask) java.util.Arrays.fill(out, oo, oo + units, 0f);
            else System.arraycopy(h, b * units, out, oo, units);
        }

        private void simpleStep(int b, int t, int s) {
            if (!live(b, t)) {
                maskedOutput(b, s);
                return;
            }
            int row = (b * time + t) * width;
            spec.activation.apply(acts, row, units);
            System.arraycopy(acts, row, h, b * units, units);
            System.arraycopy(acts, row, out, (b * (time + states) + s) * units, units);
        }

        private void lstmStep(int b, int t, int s) {
            if (!live(b, t)) {
                maskedOutput(b, s);
                return;
            }
            int u = units, row = (b * time + t) * width, so = (b * time + t) * u, hb = b * u;
            FusedActivation ra = spec.recurrentActivation, a = spec.activation;
            ra.apply(acts, row, 2 * u);
            a.apply(acts, row + 2 * u, u);
            ra.apply(acts, row + 3 * u, u);
            for (int j = 0; j < u; j++) {
                float cn = acts[row + u + j] * c[hb + j] + acts[row + j] * acts[row + 2 * u + j];
                c[hb + j] = cn;
                actC[so + j] = cn;
            }
            a.apply(actC, so, u);
            int oo = (b * (time + states) + s) * u;
            for (int j = 0; j < u; j++) {
                float hn = acts[row + 3 * u + j] * actC[so + j];
                h[hb + j] = hn;
                out[oo + j] = hn;
            }
        }

        private void gruAfterStep(int b, int t, int s, float[] rec, int recOff) {
            if (!live(b, t)) {
                maskedOutput(b, s);
                return;
            }
            int u = units, row = (b * time + t) * width, so = (b * time + t) * u, hb = b * u;
            if (bias != null) {
                int rb = bo + width;
                for (int j = 0; j < width; j++) rec[recOff + j] += bias[rb + j];
            }
            for (int j = 0; j < 2 * u; j++) acts[row + j] += rec[recOff + j];
            spec.recurrentActivation.apply(acts, row, 2 * u);
            for (int j = 0; j < u; j++) {
                float rh = rec[recOff + 2 * u + j];
                gruAux[so + j] = rh;
                acts[row + 2 * u + j] += acts[row + u + j] * rh;
            }
            spec.activation.apply(acts, row + 2 * u, u);
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

        private void gruBeforeGates(int b, int t, float[] rec, int recOff) {
            int u = units, row = (b * time + t) * width, so = (b * time + t) * u;
            if (!live(b, t)) {
                java.util.Arrays.fill(gruAux, so, so + u, 0f);
                return;
            }
            for (int j = 0; j < 2 * u; j++) acts[row + j] += rec[recOff + j];
            spec.recurrentActivation.apply(acts, row, 2 * u);
            for (int j = 0; j < u; j++) gruAux[so + j] = acts[row + u + j] * h[b * u + j];
        }

        private void gruBeforeOutput(int b, int t, int s) {
            if (!live(b, t)) {
                maskedOutput(b, s);
                return;
            }
            int row = (b * time + t) * width;
            spec.activation.apply(acts, row + 2 * units, units);
            blend(b, row, s);
        }

        // ---- backward ---------------------------------------------------------------------------

        /** Gradients of {x, kernel, recurrent_kernel, bias, h0, c0} from the packed output's gradient. */
        Tensor[] backward(Tensor gradOut, boolean[] needed) {
            Tensor gc = gradOut.contiguous();
            float[] g = gc.buffer();
            int go = gc.offset();
            int u = units;
            float[] dP = new float[batch * time * width];
            // GRU reset_after: the gradient of the recurrent projection differs from dP in the h gate
            float[] dRec = cell == Cell.GRU && spec.resetAfter ? new float[batch * time * width] : null;
            float[] dh = new float[batch * u];
            float[] dc = cell == Cell.LSTM ? new float[batch * u] : null;
            for (int b = 0; b < batch; b++) {
                System.arraycopy(g, go + (b * (time + states) + time) * u, dh, b * u, u);
                if (dc != null) System.arraycopy(g, go + (b * (time + states) + time + 1) * u, dc, b * u, u);
            }
            Parallelism.forRange(batch, ROWS_PER_THREAD, (lo, hi) -> backwardRows(lo, hi, g, go, dP, dRec, dh, dc));

            Kernels k = Kernels.get();
            int rows = batch * time;
            Tensor dx = null, dW = null, dR = null, dB = null;
            if (needed[0]) {
                float[] d = new float[rows * in];
                k.gemm(false, true, rows, in, width, 1f, dP, 0, width, w, wo, width, 0f, d, 0, in);
                dx = Tensor.wrap(d, xDims);
            }
            if (needed[1]) {
                float[] d = new float[in * width];
                k.gemm(true, false, in, width, rows, 1f, xs, xo, in, dP, 0, width, 0f, d, 0, width);
                dW = Tensor.wrap(d, wDims);
            }
            if (needed[2]) {
                float[] d = new float[u * width];
                if (cell == Cell.GRU && !spec.resetAfter) {
                    k.gemm(true, false, u, 2 * u, rows, 1f, hPrev, 0, u, dP, 0, width, 0f, d, 0, width);
                    k.gemm(true, false, u, u, rows, 1f, gruAux, 0, u, dP, 2 * u, width, 0f, d, 2 * u, width);
                } else {
                    k.gemm(true, false, u, width, rows, 1f, hPrev, 0, u, dRec != null ? dRec : dP, 0, width, 0f, d, 0, width);
                }
                dR = Tensor.wrap(d, rDims);
            }
            if (needed[3] && bias != null) {
                float[] d = new float[dRec != null ? 2 * width : width];
                columnSums(dP, rows, d, 0);
                if (dRec != null) columnSums(dRec, rows, d, width);
                dB = Tensor.wrap(d, bDims);
            }
            Tensor dh0 = needed[4] ? Tensor.wrap(dh, batch, u) : null;
            Tensor dc0 = needed[5] && dc != null ? Tensor.wrap(dc, batch, u) : null;
            return new Tensor[] {dx, dW, dR, dB, dh0, dc0};
        }

        private void columnSums(float[] a, int rows, float[] out, int oo) {
            for (int r = 0; r < rows; r++) {
                int o = r * width;
                for (int j = 0; j < width; j++) out[oo + j] += a[o + j];
            }
        }

        private void backwardRows(int lo, int hi, float[] g, int go, float[] dP, float[] dRec, float[] dh, float[] dc) {
            Kernels k = Kernels.get();
            int nb = hi - lo, u = units, ld = time * width;
            float[] gh = new float[u];
            float[] drh = cell == Cell.GRU && !spec.resetAfter ? new float[nb * u] : null;
            for (int s = time - 1; s >= 0; s--) {
                int t = inputTime(s);
                int rowBase = (lo * time + t) * width;
                for (int b = lo; b < hi; b++) {
                    int gOff = go + (b * (time + states) + s) * u, hb = b * u;
                    if (!live(b, t)) {
                        // the state passes through unchanged; the output was the previous h (or 0)
                        if (!spec.zeroOutputForMask) for (int j = 0; j < u; j++) dh[hb + j] += g[gOff + j];
                        if (drh != null) java.util.Arrays.fill(drh, (b - lo) * u, (b - lo + 1) * u, 0f);
                        continue;
                    }
                    for (int j = 0; j < u; j++) gh[j] = dh[hb + j] + g[gOff + j];
                    int row = (b * time + t) * width, so = (b * time + t) * u;
                    switch (cell) {
                        case SIMPLE -> {
                            spec.activation.backward(gh, 0, acts, row, dP, row, u);
                            java.util.Arrays.fill(dh, hb, hb + u, 0f);
                        }
                        case LSTM -> lstmBack(gh, row, so, hb, dP, dh, dc);
                        case GRU -> {
                            if (spec.resetAfter) gruAfterBack(gh, row, so, hb, dP, dRec, dh);
                            else gruBeforeBack(gh, row, hb, dP, dh);
                        }
                    }
                }
                if (cell == Cell.GRU && !spec.resetAfter) {
                    // d(r * h) = dah . R_h^T, then the reset gate and the direct path to h
                    k.gemm(false, true, nb, u, u, 1f, dP, rowBase + 2 * u, ld, rk, ro + 2 * u, width, 0f, drh, 0, u);
                    FusedActivation ra = spec.recurrentActivation;
                    for (int b = lo; b < hi; b++) {
                        if (!live(b, t)) continue;
                        int row = (b * time + t) * width, so = (b * time + t) * u, hb = b * u, db = (b - lo) * u;
                        for (int j = 0; j < u; j++) {
                            float r = acts[row + u + j];
                            dP[row + u + j] = drh[db + j] * hPrev[so + j] * ra.derivative(r);
                            dh[hb + j] += drh[db + j] * r;
                        }
                    }
                    k.gemm(false, true, nb, u, 2 * u, 1f, dP, rowBase, ld, rk, ro, width, 1f, dh, lo * u, u);
                } else {
                    k.gemm(false, true, nb, u, width, 1f, dRec != null ? dRec : dP, rowBase, ld, rk, ro, width, 1f, dh, lo * u, u);
                }
            }
        }

        private void lstmBack(float[] gh, int row, int so, int hb, float[] dP, float[] dh, float[] dc) {
            int u = units;
            FusedActivation ra = spec.recurrentActivation, a = spec.activation;
            for (int j = 0; j < u; j++) {
                float i = acts[row + j], f = acts[row + u + j], gg = acts[row + 2 * u + j], o = acts[row + 3 * u + j];
                float tc = actC[so + j];
                float dcn = dc[hb + j] + gh[j] * o * a.derivative(tc);
                dP[row + j] = dcn * gg * ra.derivative(i);
                dP[row + u + j] = dcn * cPrev[so + j] * ra.derivative(f);
                dP[row + 2 * u + j] = dcn * i * a.derivative(gg);
                dP[row + 3 * u + j] = gh[j] * tc * ra.derivative(o);
                dc[hb + j] = dcn * f;
                dh[hb + j] = 0f;
            }
        }

        private void gruAfterBack(float[] gh, int row, int so, int hb, float[] dP, float[] dRec, float[] dh) {
            int u = units;
            FusedActivation ra = spec.recurrentActivation, a = spec.activation;
            for (int j = 0; j < u; j++) {
                float z = acts[row + j], r = acts[row + u + j], hh = acts[row + 2 * u + j];
                float dz = gh[j] * (hPrev[so + j] - hh) * ra.derivative(z);
                float dah = gh[j] * (1f - z) * a.derivative(hh);
                float dr = dah * gruAux[so + j] * ra.derivative(r);
                dP[row + j] = dz;
                dP[row + u + j] = dr;
                dP[row + 2 * u + j] = dah;
                dRec[row + j] = dz;
                dRec[row + u + j] = dr;
                dRec[row + 2 * u + j] = dah * r;
                dh[hb + j] = gh[j] * z;
            }
        }

        private void gruBeforeBack(float[] gh, int row, int hb, float[] dP, float[] dh) {
            int u = units;
            FusedActivation ra = spec.recurrentActivation, a = spec.activation;
            int so = row / width * u;
            for (int j = 0; j < u; j++) {
                float z = acts[row + j], hh = acts[row + 2 * u + j];
                dP[row + j] = gh[j] * (hPrev[so + j] - hh) * ra.derivative(z);
                dP[row + 2 * u + j] = gh[j] * (1f - z) * a.derivative(hh);
                dh[hb + j] = gh[j] * z;
            }
        }
    }
}
