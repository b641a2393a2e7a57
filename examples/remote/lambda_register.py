import queue
import secrets
from multiprocessing.managers import BaseManager


class QueueManager(BaseManager):
    pass


if __name__ == "__main__":
    jobs = queue.Queue()
    QueueManager.register("get_jobs", callable=lambda: jobs)  # (1)!
    manager = QueueManager(
        address=("127.0.0.1", 0), authkey=secrets.token_bytes(32)
    )
    manager.start()  # (2)!
    manager.get_jobs().put("work")
    print("queued:", manager.get_jobs().qsize())
    manager.shutdown()
