from multiprocessing import Process
from multiprocessing.shared_memory import SharedMemory


def greet(name):
    shm = SharedMemory(name=name)  # (1)!
    shm.buf[:5] = b"hello"  # (2)!
    shm.close()


if __name__ == "__main__":
    shm = SharedMemory(create=True, size=16)  # (3)!
    print("name:", shm.name)
    print("size:", shm.size)
    p = Process(target=greet, args=(shm.name,))  # (4)!
    p.start()
    p.join()
    print(bytes(shm.buf[:5]))  # (5)!
    print(bytes(shm.buf[5:8]))
    shm.close()
    shm.unlink()  # (6)!
