from multiprocessing.shared_memory import SharedMemory

if __name__ == "__main__":
    shm = SharedMemory(create=True, size=8)
    header = shm.buf[:4]  # (1)!
    header[:] = b"v1.0"
    try:
        shm.close()  # (2)!
    except BufferError as error:
        print("BufferError:", error)
    print(bytes(header))
    header.release()  # (3)!
    shm.close()
    shm.unlink()
    print("closed and unlinked")
