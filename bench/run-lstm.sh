#!/usr/bin/env bash
# LSTM IMDB-like epoch time (Embedding(10000, 32) -> LSTM(32) -> Dense(1, sigmoid), batch 128,
# 25,000 sequences of length 500), Cornu beside PyTorch in one session: for each thread count,
# Cornu on the JDK in JAVA_HOME (default: the java on PATH), then
# shared/bench/reference/lstm_imdb_like.py (Debian's python3-torch). One JSON line per run on
# stdout, then how much CPU other processes used meanwhile (0 = a quiet machine).
#
#   bench/run-lstm.sh                        # threads 1 and 2
#   THREADS=1 SKIP_TORCH=1 bench/run-lstm.sh --samples 2560
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
ref="$here/../../shared/bench/reference"
java="${JAVA_HOME:+$JAVA_HOME/bin/}java"
jar="$here/target/benchmarks.jar"
if [[ ! -f "$jar" ]] || [[ -n "$(find "$here/src" "$here/pom.xml" "$here/../engine-java/src/main" -newer "$jar" -print -quit)" ]]; then
  echo "building $jar" >&2
  (cd "$here/.." && mvn -B -q -pl bench -am package -Dmaven.test.skip=true)
fi

# CPU time of all processes (jiffies) from /proc/stat, and of this script's children
busy() { awk '/^cpu /{print $2+$3+$4+$7+$8+$9}' /proc/stat; }
hz=$(getconf CLK_TCK)
report() { # $1 $2: busy before/after, $3 $4: wall before/after, $5 $6: own CPU before/after
  awk -v b0="$1" -v b1="$2" -v t0="$3" -v t1="$4" -v o0="$5" -v o1="$6" -v hz="$hz" 'BEGIN {
    wall = t1 - t0; other = (b1 - b0) / hz - (o1 - o0); if (other < 0) other = 0
    printf "  (wall %.0f s; CPU used by other processes meanwhile: %.2f cores on average)\n", wall, other / wall }' >&2
}
# CPU seconds of this shell's finished children (`times` must run in this shell, not in a $(...) subshell)
timesfile=$(mktemp)
trap 'rm -f "$timesfile"' EXIT
own() { # sets the variable named $1
  times > "$timesfile"
  printf -v "$1" '%s' "$(tail -1 "$timesfile" | awk '{ for (i = 1; i <= 2; i++) { split($i, t, /[ms]/); s += t[1] * 60 + t[2] } print s }')"
}

for t in ${THREADS:-1 2}; do
  b0=$(busy); t0=$(date +%s.%N); own o0
  "$java" --add-modules jdk.incubator.vector -Xmx6g -cp "$jar" io.cornu.bench.LstmImdbLikeEpoch --threads "$t" "$@" 2>/dev/null
  b1=$(busy); t1=$(date +%s.%N); own o1
  report "$b0" "$b1" "$t0" "$t1" "$o0" "$o1"
  if [[ -z "${SKIP_TORCH:-}" ]]; then
    b0=$(busy); t0=$(date +%s.%N); own o0
    (cd "$ref" && /usr/bin/python3 lstm_imdb_like.py --threads "$t" 2>/dev/null)
    b1=$(busy); t1=$(date +%s.%N); own o1
    report "$b0" "$b1" "$t0" "$t1" "$o0" "$o1"
  fi
done
