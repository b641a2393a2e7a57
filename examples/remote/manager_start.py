import queue
import secrets
from multiprocessing import Process
from multiprocessing.managers import BaseManager

jobs = queue.Queue()  # (1)!


def get_jobs():
    return jobs


class ServerManager(BaseManager):
    pass


ServerManager.register("get_jobs", callable=get_jobs)  # (2)!


class ClientManager(BaseManager):
    pass


ClientManager.register("get_jobs")  # (3)!


def client(address, authkey):
    manager = ClientManager(address=address, authkey=authkey)
    manager.connect()  # (4)!
    remote_jobs = manager.get_jobs()
    for n in (3, 1, 4):
        remote_jobs.put(n * n)
    print("client: put 3 jobs")


if __name__ == "__main__":
    authkey = secrets.token_bytes(32)
    with ServerManager(
        address=("127.0.0.1", 0), authkey=authkey
    ) as manager:  # (5)!
        host, port = manager.address
        print("manager serving on", host)
        p = Process(target=client, args=(manager.address, authkey))
        p.start()
        p.join()
        local_jobs = manager.get_jobs()
        print("server side:", [local_jobs.get() for _ in range(3)])
