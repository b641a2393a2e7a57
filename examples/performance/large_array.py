from multiprocessing import Pipe, Process
from multiprocessing.shared_memory import SharedMemory

import numpy as np

SHAPE = (2048, 2048)  # 32 MiB of float64
DTYPE = np.float64
FRAMES = 3


def produce(name, conn):
    shm = SharedMemory(name=name)
    frame = np.ndarray(SHAPE, dtype=DTYPE, buffer=shm.buf)
    rows = np.arange(SHAPE[0], dtype=DTYPE)
    cols = np.arange(SHAPE[1], dtype=DTYPE)
    for k in range(FRAMES):
        np.add.outer(rows, cols + k, out=frame)  # (1)!
        conn.send(k)  # (2)!
        conn.recv()  # (3)!
    del frame
    shm.close()


if __name__ == "__main__":
    nbytes = int(np.prod(SHAPE)) * np.dtype(DTYPE).itemsize
    shm = SharedMemory(create=True, size=nbytes)  # (4)!
    frame = np.ndarray(SHAPE, dtype=DTYPE, buffer=shm.buf)
    here, there = Pipe()
    p = Process(target=produce, args=(shm.name, there))
    p.start()
    for _ in range(FRAMES):
        k = here.recv()
        print("frame", k, "sum", int(frame.sum()))  # (5)!
        here.send("done")
    p.join()
    del frame
    shm.close()
    shm.unlink()
