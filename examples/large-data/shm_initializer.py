from concurrent.futures import ProcessPoolExecutor
from multiprocessing import Pool
from multiprocessing.shared_memory import SharedMemory

import numpy as np

SHAPE = (8, 100_000)
DTYPE = np.float64

block = None  # (1)!
table = None


def attach(name):
    global block, table
    block = SharedMemory(name=name)  # (2)!
    table = np.ndarray(SHAPE, dtype=DTYPE, buffer=block.buf)


def row_total(i):
    return float(table[i].sum())  # (3)!


def scale_row(i):
    table[i] *= 2  # (4)!


if __name__ == "__main__":
    nbytes = int(np.prod(SHAPE)) * np.dtype(DTYPE).itemsize
    shm = SharedMemory(create=True, size=nbytes)
    data = np.ndarray(SHAPE, dtype=DTYPE, buffer=shm.buf)
    data[:] = np.arange(SHAPE[0]).reshape(-1, 1)
    try:
        pool = Pool(2, initializer=attach, initargs=(shm.name,))
        totals = pool.map(row_total, range(SHAPE[0]))
        pool.close()  # (5)!
        pool.join()
        print("Pool, row totals:", totals[:3], "...")

        with ProcessPoolExecutor(
            2, initializer=attach, initargs=(shm.name,)
        ) as executor:
            list(executor.map(scale_row, range(SHAPE[0])))  # (6)!
        print("executor, row 3 now:", data[3, :3], "...")
    finally:
        del data  # (7)!
        shm.close()
        shm.unlink()
    print("closed and unlinked")
