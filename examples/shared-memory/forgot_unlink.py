from multiprocessing import Process
from multiprocessing.shared_memory import SharedMemory


def write(name):
    shm = SharedMemory(name=name)
    shm.buf[0] = 42
    shm.close()


if __name__ == "__main__":
    shm = SharedMemory(create=True, size=16)
    p = Process(target=write, args=(shm.name,))
    p.start()
    p.join()
    print("the child wrote", shm.buf[0])
    shm.close()  # (1)!
    print("closed, but never unlinked")
