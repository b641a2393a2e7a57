from multiprocessing.shared_memory import ShareableList

if __name__ == "__main__":
    as_bytes = ShareableList(["北京市".encode()])  # (1)!
    print(as_bytes[0].decode())
    as_bytes.shm.close()
    as_bytes.shm.unlink()

    as_str = ShareableList(["Beijing", "北京市"])  # (2)!
    try:
        print(as_str[0])
        print(as_str[1])  # (3)!
    finally:
        as_str.shm.close()
        as_str.shm.unlink()
