package io.cornu.engine.kernels;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * Vector API SGEMM, row-major: {@code C = alpha * op(A) * op(B) + beta * C}.
 *
 * <p>The classic GotoBLAS/BLIS structure:
 * <pre>
 * for jc in cols of C, step NC            (B block kc x nc stays in L3)
 *   for pc in k, step KC                    (K blocking)
 *     pack op(B)[pc:pc+kc, jc:jc+nc] into NR-wide panels
 *     for ic in rows of C, step MC          (A block mc x kc stays in L2)
 *       pack op(A)[ic:ic+mc, pc:pc+kc] into MR-tall panels
 *       for jr step NR, for ir step MR      (B micro-panel kc x NR stays in L1)
 *         micro-kernel: MR x NR tile of C in 2 * MR vector registers, one fma per (row, vector) per k
 * </pre>
 * Packing reads op(A) and op(B) through their transpose flags, so no transposed copies are made,
 * and pads edge panels with zeros so the micro-kernel always runs full width; edge tiles of C are
 * written through a small scratch tile. Packing buffers are per thread and reused across calls.
 *
 * <p>When A is reused by few column panels (narrow C) it is not packed: the micro-kernel then reads
 * {@code op(A)} in place through row/column strides. Products under {@link #PARALLEL_MIN}
 * multiply-adds run on the calling thread; larger ones are split over {@link Parallelism#threads()}
 * by columns of C (A read in place, each thread packing its own B panels) when C has at most
 * {@link #COLUMN_SPLIT_MAX_M} rows, else by rows, the threads sharing each packed B block.
 */
final class Gemm {
    private static final VectorSpecies<Float> F = VectorKernels.F;
    private static final int L = F.length();

    /** Micro-tile: MR rows x NR columns = 2 * MR accumulators (12 of the 16 AVX2 registers). */
    static final int MR = 6;
    static final int NR = 2 * L;
    /** Target depth of a K block: the B micro-panel (KC x NR floats, 16 KB at 256 bits) fits L1. */
    static final int KC = Integer.getInteger("cornu.gemm.kc", 256);
    /** Target rows of an A block: MC x KC floats (~144 KB) fit the 512 KB L2 with room for B panels. */
    static final int MC = Integer.getInteger("cornu.gemm.mc", 144);
    /** Target columns of a B block: KC x NC floats (4 MB) in L3. */
    static final int NC = Integer.getInteger("cornu.gemm.nc", 4096);
    /** Products with fewer multiply-adds stay on the calling thread (fork/join costs tens of µs). */
    static final long PARALLEL_MIN = Long.getLong("cornu.gemm.parallelMin", 1L << 21);
    /**
     * Parallel products with at most this many rows are split by columns with A read in place (no
     * packing repeated per thread); taller ones by rows, where packing A pays for itself.
     */
    static final int COLUMN_SPLIT_MAX_M = 512;
    /** A is packed only when at least this many NR-wide column panels reuse it. */
    static final int PACK_A_MIN_PANELS = Integer.getInteger("cornu.gemm.packAMinPanels", 4);

    private static final ThreadLocal<Scratch> SCRATCH = ThreadLocal.withInitial(Scratch::new);

    private Gemm() {
    }

    /** Per-thread packing buffers, grown on demand and kept for the next call. */
    static final class Scratch {
        float[] a = new float[0];
        float[] b = new float[0];
        final float[] tile = new float[MR * NR];

        float[] a(int size) {
            if (a.length < size) a = new float[size];
            return a;
        }

        float[] b(int size) {
            if (b.length < size) b = new float[size];
            return b;
        }
    }

    /** One call's arguments, shared by the threads working on it. */
    private static final class Problem {
        final boolean transA, transB, packA;
        final int k;
        final float alpha, beta;
        final float[] a, b, c;
        final int aOff, lda, bOff, ldb, cOff, ldc;
        /** Block size targets, multiples of MR (mc) and NR (nc). */
        final int kc, mc, nc;

        Problem(boolean transA, boolean transB, boolean packA, int k, float alpha,
                float[] a, int aOff, int lda, float[] b, int bOff, int ldb,
                float beta, float[] c, int cOff, int ldc, int kc, int mc, int nc) {
            this.kc = Math.max(1, kc);
            this.mc = Math.max(1, ceilDiv(mc, MR)) * MR;
            this.nc = Math.max(1, ceilDiv(nc, NR)) * NR;
            this.transA = transA;
            this.transB = transB;
            this.packA = packA;
            this.k = k;
            this.alpha = alpha;
            this.beta = beta;
            this.a = a;
            this.b = b;
            this.c = c;
            this.aOff = aOff;
            this.lda = lda;
            this.bOff = bOff;
            this.ldb = ldb;
            this.cOff = cOff;
            this.ldc = ldc;
        }
    }

    static void gemm(boolean transA, boolean transB, int m, int n, int k,
                     float alpha, float[] a, int aOff, int lda,
                     float[] b, int bOff, int ldb,
                     float beta, float[] c, int cOff, int ldc) {
        gemm(transA, transB, m, n, k, alpha, a, aOff, lda, b, bOff, ldb, beta, c, cOff, ldc, KC, MC, NC, PARALLEL_MIN);
    }

    /**
     * {@link #gemm} with explicit block sizes and parallel threshold, so tests can run every
     * blocking loop and the parallel split on small matrices.
     */
    static void gemm(boolean transA, boolean transB, int m, int n, int k,
                     float alpha, float[] a, int aOff, int lda,
                     float[] b, int bOff, int ldb,
                     float beta, float[] c, int cOff, int ldc,
                     int kcTarget, int mcTarget, int ncTarget, long parallelMin) {
        if (m <= 0 || n <= 0) return;
        if (k <= 0 || alpha == 0f) {
            scale(c, cOff, ldc, m, n, beta);
            return;
        }
        long work = (long) m * n * k;
        int threads = Parallelism.threads();
        int colPanels = ceilDiv(n, NR);
        if (threads == 1 || work < parallelMin) {
            Problem pr = new Problem(transA, transB, colPanels >= PACK_A_MIN_PANELS, k, alpha, a, aOff, lda,
                    b, bOff, ldb, beta, c, cOff, ldc, kcTarget, mcTarget, ncTarget);
            block(pr, 0, m, 0, n, SCRATCH.get());
            return;
        }
        // Split by columns, each thread packs only its own B panels and the strided micro-kernel
        // reads A in place, so nothing is packed twice; split by rows, the threads share each
        // packed B block and pack their own rows of A. Columns are preferred for short C, except
        // when A's rows are a multiple of 4 KB apart: six such rows fall in one L1 set and the
        // in-place reads thrash, so A must be packed.
        boolean aliasing = !transA && (lda & 1023) == 0;
        boolean byColumns = colPanels >= 2 * threads && !aliasing && m <= COLUMN_SPLIT_MAX_M;
        if (byColumns) {
            Problem pr = new Problem(transA, transB, false, k, alpha, a, aOff, lda, b, bOff, ldb, beta, c, cOff, ldc,
                    kcTarget, mcTarget, ncTarget);
            Parallelism.forRange(colPanels, Math.max(1, colPanels / threads), (lo, hi) ->
                    block(pr, 0, m, lo * NR, Math.min(n, hi * NR), SCRATCH.get()));
        } else {
            Problem pr = new Problem(transA, transB, colPanels >= PACK_A_MIN_PANELS, k, alpha, a, aOff, lda,
                    b, bOff, ldb, beta, c, cOff, ldc, kcTarget, mcTarget, ncTarget);
            rowsSharingB(pr, m, n);
        }
    }

    /** {@code C[i0:i1, j0:j1]} of the product, on the calling thread. */
    private static void block(Problem pr, int i0, int i1, int j0, int j1, Scratch s) {
        int k = pr.k;
        int kcMax = kcMax(pr);
        int ncMax = Math.min(pr.nc, ceilDiv(j1 - j0, NR) * NR);
        int mcMax = Math.min(pr.mc, ceilDiv(i1 - i0, MR) * MR);
        float[] bp = s.b(kcMax * ncMax);
        float[] ap = pr.packA ? s.a(kcMax * mcMax) : null;
        for (int jc = j0; jc < j1; jc += ncMax) {
            int nc = Math.min(ncMax, j1 - jc);
            for (int pc = 0; pc < k; pc += kcMax) {
                int kc = Math.min(kcMax, k - pc);
                packB(pr, pc, kc, jc, nc, bp, 0);
                macro(pr, pc, kc, jc, nc, i0, i1, mcMax, bp, ap, s.tile);
            }
        }
    }

    /**
     * The row split: each B block is packed once, its panels shared out among the threads of a
     * {@link Parallelism#team}, and then every thread multiplies its rows of A by the whole packed
     * block; barriers separate the phases (one pool wake-up per call, not two per block). Packing
     * B per thread instead would repeat all of B's packing on every thread.
     */
    private static void rowsSharingB(Problem pr, int m, int n) {
        int k = pr.k;
        int kcMax = kcMax(pr);
        int ncMax = Math.min(pr.nc, ceilDiv(n, NR) * NR);
        // the caller's B buffer, read by every thread; each thread's own buffers hold its A blocks
        float[] bp = SCRATCH.get().b(kcMax * ncMax);
        int rowPanels = ceilDiv(m, MR);
        Parallelism.team((t, size, barrier) -> {
            Scratch s = SCRATCH.get();
            int i0 = rowPanels * t / size * MR, i1 = Math.min(m, rowPanels * (t + 1) / size * MR);
            int mcMax = Math.min(pr.mc, ceilDiv(Math.max(1, i1 - i0), MR) * MR);
            float[] ap = pr.packA ? s.a(kcMax * mcMax) : null;
            for (int jc = 0; jc < n; jc += ncMax) {
                int nc = Math.min(ncMax, n - jc), colPanels = ceilDiv(nc, NR);
                int p0 = colPanels * t / size, p1 = colPanels * (t + 1) / size;
                for (int pc = 0; pc < k; pc += kcMax) {
                    int kc = Math.min(kcMax, k - pc);
                    if (p1 > p0) packB(pr, pc, kc, jc + p0 * NR, Math.min(nc, p1 * NR) - p0 * NR, bp, p0 * kc * NR);
                    barrier.await();   // the block is packed
                    if (i1 > i0) macro(pr, pc, kc, jc, nc, i0, i1, mcMax, bp, ap, s.tile);
                    barrier.await();   // everyone is done with it before the next one overwrites it
                }
            }
        });
    }

    /** K blocks of equal depth near the target (784 = 4 x 196 rather than 3 x 256 + 16). */
    private static int kcMax(Problem pr) {
        return ceilDiv(pr.k, ceilDiv(pr.k, pr.kc));
    }

    /**
     * Rows {@code [i0, i1)} of {@code C[:, jc:jc+nc] (+)= op(A)[:, pc:pc+kc] * packed B block}: A
     * packed block by block (or read in place), then the micro-kernel over every tile.
     */
    private static void macro(Problem pr, int pc, int kc, int jc, int nc, int i0, int i1, int mcMax,
                              float[] bp, float[] ap, float[] tile) {
        float beta = pc == 0 ? pr.beta : 1f;
        for (int ic = i0; ic < i1; ic += mcMax) {
            int mc = Math.min(mcMax, i1 - ic);
            if (ap != null) packA(pr, ic, mc, pc, kc, ap);
            for (int jr = 0; jr < nc; jr += NR) {
                int nr = Math.min(NR, nc - jr);
                int bi = jr * kc;
                for (int ir = 0; ir < mc; ir += MR) {
                    int mr = Math.min(MR, mc - ir);
                    int ci = pr.cOff + (ic + ir) * pr.ldc + jc + jr;
                    if (ap != null) {
                        kernelPacked(kc, ap, ir * kc, bp, bi, pr.c, ci, pr.ldc, pr.alpha, beta, mr, nr, tile);
                    } else {
                        int rs = pr.transA ? 1 : pr.lda;
                        int cs = pr.transA ? pr.lda : 1;
                        int ai = pr.aOff + (ic + ir) * rs + pc * cs;
                        kernelStrided(kc, pr.a, ai, rs, cs, bp, bi, pr.c, ci, pr.ldc, pr.alpha, beta, mr, nr, tile);
                    }
                }
            }
        }
    }

    /**
     * Packs {@code op(B)[pc:pc+kc, jc:jc+nc]} as NR-wide panels, each {@code kc} rows of NR
     * contiguous floats; columns past {@code nc} are zero.
     */
    private static void packB(Problem pr, int pc, int kc, int jc, int nc, float[] bp, int bpOff) {
        float[] b = pr.b;
        int ldb = pr.ldb;
        for (int jr = 0, dst = bpOff; jr < nc; jr += NR, dst += kc * NR) {
            int w = Math.min(NR, nc - jr);
            if (!pr.transB) {
                if (w == NR) continue; // full panels are copied below, row by row
                int src = pr.bOff + pc * ldb + jc + jr;
                for (int p = 0; p < kc; p++) {
                    int s = src + p * ldb, d = dst + p * NR;
                    for (int j = 0; j < w; j++) bp[d + j] = b[s + j];
                    for (int j = w; j < NR; j++) bp[d + j] = 0f;
                }
            } else {
                // op(B)[p, j] = B[j, p]: each column of the panel is a contiguous run of a row of B
                for (int j = 0; j < w; j++) {
                    int s = pr.bOff + (jc + jr + j) * ldb + pc;
                    for (int p = 0; p < kc; p++) bp[dst + p * NR + j] = b[s + p];
                }
                for (int j = w; j < NR; j++) {
                    for (int p = 0; p < kc; p++) bp[dst + p * NR + j] = 0f;
                }
            }
        }
        if (!pr.transB) {
            // Row by row, so B is read sequentially: reading a panel's column strip row after
            // row strides through memory (4 KB apart at n = 1024) and misses the TLB and caches.
            int full = nc / NR, panel = kc * NR;
            for (int p = 0; p < kc; p++) {
                int s = pr.bOff + (pc + p) * ldb + jc, d = bpOff + p * NR;
                for (int q = 0; q < full; q++, s += NR, d += panel) {
                    FloatVector.fromArray(F, b, s).intoArray(bp, d);
                    FloatVector.fromArray(F, b, s + L).intoArray(bp, d + L);
                }
            }
        }
    }

    /**
     * Packs {@code op(A)[ic:ic+mc, pc:pc+kc]} as MR-tall panels, each {@code kc} columns of MR
     * contiguous floats; rows past {@code mc} are zero.
     */
    private static void packA(Problem pr, int ic, int mc, int pc, int kc, float[] ap) {
        float[] a = pr.a;
        int lda = pr.lda;
        for (int ir = 0, dst = 0; ir < mc; ir += MR, dst += kc * MR) {
            int h = Math.min(MR, mc - ir);
            if (!pr.transA && h == MR) {
                // six row streams written in k order: measured ~1.5x faster than row by row
                int s0 = pr.aOff + (ic + ir) * lda + pc;
                int s1 = s0 + lda, s2 = s1 + lda, s3 = s2 + lda, s4 = s3 + lda, s5 = s4 + lda;
                for (int p = 0; p < kc; p++) {
                    int d = dst + p * MR;
                    ap[d] = a[s0 + p];
                    ap[d + 1] = a[s1 + p];
                    ap[d + 2] = a[s2 + p];
                    ap[d + 3] = a[s3 + p];
                    ap[d + 4] = a[s4 + p];
                    ap[d + 5] = a[s5 + p];
                }
            } else if (!pr.transA) {
                for (int i = 0; i < h; i++) {
                    int s = pr.aOff + (ic + ir + i) * lda + pc;
                    for (int p = 0; p < kc; p++) ap[dst + p * MR + i] = a[s + p];
                }
            } else {
                for (int p = 0; p < kc; p++) {
                    int s = pr.aOff + (pc + p) * lda + ic + ir, d = dst + p * MR;
                    for (int i = 0; i < h; i++) ap[d + i] = a[s + i];
                }
            }
            for (int i = h; i < MR; i++) {
                for (int p = 0; p < kc; p++) ap[dst + p * MR + i] = 0f;
            }
        }
    }

    /**
     * The MR x NR micro-kernel on a packed A panel ({@code ap[ai + p * MR + i]}) and a packed B
     * panel ({@code bp[bi + p * NR + j]}): C tile = alpha * sum + beta * C tile.
     */
    static void kernelPacked(int kc, float[] ap, int ai, float[] bp, int bi,
                                     float[] c, int ci, int ldc, float alpha, float beta,
                                     int mr, int nr, float[] tile) {
        FloatVector c00 = FloatVector.zero(F), c01 = FloatVector.zero(F);
        FloatVector c10 = FloatVector.zero(F), c11 = FloatVector.zero(F);
        FloatVector c20 = FloatVector.zero(F), c21 = FloatVector.zero(F);
        FloatVector c30 = FloatVector.zero(F), c31 = FloatVector.zero(F);
        FloatVector c40 = FloatVector.zero(F), c41 = FloatVector.zero(F);
        FloatVector c50 = FloatVector.zero(F), c51 = FloatVector.zero(F);
        for (int p = 0; p < kc; p++) {
            int bo = bi + p * NR, ao = ai + p * MR;
            FloatVector b0 = FloatVector.fromArray(F, bp, bo);
            FloatVector b1 = FloatVector.fromArray(F, bp, bo + L);
            FloatVector a0 = FloatVector.broadcast(F, ap[ao]);
            c00 = a0.fma(b0, c00);
            c01 = a0.fma(b1, c01);
            FloatVector a1 = FloatVector.broadcast(F, ap[ao + 1]);
            c10 = a1.fma(b0, c10);
            c11 = a1.fma(b1, c11);
            FloatVector a2 = FloatVector.broadcast(F, ap[ao + 2]);
            c20 = a2.fma(b0, c20);
            c21 = a2.fma(b1, c21);
            FloatVector a3 = FloatVector.broadcast(F, ap[ao + 3]);
            c30 = a3.fma(b0, c30);
            c31 = a3.fma(b1, c31);
            FloatVector a4 = FloatVector.broadcast(F, ap[ao + 4]);
            c40 = a4.fma(b0, c40);
            c41 = a4.fma(b1, c41);
            FloatVector a5 = FloatVector.broadcast(F, ap[ao + 5]);
            c50 = a5.fma(b0, c50);
            c51 = a5.fma(b1, c51);
        }
        // Accumulators go through the tile rather than into a helper's parameters: a FloatVector
        // passed to a method C2 does not inline is boxed, which costs more than the whole tile.
        c00.intoArray(tile, 0);
        c01.intoArray(tile, L);
        c10.intoArray(tile, NR);
        c11.intoArray(tile, NR + L);
        c20.intoArray(tile, 2 * NR);
        c21.intoArray(tile, 2 * NR + L);
        c30.intoArray(tile, 3 * NR);
        c31.intoArray(tile, 3 * NR + L);
        c40.intoArray(tile, 4 * NR);
        c41.intoArray(tile, 4 * NR + L);
        c50.intoArray(tile, 5 * NR);
        c51.intoArray(tile, 5 * NR + L);
        if (mr == MR && nr == NR) {
            updateFull(tile, c, ci, ldc, alpha, beta);
        } else {
            updateEdge(tile, c, ci, ldc, alpha, beta, mr, nr);
        }
    }

    /**
     * The micro-kernel reading A in place: element (i, p) of the tile's rows at
     * {@code a[ai + i * rs + p * cs]}. Rows past {@code mr} re-read row {@code mr - 1} (in bounds,
     * results discarded).
     */
    static void kernelStrided(int kc, float[] a, int ai, int rs, int cs, float[] bp, int bi,
                                      float[] c, int ci, int ldc, float alpha, float beta,
                                      int mr, int nr, float[] tile) {
        int r1 = Math.min(1, mr - 1) * rs, r2 = Math.min(2, mr - 1) * rs, r3 = Math.min(3, mr - 1) * rs;
        int r4 = Math.min(4, mr - 1) * rs, r5 = Math.min(5, mr - 1) * rs;
        FloatVector c00 = FloatVector.zero(F), c01 = FloatVector.zero(F);
        FloatVector c10 = FloatVector.zero(F), c11 = FloatVector.zero(F);
        FloatVector c20 = FloatVector.zero(F), c21 = FloatVector.zero(F);
        FloatVector c30 = FloatVector.zero(F), c31 = FloatVector.zero(F);
        FloatVector c40 = FloatVector.zero(F), c41 = FloatVector.zero(F);
        FloatVector c50 = FloatVector.zero(F), c51 = FloatVector.zero(F);
        for (int p = 0; p < kc; p++) {
            int bo = bi + p * NR, ao = ai + p * cs;
            FloatVector b0 = FloatVector.fromArray(F, bp, bo);
            FloatVector b1 = FloatVector.fromArray(F, bp, bo + L);
            FloatVector a0 = FloatVector.broadcast(F, a[ao]);
            c00 = a0.fma(b0, c00);
            c01 = a0.fma(b1, c01);
            FloatVector a1 = FloatVector.broadcast(F, a[ao + r1]);
            c10 = a1.fma(b0, c10);
            c11 = a1.fma(b1, c11);
            FloatVector a2 = FloatVector.broadcast(F, a[ao + r2]);
            c20 = a2.fma(b0, c20);
            c21 = a2.fma(b1, c21);
            FloatVector a3 = FloatVector.broadcast(F, a[ao + r3]);
            c30 = a3.fma(b0, c30);
            c31 = a3.fma(b1, c31);
            FloatVector a4 = FloatVector.broadcast(F, a[ao + r4]);
            c40 = a4.fma(b0, c40);
            c41 = a4.fma(b1, c41);
            FloatVector a5 = FloatVector.broadcast(F, a[ao + r5]);
            c50 = a5.fma(b0, c50);
            c51 = a5.fma(b1, c51);
        }
        // Accumulators go through the tile rather than into a helper's parameters: a FloatVector
        // passed to a method C2 does not inline is boxed, which costs more than the whole tile.
        c00.intoArray(tile, 0);
        c01.intoArray(tile, L);
        c10.intoArray(tile, NR);
        c11.intoArray(tile, NR + L);
        c20.intoArray(tile, 2 * NR);
        c21.intoArray(tile, 2 * NR + L);
        c30.intoArray(tile, 3 * NR);
        c31.intoArray(tile, 3 * NR + L);
        c40.intoArray(tile, 4 * NR);
        c41.intoArray(tile, 4 * NR + L);
        c50.intoArray(tile, 5 * NR);
        c51.intoArray(tile, 5 * NR + L);
        if (mr == MR && nr == NR) {
            updateFull(tile, c, ci, ldc, alpha, beta);
        } else {
            updateEdge(tile, c, ci, ldc, alpha, beta, mr, nr);
        }
    }

    /** A full tile into C: {@code C = alpha * tile + beta * C}, C not read when beta is 0. */
    private static void updateFull(float[] tile, float[] c, int ci, int ldc, float alpha, float beta) {
        FloatVector va = FloatVector.broadcast(F, alpha);
        for (int i = 0; i < MR; i++) {
            int row = ci + i * ldc;
            for (int j = 0; j < NR; j += L) {
                FloatVector t = FloatVector.fromArray(F, tile, i * NR + j).mul(va);
                if (beta == 0f) {
                    t.intoArray(c, row + j);
                } else {
                    FloatVector old = FloatVector.fromArray(F, c, row + j);
                    (beta == 1f ? t.add(old) : old.fma(FloatVector.broadcast(F, beta), t)).intoArray(c, row + j);
                }
            }
        }
    }

    /** The valid {@code mr x nr} corner of an edge tile into C. */
    private static void updateEdge(float[] tile, float[] c, int ci, int ldc, float alpha, float beta, int mr, int nr) {
        for (int i = 0; i < mr; i++) {
            int row = ci + i * ldc;
            for (int j = 0; j < nr; j++) {
                float v = alpha * tile[i * NR + j];
                c[row + j] = beta == 0f ? v : v + beta * c[row + j];
            }
        }
    }

    /** {@code C = beta * C} (zero-filled when beta is 0), for k == 0 or alpha == 0. */
    private static void scale(float[] c, int cOff, int ldc, int m, int n, float beta) {
        if (beta == 1f) return;
        for (int i = 0; i < m; i++) {
            int row = cOff + i * ldc;
            if (beta == 0f) {
                java.util.Arrays.fill(c, row, row + n, 0f);
            } else {
                for (int j = 0; j < n; j++) c[row + j] *= beta;
            }
        }
    }

    private static int ceilDiv(int x, int y) {
        return (x + y - 1) / y;
    }
}
