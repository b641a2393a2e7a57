import subprocess
import sys
import tempfile
from pathlib import Path

JOB = """
import multiprocessing as mp


def work():
    print("the child runs", flush=True)


if __name__ == "__main__":
    ctx = mp.get_context("forkserver")
    ctx.set_forkserver_preload(["__main__", "settings"])
    p = ctx.Process(target=work)
    p.start()
    p.join()
    print("child exit code:", p.exitcode)
"""

SETTINGS = {  # (1)!
    "RuntimeError": 'raise RuntimeError("no config file")\n',
    "ImportError": "import no_such_module\n",
}

if __name__ == "__main__":
    for error, code in SETTINGS.items():
        with tempfile.TemporaryDirectory() as folder:
            Path(folder, "job.py").write_text(JOB)
            Path(folder, "settings.py").write_text(code)
            print(f"--- settings.py raises {error}", flush=True)
            run = subprocess.run(
                [sys.executable, "job.py"],
                cwd=folder,  # (2)!
                stdout=subprocess.PIPE,
                text=True,
            )
            print(run.stdout, end="")
            print("job.py exit status:", run.returncode)  # (3)!
