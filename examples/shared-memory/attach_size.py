from multiprocessing import Process
from multiprocessing.shared_memory import SharedMemory


def attach(name):
    small = SharedMemory(name=name, size=10)  # (1)!
    print("child asked for 10, got", small.size, len(small.buf))
    small.buf[99] = 7  # (2)!
    small.close()


if __name__ == "__main__":
    shm = SharedMemory(create=True, size=100)
    p = Process(target=attach, args=(shm.name,))
    p.start()
    p.join()
    print("last byte:", shm.buf[99])
    big = SharedMemory(name=shm.name, size=1_000_000)  # (3)!
    print("asked for 1000000, got", big.size)
    big.close()
    try:
        SharedMemory(name=shm.name, size=-1)  # (4)!
    except ValueError as error:
        print("ValueError:", error)
    shm.close()
    shm.unlink()
