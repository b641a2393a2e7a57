import logging
import sys
from multiprocessing import Process


def child():
    root = logging.getLogger()
    level = logging.getLevelName(root.level)
    print(f"child: root level {level}, {len(root.handlers)} handler(s)")
    logging.info("info from the child")  # (1)!
    logging.warning("warning from the child")  # (2)!


if __name__ == "__main__":
    logging.basicConfig(
        level=logging.INFO,
        format="%(levelname)s %(processName)s: %(message)s",
        stream=sys.stdout,
    )
    logging.info("info from the parent")
    p = Process(target=child, name="child")
    p.start()
    p.join()
