from multiprocessing import Lock, Process, RLock


def release(lock):
    lock.release()


if __name__ == "__main__":
    lock = Lock()
    lock.acquire()
    p = Process(target=release, args=(lock,))
    p.start()
    p.join()  # (1)!
    print("Lock:  the child released it, exit code", p.exitcode)
    print("       free again in the parent:", lock.acquire(block=False))
    lock.release()

    rlock = RLock()
    rlock.acquire()
    p = Process(target=release, args=(rlock,))
    p.start()
    p.join()  # (2)!
    print("RLock: the child's release() failed, exit code", p.exitcode)
    rlock.release()  # (3)!
