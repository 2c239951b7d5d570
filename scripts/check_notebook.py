#!/usr/bin/python3
"""Checks notebooks executed by `jupyter nbconvert --execute --allow-errors`.

    /usr/bin/python3 scripts/check_notebook.py build/notebooks/ch02-first-look.ipynb [...]

A notebook fails when
  * a code cell was not executed (no execution_count),
  * a cell has an `error` output, or a `stderr` stream output: the Kotlin kernel 0.11.0-398 reports
    exceptions and compile errors as stderr streams, never as `error` outputs (a cell may opt out
    with "cornu": {"allow_stderr": true} in its metadata),
  * an expectation declared in the cell's metadata is not met:

    "metadata": {"cornu": {
        "expect":      ["Test accuracy"],          # substrings of any output (all mime types, streams)
        "expect_html": ["<table", "dense (Dense)"],# substrings of a text/html output
        "expect_number": [{"regex": "Test accuracy: ([0-9.]+)", "min": 0.85}]
    }}

Prints one line per checked expectation and per-cell execution times; exits 1 on any failure.
Needs only the standard library (run with Debian's /usr/bin/python3 or any python3).
"""
import datetime
import json
import re
import sys


def _text(value):
    return "".join(value) if isinstance(value, list) else str(value)


def output_texts(output, mime=None):
    """All texts of one output: stream text, and each mime bundle entry (optionally one mime type)."""
    kind = output.get("output_type")
    if kind == "stream":
        return [] if mime else [_text(output.get("text", ""))]
    if kind == "error":
        return [] if mime else ["\n".join([output.get("ename", ""), output.get("evalue", "")]
                                          + output.get("traceback", []))]
    data = output.get("data", {})
    if mime:
        return [_text(data[mime])] if mime in data else []
    return [_text(v) if isinstance(v, (str, list)) else json.dumps(v) for v in data.values()]


def _seconds(cell):
    ex = cell.get("metadata", {}).get("execution", {})
    start, end = ex.get("iopub.execute_input"), ex.get("shell.execute_reply")
    if not (start and end):
        return None
    parse = lambda s: datetime.datetime.fromisoformat(s.replace("Z", "+00:00"))
    try:
        return (parse(end) - parse(start)).total_seconds()
    except ValueError:
        return None


def _first_line(code):
    lines = [l for l in code.splitlines() if l.strip()]
    return (lines[0][:60] if lines else "").strip()


def check(path):
    """Returns a list of failure messages for one executed notebook (and prints a report)."""
    with open(path, encoding="utf-8") as f:
        nb = json.load(f)
    failures = []
    print(f"== {path}")
    for index, cell in enumerate(nb.get("cells", [])):
        if cell.get("cell_type") != "code":
            continue
        source = _text(cell.get("source", ""))
        where = f"cell {index} ({_first_line(source)!r})"
        meta = cell.get("metadata", {}).get("cornu", {})
        outputs = cell.get("outputs", [])
        took = _seconds(cell)
        print(f"   {where}: {len(outputs)} output(s)" + (f", {took:.1f} s" if took is not None else ""))

        if source.strip() and cell.get("execution_count") is None:
            failures.append(f"{where}: not executed")
        for out in outputs:
            if out.get("output_type") == "error":
                failures.append(f"{where}: error output: {output_texts(out)[0][:2000]}")
            elif out.get("output_type") == "stream" and out.get("name") == "stderr" \
                    and not meta.get("allow_stderr"):
                failures.append(f"{where}: stderr output:\n{_text(out.get('text', ''))[:2000]}")

        everything = "\n".join(t for o in outputs for t in output_texts(o))
        html = "\n".join(t for o in outputs for t in output_texts(o, "text/html"))
        for needle in meta.get("expect", []):
            ok = needle in everything
            print(f"     expect {needle!r}: {'ok' if ok else 'MISSING'}")
            if not ok:
                failures.append(f"{where}: expected output containing {needle!r}")
        for needle in meta.get("expect_html", []):
            ok = needle in html
            print(f"     expect html {needle!r}: {'ok' if ok else 'MISSING'}")
            if not ok:
                failures.append(f"{where}: expected a text/html output containing {needle!r}")
        for rule in meta.get("expect_number", []):
            m = re.search(rule["regex"], everything)
            if not m:
                print(f"     expect number /{rule['regex']}/: MISSING")
                failures.append(f"{where}: no output matches /{rule['regex']}/")
                continue
            value = float(m.group(1))
            low, high = rule.get("min", float("-inf")), rule.get("max", float("inf"))
            ok = low <= value <= high
            print(f"     expect number /{rule['regex']}/ = {value} in [{low}, {high}]: {'ok' if ok else 'FAIL'}")
            if not ok:
                failures.append(f"{where}: {m.group(0)!r}: {value} not in [{low}, {high}]")
    return failures


def main(paths):
    if not paths:
        print(__doc__, file=sys.stderr)
        return 2
    failed = 0
    for path in paths:
        failures = check(path)
        for msg in failures:
            print(f"FAIL {path}: {msg}")
        failed += bool(failures)
        print(f"{'FAILED' if failures else 'OK'}: {path}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
