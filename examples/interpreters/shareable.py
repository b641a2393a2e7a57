from concurrent import interpreters

if __name__ == "__main__":
    samples = [
        None,
        True,
        42,
        2.5,
        "text",
        b"bytes",
        (1, "a", None),
        memoryview(bytearray(2)),
        interpreters.create_queue(),
        [1, 2],
        {"a": 1},
        bytearray(2),
    ]
    for obj in samples:
        name = type(obj).__name__
        print(f"{name:10} shareable: {interpreters.is_shareable(obj)}")
