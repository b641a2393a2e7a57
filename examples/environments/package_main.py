import subprocess
import sys
import tempfile
from pathlib import Path

WORKER_IN_MAIN = {
    "__main__.py": """
import multiprocessing as mp
import sys


def work():
    print("work() runs, __name__ =", __name__, flush=True)


if __name__ == "__main__":
    p = mp.get_context(sys.argv[1]).Process(target=work)
    p.start()
    p.join()
    print("exit code:", p.exitcode, flush=True)
""",  # (1)!
}

WORKER_IN_MODULE = {
    "work.py": """
def work():
    print("work() runs, __name__ =", __name__, flush=True)
""",
    "__main__.py": """
import multiprocessing as mp
import sys

from .work import work

if __name__ == "__main__":
    p = mp.get_context(sys.argv[1]).Process(target=work)
    p.start()
    p.join()
    print("exit code:", p.exitcode, flush=True)
""",  # (2)!
}

if __name__ == "__main__":
    for title, files in [
        ("work() in pkg/__main__.py", WORKER_IN_MAIN),
        ("work() in pkg/work.py", WORKER_IN_MODULE),
    ]:
        print(f"=== {title}")
        with tempfile.TemporaryDirectory() as folder:
            package = Path(folder, "pkg")
            package.mkdir()
            Path(package, "__init__.py").write_text("")
            for name, text in files.items():
                Path(package, name).write_text(text)
            for method in ["fork", "spawn", "forkserver"]:
                run = subprocess.run(
                    [sys.executable, "-m", "pkg", method],  # (3)!
                    cwd=folder,
                    capture_output=True,
                    text=True,
                )
                print(f"--- python -m pkg {method}")
                print(run.stdout, end="")
                for line in run.stderr.splitlines()[-1:]:  # (4)!
                    print("child's stderr ends with:", line)
