#!/usr/bin/env bash
# Installs the Kotlin Jupyter kernel from Maven Central with Cornu's jars on its script class path,
# and registers it as the Jupyter kernelspec "Cornu (Kotlin)". Builds nothing: run `mvn package` first.
#
#   bash scripts/install-kernel.sh [KERNEL_DIR]
#
# KERNEL_DIR (default build/kernel) receives lib/ (the kernel's jars), ext/ (ours), home/, logback.xml.
# Environment:
#   JUPYTER_DATA_DIR    where kernels/<name>/kernel.json goes (default: `jupyter --data-dir`,
#                       i.e. ~/.local/share/jupyter). Tests point it at a private directory.
#   CORNU_KERNEL_NAME   kernelspec name (default cornu); display name "Cornu (Kotlin)".
#   CORNU_JAVA          JDK 17 java (the kernel's 1.8.20 compiler does not start on JDK 25).
#   CORNU_THREADS       if set, adds -Dcornu.threads=N to the kernel JVM.
#   CORNU_KERNEL_JAVA_OPTS  more JVM options for the kernel, space separated (e.g. -Xmx8g).
# Safe to rerun: the kernel jars are fetched once per version, everything else is rewritten.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
KDIR=$(realpath -m "${1:-${CORNU_KERNEL_DIR:-$ROOT/build/kernel}}")
NAME=${CORNU_KERNEL_NAME:-cornu}
DISPLAY_NAME=${CORNU_KERNEL_DISPLAY_NAME:-Cornu (Kotlin)}
JAVA=${CORNU_JAVA:-/usr/lib/jvm/java-17-openjdk-amd64/bin/java}
PY=/usr/bin/python3; [ -x "$PY" ] || PY=python3

die() { echo "install-kernel: $*" >&2; exit 1; }
[ -x "$JAVA" ] || die "no JDK 17 java at $JAVA (set CORNU_JAVA)"

# The kernel version is the one the project compiles and tests against.
KVER=$(sed -n 's:.*<kotlin.jupyter.version>\(.*\)</kotlin.jupyter.version>.*:\1:p' "$ROOT/pom.xml" | head -1)
[ -n "$KVER" ] || die "kotlin.jupyter.version not found in $ROOT/pom.xml"

# --- our jars: cornu-engine, cornu-dsl, cornu-jupyter, and what they need beyond the kernel ---
ours=()
for m in engine-java/target/cornu-engine dsl-kotlin/target/cornu-dsl jupyter-kernel/target/cornu-jupyter; do
  jar=$(ls "$ROOT/$m"-*.jar 2>/dev/null | grep -vE -- '-(sources|javadoc|tests)\.jar$' | head -1 || true)
  [ -n "$jar" ] || die "missing $m-*.jar: build first (mvn -B package -DskipTests)"
  ours+=("$jar")
done
libs_dir="$ROOT/jupyter-kernel/target/kernel-libs"   # filled by the jupyter-kernel pom at package
[ -d "$libs_dir" ] || die "missing $libs_dir: build first (mvn -B package -DskipTests)"

mkdir -p "$KDIR/home"
rm -rf "$KDIR/ext"; mkdir -p "$KDIR/ext"
cp "${ours[@]}" "$KDIR/ext/"
find "$libs_dir" -maxdepth 1 -name '*.jar' -exec cp {} "$KDIR/ext/" \;

# --- the kernel itself, from Maven Central (once per version; offline afterwards) ---
if [ "$(cat "$KDIR/lib/.version" 2>/dev/null || true)" != "$KVER" ]; then
  echo "install-kernel: fetching kotlin-jupyter-kernel $KVER into $KDIR/lib"
  rm -rf "$KDIR/lib.tmp"
  mvn -B -q -f "$ROOT/scripts/kernel/pom.xml" dependency:copy-dependencies \
      -Dkotlin.jupyter.version="$KVER" -DoutputDirectory="$KDIR/lib.tmp"
  rm -rf "$KDIR/lib"; mv "$KDIR/lib.tmp" "$KDIR/lib"
  echo "$KVER" > "$KDIR/lib/.version"
fi

cat > "$KDIR/logback.xml" <<'XML'
<configuration>
  <!-- the kernel logs every protocol message at DEBUG otherwise -->
  <appender name="ERR" class="ch.qos.logback.core.ConsoleAppender">
    <target>System.err</target><encoder><pattern>%-5level %logger - %msg%n</pattern></encoder>
  </appender>
  <root level="WARN"><appender-ref ref="ERR"/></root>
</configuration>
XML

# --- kernelspec ---
DATA_DIR=${JUPYTER_DATA_DIR:-}
if [ -z "$DATA_DIR" ]; then
  if [ -x /usr/bin/jupyter ]; then DATA_DIR=$(/usr/bin/jupyter --data-dir)
  else DATA_DIR=${XDG_DATA_HOME:-$HOME/.local/share}/jupyter; fi
fi
SPEC="$DATA_DIR/kernels/$NAME"
mkdir -p "$SPEC"

KDIR="$KDIR" KVER="$KVER" JAVA="$JAVA" DISPLAY_NAME="$DISPLAY_NAME" \
CORNU_THREADS="${CORNU_THREADS:-}" CORNU_KERNEL_JAVA_OPTS="${CORNU_KERNEL_JAVA_OPTS:-}" \
"$PY" - > "$SPEC/kernel.json.tmp" <<'PY'
import glob, json, os, sys
k, v = os.environ["KDIR"], os.environ["KVER"]
# The kernel's minimal script class path (what notebook code compiles against), plus our jars.
# Not all of lib/: that would expose the kernel's own coroutines 1.6.4 and shadow ours (1.7.3).
minimal = [f"kotlin-jupyter-lib-{v}.jar", f"kotlin-jupyter-api-{v}.jar",
           "kotlin-stdlib-1.8.20.jar", "kotlin-stdlib-jdk7-1.8.20.jar", "kotlin-stdlib-jdk8-1.8.20.jar",
           "kotlin-reflect-1.8.20.jar", "kotlin-script-runtime-1.8.20.jar",
           "kotlinx-serialization-core-jvm-1.5.0.jar", "kotlinx-serialization-json-jvm-1.4.1.jar"]
missing = [n for n in minimal if not os.path.exists(f"{k}/lib/{n}")]
if missing:
    sys.exit(f"install-kernel: kernel jars missing in {k}/lib: {missing}")
cp = [f"{k}/lib/{n}" for n in minimal] + sorted(glob.glob(f"{k}/ext/*.jar"))
jvm = ["--add-modules", "jdk.incubator.vector",          # the engine's kernels use the Vector API
       f"-Duser.home={k}/home",                          # keeps ~/.jupyter_kotlin out of the real home
       f"-Dlogback.configurationFile={k}/logback.xml"]
if os.environ["CORNU_THREADS"]:
    jvm.append(f"-Dcornu.threads={os.environ['CORNU_THREADS']}")
jvm += os.environ["CORNU_KERNEL_JAVA_OPTS"].split()
spec = {
    "argv": [os.environ["JAVA"], *jvm, "-cp", f"{k}/lib/*",
             "org.jetbrains.kotlinx.jupyter.IkotlinKt", "{connection_file}",
             "-cp=" + ":".join(cp), f"-home={k}/home"],
    "display_name": os.environ["DISPLAY_NAME"],
    "language": "kotlin",
    "interrupt_mode": "message",
    "metadata": {"cornu": {"kernel_dir": k, "kotlin_jupyter_version": v}},
}
print(json.dumps(spec, indent=1))
PY
mv "$SPEC/kernel.json.tmp" "$SPEC/kernel.json"
echo "install-kernel: kernelspec '$NAME' ($DISPLAY_NAME) -> $SPEC/kernel.json"
