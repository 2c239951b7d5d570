package io.cornu.engine.callbacks;

import io.cornu.engine.models.Model;

import java.util.Map;

/**
 * The base of callbacks, as Keras' {@code Callback}: hooks around training, evaluation and
 * prediction, at the batch, epoch and whole-run level. {@code logs} map metric names (Keras'
 * {@code loss}, {@code accuracy}, {@code val_loss}, ...) to their current values.
 */
public abstract class Callback {
    private Model model;
    private Map<String, Object> params = Map.of();

    /** The model being trained; set before {@link #onTrainBegin}. */
    public Model model() {
        return model;
    }

    public void setModel(Model model) {
        this.model = model;
    }

    /** The run's parameters: {@code epochs}, {@code steps} (-1 when unknown), {@code verbose}; {@code epochs} is 1 for evaluate and predict. */
    public Map<String, Object> params() {
        return params;
    }

    public void setParams(Map<String, Object> params) {
        this.params = Map.copyOf(params);
    }

    public void onTrainBegin(Map<String, Double> logs) {
    }

    public void onTrainEnd(Map<String, Double> logs) {
    }

    /** @param epoch 0-based */
    public void onEpochBegin(int epoch, Map<String, Double> logs) {
    }

    /** @param epoch 0-based; {@code logs} hold the epoch's training and validation results */
    public void onEpochEnd(int epoch, Map<String, Double> logs) {
    }

    public void onTrainBatchBegin(int batch, Map<String, Double> logs) {
    }

    /** @param logs the running averages of the epoch so far */
    public void onTrainBatchEnd(int batch, Map<String, Double> logs) {
    }

    /** At the start of {@code evaluate}, and of each validation pass of {@code fit}. */
    public void onTestBegin(Map<String, Double> logs) {
    }

    /** @param logs the evaluation's results */
    public void onTestEnd(Map<String, Double> logs) {
    }

    public void onTestBatchBegin(int batch, Map<String, Double> logs) {
    }

    /** @param logs the running averages of the evaluation so far */
    public void onTestBatchEnd(int batch, Map<String, Double> logs) {
    }

    public void onPredictBegin(Map<String, Double> logs) {
    }

    public void onPredictEnd(Map<String, Double> logs) {
    }

    public void onPredictBatchBegin(int batch, Map<String, Double> logs) {
    }

    /** @param logs Keras' {@code {"outputs": ...}}: the batch's outputs, a {@code List<Tensor>} in output order */
    public void onPredictBatchEnd(int batch, Map<String, Object> logs) {
    }
}
