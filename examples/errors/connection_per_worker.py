import os
import sqlite3
import tempfile
from multiprocessing import Pool

connection = None  # (1)!


def connect(path):
    global connection
    connection = sqlite3.connect(path)  # (2)!


def lookup(key):
    row = connection.execute(
        "SELECT value FROM items WHERE key = ?", (key,)
    ).fetchone()
    return key, row[0], os.getpid(), id(connection)  # (3)!


if __name__ == "__main__":
    with tempfile.TemporaryDirectory() as tmp:  # (4)!
        path = os.path.join(tmp, "app.db")
        with sqlite3.connect(path) as setup:
            setup.execute("CREATE TABLE items (key INTEGER, value TEXT)")
            setup.executemany(
                "INSERT INTO items VALUES (?, ?)",
                [(k, f"item-{k}") for k in range(8)],
            )
        setup.close()
        with Pool(2, initializer=connect, initargs=(path,)) as pool:
            results = pool.map(lookup, range(8), chunksize=1)
        print("values:", [value for _, value, _, _ in results])
        workers = {pid for _, _, pid, _ in results}
        pairs = {(pid, conn) for _, _, pid, conn in results}
        print("one connection per worker:", len(pairs) == len(workers))  # (5)!
