import multiprocessing as mp
import os
import sys
import tempfile

WRAPPER = """#!/bin/sh
PYTHON_WRAPPED=yes exec "{python}" "$@"
"""  # (1)!


def report(conn):
    conn.send(os.environ.get("PYTHON_WRAPPED", "no"))  # (2)!


if __name__ == "__main__":
    with tempfile.TemporaryDirectory() as private:
        wrapper = os.path.join(private, "python-wrapper")
        with open(wrapper, "w") as f:
            f.write(WRAPPER.format(python=sys.executable))
        os.chmod(wrapper, 0o700)
        mp.set_executable(wrapper)  # (3)!
        for method in ("fork", "spawn", "forkserver"):
            ctx = mp.get_context(method)  # (4)!
            parent_end, child_end = ctx.Pipe()
            p = ctx.Process(target=report, args=(child_end,))
            p.start()
            print(
                f"{method:10} child started by the wrapper:", parent_end.recv()
            )
            p.join()
