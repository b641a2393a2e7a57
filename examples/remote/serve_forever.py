import os
import secrets
import signal
from multiprocessing import Process, Queue
from multiprocessing.managers import BaseManager

settings = {}


def get_settings():
    return settings


class ServerManager(BaseManager):
    pass


ServerManager.register("get_settings", callable=get_settings)


class ClientManager(BaseManager):
    pass


ClientManager.register("get_settings")


def serve(authkey, addresses):
    manager = ServerManager(address=("127.0.0.1", 0), authkey=authkey)
    server = manager.get_server()  # (1)!
    addresses.put(server.address)
    server.serve_forever()  # (2)!


if __name__ == "__main__":
    authkey = secrets.token_bytes(32)
    addresses = Queue()
    p = Process(target=serve, args=(authkey, addresses))
    p.start()
    address = addresses.get()  # (3)!

    manager = ClientManager(address=address, authkey=authkey)
    manager.connect()
    remote = manager.get_settings()
    remote.update(mode="fast", retries=3)
    print("settings on the server:", sorted(remote.items()))

    os.kill(p.pid, signal.SIGINT)  # (4)!
    p.join()
    print("server exit code:", p.exitcode)
