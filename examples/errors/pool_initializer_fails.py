import os
import sqlite3
import sys
import tempfile
from multiprocessing import Event, Pool, TimeoutError, Value


def open_database(path, attempts, third_attempt):
    with attempts.get_lock():
        attempts.value += 1
        if attempts.value == 3:
            third_attempt.set()
    sys.stderr = open(os.devnull, "w")  # (1)!
    sqlite3.connect(path)  # (2)!


def square(x):
    return x * x


if __name__ == "__main__":
    attempts = Value("i", 0)
    third_attempt = Event()
    with tempfile.TemporaryDirectory() as tmp:
        path = os.path.join(tmp, "missing", "app.db")
        pool = Pool(1, open_database, (path, attempts, third_attempt))
        pending = pool.map_async(square, range(3), chunksize=1)
        third_attempt.wait()  # (3)!
        print("the pool has started a third worker")
        try:
            pending.get(timeout=1)  # (4)!
        except TimeoutError:
            print("map_async(...).get(timeout=1): TimeoutError")
        pool.terminate()  # (5)!
        pool.join()
