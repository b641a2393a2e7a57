from multiprocessing import Event, Lock, Process


def hold_until_interrupted(lock, holding, never):
    with lock:  # (1)!
        try:
            holding.set()
            never.wait()
        except KeyboardInterrupt:  # (2)!
            print("child: KeyboardInterrupt, leaving the with block")


if __name__ == "__main__":
    lock, holding, never = Lock(), Event(), Event()
    p = Process(target=hold_until_interrupted, args=(lock, holding, never))
    p.start()
    holding.wait()
    p.interrupt()  # (3)!
    p.join()
    print("exit code:", p.exitcode)
    print("lock free again:", lock.acquire(timeout=1))
