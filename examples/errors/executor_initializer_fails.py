import os
import sqlite3
import tempfile
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool


def open_database(path):  # (1)!
    sqlite3.connect(path)


def square(x):
    return x * x


if __name__ == "__main__":
    with tempfile.TemporaryDirectory() as tmp:
        path = os.path.join(tmp, "missing", "app.db")
        with ProcessPoolExecutor(
            1, initializer=open_database, initargs=(path,)
        ) as executor:
            future = executor.submit(square, 3)
            try:
                future.result()  # (2)!
            except BrokenProcessPool as exc:
                print("result():", exc)
            try:
                executor.submit(square, 4)  # (3)!
            except BrokenProcessPool as exc:
                print("submit():", exc)
