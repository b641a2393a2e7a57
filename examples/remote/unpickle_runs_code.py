import secrets
from multiprocessing import Process
from multiprocessing.connection import Client, Listener


class Payload:
    def __reduce__(self):  # (1)!
        return (print, ("this line was run by the server's recv()",))


def attacker(address, authkey):
    with Client(address, authkey=authkey) as conn:
        conn.send(Payload())


if __name__ == "__main__":
    authkey = secrets.token_bytes(32)
    with Listener(("127.0.0.1", 0), authkey=authkey) as listener:
        p = Process(target=attacker, args=(listener.address, authkey))
        p.start()
        with listener.accept() as conn:
            received = conn.recv()  # (2)!
        p.join()
    print("recv() returned:", received)
