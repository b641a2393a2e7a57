import subprocess
import sys
import tempfile
from pathlib import Path

JOB = """
import multiprocessing as mp
import sys

print("main module imported as", __name__, flush=True)


def work():
    pass


if __name__ == "__main__":
    ctx = mp.get_context("forkserver")
    if sys.argv[1:]:
        ctx.set_forkserver_preload(sys.argv[1:])
    for _ in range(2):
        p = ctx.Process(target=work)
        p.start()
        p.join()
"""  # (1)!

if __name__ == "__main__":
    with tempfile.TemporaryDirectory() as folder:
        Path(folder, "job.py").write_text(JOB)
        for preload in [[], ["json"], ["__main__", "json"]]:  # (2)!
            print("--- preload list:", preload or "default", flush=True)
            subprocess.run([sys.executable, "job.py", *preload], cwd=folder)
