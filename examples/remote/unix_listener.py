import os
import secrets
import socket
import tempfile
from multiprocessing import Process
from multiprocessing.connection import Client, Listener


def client(address, key):
    with Client(address, authkey=key) as conn:  # (1)!
        conn.send("ping")
        print("client got:", conn.recv())


if __name__ == "__main__":
    key = secrets.token_bytes(32)
    with tempfile.TemporaryDirectory() as private:  # (2)!
        address = os.path.join(private, "server.sock")
        listener = Listener(address, family="AF_UNIX", authkey=key)  # (3)!
        with listener:
            print("socket file exists:", os.path.exists(address))
            p = Process(target=client, args=(address, key))
            p.start()
            with listener.accept() as conn:
                print("last_accepted:", repr(listener.last_accepted))  # (4)!
                with socket.socket(fileno=os.dup(conn.fileno())) as sock:
                    print("fileno() is a socket of", sock.family.name)  # (5)!
                print("server got:", conn.recv())
                conn.send("pong")
            p.join()
        print("after close(), socket file exists:", os.path.exists(address))
