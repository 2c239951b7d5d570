package io.cornu.engine.callbacks;

import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/**
 * A callback from functions, as Keras' {@code LambdaCallback}:
 * {@code new LambdaCallback().onEpochEnd((epoch, logs) -> System.out.println(logs))}. Training,
 * epoch and batch hooks as in Keras' named arguments, and the evaluation and prediction hooks
 * Keras accepts as extra keyword arguments.
 */
public class LambdaCallback extends Callback {
    private BiConsumer<Integer, Map<String, Double>> epochBegin = (e, l) -> { };
    private BiConsumer<Integer, Map<String, Double>> epochEnd = (e, l) -> { };
    private BiConsumer<Integer, Map<String, Double>> batchBegin = (b, l) -> { };
    private BiConsumer<Integer, Map<String, Double>> batchEnd = (b, l) -> { };
    private Consumer<Map<String, Double>> trainBegin = l -> { };
    private Consumer<Map<String, Double>> trainEnd = l -> { };
    private Consumer<Map<String, Double>> testBegin = l -> { };
    private Consumer<Map<String, Double>> testEnd = l -> { };
    private BiConsumer<Integer, Map<String, Double>> testBatchEnd = (b, l) -> { };
    private Consumer<Map<String, Double>> predictBegin = l -> { };
    private Consumer<Map<String, Double>> predictEnd = l -> { };
    private BiConsumer<Integer, Map<String, Object>> predictBatchEnd = (b, l) -> { };

    public LambdaCallback onEpochBegin(BiConsumer<Integer, Map<String, Double>> f) {
        epochBegin = f;
        return this;
    }

    public LambdaCallback onEpochEnd(BiConsumer<Integer, Map<String, Double>> f) {
        epochEnd = f;
        return this;
    }

    public LambdaCallback onBatchBegin(BiConsumer<Integer, Map<String, Double>> f) {
        batchBegin = f;
        return this;
    }

    public LambdaCallback onBatchEnd(BiConsumer<Integer, Map<String, Double>> f) {
        batchEnd = f;
        return this;
    }

    public LambdaCallback onTrainBegin(Consumer<Map<String, Double>> f) {
        trainBegin = f;
        return this;
    }

    public LambdaCallback onTrainEnd(Consumer<Map<String, Double>> f) {
        trainEnd = f;
        return this;
    }

    public LambdaCallback onTestBegin(Consumer<Map<String, Double>> f) {
        testBegin = f;
        return this;
    }

    public LambdaCallback onTestEnd(Consumer<Map<String, Double>> f) {
        testEnd = f;
        return this;
    }

    public LambdaCallback onTestBatchEnd(BiConsumer<Integer, Map<String, Double>> f) {
        testBatchEnd = f;
        return this;
    }

    public LambdaCallback onPredictBegin(Consumer<Map<String, Double>> f) {
        predictBegin = f;
        return this;
    }

    public LambdaCallback onPredictEnd(Consumer<Map<String, Double>> f) {
        predictEnd = f;
        return this;
    }

    /** {@code logs.get("outputs")} holds the batch's outputs, a {@code List<Tensor>}. */
    public LambdaCallback onPredictBatchEnd(BiConsumer<Integer, Map<String, Object>> f) {
        predictBatchEnd = f;
        return this;
    }

    @Override public void onEpochBegin(int epoch, Map<String, Double> logs) { epochBegin.accept(epoch, logs); }
    @Override public void onEpochEnd(int epoch, Map<String, Double> logs) { epochEnd.accept(epoch, logs); }
    @Override public void onTrainBatchBegin(int batch, Map<String, Double> logs) { batchBegin.accept(batch, logs); }
    @Override public void onTrainBatchEnd(int batch, Map<String, Double> logs) { batchEnd.accept(batch, logs); }
    @Override public void onTrainBegin(Map<String, Double> logs) { trainBegin.accept(logs); }
    @Override public void onTrainEnd(Map<String, Double> logs) { trainEnd.accept(logs); }
    @Override public void onTestBegin(Map<String, Double> logs) { testBegin.accept(logs); }
    @Override public void onTestEnd(Map<String, Double> logs) { testEnd.accept(logs); }
    @Override public void onTestBatchEnd(int batch, Map<String, Double> logs) { testBatchEnd.accept(batch, logs); }
    @Override public void onPredictBegin(Map<String, Double> logs) { predictBegin.accept(logs); }
    @Override public void onPredictEnd(Map<String, Double> logs) { predictEnd.accept(logs); }
    @Override public void onPredictBatchEnd(int batch, Map<String, Object> logs) { predictBatchEnd.accept(batch, logs); }
}
