#!/usr/bin/python3
"""Tests of check_notebook.py on small hand-made executed notebooks.

    /usr/bin/python3 -m unittest discover -s scripts -p 'test_check_notebook.py'
"""
import contextlib
import io
import json
import os
import tempfile
import unittest

import check_notebook


def cell(source, outputs, executed=True, **cornu):
    return {"cell_type": "code", "source": source, "execution_count": 1 if executed else None,
            "metadata": {"cornu": cornu} if cornu else {}, "outputs": outputs}


def stream(text, name="stdout"):
    return {"output_type": "stream", "name": name, "text": text}


def html(text, plain="..."):
    return {"output_type": "display_data", "metadata": {}, "data": {"text/html": text, "text/plain": plain}}


class CheckNotebookTest(unittest.TestCase):
    def check(self, *cells):
        nb = {"nbformat": 4, "nbformat_minor": 5, "metadata": {}, "cells": list(cells)}
        with tempfile.TemporaryDirectory() as d:
            path = os.path.join(d, "nb.ipynb")
            with open(path, "w") as f:
                json.dump(nb, f)
            with contextlib.redirect_stdout(io.StringIO()):
                return check_notebook.check(path)

    def test_passes_when_every_expectation_is_met(self):
        failures = self.check(
            cell("// setup", []),
            cell("model", [html("<table><td>dense (Dense)</td></table>")], expect_html=["<table", "dense (Dense)"]),
            cell("println(acc)", [stream("Test accuracy: 0.8712\n")],
                 expect=["Test accuracy"], expect_number=[{"regex": "Test accuracy: ([0-9.]+)", "min": 0.85}]))
        self.assertEqual([], failures)

    def test_stderr_stream_is_a_failure(self):
        # the Kotlin kernel reports exceptions as stderr streams, not `error` outputs
        failures = self.check(cell("throw RuntimeException()", [stream("java.lang.RuntimeException: boom\n", "stderr")]))
        self.assertEqual(1, len(failures))
        self.assertIn("boom", failures[0])

    def test_stderr_allowed_by_metadata(self):
        self.assertEqual([], self.check(cell("x", [stream("warning\n", "stderr")], allow_stderr=True)))

    def test_error_output_is_a_failure(self):
        err = {"output_type": "error", "ename": "E", "evalue": "bad", "traceback": []}
        self.assertEqual(1, len(self.check(cell("x", [err]))))

    def test_missing_expected_output(self):
        failures = self.check(cell("model", [stream("text only")], expect_html=["<table"]))
        self.assertEqual(1, len(failures))
        self.assertIn("<table", failures[0])

    def test_number_below_minimum(self):
        failures = self.check(cell("x", [stream("Test accuracy: 0.8012")],
                                   expect_number=[{"regex": "Test accuracy: ([0-9.]+)", "min": 0.85}]))
        self.assertEqual(1, len(failures))
        self.assertIn("0.8012", failures[0])

    def test_number_missing(self):
        failures = self.check(cell("x", [], expect_number=[{"regex": "Test accuracy: ([0-9.]+)", "min": 0.85}]))
        self.assertEqual(1, len(failures))

    def test_unexecuted_cell(self):
        self.assertEqual(1, len(self.check(cell("1 + 1", [], executed=False))))


if __name__ == "__main__":
    unittest.main()
