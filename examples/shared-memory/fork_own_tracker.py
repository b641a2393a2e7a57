import multiprocessing as mp
import time
from multiprocessing.shared_memory import SharedMemory


def worker(conn):
    shm = SharedMemory(name=conn.recv())  # (1)!
    shm.buf[0] = 1
    shm.close()
    conn.send("done")


def wait_until_gone(name):
    while True:
        try:
            SharedMemory(name=name).close()
        except FileNotFoundError:
            return
        time.sleep(0.01)


if __name__ == "__main__":
    ctx = mp.get_context("fork")  # (2)!
    parent_end, child_end = ctx.Pipe()
    p = ctx.Process(target=worker, args=(child_end,))
    p.start()
    shm = SharedMemory(create=True, size=1)  # (3)!
    parent_end.send(shm.name)
    print("worker:", parent_end.recv())
    p.join()
    wait_until_gone(shm.name)  # (4)!
    print("the block is gone, and nobody called unlink()")
    shm.close()
