import os
import resource
from multiprocessing import Pipe, Process


def nothing():
    pass


def open_files():
    return len(os.listdir("/dev/fd"))  # (1)!


def start_and_join(n):
    processes = [Process(target=nothing) for _ in range(n)]
    for p in processes:
        p.start()
    for p in processes:
        p.join()
    return processes


if __name__ == "__main__":
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)  # (2)!
    low = open_files() + 20
    resource.setrlimit(resource.RLIMIT_NOFILE, (low, hard))  # (3)!
    pipes = []
    try:
        while True:
            pipes.append(Pipe())  # (4)!
    except OSError as exc:
        print(f"{type(exc).__name__}: {exc}")
    for a, b in pipes:
        a.close()  # (5)!
        b.close()
    pipes = [Pipe() for _ in range(5)]
    print("after close(), new pipes open again:", len(pipes))
    for a, b in pipes:
        a.close()
        b.close()

    start_and_join(1)[0].close()  # (6)!
    before = open_files()
    processes = start_and_join(3)
    print("files held by 3 joined processes:", open_files() - before)  # (7)!
    for p in processes:
        p.close()  # (8)!
    print("after close():", open_files() - before)

    resource.setrlimit(resource.RLIMIT_NOFILE, (soft, hard))  # (9)!
    now = resource.getrlimit(resource.RLIMIT_NOFILE)
    print("limit restored:", now == (soft, hard))
