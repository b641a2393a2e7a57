import os
from multiprocessing import Pool
from multiprocessing.dummy import Pool as DummyPool
from multiprocessing.pool import ThreadPool

seen = []


def record(n):
    seen.append(n)  # (1)!
    return os.getpid()


if __name__ == "__main__":
    with Pool(2) as pool:
        pids = pool.map(record, range(4))  # (2)!
    print("Pool:       the parent's list:", seen)
    print("            ran in the parent's process:", os.getpid() in pids)

    with ThreadPool(2) as pool:
        pids = pool.map(record, range(4))  # (3)!
    print("ThreadPool: the parent's list:", sorted(seen))
    print(
        "            ran in the parent's process:", set(pids) == {os.getpid()}
    )

    with DummyPool(2) as pool:  # (4)!
        print("dummy.Pool() is a ThreadPool:", isinstance(pool, ThreadPool))
        print("a lambda is fine:", pool.map(lambda n: n * n, range(4)))  # (5)!
