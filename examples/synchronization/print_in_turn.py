from multiprocessing import Condition, Process, Value

SPEAKERS = 3
ROUNDS = 2


def speak(i, turn, cond):
    for r in range(1, ROUNDS + 1):
        with cond:
            cond.wait_for(lambda: turn.value == i)  # (1)!
            print(f"round {r}: speaker {i}", flush=True)  # (2)!
            turn.value = (i + 1) % SPEAKERS  # (3)!
            cond.notify_all()


if __name__ == "__main__":
    turn = Value("i", 0, lock=False)
    cond = Condition()
    speakers = [
        Process(target=speak, args=(i, turn, cond)) for i in range(SPEAKERS)
    ]
    for s in reversed(speakers):  # (4)!
        s.start()
    for s in speakers:
        s.join()
    print("all speakers are done")
