import sqlite3
from multiprocessing import Pool


def count_rows(connection):
    return connection.execute("SELECT count(*) FROM t").fetchone()[0]


if __name__ == "__main__":
    connection = sqlite3.connect(":memory:")
    connection.execute("CREATE TABLE t (x)")
    with Pool(1) as pool:
        try:
            pool.apply(count_rows, (connection,))  # (1)!
        except TypeError as exc:
            print(f"{type(exc).__name__}: {exc}")
    connection.close()
