import logging
import multiprocessing


class QueueThreadOnly(logging.Filter):
    def filter(self, record):
        message = record.getMessage()
        return "queue thread" in message or "sentinel" in message  # (1)!


def debug_log():
    logger = multiprocessing.get_logger()  # (2)!
    if not logger.handlers:  # (3)!
        handler = logging.StreamHandler()
        handler.setFormatter(
            logging.Formatter("[%(levelname)s/%(processName)s] %(message)s")
        )
        handler.addFilter(QueueThreadOnly())
        logger.addHandler(handler)
    logger.setLevel(logging.DEBUG)


def produce(queue, put):
    debug_log()
    queue.put(b"x" * 1_000_000)  # (4)!
    put.set()


if __name__ == "__main__":
    debug_log()
    queue = multiprocessing.Queue()
    put = multiprocessing.Event()
    p = multiprocessing.Process(target=produce, args=(queue, put))
    p.start()
    put.wait()
    p.join(timeout=1)  # (5)!
    print("after join(timeout=1): exit code", p.exitcode)
    queue.get()  # (6)!
    p.join()
    print("after get() and join(): exit code", p.exitcode)
