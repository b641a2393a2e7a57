import os
import signal
import time
from multiprocessing import Pipe, Process

stopping = False


def on_sigterm(signum, frame):
    global stopping
    stopping = True  # (1)!


def worker(conn, ignores_sigterm):
    signal.signal(signal.SIGTERM, signal.SIG_DFL)  # (2)!
    if ignores_sigterm:
        signal.signal(signal.SIGTERM, signal.SIG_IGN)  # (3)!
    for seconds in iter(conn.recv, None):  # (4)!
        conn.send(f"started a {seconds} s task")
        time.sleep(seconds)
        conn.send(f"finished a {seconds} s task")


if __name__ == "__main__":
    signal.signal(signal.SIGTERM, on_sigterm)
    processes, conns = {}, {}
    for name, seconds, ignores in [
        ("a", 0, False),
        ("b", 60, False),
        ("c", 60, True),
    ]:
        conns[name], there = Pipe()
        processes[name] = Process(target=worker, args=(there, ignores))
        processes[name].start()
        conns[name].send(seconds)
        print(f"{name}: {conns[name].recv()}")

    os.kill(os.getpid(), signal.SIGTERM)  # (5)!
    if stopping:
        print("SIGTERM: no new tasks")
        for conn in conns.values():
            conn.send(None)  # (6)!

    deadline = time.monotonic() + 3  # (7)!
    for name, conn in conns.items():
        if conn.poll(max(0, deadline - time.monotonic())):
            print(f"{name}: {conn.recv()}")
    for process in processes.values():
        process.join(max(0, deadline - time.monotonic()))
        if process.is_alive():
            process.terminate()  # (8)!
    for process in processes.values():
        process.join(2)
        if process.is_alive():
            process.kill()  # (9)!
            process.join()
    for name, process in processes.items():
        print(f"{name}: exit code {process.exitcode}")
