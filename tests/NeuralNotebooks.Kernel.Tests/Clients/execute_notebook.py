"""Executes a notebook through a Jupyter kernel with Debian's nbclient, as `jupyter execute` does.

usage: execute_notebook.py NOTEBOOK OUTPUT [--timeout S] [--interrupt-tag TAG --interrupt-after S]

Writes the executed notebook to OUTPUT and prints one JSON line: {"error": null} or
{"error": {"type": "CellExecutionError", "message": ...}}. Cells tagged TAG get a timeout of S seconds after
which nbclient interrupts the kernel (interrupt_on_timeout) and goes on. Exit code 0 either way; 2 on bad usage.
"""
import argparse, json, os, sys
import nbformat
from nbclient import NotebookClient
from nbclient.exceptions import CellExecutionError

p = argparse.ArgumentParser()
p.add_argument("notebook"); p.add_argument("output")
p.add_argument("--timeout", type=int, default=600)
p.add_argument("--interrupt-tag"); p.add_argument("--interrupt-after", type=int, default=10)
a = p.parse_args()

nb = nbformat.read(a.notebook, as_version=4)
def timeout_for(cell):
    if a.interrupt_tag and a.interrupt_tag in cell.metadata.get("tags", []):
        return a.interrupt_after
    return a.timeout
client = NotebookClient(nb, timeout=a.timeout, timeout_func=timeout_for, interrupt_on_timeout=True,
                        startup_timeout=120, resources={"metadata": {"path": os.path.dirname(os.path.abspath(a.notebook))}})
result = {"error": None, "kernel": None}
try:
    client.execute()
except CellExecutionError as e:
    result["error"] = {"type": type(e).__name__, "message": str(e), "ename": e.ename, "evalue": e.evalue}
result["kernel"] = nb.metadata.get("language_info", {}).get("name")
nbformat.write(nb, a.output)
print(json.dumps(result))
