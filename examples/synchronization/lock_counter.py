import os
import tempfile
from multiprocessing import Barrier, Lock, Process

WORKERS = 4


def read_count(path):
    with open(path) as f:
        return int(f.read())


def write_count(path, n):
    with open(path, "w") as f:
        f.write(str(n))


def add_one_unsafely(path, all_have_read):
    current = read_count(path)  # (1)!
    all_have_read.wait()  # (2)!
    write_count(path, current + 1)


def add_one_with_lock(path, lock):
    with lock:  # (3)!
        write_count(path, read_count(path) + 1)


def run_workers(target, *args):
    workers = [Process(target=target, args=args) for _ in range(WORKERS)]
    for w in workers:
        w.start()
    for w in workers:
        w.join()


if __name__ == "__main__":
    with tempfile.TemporaryDirectory() as tmp:
        path = os.path.join(tmp, "count.txt")  # (4)!
        write_count(path, 0)
        run_workers(add_one_unsafely, path, Barrier(WORKERS))
        print(f"{WORKERS} increments without a lock: {read_count(path)}")

        write_count(path, 0)
        run_workers(add_one_with_lock, path, Lock())
        print(f"{WORKERS} increments with a lock:    {read_count(path)}")
