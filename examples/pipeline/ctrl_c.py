import os
import signal
import sys

import pipeline


def press_ctrl_c(frames, children):  # (1)!
    if frames == 20:
        for pid in [child.pid for child in children] + [os.getpid()]:
            os.kill(pid, signal.SIGINT)  # (2)!


if __name__ == "__main__":
    sys.exit(pipeline.run(on_frame=press_ctrl_c))
