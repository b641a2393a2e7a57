import secrets
from multiprocessing import AuthenticationError, Process
from multiprocessing.connection import Client, Listener


def client(address, authkey):
    try:
        with Client(address, authkey=authkey) as conn:
            print("client:", conn.recv())
    except AuthenticationError as error:
        print("client: AuthenticationError:", error)  # (1)!


if __name__ == "__main__":
    authkey = secrets.token_bytes(32)
    with Listener(("127.0.0.1", 0), authkey=authkey) as listener:
        for key in (secrets.token_bytes(32), authkey):  # wrong, then right
            p = Process(target=client, args=(listener.address, key))
            p.start()
            try:
                conn = listener.accept()  # (2)!
            except AuthenticationError as error:
                p.join()
                print("server: AuthenticationError:", error)
                continue  # (3)!
            with conn:
                conn.send("welcome")
            p.join()
            print("server: served a client")
