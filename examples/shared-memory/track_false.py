import subprocess
import sys
from multiprocessing.shared_memory import SharedMemory


def reader(name):
    shm = SharedMemory(name=name, track=False)  # (1)!
    print("reader:", bytes(shm.buf[:5]))
    shm.close()


def main():
    shm = SharedMemory(create=True, size=5)
    shm.buf[:5] = b"hello"
    subprocess.run([sys.executable, __file__, shm.name], check=True)  # (2)!
    again = SharedMemory(name=shm.name)  # (3)!
    print("after the reader exited:", bytes(again.buf[:5]))
    again.close()
    shm.close()
    shm.unlink()  # (4)!


if __name__ == "__main__":
    if len(sys.argv) > 1:  # (5)!
        reader(sys.argv[1])
    else:
        main()
