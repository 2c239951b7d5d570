package io.cornu.engine.data;

import io.cornu.engine.tensor.Tensor;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;

/**
 * Reads IDX files, the format of MNIST and Fashion-MNIST, plain or gzipped (detected from the
 * content, not the name): a big-endian header {@code 00 00 <type> <rank>}, {@code rank} sizes as
 * big-endian int32, then the values row-major. Unsigned-byte data becomes float32 {@code 0..255}.
 */
public final class Idx {
    private static final int UBYTE = 0x08;

    private Idx() {
    }

    /** The tensor stored in {@code file}. */
    public static Tensor read(Path file) throws IOException {
        try (InputStream raw = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
            raw.mark(2);
            int b0 = raw.read(), b1 = raw.read();
            raw.reset();
            InputStream in = (b0 == 0x1f && b1 == 0x8b) ? new BufferedInputStream(new GZIPInputStream(raw, 1 << 16), 1 << 16) : raw;
            return read(in, file.toString());
        }
    }

    static Tensor read(InputStream stream, String source) throws IOException {
        DataInputStream in = new DataInputStream(stream);
        int magic;
        try {
            magic = in.readInt();
        } catch (EOFException e) {
            throw new IOException("IDX file " + source + " is empty or truncated (no header)");
        }
        if ((magic >>> 16) != 0) {
            throw new IOException(String.format("IDX file %s: bad magic number 0x%08x (expected 0x000008NN)", source, magic));
        }
        int type = (magic >>> 8) & 0xff;
        int rank = magic & 0xff;
        if (type != UBYTE) {
            throw new IOException(String.format("IDX file %s: element type 0x%02x is not supported (only unsigned byte, 0x08)", source, type));
        }
        int[] shape = new int[rank];
        long n = 1;
        for (int i = 0; i < rank; i++) {
            shape[i] = in.readInt();
            if (shape[i] < 0) throw new IOException("IDX file " + source + ": negative dimension " + shape[i]);
            n *= shape[i];
        }
        if (n > Integer.MAX_VALUE - 8) throw new IOException("IDX file " + source + ": " + n + " values is too many");
        byte[] bytes = new byte[(int) n];
        try {
            in.readFully(bytes);
        } catch (EOFException e) {
            throw new IOException("IDX file " + source + " is truncated: expected " + n + " values for shape "
                    + java.util.Arrays.toString(shape));
        }
        float[] values = new float[bytes.length];
        for (int i = 0; i < bytes.length; i++) values[i] = bytes[i] & 0xff;
        return Tensor.wrap(values, shape);
    }
}
