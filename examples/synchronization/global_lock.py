from multiprocessing import Lock, Process

lock = Lock()  # (1)!


def try_module_lock():
    got = lock.acquire(timeout=0.1)
    print("module-level lock:          acquire(timeout=0.1) ->", got)


def try_passed_lock(passed):
    got = passed.acquire(timeout=0.1)
    print("lock passed as an argument: acquire(timeout=0.1) ->", got)


if __name__ == "__main__":
    lock.acquire()  # (2)!
    for target, args in ((try_module_lock, ()), (try_passed_lock, (lock,))):
        p = Process(target=target, args=args)
        p.start()
        p.join()
    lock.release()
