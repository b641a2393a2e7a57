import threading
from multiprocessing import Pipe, Process


class Squarer(Process):
    def __init__(self, numbers, conn):
        super().__init__()  # (1)!
        self.numbers = numbers
        self.conn = conn
        self.done = 0

    def run(self):  # (2)!
        for n in self.numbers:
            self.conn.send(n * n)
            self.done += 1
        self.conn.send(f"{self.name} did {self.done}")


class LockedSquarer(Squarer):
    def __init__(self, numbers, conn):
        super().__init__(numbers, conn)
        self.lock = threading.Lock()  # (3)!


if __name__ == "__main__":
    here, there = Pipe()
    worker = Squarer([1, 2, 3], there)
    worker.start()  # (4)!
    print([here.recv() for _ in range(4)])
    worker.join()
    print("done, as the parent's object sees it:", worker.done)  # (5)!

    locked = LockedSquarer([4], there)
    try:
        locked.start()  # (6)!
    except TypeError as exc:
        print("start() failed:", exc)
    else:
        print([here.recv() for _ in range(2)])
        locked.join()
