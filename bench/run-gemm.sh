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
  (cd "$here/.." && mvn -B -q -pl bench -am package -Dmaven.test.skip=true)
fi
"$java" -version 2>&1 | head -1 >&2

# CPU time of all processes (jiffies) from /proc/stat, to report how much other processes took
busy() { awk '/^cpu /{print $2+$3+$4+$7+$8+$9}' /proc/stat; }
hz=$(getconf CLK_TCK)
# CPU seconds of this shell's finished children: `times` must run in this shell (in a pipe or a
# $(...) it runs in a subshell, which has no children, and reported our own JMH forks as others')
timesfile=$(mktemp)
trap 'rm -f "$timesfile"' EXIT
own() { # sets the variable named $1
  times > "$timesfile"
  printf -v "$1" '%s' "$(tail -1 "$timesfile" | awk '{ for (i = 1; i <= 2; i++) { split($i, t, /[ms]/); s += t[1] * 60 + t[2] } print s }')"
}
b0=$(busy); t0=$(date +%s.%N); own o0
"$java" -cp "$jar" io.cornu.bench.GemmGflops -p "threads=${THREADS:-1,2}" -jvm "$java" "$@"
b1=$(busy); t1=$(date +%s.%N); own o1
own=$(awk -v a="$o0" -v b="$o1" 'BEGIN { print b - a }')
awk -v b0="$b0" -v b1="$b1" -v hz="$hz" -v t0="$t0" -v t1="$t1" -v own="$own" 'BEGIN {
  wall = t1 - t0; other = (b1 - b0) / hz - own; if (other < 0) other = 0
  printf "wall %.0f s; CPU used by other processes meanwhile: %.2f cores on average (0 = quiet machine)\n", wall, other / wall }'
