import tracemalloc
from multiprocessing.shared_memory import SharedMemory

SIZE = 64 * 2**20  # 64 MiB


def copy_by_slice(dest, src):
    dest[:] = src  # (1)!


def copy_through_view(dest, src):
    memoryview(dest)[:] = src  # (2)!


def peak_mib(copy, dest, src):
    tracemalloc.start()  # (3)!
    copy(dest, src)
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    return peak // 2**20


if __name__ == "__main__":
    shm = SharedMemory(create=True, size=SIZE)
    dest = bytearray(SIZE)
    for copy in [copy_by_slice, copy_through_view]:
        print(copy.__name__, "allocated", peak_mib(copy, dest, shm.buf), "MiB")
    shm.close()
    shm.unlink()
