import ctypes
import os
import signal
import threading
from multiprocessing import Pipe, Process, parent_process

PR_SET_PDEATHSIG = 1


def worker(conn):
    libc = ctypes.CDLL(None, use_errno=True)
    if libc.prctl(PR_SET_PDEATHSIG, signal.SIGTERM) != 0:  # (1)!
        raise OSError(ctypes.get_errno(), "prctl failed")
    conn.send(os.getppid() == parent_process().pid)  # (2)!
    conn.recv()  # (3)!


def start_worker(process, conn, answer):
    process.start()  # (4)!
    answer.append(conn.recv())


if __name__ == "__main__":
    here, there = Pipe()
    process = Process(target=worker, args=(there,))
    answer = []
    thread = threading.Thread(
        target=start_worker, args=(process, here, answer)
    )
    thread.start()
    thread.join()  # (5)!
    watched = answer[0]
    print("the kernel watches the thread that started the worker:", watched)
    if not watched:
        here.send("stop")  # (6)!
    process.join()
    print("main process still running; worker exit code:", process.exitcode)
