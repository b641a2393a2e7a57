import os
import signal
from concurrent.futures import ProcessPoolExecutor
from multiprocessing import Pipe

conn = None


def on_sigterm(signum, frame):
    conn.send("SIGTERM handler: cleaned up")  # (1)!
    os._exit(0)


def setup(worker_end):
    global conn
    conn = worker_end
    signal.signal(signal.SIGTERM, on_sigterm)


def forever():
    conn.send("running")
    conn.recv()  # (2)!


if __name__ == "__main__":
    for stop in ("terminate_workers", "kill_workers"):
        here, there = Pipe()
        ex = ProcessPoolExecutor(1, initializer=setup, initargs=(there,))
        future = ex.submit(forever)
        here.recv()
        there.close()  # (3)!
        getattr(ex, stop)()  # (4)!
        try:
            print(f"{stop}():", here.recv())
        except EOFError:  # (5)!
            print(f"{stop}(): the worker ran no more code")
        print("  the task:", type(future.exception()).__name__)
