import hmac
import json
import os
import secrets
import socket
import struct
from multiprocessing import Process
from multiprocessing.connection import Listener


def send_frame(sock, data):
    sock.sendall(struct.pack("!i", len(data)) + data)


def recv_frame(sock):
    (length,) = struct.unpack("!i", sock.recv(4, socket.MSG_WAITALL))
    return sock.recv(length, socket.MSG_WAITALL)


def answer_challenge(sock, authkey):
    challenge = recv_frame(sock)[len(b"#CHALLENGE#") :]  # (1)!
    if challenge.startswith(b"{sha256}"):
        reply = b"{sha256}" + hmac.digest(authkey, challenge, "sha256")
    else:
        reply = hmac.digest(authkey, challenge, "md5")  # (2)!
    send_frame(sock, reply)
    if recv_frame(sock) != b"#WELCOME#":
        raise ConnectionError("the server rejected our key")


def deliver_challenge(sock, authkey):
    challenge = b"{sha256}" + os.urandom(40)
    send_frame(sock, b"#CHALLENGE#" + challenge)
    reply = recv_frame(sock)  # (3)!
    if reply.startswith(b"{sha256}"):
        ok = reply[8:] == hmac.digest(authkey, challenge, "sha256")
        print("peer: the server answered with HMAC-SHA256:", ok)
    else:
        ok = reply == hmac.digest(authkey, challenge, "md5")
        print("peer: the server answered with HMAC-MD5:", ok)
    send_frame(sock, b"#WELCOME#" if ok else b"#FAILURE#")


def peer(address, authkey):  # (4)!
    with socket.create_connection(address) as sock:
        answer_challenge(sock, authkey)
        deliver_challenge(sock, authkey)
        send_frame(sock, json.dumps({"numbers": [3, 1, 4]}).encode())
        print("peer got:", json.loads(recv_frame(sock)))


if __name__ == "__main__":
    authkey = secrets.token_bytes(32)
    with Listener(("127.0.0.1", 0), authkey=authkey) as listener:
        p = Process(target=peer, args=(listener.address, authkey))
        p.start()
        with listener.accept() as conn:
            request = json.loads(conn.recv_bytes())  # (5)!
            reply = {"sum": sum(request["numbers"])}
            conn.send_bytes(json.dumps(reply).encode())
        p.join()
