"""The intact-data checks go red: changed, lost, reordered or cut messages fail the run."""

from __future__ import annotations

import multiprocessing

import pytest

from benchmarks import throughput
from benchmarks.payload import FULL_CHECK_MAX, IntegrityError, Payload
from benchmarks.processes import BenchmarkError
from benchmarks.sizes import KiB, MiB
from benchmarks.transports import PipeTransport, Sender

SIZES = [64, 4 * KiB, 256 * KiB, 4 * MiB]


@pytest.mark.parametrize("size", SIZES)
def test_intact_messages_pass(size: int) -> None:
    payload = Payload(size)
    for seq in range(payload.pool_size + 1):
        message = payload.message(seq % payload.pool_size)
        payload.check(message, seq)
        payload.check_full(bytearray(message), seq)
        payload.check(memoryview(message), seq)


@pytest.mark.parametrize("size", SIZES)
def test_pool_messages_differ(size: int) -> None:
    payload = Payload(size)
    assert len(set(payload.pool())) == payload.pool_size >= 2


@pytest.mark.parametrize("size", SIZES)
def test_a_changed_byte_is_found(size: int) -> None:
    payload = Payload(size)
    message = bytearray(payload.message(0))
    message[size // 2 + 1] ^= 0xFF  # not on a stamp for the larger sizes
    with pytest.raises(IntegrityError):
        payload.check_full(message, 0)
    if size <= FULL_CHECK_MAX:
        with pytest.raises(IntegrityError):
            payload.check(message, 0)


@pytest.mark.parametrize("size", SIZES)
def test_a_lost_or_reordered_message_is_found(size: int) -> None:
    payload = Payload(size)
    with pytest.raises(IntegrityError):
        payload.check(payload.message(1), 0)  # message 0 lost, or 1 overtook it


@pytest.mark.parametrize("size", SIZES)
def test_a_cut_or_shifted_message_is_found(size: int) -> None:
    payload = Payload(size)
    message = payload.message(0)
    for wrong in (message[:-1], message + b"\0", message[1:] + b"\0", message[:1] + message[:-1]):
        with pytest.raises(IntegrityError):
            payload.check(wrong, 0)


class CorruptingPipe(PipeTransport):
    """A transport that flips one byte in the middle of every message it sends."""

    def __init__(self):
        super().__init__(duplex=True, raw_bytes=True)

    def sender(self, ends, size):
        end = ends[1]

        def send(message, seq):
            corrupted = bytearray(message)
            corrupted[size // 2 + 1] ^= 0x01
            end.send_bytes(corrupted)

        return Sender(send)


class SwappingPipe(PipeTransport):
    """A transport that delivers messages 2 and 3 in the wrong order."""

    def __init__(self):
        super().__init__(duplex=True, raw_bytes=True)

    def sender(self, ends, size):
        end, held = ends[1], []

        def send(message, seq):
            if seq == 2:
                held.append(message)
                return
            end.send_bytes(message)
            if seq == 3:
                end.send_bytes(held.pop())

        return Sender(send)


@pytest.mark.parametrize("size", [64, 256 * KiB])
@pytest.mark.parametrize(
    "transport", [CorruptingPipe(), SwappingPipe()], ids=lambda t: type(t).__name__
)
def test_a_faulty_transport_fails_the_benchmark(transport, size: int) -> None:
    default = multiprocessing.get_context(multiprocessing.get_all_start_methods()[0])
    with pytest.raises(BenchmarkError, match="IntegrityError"):
        throughput.measure(default, transport, size, 5, 0.01, timeout=30)
