from multiprocessing import Pipe, Process, Value
from multiprocessing.shared_memory import SharedMemory


def worker(conn):
    name = conn.recv()  # (1)!
    shm = SharedMemory(name=name)
    shm.buf[0] = 99
    shm.close()
    conn.send("done")


if __name__ == "__main__":
    shm = SharedMemory(create=True, size=1)  # (2)!
    parent_end, child_end = Pipe()
    p = Process(target=worker, args=(child_end,))
    p.start()
    parent_end.send(shm.name)
    print(parent_end.recv(), shm.buf[0])
    p.join()
    shm.close()
    shm.unlink()

    counter = Value("i", 0)
    parent_end.send(counter)  # (3)!
