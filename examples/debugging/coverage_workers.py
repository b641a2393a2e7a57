import multiprocessing
import subprocess
import sys

import tasks


def app():
    pool = multiprocessing.Pool(2)
    print(pool.map(tasks.classify, [1, 2, 3]))  # (1)!
    pool.close()  # (2)!
    pool.join()


def coverage(*args):
    subprocess.run([sys.executable, "-m", "coverage", *args], check=True)


if __name__ == "__main__":
    if sys.argv[1:] == ["app"]:
        app()
    else:
        coverage("run", __file__, "app")  # (3)!
        coverage("combine", "--quiet")  # (4)!
        coverage("report", "--include=tasks.py")  # (5)!
