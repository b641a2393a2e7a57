import os
import signal
from multiprocessing import Pipe, Process


def send_sigterm_to_pid_1(conn):
    os.kill(1, signal.SIGTERM)  # (1)!
    conn.send("sent")


def sigterm_from_a_child():
    here, there = Pipe()
    child = Process(target=send_sigterm_to_pid_1, args=(there,))
    child.start()
    here.recv()  # (2)!
    child.join()


def leave_an_orphan():
    pid = os.fork()
    if pid == 0:
        os._exit(0)
    os.waitid(os.P_PID, pid, os.WEXITED | os.WNOWAIT)  # (3)!


def zombies_of_pid_1():
    zombies = 0
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                with open(f"/proc/{entry}/stat") as f:
                    fields = f.read().rsplit(")", 1)[1].split()
            except OSError:
                continue
            if fields[0] == "Z" and fields[1] == "1":  # (4)!
                zombies += 1
    return zombies


def reap():
    reaped = 0
    while True:
        try:
            pid, status = os.waitpid(-1, os.WNOHANG)  # (5)!
        except ChildProcessError:
            break
        if pid == 0:
            break
        reaped += 1
    return reaped


stopping = False


def on_sigterm(signum, frame):
    global stopping
    stopping = True


if __name__ == "__main__":
    print("my pid:", os.getpid())
    sigterm_from_a_child()
    print("after SIGTERM without a handler: still running")

    child = Process(target=leave_an_orphan)
    child.start()
    child.join()
    print("zombies whose parent is PID 1:", zombies_of_pid_1())
    print("reaped:", reap())
    print("zombies now:", zombies_of_pid_1())

    signal.signal(signal.SIGTERM, on_sigterm)  # (6)!
    sigterm_from_a_child()
    if stopping:
        print("after SIGTERM with a handler: shutting down")
