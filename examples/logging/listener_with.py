import logging
import logging.handlers
import queue
import sys

if __name__ == "__main__":
    log_queue = queue.Queue()
    to_stdout = logging.StreamHandler(sys.stdout)
    listener = logging.handlers.QueueListener(log_queue, to_stdout)
    logger = logging.getLogger("demo")
    logger.addHandler(logging.handlers.QueueHandler(log_queue))
    try:
        with listener:  # (1)!
            logger.warning("logged inside the with block")
        print("after the with block: the listener has stopped")  # (2)!
    except (AttributeError, TypeError) as exc:  # (3)!
        print(f"{type(exc).__name__}: {exc}")
