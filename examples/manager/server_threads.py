import threading
from multiprocessing import Process
from multiprocessing.managers import BaseManager

CALLERS = 3


class Tally:
    def __init__(self):
        self.total = 0
        self._lock = threading.Lock()
        self._all_have_read = threading.Barrier(CALLERS)  # (1)!

    def add_unsafely(self, n):
        current = self.total
        self._all_have_read.wait()  # (2)!
        self.total = current + n

    def add_safely(self, n):
        with self._lock:  # (3)!
            self.total += n

    def get(self):
        return self.total


class TallyManager(BaseManager):
    pass


TallyManager.register("Tally", Tally)


def add_one(tally, method_name):
    getattr(tally, method_name)(1)  # (4)!


def call_concurrently(method_name):
    with TallyManager() as manager:
        tally = manager.Tally()
        callers = [
            Process(target=add_one, args=(tally, method_name))
            for _ in range(CALLERS)
        ]
        for c in callers:
            c.start()
        for c in callers:
            c.join()
        return tally.get()


if __name__ == "__main__":
    for method_name in ("add_unsafely", "add_safely"):
        total = call_concurrently(method_name)
        print(f"{CALLERS} calls of {method_name}(1) at once: total = {total}")
