from multiprocessing import Event, Lock, Process


def hold_forever(lock, holding, never):
    lock.acquire()
    holding.set()
    never.wait()  # (1)!


if __name__ == "__main__":
    lock, holding, never = Lock(), Event(), Event()
    p = Process(target=hold_forever, args=(lock, holding, never))
    p.start()
    holding.wait()
    p.terminate()  # (2)!
    p.join()
    print("exit code:", p.exitcode)  # (3)!
    print("lock free again:", lock.acquire(timeout=1))  # (4)!
