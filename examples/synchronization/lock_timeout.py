from multiprocessing import Event, Lock, Process


def hold(lock, holding, may_release):
    with lock:
        holding.set()  # (1)!
        may_release.wait()


if __name__ == "__main__":
    lock = Lock()
    holding = Event()
    may_release = Event()
    holder = Process(target=hold, args=(lock, holding, may_release))
    holder.start()
    holding.wait()  # (2)!
    print("while held:   acquire(timeout=0.1) ->", lock.acquire(timeout=0.1))
    print("while held:   acquire(block=False) ->", lock.acquire(block=False))

    may_release.set()
    holder.join()  # (3)!
    print("after join(): acquire(timeout=5)   ->", lock.acquire(timeout=5))
    lock.release()
