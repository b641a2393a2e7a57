import secrets
from multiprocessing import Process
from multiprocessing.connection import Client, Listener


def client(address, authkey):
    with Client(address, authkey=authkey) as conn:  # (1)!
        conn.send({"task": "add", "numbers": [3, 1, 4]})
        print("client got:", conn.recv())


if __name__ == "__main__":
    authkey = secrets.token_bytes(32)  # (2)!
    with Listener(("127.0.0.1", 0), authkey=authkey) as listener:  # (3)!
        host, port = listener.address  # (4)!
        print("listening on", host)
        p = Process(target=client, args=(listener.address, authkey))
        p.start()
        with listener.accept() as conn:  # (5)!
            request = conn.recv()
            print("server got:", request)
            conn.send(sum(request["numbers"]))
        p.join()
