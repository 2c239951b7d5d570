#!/usr/bin/env bash
# The main job, from a fresh clone: installs what is missing, builds Cornu, installs the Jupyter
# kernelspec "Cornu (Kotlin)", executes every notebooks/*.ipynb and leaves executed copies and HTML
# renderings in build/notebooks/ (open build/notebooks/*.html in a browser). Fails if a notebook
# shows an error or misses an expected output (see scripts/check_notebook.py).
#
#   bash scripts/run-notebooks.sh [NOTEBOOK.ipynb ...]
#
# The kernelspec goes to your Jupyter data dir (override with JUPYTER_DATA_DIR), so `jupyter notebook`
# or `jupyter lab` offer "Cornu (Kotlin)" afterwards. CORNU_THREADS=N sets -Dcornu.threads for it.
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ROOT"

bash scripts/bootstrap.sh
mvn -B -ntp package -DskipTests
bash scripts/install-kernel.sh
bash scripts/execute-notebooks.sh build/notebooks "$@"
