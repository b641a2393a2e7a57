import pickle
from multiprocessing import Pipe, Process

import numpy as np


def receive(conn):
    header = conn.recv_bytes()
    frames = [conn.recv_bytes() for _ in range(conn.recv())]
    array = pickle.loads(header, buffers=frames)  # (1)!
    print("received", array.shape, int(array.sum()))
    print("writeable:", array.flags.writeable)  # (2)!


if __name__ == "__main__":
    array = np.arange(1_000_000, dtype=np.int64)  # 8 MB
    buffers = []
    header = pickle.dumps(array, protocol=5, buffer_callback=buffers.append)
    print("pickle stream:", len(header), "bytes")  # (3)!
    print("buffers:", [b.raw().nbytes for b in buffers])
    parent_end, child_end = Pipe()
    p = Process(target=receive, args=(child_end,))
    p.start()
    parent_end.send_bytes(header)
    parent_end.send(len(buffers))
    for b in buffers:
        parent_end.send_bytes(b.raw())  # (4)!
    p.join()
