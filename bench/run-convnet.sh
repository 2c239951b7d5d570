#!/usr/bin/env bash
# Fashion-MNIST convnet (the book's, 104,202 params) epoch time, Cornu beside PyTorch, in one
# session: for each thread count, Cornu on the JDK in JAVA_HOME (default: the java on PATH), then
# shared/bench/reference/convnet_fashion.py (Debian's python3-torch). One JSON line per run on stdout.
#
#   bench/run-convnet.sh                      # threads 1 and 2, model v2
#   THREADS=1 MODEL=v1 bench/run-convnet.sh   # the v1 variant (93,322 params)
#   SKIP_TORCH=1 bench/run-convnet.sh         # Cornu only
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
ref="$here/../../shared/bench/reference"
java="${JAVA_HOME:+$JAVA_HOME/bin/}java"
jar="$here/target/benchmarks.jar"
model="${MODEL:-v2}"
if [[ ! -f "$jar" ]] || [[ -n "$(find "$here/src" "$here/pom.xml" "$here/../engine-java/src/main" -newer "$jar" -print -quit)" ]]; then
  echo "building $jar" >&2
  (cd "$here/.." && mvn -B -q -pl bench -am package -DskipTests)
fi
for t in ${THREADS:-1 2}; do
  "$java" --add-modules jdk.incubator.vector -Xmx6g -cp "$jar" io.cornu.bench.ConvnetFashionEpoch --threads "$t" --model "$model" 2>/dev/null
  if [[ -z "${SKIP_TORCH:-}" ]]; then
    (cd "$ref" && /usr/bin/python3 convnet_fashion.py --threads "$t" --model "$model" 2>/dev/null)
  fi
done
