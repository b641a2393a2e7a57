import pickle
import secrets
from multiprocessing import AuthenticationError, Process, current_process
from multiprocessing.managers import SyncManager


def child(parent_key, address):
    key = current_process().authkey
    same = key == parent_key  # (1)!
    try:
        SyncManager(address=address, authkey=key).connect()  # (2)!
        result = "connected"
    except AuthenticationError as error:
        result = f"AuthenticationError: {error}"
    print(f"{current_process().name}: parent's key: {same} | {result}")


if __name__ == "__main__":
    key = bytes(current_process().authkey)  # (3)!
    with SyncManager() as manager:  # (4)!
        for name in ("inherits", "own-key"):
            p = Process(target=child, args=(key, manager.address), name=name)
            if name == "own-key":
                p.authkey = secrets.token_bytes(32)  # (5)!
            p.start()
            p.join()
    try:
        pickle.dumps(current_process().authkey)  # (6)!
    except TypeError as error:
        print("pickle.dumps(authkey):", error)
