import time
from multiprocessing import Lock, Pipe, Process


def hold_until_interrupted(lock, ready):
    with lock:  # (1)!
        try:
            ready.send("holding the lock")
            time.sleep(60)
        except KeyboardInterrupt:  # (2)!
            print("child: KeyboardInterrupt, leaving the with block")


if __name__ == "__main__":
    lock = Lock()
    ready, child_end = Pipe(duplex=False)
    p = Process(target=hold_until_interrupted, args=(lock, child_end))
    p.start()
    ready.recv()
    p.interrupt()  # (3)!
    p.join()
    print("exit code:", p.exitcode)
    print("lock free again:", lock.acquire(timeout=1))
