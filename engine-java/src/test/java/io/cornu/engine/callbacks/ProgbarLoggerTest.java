package io.cornu.engine.callbacks;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ProgbarLoggerTest {

    private static Map<String, Double> logs(double loss, double acc) {
        Map<String, Double> m = new LinkedHashMap<>();
        m.put("loss", loss);
        m.put("accuracy", acc);
        return m;
    }

    @Test
    void finishedLineIsKeras() {
        assertEquals("469/469 [==============================] - 3s 6ms/step - loss: 0.5012 - accuracy: 0.8231",
                ProgbarLogger.line(469, 469, 2.8, logs(0.50123, 0.82311), true));
    }

    @Test
    void runningLineShowsArrowAndEta() {
        assertEquals(" 47/469 [==>...........................] - ETA: 27s - loss: 0.9000 - accuracy: 0.5000",
                ProgbarLogger.line(47, 469, 3.0, logs(0.9, 0.5), false));
    }

    @Test
    void smallValuesUseScientificNotation() {
        assertEquals("1/1 [==============================] - 0s 850us/step - loss: 1.0000e-04",
                ProgbarLogger.line(1, 1, 0.00085, Map.of("loss", 1e-4), true));
    }

    @Test
    void nonInteractiveOutputPrintsOneLinePerEpoch() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ProgbarLogger bar = new ProgbarLogger(new PrintStream(bytes, true, StandardCharsets.UTF_8), false);
        bar.setParams(Map.of("epochs", 2, "steps", 3, "verbose", 1));
        bar.onTrainBegin(Map.of());
        for (int e = 0; e < 2; e++) {
            bar.onEpochBegin(e, Map.of());
            for (int b = 0; b < 3; b++) bar.onTrainBatchEnd(b, logs(1, 0.5));
            bar.onEpochEnd(e, logs(1, 0.5));
        }
        String[] lines = bytes.toString(StandardCharsets.UTF_8).split("\n");
        assertEquals(4, lines.length);
        assertEquals("Epoch 1/2", lines[0]);
        assertEquals(true, lines[1].startsWith("3/3 [==============================] - 0s"));
        assertEquals("Epoch 2/2", lines[2]);
    }
}
