import os
import subprocess
import sys
import warnings
from multiprocessing import Pipe, Process
from multiprocessing.connection import Listener


def nothing():
    pass


if __name__ == "__main__":
    warnings.simplefilter("default")  # (1)!

    a, b = Pipe()
    del a, b  # (2)!
    print("Pipe() ends dropped open")

    p = Process(target=nothing)
    p.start()
    del p  # (3)!
    print("Process dropped without join()")

    listener = Listener(("127.0.0.1", 0), authkey=b"secret")
    del listener  # (4)!
    print("Listener dropped open")

    code = "import sys; sys.stdin.read()"
    child = subprocess.Popen(
        [sys.executable, "-c", code], stdin=subprocess.PIPE
    )
    stdin, pid = child.stdin, child.pid
    del child  # (5)!
    print("Popen dropped while running")
    stdin.close()
    os.waitpid(pid, 0)  # (6)!
