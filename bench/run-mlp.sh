#!/usr/bin/env bash
# Fashion-MNIST MLP epoch time, Cornu beside PyTorch, in one session: for each thread count,
# Cornu on the JDK in JAVA_HOME (default: the java on PATH), then
# shared/bench/reference/mlp_fashion.py (Debian's python3-torch). One JSON line per run on stdout.
#
#   bench/run-mlp.sh                      # threads 1 and 2
#   JAVA_HOME=/usr/lib/jvm/temurin-25-jdk-amd64 THREADS=1 bench/run-mlp.sh
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
ref="$here/../../shared/bench/reference"
java="${JAVA_HOME:+$JAVA_HOME/bin/}java"
jar="$here/target/benchmarks.jar"
if [[ ! -f "$jar" ]] || [[ -n "$(find "$here/src" "$here/pom.xml" "$here/../engine-java/src/main" -newer "$jar" -print -quit)" ]]; then
  echo "building $jar" >&2
  (cd "$here/.." && mvn -B -q -pl bench -am package -DskipTests)
fi
for t in ${THREADS:-1 2}; do
  "$java" --add-modules jdk.incubator.vector -Xmx6g -cp "$jar" io.cornu.bench.MlpFashionEpoch --threads "$t" 2>/dev/null
  if [[ -z "${SKIP_TORCH:-}" ]]; then
    (cd "$ref" && /usr/bin/python3 mlp_fashion.py --threads "$t" 2>/dev/null)
  fi
done
