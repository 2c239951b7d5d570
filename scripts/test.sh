#!/usr/bin/env bash
# All the tests, from a fresh clone: installs what is missing, then
#   1. mvn -B verify: engine unit tests, DSL Kotest specs, in-process Kotlin REPL tests of the
#      Jupyter integration;
#   2. the notebook checker's own tests (scripts/test_check_notebook.py);
#   3. the notebook test: every notebooks/*.ipynb executed by Debian's Jupyter through the kernelspec,
#      installed into a private Jupyter data dir (build/test/jupyter), offline when the machine allows
#      it; fails on any error output or missing expected output (scripts/check_notebook.py).
#
#   bash scripts/test.sh          (extra arguments go to mvn, e.g. -o)
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ROOT"

bash scripts/bootstrap.sh
mvn -B -ntp verify "$@"

PYTHONDONTWRITEBYTECODE=1 /usr/bin/python3 -m unittest discover -s scripts -p 'test_check_notebook.py'

export JUPYTER_DATA_DIR="$ROOT/build/test/jupyter"
rm -rf "$JUPYTER_DATA_DIR"
bash scripts/install-kernel.sh
CORNU_OFFLINE=${CORNU_OFFLINE:-1} bash scripts/execute-notebooks.sh build/test/notebooks
