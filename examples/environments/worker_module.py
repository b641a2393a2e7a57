import subprocess
import sys
import tempfile
from pathlib import Path

WORKERS = """
def square(x):
    return x * x
"""

TYPED_IN = """
import multiprocessing as mp
from workers import square

with mp.get_context("spawn").Pool(2) as pool:
    print(pool.map(square, [1, 2, 3]))
"""

if __name__ == "__main__":
    with tempfile.TemporaryDirectory() as folder:
        Path(folder, "workers.py").write_text(WORKERS)  # (1)!
        run = subprocess.run(
            [sys.executable, "-c", TYPED_IN],
            cwd=folder,  # (2)!
            capture_output=True,
            text=True,
        )
    print(run.stdout, end="")
    print("stderr empty:", run.stderr == "")
