from multiprocessing import Process, Queue
from multiprocessing.shared_memory import SharedMemory


def read(name, results):
    shm = SharedMemory(name=name)
    results.put(bytes(shm.buf[:5]))
    shm.close()


if __name__ == "__main__":
    shm = SharedMemory(create=True, size=5)
    shm.buf[:5] = b"still"
    shm.close()  # (1)!
    print("after close(), shm.buf is", shm.buf)

    results = Queue()
    p = Process(target=read, args=(shm.name, results))
    p.start()
    print("a child attached after close() and read", results.get())  # (2)!
    p.join()

    shm.unlink()  # (3)!
    print("unlinked; attaching by name again:")
    SharedMemory(name=shm.name)  # (4)!
