import subprocess
import sys
import tempfile
from pathlib import Path

JOB = """
import multiprocessing as mp
import sys

print("top level runs, __name__ =", __name__, flush=True)


def work():
    print("work() runs, __name__ =", __name__, flush=True)


if __name__ == "__main__":
    context = mp.get_context(sys.argv[1])
    for _ in range(2):
        p = context.Process(target=work)
        p.start()
        p.join()
        print("exit code:", p.exitcode, flush=True)
"""  # (1)!

if __name__ == "__main__":
    with tempfile.TemporaryDirectory() as folder:
        package = Path(folder, "pkg")
        package.mkdir()
        Path(package, "__init__.py").write_text("")
        Path(package, "job.py").write_text(JOB)
        for method in ["fork", "spawn", "forkserver"]:
            run = subprocess.run(
                [sys.executable, "-m", "pkg.job", method],  # (2)!
                cwd=folder,
                capture_output=True,
                text=True,
            )
            print(f"--- python -m pkg.job {method}")
            print(run.stdout, end="")
            print("stderr empty:", run.stderr == "")
