from multiprocessing.shared_memory import SharedMemory

import numpy as np

if __name__ == "__main__":
    first = SharedMemory(create=True, size=32)
    a = np.frombuffer(first.buf, dtype=np.int64)  # (1)!
    try:
        first.close()
    except BufferError as error:
        print("frombuffer view: BufferError:", error)
    del a
    first.close()
    first.unlink()

    second = SharedMemory(create=True, size=32)
    b = np.ndarray((4,), dtype=np.int64, buffer=second.buf)  # (2)!
    second.close()
    print("ndarray(buffer=...) view: close() raised nothing")
    print("is b's memory still mapped?", not b.base.closed)  # (3)!
    del b  # (4)!
    second.unlink()
