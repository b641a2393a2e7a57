from multiprocessing import Process
from multiprocessing.shared_memory import SharedMemory

import numpy as np

SHAPE = (2, 3)
DTYPE = np.int64


def double_in_place(name):
    shm = SharedMemory(name=name)
    grid = np.ndarray(SHAPE, dtype=DTYPE, buffer=shm.buf)  # (1)!
    grid *= 2  # (2)!
    del grid  # (3)!
    shm.close()


if __name__ == "__main__":
    nbytes = int(np.prod(SHAPE)) * np.dtype(DTYPE).itemsize  # (4)!
    shm = SharedMemory(create=True, size=nbytes)
    grid = np.ndarray(SHAPE, dtype=DTYPE, buffer=shm.buf)
    grid[:] = np.arange(6).reshape(SHAPE)  # (5)!
    p = Process(target=double_in_place, args=(shm.name,))
    p.start()
    p.join()
    print(grid)
    del grid
    shm.close()
    shm.unlink()
