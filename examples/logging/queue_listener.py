import logging
import logging.handlers
from multiprocessing import Pool, Queue


class Collect(logging.Handler):
    def __init__(self):
        super().__init__()
        self.lines = []

    def emit(self, record):
        self.lines.append(self.format(record))  # (1)!


def setup_worker(log_queue):
    root = logging.getLogger()
    root.handlers = [logging.handlers.QueueHandler(log_queue)]  # (2)!
    root.setLevel(logging.INFO)


def square(x):
    logging.getLogger("tasks").info("%d squared is %d", x, x * x)
    return x * x


if __name__ == "__main__":
    log_queue = Queue()
    collect = Collect()
    collect.setFormatter(
        logging.Formatter("%(levelname)s %(name)s: %(message)s")
    )
    listener = logging.handlers.QueueListener(log_queue, collect)  # (3)!
    listener.start()
    pool = Pool(2, initializer=setup_worker, initargs=(log_queue,))
    print("results:", pool.map(square, [3, 1, 4, 2]))
    pool.close()
    pool.join()  # (4)!
    listener.stop()  # (5)!
    print("records received:", len(collect.lines))
    for line in sorted(collect.lines):  # (6)!
        print(line)
