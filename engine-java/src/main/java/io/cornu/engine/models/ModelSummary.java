package io.cornu.engine.models;

import java.util.List;

/**
 * What {@code model.summary()} shows, as data: one row per layer and the parameter totals.
 * {@link Model#summaryText()} lays it out as Keras does; notebook renderers draw it as HTML.
 *
 * @param modelName       the model's name
 * @param sequentialLike  true for the three-column layout (no "Connected to")
 * @param rows            the layers, in order
 * @param totalParams     all parameters, shared ones counted once
 * @param trainableParams the trainable ones
 * @param nonTrainableParams the rest
 */
public record ModelSummary(String modelName, boolean sequentialLike, List<Row> rows,
                           long totalParams, long trainableParams, long nonTrainableParams) {

    public ModelSummary {
        rows = List.copyOf(rows);
    }

    /**
     * One layer.
     *
     * @param name        the layer's name, e.g. {@code dense_1}
     * @param type        its class name, e.g. {@code Dense}
     * @param outputShape Keras' text for it, e.g. {@code (None, 32)}
     * @param params      its parameter count
     * @param connectedTo inbound tensors as {@code layer[node][tensor]}; empty for sequential models
     * @param nested      the rows of a nested model's layers when the summary expands nested models
     */
    public record Row(String name, String type, String outputShape, long params, List<String> connectedTo, List<Row> nested) {
        public Row {
            connectedTo = List.copyOf(connectedTo);
            nested = List.copyOf(nested);
        }

        public Row(String name, String type, String outputShape, long params, List<String> connectedTo) {
            this(name, type, outputShape, params, connectedTo, List.of());
        }
    }
}
