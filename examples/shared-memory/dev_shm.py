import ctypes
import mmap
import os
from multiprocessing import Process
from multiprocessing.shared_memory import SharedMemory

REPLY_AT = 64


def reply_with_libc(name):
    librt = ctypes.CDLL("librt.so.1", use_errno=True)  # (1)!
    librt.shm_open.argtypes = [ctypes.c_char_p, ctypes.c_int, ctypes.c_uint]
    fd = librt.shm_open(("/" + name).encode(), os.O_RDWR, 0)  # (2)!
    if fd == -1:
        raise OSError(ctypes.get_errno(), "shm_open failed")
    with mmap.mmap(fd, os.fstat(fd).st_size) as memory:  # (3)!
        print("child read:", memory[:9])
        memory[REPLY_AT : REPLY_AT + 8] = b"from C!!"
    os.close(fd)


if __name__ == "__main__":
    shm = SharedMemory(create=True, size=100)
    shm.buf[:9] = b"hello, C?"
    path = "/dev/shm/" + shm.name  # (4)!
    print("file exists:", os.path.exists(path))
    print("file size:", os.stat(path).st_size)
    p = Process(target=reply_with_libc, args=(shm.name,))
    p.start()
    p.join()
    print("parent read:", bytes(shm.buf[REPLY_AT : REPLY_AT + 8]))
    shm.close()
    shm.unlink()
    print("after unlink(), file exists:", os.path.exists(path))  # (5)!
