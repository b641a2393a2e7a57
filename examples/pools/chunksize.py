import os
from multiprocessing import Pool


def worker_pid(n):
    return os.getpid()


def batches(chunksize):
    with Pool(1, maxtasksperchild=1) as pool:  # (1)!
        pids = pool.map(worker_pid, range(10), chunksize)
    by_pid = {}
    for n, pid in enumerate(pids):
        by_pid.setdefault(pid, []).append(n)  # (2)!
    return list(by_pid.values())


if __name__ == "__main__":
    for chunksize in (1, 5, None):  # (3)!
        print(f"chunksize={chunksize}:", batches(chunksize))
