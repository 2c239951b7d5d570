#!/usr/bin/env bash
# GEMM GFLOPS of Cornu's kernels (Kernels.get(), the Vector API ones) at 1 and 2 threads, on the
# JDK in JAVA_HOME (else the `java` on PATH). Builds bench/target/benchmarks.jar when it is
# missing or older than the engine or benchmark sources.
#
#   JAVA_HOME=/usr/lib/jvm/temurin-25-jdk-amd64 bench/run-gemm.sh
#   THREADS=1 bench/run-gemm.sh -p shape=1024,128x784x512 -wi 2 -i 3    # any JMH options
#
# Shapes are MxKxN (A is M x K, B is K x N), one number for square; ":TA"/":TB" = operand stored
# transposed. GFLOPS = 2*M*N*K / time per call. The forked JVMs get --add-modules
# jdk.incubator.vector from the benchmark's @Fork.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
java="${JAVA_HOME:+$JAVA_HOME/bin/}java"
java="$(command -v "$java")"
jar="$here/target/benchmarks.jar"
if [[ ! -f "$jar" ]] || [[ -n "$(find "$here/src" "$here/pom.xml" "$here/../engine-java/src/main" -newer "$jar" -print -quit)" ]]; then
  echo "building $jar" >&2
  (cd "$here/.." && mvn -B -q -pl bench -am package -DskipTests)
fi
"$java" -version 2>&1 | head -1 >&2
exec "$java" -cp "$jar" io.cornu.bench.GemmGflops -p "threads=${THREADS:-1,2}" -jvm "$java" "$@"
