import multiprocessing as mp
import os
import tempfile


def work(method):
    print(f"{method}: the child runs")


if __name__ == "__main__":
    with tempfile.TemporaryDirectory() as folder:
        tempfile.tempdir = os.path.join(folder, "missing")  # (1)!
        for method in ["forkserver", "spawn"]:
            p = mp.get_context(method).Process(target=work, args=(method,))
            try:
                p.start()  # (2)!
            except OSError as exc:
                print(f"{method}: start() failed with {type(exc).__name__}")
            else:
                p.join()  # (3)!
        tempfile.tempdir = None
