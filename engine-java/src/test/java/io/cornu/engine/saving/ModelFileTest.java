package io.cornu.engine.saving;

import io.cornu.engine.layers.InputLayer;
import io.cornu.engine.layers.core.Dense;
import io.cornu.engine.models.Model;
import io.cornu.engine.models.Sequential;
import io.cornu.engine.tensor.Tensor;
import io.cornu.engine.utils.Names;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static io.cornu.engine.testing.GradCheck.random;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ModelFileTest {

    @BeforeEach
    void resetNames() {
        Names.reset();
    }

    private static Sequential mlp(int hidden) {
        Sequential m = new Sequential("mlp");
        m.add(new InputLayer(5));
        m.add(new Dense(hidden, "relu"));
        m.add(new Dense(3, "softmax"));
        return m;
    }

    @Test
    void saveAndLoadKeepPredictions(@TempDir Path dir) throws IOException {
        Sequential m = mlp(4);
        Path file = dir.resolve("m.cornu");
        ModelFile.save(m, file);
        Model loaded = ModelFile.load(file);
        Tensor x = random(1, 2, 5);
        assertArrayEquals(m.predict(x).toFloatArray(), loaded.predict(x).toFloatArray());
        try (var files = Files.list(dir)) {
            assertEquals(1, files.count(), "no temporary file is left behind");
        }
    }

    @Test
    void aCrashMidSaveLeavesThePreviousFileIntact(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("m.cornu");
        ModelFile.save(mlp(4), file);
        byte[] before = Files.readAllBytes(file);
        IOException e = assertThrows(IOException.class, () -> ModelFile.writeAtomically(file, out -> {
            out.write(new byte[] {1, 2, 3});
            throw new IOException("disk full");
        }));
        assertEquals("disk full", e.getMessage());
        assertArrayEquals(before, Files.readAllBytes(file));
        try (var files = Files.list(dir)) {
            assertEquals(1, files.count());
        }
    }

    @Test
    void aFailedLoadLeavesTheWeightsUntouched(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("w.cornu");
        ModelFile.saveWeights(mlp(4), file);
        Sequential other = mlp(6);
        var before = other.getWeights();
        IOException e = assertThrows(IOException.class, () -> ModelFile.loadWeights(other, file));
        assertTrue(e.getMessage().contains("has shape (5, 6) but the file's dense/kernel has shape (5, 4)"), e.getMessage());
        var after = other.getWeights();
        for (int i = 0; i < before.size(); i++) assertArrayEquals(before.get(i).toFloatArray(), after.get(i).toFloatArray());

        Files.write(dir.resolve("junk.cornu"), new byte[] {1, 2, 3, 4});
        assertThrows(IOException.class, () -> ModelFile.loadWeights(other, dir.resolve("junk.cornu")));
        assertThrows(IOException.class, () -> ModelFile.load(file), "a weights-only file is not a model");
    }

    @Test
    void weightsOnlyRoundTrip(@TempDir Path dir) throws IOException {
        Sequential a = mlp(4), b = mlp(4);
        Path file = dir.resolve("w.cornu");
        ModelFile.saveWeights(a, file);
        ModelFile.loadWeights(b, file);
        Tensor x = random(2, 3, 5);
        assertArrayEquals(a.predict(x).toFloatArray(), b.predict(x).toFloatArray());
    }
}
