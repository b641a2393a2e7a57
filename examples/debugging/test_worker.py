import pytest


def square(x, results):
    results.put(x * x)


def wait_for_ever(conn):
    conn.recv()


@pytest.mark.timeout(10)
def test_square(mp):
    results = mp.Queue()
    p = mp.Process(target=square, args=(3, results))
    p.start()
    assert results.get(timeout=5) == 9
    p.join()
    assert p.exitcode == 0


@pytest.mark.timeout(10)
def test_forgets_join(mp):
    reader, writer = mp.Pipe(duplex=False)
    p = mp.Process(target=wait_for_ever, args=(reader,))
    p.start()
    assert p.is_alive()


@pytest.mark.timeout(2)
def test_hangs(mp):
    reader, writer = mp.Pipe(duplex=False)
    p = mp.Process(target=wait_for_ever, args=(reader,))
    p.start()
    p.join()
