#!/usr/bin/env bash
# Executes notebooks with Debian's Jupyter through an installed Cornu kernelspec, renders HTML copies
# and checks them with scripts/check_notebook.py. Shared by run-notebooks.sh and test.sh.
#
#   bash scripts/execute-notebooks.sh OUT_DIR [NOTEBOOK.ipynb ...]     (default: notebooks/*.ipynb)
#
# Writes OUT_DIR/<name>.ipynb (executed) and OUT_DIR/<name>.html. Exits 1 if a notebook fails to run
# or fails a check. Environment: CORNU_KERNEL_NAME (default cornu), JUPYTER_DATA_DIR (where the
# kernelspec was installed, if not the default), CORNU_NOTEBOOK_TIMEOUT (seconds per cell, default 1800),
# CORNU_KERNEL_STARTUP_TIMEOUT (seconds, default 300, for busy machines), CORNU_OFFLINE=1 (run Jupyter in a network namespace with only loopback, when unshare allows it).
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
OUT=$(realpath -m "${1:?usage: execute-notebooks.sh OUT_DIR [NOTEBOOK ...]}"); shift
NAME=${CORNU_KERNEL_NAME:-cornu}
TIMEOUT=${CORNU_NOTEBOOK_TIMEOUT:-1800}
JUPYTER=/usr/bin/jupyter   # Debian's, on /usr/bin/python3 (not whatever python3 is first on PATH)
[ -x "$JUPYTER" ] || { echo "execute-notebooks: $JUPYTER missing: run scripts/bootstrap.sh" >&2; exit 1; }

if [ $# -eq 0 ]; then
  shopt -s nullglob; set -- "$ROOT"/notebooks/*.ipynb; shopt -u nullglob
fi
[ $# -gt 0 ] || { echo "execute-notebooks: no notebooks" >&2; exit 1; }
mkdir -p "$OUT"

# Optionally prove that the kernel needs no network: a namespace with only loopback (ZeroMQ needs it).
run() { "$@"; }
if [ "${CORNU_OFFLINE:-0}" = 1 ]; then
  if unshare -n sh -c 'ip link set lo up' 2>/dev/null; then
    run() { unshare -n sh -c 'ip link set lo up && exec "$@"' sh "$@"; }
    echo "execute-notebooks: offline (network namespace, loopback only)"
  else
    echo "execute-notebooks: CORNU_OFFLINE=1 but unshare -n is not permitted here; running normally"
  fi
fi

status=0
executed=()
for nb in "$@"; do
  base=$(basename "$nb" .ipynb)
  echo "execute-notebooks: $nb -> $OUT/$base.ipynb (kernel $NAME)"
  rm -f "$OUT/$base.ipynb" "$OUT/$base.html"
  start=$(date +%s%N)
  # --allow-errors: keep going and save the notebook, so the checker can show the failing cell's
  # output (this kernel reports errors as stderr streams, which check_notebook.py treats as failures).
  if run "$JUPYTER" nbconvert --to notebook --execute --allow-errors \
        --ExecutePreprocessor.kernel_name="$NAME" --ExecutePreprocessor.timeout="$TIMEOUT" \
        --ExecutePreprocessor.startup_timeout="${CORNU_KERNEL_STARTUP_TIMEOUT:-300}" \
        --output-dir "$OUT" --output "$base.ipynb" "$nb" > "$OUT/$base.nbconvert.log" 2>&1; then
    ms=$(( ($(date +%s%N) - start) / 1000000 ))
    printf 'execute-notebooks: %s executed in %d.%01d s\n' "$base" $((ms / 1000)) $((ms % 1000 / 100))
    executed+=("$OUT/$base.ipynb")
    "$JUPYTER" nbconvert --to html --output-dir "$OUT" "$OUT/$base.ipynb" >> "$OUT/$base.nbconvert.log" 2>&1 \
      || { echo "execute-notebooks: HTML export of $base failed (see $OUT/$base.nbconvert.log)" >&2; status=1; }
  else
    echo "execute-notebooks: nbconvert failed on $nb; log $OUT/$base.nbconvert.log:" >&2
    tail -n 40 "$OUT/$base.nbconvert.log" >&2
    status=1
  fi
done

if [ ${#executed[@]} -gt 0 ]; then
  /usr/bin/python3 "$ROOT/scripts/check_notebook.py" "${executed[@]}" || status=1
fi
[ $status -eq 0 ] && echo "execute-notebooks: all notebooks passed; HTML in $OUT" \
                  || echo "execute-notebooks: FAILED" >&2
exit $status
