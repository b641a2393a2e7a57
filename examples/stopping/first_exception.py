from concurrent.futures import FIRST_EXCEPTION, ProcessPoolExecutor, wait
from multiprocessing import Event

release = None


def init(event):
    global release
    release = event


def slow(n):
    release.wait()  # (1)!
    return n * 10


def check(n):
    raise ValueError(f"bad input {n}")


if __name__ == "__main__":
    release_event = Event()
    with ProcessPoolExecutor(
        2, initializer=init, initargs=(release_event,)
    ) as ex:
        futures = [ex.submit(slow, 1), ex.submit(check, 2)]
        futures.append(ex.submit(slow, 3))
        done, not_done = wait(futures, return_when=FIRST_EXCEPTION)  # (2)!
        print("done:", len(done), "not done:", len(not_done))
        for f in done:
            print("failed:", repr(f.exception()))  # (3)!
        release_event.set()  # (4)!
        print("the others:", [f.result() for f in futures if f in not_done])
