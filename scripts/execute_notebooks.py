"""Execute notebooks headless on the tslab kernel with nbclient.

Used by `npm start` and `npm test` through lib/jupyter/notebooks.ts, which runs it with the
project's .venv Python and Jupyter environment. Prints one JSON line per notebook:
{"notebook", "ok", "seconds", "cells", "output", "error": {"cell", "ename", "evalue"}}
and exits 1 when any notebook fails.
"""
import argparse
import json
import os
import sys
import time

import nbformat
from nbclient import NotebookClient
from nbclient.exceptions import CellExecutionError, CellTimeoutError, DeadKernelError


def first_error(nb):
    for index, cell in enumerate(nb.cells):
        for out in cell.get("outputs", []):
            if out.get("output_type") == "error":
                return {"cell": index, "ename": out.get("ename", ""), "evalue": out.get("evalue", ""),
                        "source": "".join(cell.get("source", ""))[:300]}
    return None


def write_atomic(nb, path):
    tmp = f"{path}.{os.getpid()}.tmp"
    nbformat.write(nb, tmp)
    os.replace(tmp, path)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("notebooks", nargs="+")
    parser.add_argument("--out", help="folder for the executed notebooks (not written when omitted)")
    parser.add_argument("--kernel", default="tslab")
    parser.add_argument("--timeout", type=int, default=600, help="seconds per cell")
    args = parser.parse_args()

    failed = 0
    for path in args.notebooks:
        started = time.time()
        nb = nbformat.read(path, as_version=4)
        client = NotebookClient(nb, kernel_name=args.kernel, timeout=args.timeout,
                                resources={"metadata": {"path": os.path.dirname(os.path.abspath(path))}})
        result = {"notebook": path, "ok": True, "cells": sum(1 for c in nb.cells if c.cell_type == "code")}
        try:
            client.execute()
        except CellExecutionError:
            result["ok"] = False
            result["error"] = first_error(nb) or {"cell": -1, "ename": "CellExecutionError", "evalue": "a cell failed"}
        except (CellTimeoutError, DeadKernelError, RuntimeError) as err:
            result["ok"] = False
            result["error"] = {"cell": -1, "ename": type(err).__name__, "evalue": str(err)[:500]}
        if result["ok"] and first_error(nb):
            result["ok"] = False
            result["error"] = first_error(nb)
        if args.out:
            os.makedirs(args.out, exist_ok=True)
            target = os.path.join(args.out, os.path.basename(path))
            write_atomic(nb, target)
            result["output"] = target
        result["seconds"] = round(time.time() - started, 2)
        failed += 0 if result["ok"] else 1
        print(json.dumps(result), flush=True)
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
