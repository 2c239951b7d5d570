package io.cornu.engine.data;

import io.cornu.engine.tensor.Tensor;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Fashion-MNIST as Keras' {@code keras.datasets.fashion_mnist.load_data()}: 60,000 training and
 * 10,000 test images of 28x28 pixels (values 0..255) with labels 0..9. Read from Debian's
 * {@code dataset-fashion-mnist} package ({@value #DEBIAN_DIR}), or from the directory in
 * {@code -Dcornu.fashionMnist.dir} or the environment variable {@code FASHION_MNIST_DIR}.
 */
public final class FashionMnist {
    /** Where Debian's {@code dataset-fashion-mnist} package installs the files. */
    public static final String DEBIAN_DIR = "/usr/share/datasets/fashion-mnist";

    /** The class names, indexed by label. */
    public static final String[] CLASS_NAMES = {
        "T-shirt/top", "Trouser", "Pullover", "Dress", "Coat", "Sandal", "Shirt", "Sneaker", "Bag", "Ankle boot"
    };

    /**
     * The four arrays.
     *
     * @param xTrain (60000, 28, 28) pixel values 0..255
     * @param yTrain (60000,) labels 0..9
     * @param xTest  (10000, 28, 28)
     * @param yTest  (10000,)
     */
    public record Data(Tensor xTrain, Tensor yTrain, Tensor xTest, Tensor yTest) {
    }

    private FashionMnist() {
    }

    /** Loads from the configured directory, or Debian's. */
    public static Data load() {
        String dir = System.getProperty("cornu.fashionMnist.dir");
        if (dir == null) dir = System.getenv("FASHION_MNIST_DIR");
        return load(Path.of(dir != null ? dir : DEBIAN_DIR));
    }

    /** Loads the four IDX files ({@code train-images-idx3-ubyte[.gz]}, ...) from {@code dir}. */
    public static Data load(Path dir) {
        try {
            return new Data(
                    Idx.read(find(dir, "train-images-idx3-ubyte")),
                    Idx.read(find(dir, "train-labels-idx1-ubyte")),
                    Idx.read(find(dir, "t10k-images-idx3-ubyte")),
                    Idx.read(find(dir, "t10k-labels-idx1-ubyte")));
        } catch (IOException e) {
            throw new UncheckedIOException("Fashion-MNIST: could not read the files in " + dir + ": " + e.getMessage(), e);
        }
    }

    private static Path find(Path dir, String stem) {
        for (String name : new String[] {stem + ".gz", stem}) {
            Path p = dir.resolve(name);
            if (Files.isRegularFile(p)) return p;
        }
        throw new IllegalStateException("Fashion-MNIST: " + stem + "[.gz] not found in " + dir.toAbsolutePath()
                + ". Install Debian's package with `apt-get install dataset-fashion-mnist` (it puts the files in "
                + DEBIAN_DIR + "), or point -Dcornu.fashionMnist.dir / FASHION_MNIST_DIR at a directory holding them.");
    }
}
