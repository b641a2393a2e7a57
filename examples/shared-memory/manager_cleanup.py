from multiprocessing import Process
from multiprocessing.managers import SharedMemoryManager
from multiprocessing.shared_memory import ShareableList, SharedMemory


def work(block_name, list_name):
    shm = SharedMemory(name=block_name)
    shm.buf[:2] = b"ok"
    shm.close()
    counts = ShareableList(name=list_name)
    counts[0] += 1
    counts.shm.close()


if __name__ == "__main__":
    with SharedMemoryManager() as smm:  # (1)!
        shm = smm.SharedMemory(size=2)  # (2)!
        counts = smm.ShareableList([0])
        p = Process(target=work, args=(shm.name, counts.shm.name))
        p.start()
        p.join()
        print(bytes(shm.buf[:2]), counts[0])
        names = [shm.name, counts.shm.name]
        shm.close()  # (3)!
        counts.shm.close()
    for name in names:  # (4)!
        try:
            SharedMemory(name=name)
        except FileNotFoundError:
            print("after the with block: FileNotFoundError")
