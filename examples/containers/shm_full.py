import shutil
from multiprocessing import Process, shared_memory

SIZE = 128 * 1024 * 1024  # (1)!


def fill(name):
    shm = shared_memory.SharedMemory(name=name)
    for offset in range(0, shm.size, 4096):
        shm.buf[offset] = 1  # (2)!
    print("child: filled every page")
    shm.close()


if __name__ == "__main__":
    free = shutil.disk_usage("/dev/shm").free
    print("room for 128 MB in /dev/shm:", free >= SIZE)  # (3)!
    shm = shared_memory.SharedMemory(create=True, size=SIZE)  # (4)!
    print("created a block of", shm.size // 2**20, "MB anyway")
    child = Process(target=fill, args=(shm.name,))
    child.start()
    child.join()
    print("child exit code:", child.exitcode)  # (5)!
    shm.close()
    shm.unlink()
