from multiprocessing import Event, Lock, Process


def hold(lock, holding, done):
    with lock:
        holding.set()
        done.wait()


if __name__ == "__main__":
    lock, holding, done = Lock(), Event(), Event()
    print("nobody holds it:    locked() ->", lock.locked())
    child = Process(target=hold, args=(lock, holding, done))
    child.start()
    holding.wait()
    print("the child holds it: locked() ->", lock.locked())  # (1)!
    done.set()
    child.join()
    print("after join():       locked() ->", lock.locked())
    if lock.acquire(block=False):  # (2)!
        print("acquire(block=False) took it")
        lock.release()
