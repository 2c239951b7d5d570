package io.cornu.engine.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.cornu.engine.callbacks.History;
import io.cornu.engine.data.Dataset;
import io.cornu.engine.layers.InputLayer;
import io.cornu.engine.layers.core.Dense;
import io.cornu.engine.models.Sequential;
import io.cornu.engine.tensor.Tensor;
import io.cornu.engine.utils.Names;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** fit on a dataset validates on the options' validation data, as Keras' fit(dataset, validation_data=...). */
class FitOnDatasetTest {
    private static Sequential model() {
        Names.reset();
        Sequential m = new Sequential();
        m.add(new InputLayer(3));
        m.add(new Dense(1));
        m.compile("sgd", "mse", List.of("mae"));
        return m;
    }

    @Test
    void validationDataGivenAsArraysOrAsADatasetIsEvaluatedEveryEpoch() {
        Tensor x = Tensor.randomUniform(1, -1, 1, 32, 3), y = Tensor.randomUniform(2, -1, 1, 32, 1);
        Tensor xv = Tensor.randomUniform(3, -1, 1, 12, 3), yv = Tensor.randomUniform(4, -1, 1, 12, 1);
        for (boolean asDataset : new boolean[] {false, true}) {
            Sequential m = model();
            FitOptions o = new FitOptions().epochs(2).verbose(0);
            o = asDataset ? o.validationData(Dataset.of(xv, yv, 5)) : o.batchSize(5).validationData(xv, yv);
            History h = m.fit(Dataset.of(x, y, 8), o);
            assertEquals(2, h.get("val_loss").size(), "val_loss per epoch, validation as dataset: " + asDataset);
            // after the last epoch the weights are final: its val_loss is the evaluation of the trained model
            Map<String, Double> eval = m.evaluate(xv, yv, new EvaluateOptions().batchSize(5).verbose(0));
            assertEquals(eval.get("loss"), h.get("val_loss").get(1), 1e-6);
            assertEquals(eval.get("mae"), h.get("val_mae").get(1), 1e-6);
        }
    }

    @Test
    void aValidationSplitNeedsArrays() {
        Tensor x = Tensor.zeros(8, 3), y = Tensor.zeros(8, 1);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> model().fit(Dataset.of(x, y, 4), new FitOptions().validationSplit(0.25).verbose(0)));
        assertEquals("fit: `validation_split` is only supported for tensors and arrays, not for a dataset or generator; pass validation "
                + "data instead. Received: validation_split=0.25", e.getMessage());
    }
}
