package io.cornu.engine.data;

import io.cornu.engine.tensor.Tensor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class IdxTest {

    private static byte[] idx(int[] shape, byte[] values) {
        ByteBuffer b = ByteBuffer.allocate(4 + 4 * shape.length + values.length);
        b.putInt(0x00000800 | shape.length);
        for (int d : shape) b.putInt(d);
        b.put(values);
        return b.array();
    }

    private static void write(Path p, byte[] bytes, boolean gzip) throws IOException {
        try (OutputStream out = gzip ? new GZIPOutputStream(Files.newOutputStream(p)) : Files.newOutputStream(p)) {
            out.write(bytes);
        }
    }

    @Test
    void readsPlainAndGzippedUnsignedBytes(@TempDir Path dir) throws IOException {
        byte[] values = {0, 1, (byte) 127, (byte) 128, (byte) 255, 7};
        write(dir.resolve("plain"), idx(new int[] {2, 3}, values), false);
        write(dir.resolve("packed.gz"), idx(new int[] {2, 3}, values), true);
        for (String name : new String[] {"plain", "packed.gz"}) {
            Tensor t = Idx.read(dir.resolve(name));
            assertArrayEquals(new int[] {2, 3}, t.dims());
            assertArrayEquals(new float[] {0, 1, 127, 128, 255, 7}, t.toFloatArray());
        }
    }

    @Test
    void truncatedAndForeignFilesAreRejected(@TempDir Path dir) throws IOException {
        byte[] full = idx(new int[] {4}, new byte[] {1, 2, 3, 4});
        write(dir.resolve("short"), java.util.Arrays.copyOf(full, full.length - 1), false);
        IOException e = assertThrows(IOException.class, () -> Idx.read(dir.resolve("short")));
        assertTrue(e.getMessage().contains("truncated"), e.getMessage());
        write(dir.resolve("text"), "hello world".getBytes(), false);
        e = assertThrows(IOException.class, () -> Idx.read(dir.resolve("text")));
        assertTrue(e.getMessage().contains("bad magic number"), e.getMessage());
    }

    @Test
    void missingFashionMnistNamesThePackageAndPath(@TempDir Path dir) {
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> FashionMnist.load(dir));
        assertTrue(e.getMessage().contains("dataset-fashion-mnist"), e.getMessage());
        assertTrue(e.getMessage().contains(dir.toAbsolutePath().toString()), e.getMessage());
    }

    @Test
    void loadsFashionMnistLayout(@TempDir Path dir) throws IOException {
        byte[] img = new byte[2 * 28 * 28];
        img[5] = (byte) 200;
        write(dir.resolve("train-images-idx3-ubyte.gz"), idx(new int[] {2, 28, 28}, img), true);
        write(dir.resolve("train-labels-idx1-ubyte.gz"), idx(new int[] {2}, new byte[] {9, 0}), true);
        write(dir.resolve("t10k-images-idx3-ubyte"), idx(new int[] {1, 28, 28}, new byte[28 * 28]), false);
        write(dir.resolve("t10k-labels-idx1-ubyte"), idx(new int[] {1}, new byte[] {3}), false);
        FashionMnist.Data d = FashionMnist.load(dir);
        assertArrayEquals(new int[] {2, 28, 28}, d.xTrain().dims());
        assertEquals(200f, d.xTrain().get(0, 0, 5));
        assertArrayEquals(new float[] {9, 0}, d.yTrain().toFloatArray());
        assertArrayEquals(new int[] {1}, d.yTest().dims());
    }
}
