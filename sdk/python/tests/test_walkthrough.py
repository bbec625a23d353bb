"""docs/python-sdk.md's "From start to finish" block, run as the script a reader would save.

It needs `acme-beams` on the server's index: test/integration/sdk/python-sdk.test.ts serves it.
"""
import os
import re
import subprocess
import sys

DOCS = os.path.join(os.path.dirname(__file__), "..", "..", "..", "docs", "python-sdk.md")
SRC = os.path.join(os.path.dirname(__file__), "..", "src")
SECTIONS = "name,inertia\nIPE100,171e-8\nIPE120,318e-8\nIPE140,541e-8\nIPE160,869e-8\n"


def walkthrough() -> str:
    text = open(DOCS, encoding="utf-8").read()
    match = re.search(r"<!-- walkthrough:[^>]*-->\n```python\n(.*?)```", text, re.S)
    assert match, "docs/python-sdk.md lost its walkthrough block"
    return match.group(1)


def test_the_docs_walkthrough_runs_as_written(tmp_path):
    (tmp_path / "walkthrough.py").write_text(walkthrough())
    (tmp_path / "sections.csv").write_text(SECTIONS)
    env = {**os.environ, "PYTHONPATH": os.path.abspath(SRC)}
    done = subprocess.run([sys.executable, "walkthrough.py"], cwd=tmp_path, env=env, capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stdout + done.stderr
    lines = done.stdout.splitlines()
    assert lines[0] == "100 runs, 100 completed", done.stdout
    # P L³ / (3 E I) for 400 N on 2 m of IPE100: 2.97 mm
    first = next(line for line in lines if line.startswith("400 "))
    assert float(first.split()[1]) == 2.97, done.stdout
    assert re.search(r"/#/studies/study_[0-9a-f]+$", lines[-1]), done.stdout
